import { useDeferredValue, useMemo, useState } from 'react';
import type { ChangeEvent, DragEvent } from 'react';
import { csvDataset, inspectCsv } from '../../../core/datasets/csv.ts';
import type { CsvInspection } from '../../../core/datasets/csv.ts';
import type { CsvDatasetConfig } from '../../../core/datasets/types.ts';
import { CsvColumns } from './CsvColumns.tsx';
import type { CsvDraft } from './csvDraft.ts';
import { defaultCsvDraft, draftConfig, draftFromConfig, fileSizeProblem, looksLikeCsv } from './csvDraft.ts';
import { DatasetPicture } from './DataPreview.tsx';
import type { DataEdits } from './useDataEdits.ts';

function sameConfig(a: CsvDatasetConfig, b: CsvDatasetConfig | null): boolean {
  if (b === null) return false;
  const { text: textA, ...restA } = a;
  const { text: textB, ...restB } = b;
  return textA === textB && JSON.stringify(restA) === JSON.stringify(restB);
}

let lastInspection: { text: string; inspection: CsvInspection } | null = null;

/** inspectCsv, remembering the last file: opening the Data tab on a CSV project would otherwise read it every time. */
function inspectOnce(text: string): CsvInspection {
  if (lastInspection?.text !== text) lastInspection = { text, inspection: inspectCsv(text) };
  return lastInspection.inspection;
}

/** Reads the file the student picked or dropped, or says why it cannot. */
async function readCsvFile(file: File, seed: number): Promise<{ draft: CsvDraft } | { problem: string }> {
  const tooBig = fileSizeProblem(file.name, file.size);
  if (tooBig !== null) return { problem: tooBig };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { problem: `${file.name} could not be read. Save it again as a CSV file and try once more.` };
  }
  const inspection = inspectOnce(text);
  if (!inspection.ok) {
    const hint = looksLikeCsv(file.name) ? '' : ' LayerLab reads CSV files: a table saved as text, one row per line, values separated by commas.';
    return { problem: `${file.name} cannot be used: ${inspection.message ?? 'it is not a table.'}${hint}` };
  }
  return { draft: defaultCsvDraft(file.name, text, inspection, seed) };
}

/**
 * Upload a CSV file (a file button or a drop), pick its columns, see the data and press "Use this data". Nothing
 * reaches the project before that press, so a file with a bad value leaves the network and the data in use as they
 * were, with a message naming the line and column of every bad value.
 */
export function CsvUpload({ current, seed, split, edits }: { current: CsvDatasetConfig | null; seed: number; split: number; edits: DataEdits }) {
  const [draft, setDraft] = useState<CsvDraft | null>(() => (current ? draftFromConfig(current, inspectOnce(current.text)) : null));
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);

  const config = useMemo(() => (draft ? draftConfig(draft) : null), [draft]);
  // Building reads every row: deferred, so ticking columns of a large file stays quick.
  const deferred = useDeferredValue(config);
  const built = useMemo(() => (deferred ? csvDataset(deferred) : null), [deferred]);
  const inUse = config !== null && sameConfig(config, current);

  const open = (file: File | undefined): void => {
    if (!file) return;
    setReading(true);
    void readCsvFile(file, seed).then((read) => {
      setReading(false);
      if ('problem' in read) {
        setProblem(read.problem);
        setDraft(null);
      } else {
        setProblem(null);
        setDraft(read.draft);
      }
    });
  };
  const onPick = (e: ChangeEvent<HTMLInputElement>): void => {
    open(e.target.files?.[0]);
    // Picking the same file again (after fixing it) must read it again.
    e.target.value = '';
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    open(e.dataTransfer.files[0]);
  };

  const message = problem ?? (built && !built.ok && deferred === config ? built.message : null);
  return (
    <section className="data-csv" aria-label="Your CSV file">
      <div
        className={dragging ? 'data-drop dragging' : 'data-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="btn">
          {draft ? 'Choose another file…' : 'Choose a CSV file…'}
          <input type="file" className="visually-hidden" data-testid="csv-file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={onPick} />
        </label>
        <span className="help">or drop it here. The first line names the columns; each other line is one example.</span>
        {draft ? <span className="data-csv-file mono">{draft.fileName}</span> : null}
        {reading ? <span role="status">Reading the file…</span> : null}
      </div>
      {message !== null ? (
        <div className="data-csv-error" role="alert" data-testid="csv-error">
          {message}
        </div>
      ) : null}
      {draft ? <CsvColumns draft={draft} onChange={setDraft} /> : null}
      {built?.ok && deferred ? <DatasetPicture config={deferred} dataset={built.dataset} split={split} /> : null}
      {draft ? (
        <div className="data-row">
          <button type="button" className="btn primary" disabled={inUse || built?.ok !== true || deferred !== config} onClick={() => config && edits.setDataset(config)}>
            Use this data
          </button>
          {inUse ? <span className="help">This is the data the network learns from.</span> : null}
        </div>
      ) : null}
    </section>
  );
}
