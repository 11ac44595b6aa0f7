/**
 * A student's own CSV file as training data: inspect it for the column picker, then turn the chosen columns into a
 * dataset. Parsing, separators, line numbers and limits are in csvTable.ts.
 *
 * Every bad value is reported in ONE message naming its line (the header is line 1) and column, so the student can
 * fix the file in one go rather than one error at a time.
 *
 * Normalisation statistics come from all rows (before the train/test split), as the config promises:
 * 'standardize' subtracts the mean and divides by the population standard deviation (numpy's std, ddof 0);
 * 'minmax' maps the smallest value to 0 and the largest to 1; a constant column only gets its offset removed.
 * See {@link csvFeatureScaling}, which the Python export can mirror with numpy.
 */

import { formatValue, isWholeNumberIn } from './formatValue.ts';
import {
  CSV_LIMITS,
  delimiterName,
  listProblems,
  parseCsvNumber,
  readCsvTable,
  sortClassValues,
  type CsvTable,
} from './csvTable.ts';
import { createRng, permutation } from './rng.ts';
import type { CsvDatasetConfig, CsvNormalization, CsvTask, DatasetResult } from './types.ts';

export { CSV_LIMITS } from './csvTable.ts';

export interface CsvColumnInfo {
  name: string;
  /** True when most of the column's filled-in values are numbers, so it can be a feature or a regression target. */
  numeric: boolean;
  /** How many different values the column holds (empty cells not counted). */
  distinctCount: number;
  /** Up to 20 of those values, in class order (numbers numerically, text alphabetically). */
  distinctValues: string[];
  /**
   * Rows that would stop training if the column were used as its kind suggests: for a numeric column, cells that
   * are empty or not numbers; for a text column, empty cells.
   */
  badRows: number;
}

export interface CsvInspection {
  ok: boolean;
  headers: string[];
  /** Rows of data (empty lines and the header not counted). */
  rowCount: number;
  columns: CsvColumnInfo[];
  /** The separator found: ",", ";", "\t" or "|" ("," when the file could not be read). */
  delimiter: string;
  /** Why the file cannot be used (ok false), or something worth knowing about it (ok true). */
  message?: string;
}

const TASKS: readonly CsvTask[] = ['classification', 'regression'];
const NORMALIZATIONS: readonly CsvNormalization[] = ['standardize', 'minmax', 'none'];

/** Lines whose number of cells differs from the header's (extra empty cells, e.g. trailing commas, are fine). */
function misshapenLines(table: CsvTable): number[] {
  const width = table.headers.length;
  return table.rows
    .filter((row) => row.cells.length < width || row.cells.slice(width).some((cell) => cell !== ''))
    .map((row) => row.line);
}

function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, CSV_LIMITS.listedProblems);
  const rest = lines.length - shown.length;
  const listed = shown.length === 1 ? `${shown[0]}` : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : listed;
}

function inspectColumn(table: CsvTable, column: number): CsvColumnInfo {
  const distinct = new Set<string>();
  let numbers = 0;
  let empty = 0;
  for (const row of table.rows) {
    const cell = row.cells[column] ?? '';
    if (cell === '') {
      empty++;
      continue;
    }
    distinct.add(cell);
    if (parseCsvNumber(cell, table.delimiter) !== null) numbers++;
  }
  const filled = table.rows.length - empty;
  const numeric = numbers > 0 && numbers * 2 > filled;
  return {
    name: table.headers[column] as string,
    numeric,
    distinctCount: distinct.size,
    distinctValues: sortClassValues(distinct, table.delimiter).slice(0, CSV_LIMITS.shownDistinctValues),
    badRows: numeric ? table.rows.length - numbers : empty,
  };
}

/**
 * What the column picker needs: the header, the number of rows, and per column whether it holds numbers, its
 * distinct values and how many rows would be a problem. Never throws.
 */
