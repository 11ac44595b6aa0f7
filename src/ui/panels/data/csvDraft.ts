/**
 * The CSV column picker's state before the student presses "Use this data": which file, which columns are features,
 * which is the label, the task and the scaling. Pure functions, so the defaults and guesses are tested in Node.
 */
import type { CsvColumnInfo, CsvInspection } from '../../../core/datasets/csv.ts';
import { CSV_LIMITS } from '../../../core/datasets/csv.ts';
import { parseCsvNumber } from '../../../core/datasets/csvTable.ts';
import type { CsvDatasetConfig, CsvNormalization, CsvTask } from '../../../core/datasets/types.ts';

export interface CsvDraft {
  fileName: string;
  text: string;
  /** What inspectCsv found in the file (headers and, per column, numbers or text). */
  inspection: CsvInspection;
  /** Feature columns, always in the file's column order. */
  features: string[];
  label: string;
  task: CsvTask;
  normalization: CsvNormalization;
  seed: number;
}

/**
 * More distinct whole numbers than this in a numeric label make it an amount to predict (regression) rather than a
 * set of classes: 0/1, 1–5 stars or 0–9 digits stay classes, ages or prices do not.
 */
export const MAX_GUESSED_CLASSES = 10;

/**
 * Classification or regression for a label column: text labels are classes; a numeric label is a number to predict
 * when it has fractions (3.75) or many different values, and classes otherwise.
 */
export function guessTask(column: CsvColumnInfo | undefined, delimiter: string): CsvTask {
  if (column === undefined || !column.numeric) return 'classification';
  if (column.distinctCount > MAX_GUESSED_CLASSES) return 'regression';
  const fractional = column.distinctValues.some((v) => {
    const value = parseCsvNumber(v, delimiter);
    return value !== null && !Number.isInteger(value);
  });
  return fractional && column.distinctCount > 2 ? 'regression' : 'classification';
}

function column(inspection: CsvInspection, name: string): CsvColumnInfo | undefined {
  return inspection.columns.find((c) => c.name === name);
}

/** Puts names in the file's column order (the order the network's Input receives the features). */
function inFileOrder(inspection: CsvInspection, names: Iterable<string>): string[] {
  const wanted = new Set(names);
  return inspection.headers.filter((h) => wanted.has(h));
}

/** The default picks: the last column is the label, every other numeric column a feature (up to the limit). */
export function defaultCsvDraft(fileName: string, text: string, inspection: CsvInspection, seed: number): CsvDraft {
  const label = inspection.headers[inspection.headers.length - 1] ?? '';
  const features = inspection.columns
    .filter((c) => c.name !== label && c.numeric)
    .map((c) => c.name)
    .slice(0, CSV_LIMITS.maxColumns);
  return { fileName, text, inspection, features, label, task: guessTask(column(inspection, label), inspection.delimiter), normalization: 'standardize', seed };
}

/**
 * Another label column: it stops being a feature, the old label becomes a feature again when it holds numbers (it
 * was only left out for being the label), and the task is guessed afresh.
 */
export function withLabel(draft: CsvDraft, label: string): CsvDraft {
  if (label === draft.label) return draft;
  const old = column(draft.inspection, draft.label);
  const features = new Set(draft.features.filter((f) => f !== label));
  if (old?.numeric === true) features.add(old.name);
  return { ...draft, label, features: inFileOrder(draft.inspection, features), task: guessTask(column(draft.inspection, label), draft.inspection.delimiter) };
}

/** A feature column switched on or off (the label cannot be a feature). */
export function withFeature(draft: CsvDraft, name: string, on: boolean): CsvDraft {
  if (name === draft.label && on) return draft;
  const features = new Set(draft.features);
  if (on) features.add(name);
  else features.delete(name);
  return { ...draft, features: inFileOrder(draft.inspection, features) };
}

/** The project's dataset these picks make. */
export function draftConfig(draft: CsvDraft): CsvDatasetConfig {
  return {
    kind: 'csv',
    fileName: draft.fileName,
    text: draft.text,
    features: [...draft.features],
    label: draft.label,
    task: draft.task,
    normalization: draft.normalization,
    seed: draft.seed,
  };
}

/** The picker opened on the project's current CSV data, to change its columns. */
export function draftFromConfig(config: CsvDatasetConfig, inspection: CsvInspection): CsvDraft {
  return {
    fileName: config.fileName,
    text: config.text,
    inspection,
    features: [...config.features],
    label: config.label,
    task: config.task,
    normalization: config.normalization,
    seed: config.seed,
  };
}

/** A message for a file too large to read, before reading it; null when it is fine. */
export function fileSizeProblem(name: string, bytes: number): string | null {
  if (bytes <= CSV_LIMITS.maxChars) return null;
  const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${name} is ${mb(bytes)}; LayerLab reads CSV files up to ${mb(CSV_LIMITS.maxChars)}. Remove rows or columns you do not need and try again.`;
}

/** True when the file name looks like a table LayerLab reads (anything else is still tried, with a warning). */
export function looksLikeCsv(name: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(name);
}
