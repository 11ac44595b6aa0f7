import { memo, useMemo } from 'react';
import { maxAbs } from './colorDomain.ts';
import { ColorLegend } from './ColorLegend.tsx';
import { divergingTable, type VizTheme } from './colorScale.ts';
import { paintDiverging } from './gridPaint.ts';
import { useCanvasImage } from './useCanvasImage.ts';
import { useSteppedDomain } from './useSteppedDomain.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

export interface NeuronMapProps {
  /** The neuron's output over the input plane, n×n, row 0 = top (x2 max), as DecisionBoundary's grid with k = 1. */
  values: Float32Array;
  n: number;
  /**
   * The colour scale's reach. Pass one domain for every map of a layer (and show one ColorLegend with it beside
   * them) so neurons compare by colour; default: stepped from this map's own values.
   */
  domain?: number;
  /** Side in px (default 32). */
  size?: number;
  /** Show the colour legend under the map (for the inspector; node cards share one per layer). */
  legend?: boolean;
  /** What it shows, for screen readers: "output of neuron 3 of hidden". */
  label?: string;
  theme?: VizTheme;
}

/** One neuron's output over the input plane, as TensorFlow Playground shows it on each neuron: a tiny heatmap. */
export const NeuronMap = memo(function NeuronMap({ values, n, domain, size = 32, legend = false, label, theme }: NeuronMapProps) {
  const t = useVizTheme(theme);
  const cells = n * n;
  const ok = n > 0 && values.length >= cells;
  const dataMax = useMemo(() => (ok ? maxAbs(values, cells) : 0), [ok, values, cells]);
  const max = useSteppedDomain(dataMax, domain);
  const paint = useMemo(() => (ok ? (rgba: Uint8ClampedArray) => paintDiverging(values, cells, max, divergingTable(t), rgba) : null), [ok, values, cells, max, t]);
  const ref = useCanvasImage(ok ? n : 1, ok ? n : 1, paint);
  const canvas = (
    <canvas
      ref={ref}
      className="viz-neuron-map"
      width={ok ? n : 1}
      height={ok ? n : 1}
      style={{ width: size, height: size }}
      role="img"
      aria-label={label ?? 'Output of this neuron over the input plane'}
    />
  );
  if (!legend) return canvas;
  return (
    <div className="viz-plane">
      {canvas}
      <ColorLegend max={max} label="neuron output" width={Math.max(size, 96)} theme={t} />
    </div>
  );
});