export function inspectCsv(text: string): CsvInspection {
  const read = readCsvTable(text);
  if (!read.ok) return { ok: false, headers: [], rowCount: 0, columns: [], delimiter: ',', message: read.message };
  const { table } = read;
  const columns = table.headers.map((_, column) => inspectColumn(table, column));
  const inspection: CsvInspection = {
    ok: true,
    headers: [...table.headers],
    rowCount: table.rows.length,
    columns,
    delimiter: table.delimiter,
  };
  const misshapen = misshapenLines(table);
  if (misshapen.length > 0) {
    const plural = misshapen.length === 1 ? 'Line' : 'Lines';
    inspection.message = `${plural} ${lineList(misshapen)} ${misshapen.length === 1 ? 'has' : 'have'} a different number of values from the header line's ${table.headers.length} (the values are separated by ${delimiterName(table.delimiter)}).`;
  }
  return inspection;
}

/** Null when the settings are usable, otherwise a plain-language message. Does not read the file. */
export function validateCsvDatasetConfig(config: CsvDatasetConfig): string | null {
  if (typeof config !== 'object' || config === null) {
    return `The dataset settings are missing (got ${formatValue(config)}).`;
  }
  const raw = config as unknown as Record<string, unknown>;
  if (raw.kind !== 'csv') return `The dataset kind must be "csv" (got ${formatValue(raw.kind)}).`;
  if (typeof raw.fileName !== 'string') return `The file name must be text (got ${formatValue(raw.fileName)}).`;
  if (typeof raw.text !== 'string') return `The CSV file's contents are missing (got ${formatValue(raw.text)}).`;
  if (raw.text.length > CSV_LIMITS.maxChars) {
    return `The CSV file is larger than ${CSV_LIMITS.maxChars / (1024 * 1024)} MB, the most LayerLab reads.`;
  }
  const features = raw.features;
  if (!Array.isArray(features) || features.some((name) => typeof name !== 'string')) {
    return `The feature columns must be a list of column names (got ${formatValue(features)}).`;
  }
  if (!isWholeNumberIn(features.length, 1, CSV_LIMITS.maxColumns)) {
    return features.length === 0
      ? 'Choose at least one feature column for the network to read.'
      : `Choose at most ${CSV_LIMITS.maxColumns} feature columns (got ${features.length}).`;
  }
  const twice = features.find((name, i) => features.indexOf(name) !== i);
  if (twice !== undefined) return `The column "${String(twice)}" is chosen twice as a feature.`;
  if (typeof raw.label !== 'string' || raw.label === '') {
    return `Choose the column the network should predict (got ${formatValue(raw.label)}).`;
  }
  if (features.includes(raw.label)) {
    return `The column "${raw.label}" cannot be both a feature and the label: the network would be shown the answer.`;
  }
  if (!(TASKS as readonly unknown[]).includes(raw.task)) {
    return `The task must be "classification" or "regression" (got ${formatValue(raw.task)}).`;
  }
  if (!(NORMALIZATIONS as readonly unknown[]).includes(raw.normalization)) {
    return `Normalisation must be "standardize", "minmax" or "none" (got ${formatValue(raw.normalization)}).`;
  }
  if (typeof raw.seed !== 'number' || !Number.isFinite(raw.seed)) {
    return `Seed must be a finite number (got ${formatValue(raw.seed)}).`;
  }
  return null;
}

/** What to subtract from and divide each feature by: scaled = (value - offset) / scale. */
export interface FeatureScaling {
  offset: number[];
  scale: number[];
}

/**
 * Per-column scaling for row-major `values` (numRows × numColumns) under a normalisation mode, from all rows.
 * A column with no spread (every value equal) gets scale 1, so it becomes 0 rather than a division by zero.
 */
