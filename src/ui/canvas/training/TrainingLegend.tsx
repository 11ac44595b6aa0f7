import { Panel } from '@xyflow/react';
import { ColorLegend } from '../../viz/ColorLegend.tsx';
import { useLive, useOutputDomain, useWeightDomain } from './useLiveDomains.ts';
import './training.css';

/**
 * The two colour scales the canvas uses while training, with their current reach: the weight lines and heatmaps, and
 * the neurons' dots and maps. Bottom left, beside the zoom controls; nothing without a session.
 */
export function TrainingLegend() {
  return useLive() ? <LegendPanel /> : null;
}

function LegendPanel() {
  const weights = useWeightDomain();
  const outputs = useOutputDomain();
  return (
    <Panel position="top-left" className="training-legend" data-testid="training-legend">
      <ColorLegend max={weights} label="weights" width={112} />
      <ColorLegend max={outputs} label="neuron outputs" width={112} />
    </Panel>
  );
}
