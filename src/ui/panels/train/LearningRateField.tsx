import { useId, useState } from 'react';
import { TRAINING_LIMITS } from '../../../core/training/settings.ts';

const LOG_MIN = Math.log10(1e-5);
const LOG_MAX = Math.log10(TRAINING_LIMITS.learningRate.max);
/** Slider steps per factor of 10: 1, 1.5, 2, 3, 5, 7 and so on, in even steps of the logarithm. */
const STEPS_PER_DECADE = 12;

/** The slider's position for a learning rate, and back (a logarithmic scale: 0.001 to 0.01 is as far as 0.1 to 1). */
export function sliderPosition(rate: number): number {
  return Math.round((Math.log10(rate) - LOG_MIN) * STEPS_PER_DECADE);
}

export function rateAt(position: number): number {
  const value = 10 ** (LOG_MIN + position / STEPS_PER_DECADE);
  return Number(value.toPrecision(2));
}

const MAX_POSITION = Math.round((LOG_MAX - LOG_MIN) * STEPS_PER_DECADE);

/** The learning rate: a logarithmic slider and a typed value, both applied at the next training step. */
export function LearningRateField({ value, onChange }: { value: number; onChange(rate: number): void }) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const typed = text === null ? value : Number(text);
  const valid = Number.isFinite(typed) && typed >= TRAINING_LIMITS.learningRate.min && typed <= TRAINING_LIMITS.learningRate.max;
  return (
    <div className="field">
      <label htmlFor={`${id}-value`}>Learning rate</label>
      <div className="rate-row">
        <input
          type="range"
          aria-label="Learning rate (slider, logarithmic)"
          aria-valuetext={String(value)}
          min={0}
          max={MAX_POSITION}
          step={1}
          value={Math.min(MAX_POSITION, Math.max(0, sliderPosition(value)))}
          onChange={(e) => {
            setText(null);
            onChange(rateAt(Number(e.target.value)));
          }}
        />
        <input
          id={`${id}-value`}
          className="input rate-value mono"
          type="text"
          inputMode="decimal"
          value={text ?? String(value)}
          aria-invalid={!valid}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            setText(e.target.value);
            const next = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(next) && next >= TRAINING_LIMITS.learningRate.min && next <= TRAINING_LIMITS.learningRate.max) onChange(next);
          }}
          onBlur={() => setText(null)}
        />
      </div>
      <span id={`${id}-help`} className={valid ? 'help' : 'field-error'}>
        {valid
          ? 'How big a step each weight takes downhill on the loss. Too small learns slowly; too big overshoots and diverges.'
          : `Enter a number from ${TRAINING_LIMITS.learningRate.min} to ${TRAINING_LIMITS.learningRate.max}.`}
      </span>
    </div>
  );
}
