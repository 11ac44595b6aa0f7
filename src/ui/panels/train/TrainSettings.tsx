import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { LOSS_INFO, LOSSES, OPTIMIZER_INFO, OPTIMIZERS, TRAINING_LIMITS } from '../../../core/training/settings.ts';
import type { LossName, OptimizerName, TrainingSettings } from '../../../core/training/settings.ts';
import { useEditor, useStores } from '../../stores.ts';
import { LearningRateField } from './LearningRateField.tsx';

const OPTIMIZER_LABEL: { readonly [O in OptimizerName]: string } = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adam: 'Adam',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
};

const LOSS_LABEL: { readonly [L in LossName]: string } = {
  binary_crossentropy: 'Binary crossentropy',
  categorical_crossentropy: 'Categorical crossentropy',
  sparse_categorical_crossentropy: 'Sparse categorical crossentropy',
  mean_squared_error: 'Mean squared error',
};

const BATCH_SIZES = [1, 2, 4, 8, 10, 16, 32, 64, 128, 256, 512];

/** A whole number typed into a field, or null while it is not one (the field keeps what was typed). */
function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

function NumberField({
  label,
  help,
  value,
  min,
  max,
  step,
  integer,
  onCommit,
}: {
  label: string;
  help: string;
  value: number;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  onCommit(value: number): void;
}) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(value);
  const parsed = integer ? wholeNumber(shown, min, max) : Number.isFinite(Number(shown)) && Number(shown) >= min && Number(shown) <= max ? Number(shown) : null;
  const invalid = text !== null && parsed === null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        value={shown}
        aria-invalid={invalid}
        aria-describedby={`${id}-help`}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          setText(e.target.value);
          const next = integer ? wholeNumber(e.target.value, min, max) : Number(e.target.value);
          if (next !== null && Number.isFinite(next) && next >= min && next <= max) onCommit(next);
        }}
        onBlur={() => setText(null)}
      />
      <span id={`${id}-help`} className={invalid ? 'field-error' : 'help'}>
        {invalid ? `Enter ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.` : help}
      </span>
    </div>
  );
}

/**
 * How the network learns: optimizer, learning rate (applies at the next step, even while training), batch size,
 * epochs or until stopped, loss (with what fits the output), the metric, the weight penalty, the seed and the test
 * split. Every change is one undoable step and is saved with the project.
 */
export function TrainSettings({ recommendedLoss, lossProblem, metricLabel }: { recommendedLoss: LossName | null; lossProblem: string | null; metricLabel: string }) {
  const training = useEditor((s) => s.project.training);
  const { editor } = useStores();
  const optimizerId = useId();
  const lossId = useId();
  const batchId = useId();
  const untilId = useId();
  const set = (patch: Partial<TrainingSettings>, label: string): void =>
    editor.getState().dispatch({ type: 'setTraining', patch, label }, { mergeKey: `training.${label}` });
  return (
    <div className="train-settings">
      <div className="field">
        <label htmlFor={optimizerId}>Optimizer</label>
        <select className="select" id={optimizerId} value={training.optimizer} onChange={(e) => set({ optimizer: e.target.value as OptimizerName }, 'optimizer')}>
          {OPTIMIZERS.map((o) => (
            <option key={o} value={o}>
              {OPTIMIZER_LABEL[o]}
            </option>
          ))}
        </select>
        <span className="help">{OPTIMIZER_INFO[training.optimizer]}</span>
      </div>
      <LearningRateField value={training.learningRate} onChange={(learningRate) => set({ learningRate }, 'learning rate')} />
      <div className="field">
        <label htmlFor={batchId}>Batch size</label>
        <select className="select" id={batchId} value={training.batchSize} onChange={(e) => set({ batchSize: Number(e.target.value) }, 'batch size')}>
          {(BATCH_SIZES.includes(training.batchSize) ? BATCH_SIZES : [...BATCH_SIZES, training.batchSize].sort((a, b) => a - b)).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
        <span className="help">Examples per step: the weights move once per batch, by the average gradient of its examples.</span>
      </div>
      <NumberField
        label="Epochs"
        help="One epoch is one pass over every training example."
        value={training.epochs}
        min={TRAINING_LIMITS.epochs.min}
        max={TRAINING_LIMITS.epochs.max}
        step={1}
        integer
        onCommit={(epochs) => set({ epochs }, 'epochs')}
      />
      <label className="check" htmlFor={untilId}>
        <input id={untilId} type="checkbox" checked={training.runUntilStopped} onChange={(e) => set({ runUntilStopped: e.target.checked }, 'run until stopped')} />
        Keep training until I press Pause
      </label>
      <div className="field">
        <label htmlFor={lossId}>Loss</label>
        <select className="select" id={lossId} value={training.loss} aria-invalid={lossProblem !== null} onChange={(e) => set({ loss: e.target.value as LossName }, 'loss')}>
          {LOSSES.map((l) => (
            <option key={l} value={l}>
              {LOSS_LABEL[l]}
              {l === recommendedLoss ? ' (fits the output)' : ''}
            </option>
          ))}
        </select>
        <span className={lossProblem === null ? 'help' : 'field-error'} data-testid="loss-help">
          {lossProblem ?? LOSS_INFO[training.loss]}
        </span>
        {lossProblem !== null && recommendedLoss !== null ? (
          <button type="button" className="btn" onClick={() => set({ loss: recommendedLoss }, 'loss')}>
            Use {LOSS_LABEL[recommendedLoss].toLowerCase()}
          </button>
        ) : null}
      </div>
      <p className="help">
        Measured besides the loss: <strong>{metricLabel}</strong>.
      </p>
      <NumberField
        label="Weight penalty (L2)"
        help="Adds this × the sum of squared weights of every Dense layer to the loss, keeping weights small. 0 = none."
        value={training.l2}
        min={TRAINING_LIMITS.l2.min}
        max={TRAINING_LIMITS.l2.max}
        step={0.0001}
        integer={false}
        onCommit={(l2) => set({ l2 }, 'weight penalty')}
      />
      <NumberField
        label="Held out for testing (fraction)"
        help="This share of the examples is never trained on: the test loss and accuracy are measured on it."
        value={training.validationSplit}
        min={TRAINING_LIMITS.validationSplit.min}
        max={TRAINING_LIMITS.validationSplit.max}
        step={0.05}
        integer={false}
        onCommit={(validationSplit) => set({ validationSplit }, 'test split')}
      />
      <NumberField
        label="Seed"
        help="Picks the starting weights, the order of the examples and dropout: the same seed repeats a run exactly."
        value={training.seed}
        min={0}
        max={4294967295}
        step={1}
        integer
        onCommit={(seed) => set({ seed }, 'seed')}
      />
    </div>
  );
}
