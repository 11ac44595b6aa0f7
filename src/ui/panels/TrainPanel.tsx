import { useMemo } from 'react';
import { describeDataset } from '../../core/datasets/index.ts';
import { projectMetric } from '../../core/training/metric.ts';
import type { LossName } from '../../core/training/settings.ts';
import { defaultLoss, lossAdvice } from '../../core/validation/lossAdvice.ts';
import { APP_MESSAGES, trainBlocked, trainHint } from '../../state/appMessages.ts';
import { useEditor, useStores, useTraining } from '../stores.ts';
import { TrainControls } from './train/TrainControls.tsx';
import { EnginePathNote, TrainStats } from './train/TrainStats.tsx';
import { TrainSettings } from './train/TrainSettings.tsx';
import { OutputView } from './train/OutputView.tsx';
import { useDataText } from './useDataText.ts';

/** Why Train cannot start, or null when it can. */
function useBlockedReason(): string | null {
  const errors = useEditor((s) => s.problems.filter((p) => p.severity === 'error').length);
  const text = useDataText();
  if (errors > 0) return trainBlocked(errors);
  if (!text.trainable) return `${text.title}: ${text.detail}`;
  return null;
}

/** The loss that fits the network's output for its data, and why the chosen one does not (null when it fits). */
function useLossFit(): { recommended: LossName | null; problem: string | null } {
  const graph = useEditor((s) => s.project.graph);
  const dataset = useEditor((s) => s.project.dataset);
  const loss = useEditor((s) => s.project.training.loss);
  return useMemo(() => {
    if (dataset.kind === 'none') return { recommended: null, problem: null };
    const described = describeDataset(dataset);
    if (!described.ok) return { recommended: null, problem: null };
    const data = { task: described.task, title: described.title, numClasses: described.numClasses, ...(described.targetName === undefined ? {} : { targetName: described.targetName }) };
    const advice = lossAdvice(graph, loss, data);
    return advice === null ? { recommended: defaultLoss(graph, described.task), problem: null } : { recommended: advice.suggested, problem: `${advice.message} ${advice.fix}` };
  }, [graph, dataset, loss]);
}

/** A message training stopped with: divergence (with a way back to the last good weights) or the end of a run. */
function TrainMessage() {
  const message = useTraining((s) => s.message);
  const { trainer } = useStores();
  if (message === null) return null;
  return (
    <div className={`train-message ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="train-message">
      <p>{message.text}</p>
      {message.canRestore ? (
        <button type="button" className="btn" onClick={() => void trainer.restore()}>
          Go back to the last good weights
        </button>
      ) : null}
    </div>
  );
}

/**
 * The Train tab: one obvious Train button (Pause while it runs), Step, Epoch, Reset and New weights; where the run
 * is; the message it stopped with; and how it learns (the settings).
 */
export function TrainPanel() {
  const training = useEditor((s) => s.project.training);
  const regression = useEditor((s) => projectMetric(s.project.dataset) === 'mae');
  const status = useTraining((s) => s.status);
  const text = useDataText();
  const blocked = useBlockedReason();
  const errors = useEditor((s) => s.problems.filter((p) => p.severity === 'error').length);
  const lossFit = useLossFit();
  return (
    <div className="panel-section train-panel">
      <h2 className="panel-title">Train</h2>
      {status === null ? (
        <p className="train-hint">{blocked === null ? trainHint(text.title) : errors > 0 ? APP_MESSAGES.trainFixFirst : blocked}</p>
      ) : null}
      <TrainControls disabledReason={blocked} />
      <TrainStats targetEpochs={training.runUntilStopped ? null : training.epochs} />
      <TrainMessage />
      <OutputView />
      <EnginePathNote />
      <details className="train-settings-box" open>
        <summary>Settings</summary>
        <TrainSettings recommendedLoss={lossFit.recommended} lossProblem={lossFit.problem} metricLabel={regression ? 'mean absolute error' : 'accuracy'} />
      </details>
    </div>
  );
}
