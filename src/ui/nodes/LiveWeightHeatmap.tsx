import { memo } from 'react';
import { useWeightDomain } from '../canvas/training/useLiveDomains.ts';
import { useTraining } from '../stores.ts';
import { WeightHeatmap } from '../viz/WeightHeatmap.tsx';

/** A Dense layer's weight matrix on its card, for layers with too many weights to draw as lines. */
export const LiveWeightHeatmap = memo(function LiveWeightHeatmap({ id, rows, cols }: { id: string; rows: number; cols: number }) {
  const kernel = useTraining((s) => s.canvas.weights?.[id]?.find((t) => t.name === 'kernel')?.values ?? null);
  const domain = useWeightDomain();
  if (kernel === null || kernel.length !== rows * cols) return <div className="live-heatmap-placeholder" />;
  return (
    <div className="live-heatmap nokey">
      <WeightHeatmap values={kernel} rows={rows} cols={cols} domain={domain} maxWidth={140} maxHeight={64} label={`Weights of ${id}`} />
    </div>
  );
});
