import { useId } from 'react';
import { classColor } from '../../viz/colorScale.ts';

/** Which class a click on the plot adds: one radio button per class, with its colour from the plot. */
export function ClassPicker({ names, value, onChange }: { names: readonly string[]; value: number; onChange(label: number): void }) {
  const name = useId();
  return (
    <fieldset className="data-class-picker">
      <legend>Click the plot to add a point of</legend>
      {names.map((label, k) => (
        <label key={k} className="data-class-option">
          <input type="radio" name={name} value={k} checked={value === k} onChange={() => onChange(k)} />
          <span className="viz-swatch" style={{ background: classColor(k, names.length) }} aria-hidden="true" />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
