import { useId } from 'react';

export interface SliderFieldProps {
  label: string;
  /** The value as the student reads it beside the label: "400", "0.1", "20%". */
  shown: string;
  /** The slider's own position (an index into a list of stops, or the value itself). */
  position: number;
  min: number;
  max: number;
  step?: number;
  help?: string;
  onChange(position: number): void;
  /** The drag (or the keyboard use) ended: one undo step for the whole of it. */
  onDone(): void;
}

/** A labelled slider with its value printed beside the label, for the data settings. */
export function SliderField({ label, shown, position, min, max, step = 1, help, onChange, onDone }: SliderFieldProps) {
  const id = useId();
  return (
    <div className="field data-slider">
      <div className="data-slider-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} className="mono">
          {shown}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={position}
        aria-valuetext={shown}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(Number(e.target.value))}
        onPointerUp={onDone}
        onKeyUp={onDone}
        onBlur={onDone}
      />
      {help ? (
        <span id={`${id}-help`} className="help">
          {help}
        </span>
      ) : null}
    </div>
  );
}
