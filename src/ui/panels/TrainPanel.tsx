import { APP_MESSAGES, trainBlocked, trainHint, trainNotYet } from '../../state/appMessages.ts';
import { useEditor, useStores } from '../stores.ts';
import { useDataText } from './useDataText.ts';

/**
 * The Train tab: one obvious Train button, with Pause, Step and Reset beside it, and the data it trains on. Training
 * in the browser (a Web Worker, live pictures) is the next part of LayerLab; until it lands, Train says how to train
 * this very project with the command line, so the button never silently does nothing.
 */
export function TrainPanel() {
  const training = useEditor((s) => s.project.training);
  const untrained = useEditor((s) => s.project.weights === null);
  const errors = useEditor((s) => s.problems.filter((p) => p.severity === 'error').length);
  const { ui, editor } = useStores();
  const text = useDataText();
  const ready = errors === 0 && text.trainable;
  const train = (): void => {
    ui.getState().toast({
      tone: 'info',
      text: ready ? trainNotYet(editor.getState().project) : errors > 0 ? trainBlocked(errors) : `${text.title}: ${text.detail}`,
    });
  };
  return (
    <div className="panel-section">
      <h2 className="panel-title">Train</h2>
      <p className="train-hint">
        {ready ? trainHint(text.title) : errors > 0 ? APP_MESSAGES.trainFixFirst : text.detail}
      </p>
      <div className="train-buttons">
        <button type="button" className="btn primary" onClick={train}>
          Train
        </button>
        <button type="button" className="btn" disabled>
          Pause
        </button>
        <button type="button" className="btn" onClick={train}>
          Step
        </button>
        <button
          type="button"
          className="btn"
          disabled={untrained}
          title={untrained ? 'The network has no trained weights to reset' : 'Forget the trained weights and start from fresh ones'}
          onClick={() => {
            editor.getState().dispatch({ type: 'resetWeights' });
            ui.getState().toast({ tone: 'info', text: APP_MESSAGES.weightsReset, action: { label: 'Undo', run: () => editor.getState().undo() } });
          }}
        >
          Reset
        </button>
      </div>
      <dl className="stat-grid">
        <dt>Data</dt>
        <dd data-testid="train-dataset">{text.title}</dd>
        <dt>Optimizer</dt>
        <dd>
          {training.optimizer}, learning rate {training.learningRate}
        </dd>
        <dt>Loss</dt>
        <dd>{training.loss}</dd>
        <dt>Batch, epochs</dt>
        <dd>
          {training.batchSize}, {training.epochs}
        </dd>
      </dl>
    </div>
  );
}
