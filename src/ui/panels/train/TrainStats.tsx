import { ENGINE_PATH_LABEL } from '../../../core/training/enginePaths.ts';
import { formatCount, formatLoss, formatPercent, formatRate, formatValue } from '../../viz/format.ts';
import { useTraining } from '../../stores.ts';

/** The metric as the student reads it: accuracy as a percentage, mean absolute error as a number. */
export function formatMetric(metric: 'accuracy' | 'mae', value: number | null): string {
  if (value === null) return '–';
  return metric === 'accuracy' ? formatPercent(value) : formatValue(value);
}

/**
 * Where the run is: epoch (of how many), a progress bar for fixed-length runs, samples per second, the latest loss
 * and metric on the training and test data, and which engine path runs the network and why.
 */
export function TrainStats({ targetEpochs }: { targetEpochs: number | null }) {
  const epoch = useTraining((s) => s.epoch);
  const progress = useTraining((s) => s.epochProgress);
  const rate = useTraining((s) => s.samplesPerSecond);
  const metric = useTraining((s) => s.session?.metric ?? 'accuracy');
  const last = useTraining((s) => (s.historyVersion >= 0 ? s.history[s.history.length - 1] : undefined));
  const batch = useTraining((s) => s.batch);
  const metricLabel = metric === 'accuracy' ? 'Accuracy' : 'Mean abs. error';
  const fraction = targetEpochs === null || targetEpochs === 0 ? null : Math.min(1, (epoch + progress) / targetEpochs);
  return (
    <div className="train-stats" aria-live="off">
      <div className="train-epoch">
        <span className="train-epoch-label">Epoch</span>{' '}
        <span className="mono" data-testid="train-epoch">
          {formatCount(epoch)}
        </span>
        {targetEpochs === null ? null : <span className="mono muted"> / {formatCount(targetEpochs)}</span>}
        <span className="train-rate mono muted" data-testid="train-rate">
          {rate > 0 ? `${formatRate(rate)} samples/s` : ''}
        </span>
      </div>
      {fraction === null ? null : (
        <progress className="train-progress" max={1} value={fraction} aria-label="Training progress">
          {formatPercent(fraction)}
        </progress>
      )}
      <table className="train-metrics">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Measure</span>
            </th>
            <th scope="col">Training</th>
            <th scope="col">Test</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Loss</th>
            <td className="mono" data-testid="train-loss">
              {last !== undefined ? formatLoss(last.loss) : batch !== null ? formatLoss(batch.loss) : '–'}
            </td>
            <td className="mono" data-testid="test-loss">
              {last?.testLoss != null ? formatLoss(last.testLoss) : '–'}
            </td>
          </tr>
          <tr>
            <th scope="row">{metricLabel}</th>
            <td className="mono" data-testid="train-metric">
              {formatMetric(metric, last !== undefined ? last.metric : (batch?.metric ?? null))}
            </td>
            <td className="mono" data-testid="test-metric">
              {formatMetric(metric, last?.testMetric ?? null)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Which numeric path runs the network, and why (the engine picks it). */
export function EnginePathNote() {
  const session = useTraining((s) => s.session);
  if (session === null) return null;
  return (
    <p className="train-path muted" data-testid="engine-path">
      Runs on {ENGINE_PATH_LABEL[session.path]}. {session.pathReason}
    </p>
  );
}
