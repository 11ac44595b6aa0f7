import { useId } from 'react';
import type { TrainingSpeed } from '../../../worker/protocol.ts';
import { useEditor, useStores, useTraining } from '../../stores.ts';

/** Speeds a student can pick: as fast as the engine goes, or slowly enough to watch each step. */
const SPEEDS: { value: string; label: string; speed: TrainingSpeed }[] = [
  { value: 'max', label: 'Fast', speed: 'max' },
  { value: '20', label: 'Slow (20 steps/s)', speed: 20 },
  { value: '4', label: 'Very slow (4 steps/s)', speed: 4 },
];

function speedValue(speed: TrainingSpeed): string {
  return speed === 'max' ? 'max' : String(speed);
}

/**
 * Train/Pause (one big button), Step (one batch), Epoch (the rest of the epoch), Reset (the same starting weights)
 * and New weights (a new seed), with the speed. `disabledReason` is why training cannot start (errors, no data).
 */
export function TrainControls({ disabledReason }: { disabledReason: string | null }) {
  const { trainer, ui } = useStores();
  const status = useTraining((s) => s.status);
  const phase = useTraining((s) => s.phase);
  const speed = useTraining((s) => s.speed);
  const hasWeights = useEditor((s) => s.project.weights !== null);
  const trainedInSession = useTraining((s) => s.steps > 0);
  const running = status === 'running';
  const busy = phase === 'loading';
  const blocked = disabledReason !== null;
  const speedId = useId();
  return (
    <div className="train-controls">
      <div className="train-buttons">
        <button
          type="button"
          className="btn primary train-main"
          disabled={(blocked && !running) || busy}
          title={blocked && !running ? disabledReason : undefined}
          aria-keyshortcuts="Space"
          onClick={() => {
            if (running) {
              void trainer.pause();
              return;
            }
            // The curves are what a student watches while it learns.
            ui.getState().setDrawerTab('curves');
            void trainer.train();
          }}
        >
          {busy ? 'Loading…' : running ? 'Pause' : 'Train'}
        </button>
        <button type="button" className="btn" disabled={blocked || busy} title="Train on one batch, then stop" onClick={() => void trainer.step('batch')}>
          Step
        </button>
        <button type="button" className="btn" disabled={blocked || busy} title="Train to the end of the current epoch, then stop" onClick={() => void trainer.step('epoch')}>
          Epoch
        </button>
      </div>
      <div className="train-buttons secondary">
        <button
          type="button"
          className="btn"
          disabled={!hasWeights && !trainedInSession}
          title="Start again from the same starting weights (the same seed)"
          onClick={() => void trainer.reset()}
        >
          Reset
        </button>
        <button type="button" className="btn" title="Start again from new random weights (a new seed)" onClick={() => void trainer.newWeights()}>
          New weights
        </button>
        <label className="speed-field" htmlFor={speedId}>
          <span className="visually-hidden">Speed</span>
          <select className="select" id={speedId} value={speedValue(speed)} onChange={(e) => trainer.setSpeed(SPEEDS.find((s) => s.value === e.target.value)?.speed ?? 'max')}>
            {SPEEDS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
