import { useId, useState } from 'react';

const MAX_SEED = 4294967295;

/** A seed typed in, or null while the text is not a whole number from 0 to 2³²−1. */
export function parseSeed(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value <= MAX_SEED ? value : null;
}

/**
 * The data's seed: typed (the keystrokes of one value are one undo step), or a new one with a click (a step each).
 * A bad value stays visible with the reason and changes nothing.
 */
export function SeedField({ value, help, onChange }: { value: number; help: string; onChange(seed: number, how: 'typed' | 'new'): void }) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const invalid = text !== null && parseSeed(text) === null;
  return (
    <div className="field">
      <label htmlFor={id}>Seed</label>
      <div className="data-seed-row">
        <input
          id={id}
          className="input mono"
          type="text"
          inputMode="numeric"
          value={text ?? String(value)}
          aria-invalid={invalid}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            setText(e.target.value);
            const seed = parseSeed(e.target.value);
            if (seed !== null) onChange(seed, 'typed');
          }}
          onBlur={() => setText(null)}
        />
        <button
          type="button"
          className="btn"
          onClick={() => {
            setText(null);
            // Any seed will do: the point is a different draw, and the new number is saved with the project.
            onChange(Math.floor(Math.random() * 100000), 'new');
          }}
        >
          New seed
        </button>
      </div>
      <span id={`${id}-help`} className={invalid ? 'field-error' : 'help'}>
        {invalid ? 'Enter a whole number from 0 to 4294967295.' : help}
      </span>
    </div>
  );
}
