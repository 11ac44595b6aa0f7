import { memo } from 'react';
import { formatCount, formatLoss, formatPercent, formatRate, LOSS_WIDTH, padStart, PERCENT_WIDTH } from './format.ts';
import type { MetricKind } from './LossChart.tsx';
import './viz.css';

export interface MetricReadoutProps {
  /** Epochs done (0 before training). */
  epoch: number;
  /** Training speed; omit or null when not measured yet. */
  samplesPerSecond?: number | null;
  /** The latest loss, and the latest metric (accuracy as a fraction 0..1, or the mean absolute error). */
  loss?: number | null;
  metric?: number | null;
  metricKind?: MetricKind;
}

const DASH = '—';

/**
 * The Train tab's live numbers in fixed-width fields (tabular figures, padded with figure spaces), so nothing on the
 * panel moves while they change 60 times a second.
 */
export const MetricReadout = memo(function MetricReadout({ epoch, samplesPerSecond = null, loss = null, metric = null, metricKind = 'accuracy' }: MetricReadoutProps) {
  const metricText = metric === null ? DASH : metricKind === 'accuracy' ? formatPercent(metric) : formatLoss(metric);
  return (
    <dl className="viz-metrics">
      <dt>epoch</dt>
      <dd data-testid="metric-epoch">{padStart(formatCount(epoch), 7)}</dd>
      <dt>samples/s</dt>
      <dd data-testid="metric-speed">{padStart(samplesPerSecond === null ? DASH : formatRate(samplesPerSecond), 7)}</dd>
      <dt>loss</dt>
      <dd data-testid="metric-loss">{padStart(loss === null ? DASH : formatLoss(loss), LOSS_WIDTH)}</dd>
      <dt>{metricKind === 'accuracy' ? 'accuracy' : 'mean abs. error'}</dt>
      <dd data-testid="metric-value">{padStart(metricText, metricKind === 'accuracy' ? PERCENT_WIDTH : LOSS_WIDTH)}</dd>
    </dl>
  );
});