export function csvFeatureScaling(
  values: Float64Array,
  numRows: number,
  numColumns: number,
  mode: CsvNormalization,
): FeatureScaling {
  const offset = new Array<number>(numColumns).fill(0);
  const scale = new Array<number>(numColumns).fill(1);
  if (mode === 'none' || numRows === 0) return { offset, scale };
  for (let c = 0; c < numColumns; c++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let sum = 0;
    for (let r = 0; r < numRows; r++) {
      const v = values[r * numColumns + c] as number;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (mode === 'minmax') {
      offset[c] = min;
      scale[c] = max > min ? max - min : 1;
      continue;
    }
    const mean = sum / numRows;
    let squares = 0;
    for (let r = 0; r < numRows; r++) {
      const d = (values[r * numColumns + c] as number) - mean;
      squares += d * d;
    }
    const sd = Math.sqrt(squares / numRows);
    offset[c] = mean;
    scale[c] = sd > 0 ? sd : 1;
  }
  return { offset, scale };
}

/** Collects problem sentences: keeps the first few, counts them all. */
class ProblemList {
  readonly shown: string[] = [];
  total = 0;

  add(sentence: string): void {
    if (this.shown.length < CSV_LIMITS.listedProblems) this.shown.push(sentence);
    this.total++;
  }
}

function columnIndex(table: CsvTable, name: string, role: string): number | string {
  const index = table.headers.indexOf(name);
  if (index >= 0) return index;
  const shown = table.headers.slice(0, 12).map((h) => `"${h}"`);
  const more = table.headers.length > shown.length ? `, and ${table.headers.length - shown.length} more` : '';
  return `The file has no column named "${name}" for the ${role}. Its columns are ${shown.join(', ')}${more}.`;
}

function badValue(line: number, column: string, cell: string): string {
  return cell === ''
    ? `Line ${line}, column "${column}": the value is missing.`
    : `Line ${line}, column "${column}": ${JSON.stringify(cell)} is not a number.`;
}

/**
 * A column without a single number is text: say so once, with what to do, instead of listing every row.
 * `role` is what the column was chosen for, with the advice that fits it.
 */
function textColumnProblem(table: CsvTable, column: number, role: 'feature' | 'target'): string | null {
  let example: string | null = null;
  for (const row of table.rows) {
    const cell = row.cells[column] ?? '';
    if (cell === '') continue;
    if (parseCsvNumber(cell, table.delimiter) !== null) return null;
    example ??= cell;
  }
  if (example === null) return null;
  const name = table.headers[column] as string;
  const holds = `The column "${name}" holds text such as ${JSON.stringify(example)}, not numbers`;
  return role === 'feature'
    ? `${holds}, so it cannot be a feature. Choose it as the label, or leave it out.`
    : `${holds}, so it cannot be a regression target. Choose the classification task to predict it as classes.`;
}

interface LabelColumn {
  labels: Int32Array;
  targets: Float32Array;
  classNames: string[];
}

function classify(table: CsvTable, column: number, labelCells: string[]): LabelColumn | string {
  const name = table.headers[column] as string;
  const classNames = sortClassValues(new Set(labelCells), table.delimiter);
  if (classNames.length > CSV_LIMITS.maxClasses) {
    return `The label column "${name}" has ${classNames.length.toLocaleString('en-US')} different values, too many classes for classification (at most ${CSV_LIMITS.maxClasses}). If it is an amount to predict, such as a price, choose the regression task instead.`;
  }
  if (classNames.length < 2) {
    return `The label column "${name}" has only one value (${JSON.stringify(classNames[0] ?? '')}), so there is nothing to tell apart. Classification needs at least 2 classes.`;
  }
  const index = new Map(classNames.map((value, k) => [value, k]));
  return {
    labels: Int32Array.from(labelCells, (cell) => index.get(cell) as number),
    targets: new Float32Array(0),
    classNames,
  };
}

/**
 * Builds a dataset from the chosen columns: features as numbers (normalised as configured), the label as classes
 * (classification) or numbers (regression), rows shuffled with the seed. Never throws: every problem comes back
 * as one plain-language message.
 */
export function csvDataset(config: CsvDatasetConfig): DatasetResult {
  const invalid = validateCsvDatasetConfig(config);
  if (invalid !== null) return { ok: false, message: invalid };
  const read = readCsvTable(config.text);
  if (!read.ok) return { ok: false, message: read.message };
  const { table } = read;

  const featureColumns: number[] = [];
  for (const name of config.features) {
    const index = columnIndex(table, name, 'features');
    if (typeof index === 'string') return { ok: false, message: index };
    featureColumns.push(index);
  }
  const labelColumn = columnIndex(table, config.label, config.task === 'regression' ? 'target' : 'label');
  if (typeof labelColumn === 'string') return { ok: false, message: labelColumn };
  const textColumns = [
    ...featureColumns.map((column) => textColumnProblem(table, column, 'feature')),
    config.task === 'regression' ? textColumnProblem(table, labelColumn, 'target') : null,
  ];
  const textColumn = textColumns.find((problem) => problem !== null);
  if (textColumn !== undefined && textColumn !== null) return { ok: false, message: textColumn };

  // Read every value, collecting every problem in file order (by line, then by column).
  const numRows = table.rows.length;
  const numFeatures = featureColumns.length;
  const values = new Float64Array(numRows * numFeatures);
  const targetValues = new Float64Array(config.task === 'regression' ? numRows : 0);
  const labelCells: string[] = [];
  const width = table.headers.length;
  const usedColumns = [...featureColumns.map((column, f) => ({ column, f })), { column: labelColumn, f: -1 }].sort(
    (a, b) => a.column - b.column,
  );
  const problems = new ProblemList();
  table.rows.forEach((row, r) => {
    if (row.cells.slice(width).some((cell) => cell !== '')) {
      problems.add(
        `Line ${row.line} has ${row.cells.length} values, but the header line names ${width} columns (a value containing ${delimiterName(table.delimiter)} needs "quotes" around it).`,
      );
      return;
    }
    for (const { column, f } of usedColumns) {
      const cell = row.cells[column] ?? '';
      const name = table.headers[column] as string;
      if (f < 0 && config.task === 'classification') {
        if (cell === '') problems.add(`Line ${row.line}, column "${name}": the label is missing.`);
        labelCells.push(cell);
        continue;
      }
      const value = parseCsvNumber(cell, table.delimiter);
      if (value === null) problems.add(badValue(row.line, name, cell));
      else if (f < 0) targetValues[r] = value;
      else values[r * numFeatures + f] = value;
    }
  });
  if (problems.total > 0) return { ok: false, message: listProblems(problems.shown, problems.total) };

  let labelData: LabelColumn;
  if (config.task === 'classification') {
    const classified = classify(table, labelColumn, labelCells);
    if (typeof classified === 'string') return { ok: false, message: classified };
    labelData = classified;
  } else {
    labelData = { labels: new Int32Array(0), targets: Float32Array.from(targetValues), classNames: [] };
  }

  const { offset, scale } = csvFeatureScaling(values, numRows, numFeatures, config.normalization);
  const order = permutation(numRows, createRng(config.seed));
  const features = new Float32Array(numRows * numFeatures);
  const labels = new Int32Array(labelData.labels.length);
  const targets = new Float32Array(labelData.targets.length);
  order.forEach((from, row) => {
    for (let f = 0; f < numFeatures; f++) {
      features[row * numFeatures + f] = ((values[from * numFeatures + f] as number) - (offset[f] as number)) / (scale[f] as number);
    }
    if (labels.length > 0) labels[row] = labelData.labels[from] as number;
    if (targets.length > 0) targets[row] = labelData.targets[from] as number;
  });

  return {
    ok: true,
    dataset: {
      name: config.fileName.trim() === '' ? 'CSV file' : config.fileName.trim(),
      task: config.task,
      numSamples: numRows,
      numFeatures,
      numClasses: labelData.classNames.length,
      features,
      labels,
      targets,
      featureNames: [...config.features],
      classNames: labelData.classNames,
      ...(config.task === 'regression' ? { targetName: config.label } : {}),
    },
  };
}
