import { memo } from 'react';
import type { LayerKind } from '../../core/layers/index.ts';
import { liveCardContent, STRIP_GAP, vectorUnits } from '../canvas/training/cardGeometry.ts';
import { useEditor, useTraining } from '../stores.ts';
import { ActivationBar } from './ActivationBar.tsx';
import { LiveWeightHeatmap } from './LiveWeightHeatmap.tsx';
import { NeuronStrip } from './NeuronStrip.tsx';

/**
 * What a card adds while a session has numbers: a row per neuron for a small layer, the weight matrix of a wide
 * Dense, a bar of outputs for any other wide layer (cardGeometry.ts decides). Mounted only then, so without a session
 * a card subscribes to no training number at all.
 */
export const LiveLayerView = memo(function LiveLayerView({ id, kind }: { id: string; kind: LayerKind }) {
  // Plain numbers from the validation, so an edit elsewhere does not re-render this card.
  const units = useEditor((s) => {
    const info = s.validation.nodes.get(id);
    return info?.status === 'ok' ? vectorUnits(info.shape) : null;
  });
  const inputUnits = useEditor((s) => {
    const info = s.validation.nodes.get(id);
    return info?.status === 'ok' ? vectorUnits(info.inputShapes[0]) : null;
  });
  const rows = useTraining((s) => (s.canvas.grid !== null ? 'map' : 'dot'));
  const content = liveCardContent(kind, units === null ? null : [units], inputUnits);
  if (content.rows === null && content.heatmap === null && content.bar === null) return null;
  return (
    <div className="live-layer" style={{ marginTop: STRIP_GAP }}>
      {content.rows !== null ? <NeuronStrip id={id} kind={kind} units={content.rows} rows={rows} /> : null}
      {content.heatmap !== null ? <LiveWeightHeatmap id={id} rows={content.heatmap.rows} cols={content.heatmap.cols} /> : null}
      {content.bar !== null ? <ActivationBar id={id} units={content.bar} /> : null}
    </div>
  );
});
