import { useMemo, useRef } from 'react';
import { LossChart } from '../viz/LossChart.tsx';
import type { ChartSeries } from '../viz/lossChartMath.ts';
import { useEditor, useTraining } from '../stores.ts';
import { emptyCurves, epochAxisEnd, updateCurves } from './curveSeries.ts';
import type { CurveBuffers } from './curveSeries.ts';

/** The scale's two ends (colorScale.ts): training in blue, test in orange, readable in both themes. */
const TRAIN_COLOR = '#0877bd';
const TEST_COLOR = '#f59322';

/** Loss and accuracy (or mean absolute error) per epoch, on the training data (solid) and the test data (dashed). */
export function TrainingCurves() {
  const version = useTraining((s) => s.historyVersion);
  const history = useTraining((s) => s.history);
  const metric = useTraining((s) => s.session?.metric ?? 'accuracy');
  const planned = useEditor((s) => (s.project.training.runUntilStopped ? null : s.project.training.epochs));
  const buffers = useRef<CurveBuffers>(emptyCurves());
  const curves = useMemo(() => {
    void version;
    buffers.current = updateCurves(buffers.current, history);
    return buffers.current;
  }, [history, version]);
  if (history.length === 0) {
    return <p className="drawer-empty">The loss and {metric === 'accuracy' ? 'accuracy' : 'error'} curves appear here after the first epoch of training.</p>;
  }
  const { count } = curves;
  const loss: ChartSeries[] = [{ label: 'train', points: curves.curves.loss, count, color: TRAIN_COLOR }];
  const metricSeries: ChartSeries[] = [{ label: 'train', points: curves.curves.metric, count, color: TRAIN_COLOR }];
  if (curves.hasTest) {
    loss.push({ label: 'test', points: curves.curves.testLoss, count, color: TEST_COLOR, dashed: true });
    metricSeries.push({ label: 'test', points: curves.curves.testMetric, count, color: TEST_COLOR, dashed: true });
  }
  const last = history[history.length - 1];
  return (
    <div className="drawer-curves" data-testid="loss-chart" data-epochs={history.length} data-first-loss={history[0]?.loss} data-last-loss={last?.loss}>
      <LossChart loss={loss} metric={metricSeries} metricKind={metric} plotHeight={48} maxEpoch={epochAxisEnd(last?.epoch ?? 0, planned)} />
    </div>
  );
}
