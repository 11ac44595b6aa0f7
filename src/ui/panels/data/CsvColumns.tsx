import { useId } from 'react';
import type { CsvColumnInfo } from '../../../core/datasets/csv.ts';
import { delimiterName } from '../../../core/datasets/csvTable.ts';
import type { CsvNormalization, CsvTask } from '../../../core/datasets/types.ts';
import type { CsvDraft } from './csvDraft.ts';
import { guessTask, withFeature, withLabel } from './csvDraft.ts';

const NORMALIZATION_LABELS: ReadonlyArray<[CsvNormalization, string]> = [
  ['standardize', 'Standardise (mean 0, spread 1)'],
  ['minmax', 'Scale to 0–1'],
  ['none', 'None: use the numbers as they are'],
];

const TASK_LABELS: ReadonlyArray<[CsvTask, string]> = [
  ['classification', 'Classes (classification)'],
  ['regression', 'A number (regression)'],
];

function columnNote(column: CsvColumnInfo): string {
  if (!column.numeric) return 'text';
  return column.badRows > 0 ? `numbers; ${column.badRows.toLocaleString('en-US')} not` : 'numbers';
}

function FeatureList({ draft, onChange }: { draft: CsvDraft; onChange(draft: CsvDraft): void }) {
  const columns = draft.inspection.columns.filter((c) => c.name !== draft.label);
  return (
    <fieldset className="data-csv-features">
      <legend>Columns the network reads (features)</legend>
      {columns.length === 0 ? <p className="help">The file has no other column.</p> : null}
      {columns.map((column) => {
        const checked = draft.features.includes(column.name);
        return (
          <label key={column.name} className="check">
            <input
              type="checkbox"
              checked={checked}
              // A text column cannot be a feature; one that is ticked (from a saved project) can still be unticked.
              disabled={!column.numeric && !checked}
              onChange={(e) => onChange(withFeature(draft, column.name, e.target.checked))}
            />
            <span className="data-csv-name">{column.name}</span>
            <span className="help">{columnNote(column)}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** The column picker: what to predict and how, which columns the network reads, and how they are scaled. */
export function CsvColumns({ draft, onChange }: { draft: CsvDraft; onChange(draft: CsvDraft): void }) {
  const id = useId();
  const { inspection } = draft;
  const labelColumn = inspection.columns.find((c) => c.name === draft.label);
  const guessed = guessTask(labelColumn, inspection.delimiter);
  return (
    <div className="data-csv-columns">
      <p className="panel-note">
        {inspection.rowCount.toLocaleString('en-US')} rows and {inspection.headers.length} columns, separated by {delimiterName(inspection.delimiter)}.
      </p>
      <div className="field">
        <label htmlFor={`${id}-label`}>Column to predict (label)</label>
        <select id={`${id}-label`} className="select" value={draft.label} onChange={(e) => onChange(withLabel(draft, e.target.value))}>
          {inspection.headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        {labelColumn ? (
          <span className="help">
            {labelColumn.distinctCount.toLocaleString('en-US')} different values
            {labelColumn.distinctValues.length > 0 ? `, such as ${labelColumn.distinctValues.slice(0, 4).join(', ')}` : ''}.
          </span>
        ) : null}
      </div>
      <fieldset className="data-csv-task">
        <legend>The label is</legend>
        {TASK_LABELS.map(([task, text]) => (
          <label key={task} className="check">
            <input type="radio" name={`${id}-task`} value={task} checked={draft.task === task} onChange={() => onChange({ ...draft, task })} />
            {text}
            {task === guessed ? <span className="help">(looks like it)</span> : null}
          </label>
        ))}
      </fieldset>
      <FeatureList draft={draft} onChange={onChange} />
      <div className="field">
        <label htmlFor={`${id}-norm`}>Scale the features</label>
        <select
          id={`${id}-norm`}
          className="select"
          value={draft.normalization}
          aria-describedby={`${id}-norm-help`}
          onChange={(e) => onChange({ ...draft, normalization: NORMALIZATION_LABELS.find(([v]) => v === e.target.value)?.[0] ?? draft.normalization })}
        >
          {NORMALIZATION_LABELS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        <span id={`${id}-norm-help`} className="help">
          Columns measured on very different scales (metres and grams) train better scaled to the same size.
        </span>
      </div>
    </div>
  );
}
