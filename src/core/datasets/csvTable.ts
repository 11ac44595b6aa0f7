/**
 * Reads CSV text into a header and rows that remember their line in the file, with papaparse doing the quoting.
 *
 * - Separators: papaparse guesses among comma, semicolon, tab and bar. Its guess fails when it counts empty lines
 *   (a trailing newline is enough), so the guess is made with empty lines skipped, and the real parse keeps them
 *   so that line numbers stay right.
 * - Line endings are made "\n" first: papaparse picks one kind per file, and a file mixing them would otherwise
 *   merge lines. Each row's line number counts the line breaks inside the quoted values before it.
 * - A byte order mark is dropped; cells are trimmed; a line whose cells are all empty is skipped.
 * - An empty header cell is named "column N" (N from 1); two columns with the same name are refused, because the
 *   project picks columns by name.
 */

import Papa from 'papaparse';

export const CSV_LIMITS = Object.freeze({
  /** Longest text read: 20 MB (counted in characters, which is bytes for plain ASCII files). */
  maxChars: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 1_000,
  /** Most classes a classification label column may have. */
  maxClasses: 50,
  /** Distinct values the inspection shows per column. */
  shownDistinctValues: 20,
  /** Problems a message lists before "…and N more". */
  listedProblems: 10,
});

export interface CsvRow {
  /** 1-based line number in the file (the header is usually line 1). */
  line: number;
  /** Trimmed cells; may be shorter or longer than the header. */
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  /** The separator in use: ",", ";", "\t" or "|". */
  delimiter: string;
}

export type CsvTableResult = { ok: true; table: CsvTable } | { ok: false; message: string };

const DELIMITERS = [',', ';', '\t', '|'];

/** "semicolons" for ";": how a message names a separator. */
export function delimiterName(delimiter: string): string {
  switch (delimiter) {
    case ';':
      return 'semicolons';
    case '\t':
      return 'tabs';
    case '|':
      return 'bars (|)';
    default:
      return 'commas';
  }
}

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1);
}

function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) count++;
  }
  return count;
}

function guessDelimiter(text: string): string {
  const guess = Papa.parse<string[]>(text, { preview: 20, skipEmptyLines: 'greedy', delimitersToGuess: DELIMITERS });
  // A one-column file has no separator to find; papaparse then says so and uses a comma, which is right.
  return DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
}

function quoteProblem(error: Papa.ParseError, lineOfRow: (row: number) => number): string {
  const line = lineOfRow(error.row ?? 0);
  if (error.code === 'MissingQuotes') {
    return `Line ${line} opens a quote (") that is never closed, so the rest of the file reads as one value.`;
  }
  return `Line ${line} has a quote (") in the middle of a value: put quotes around the whole value, and write a quote inside it as "".`;
}

/** Parses the text into a header and non-empty rows. Never throws; a file it cannot use gives a message. */
export function readCsvTable(text: string): CsvTableResult {
  if (typeof text !== 'string') return { ok: false, message: 'The file has no text in it.' };
  if (text.length > CSV_LIMITS.maxChars) {
    return {
      ok: false,
      message: `The file is ${megabytes(text.length)} MB, and LayerLab reads CSV files of up to ${megabytes(CSV_LIMITS.maxChars)} MB. Keep fewer rows or columns.`,
    };
  }
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return { ok: false, message: 'The file is empty.' };

  const delimiter = guessDelimiter(clean);
  const parsed = Papa.parse<string[]>(clean, { delimiter, newline: '\n', skipEmptyLines: false });

  const lines: number[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    lines.push(line);
    line += 1 + lineBreaks(cells);
  }
  const lineOfRow = (row: number): number => lines[row] ?? line;
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError !== undefined) return { ok: false, message: quoteProblem(quoteError, lineOfRow) };

  let headers: string[] | null = null;
  let headerLine = 0;
  const rows: CsvRow[] = [];
  for (let r = 0; r < parsed.data.length; r++) {
    // Trimmed in place: papaparse's arrays are ours, and a copy per row would double the garbage on big files.
    const cells = parsed.data[r] ?? [];
    let empty = true;
    for (let c = 0; c < cells.length; c++) {
      const cell = (cells[c] as string).trim();
      cells[c] = cell;
      if (cell !== '') empty = false;
    }
    if (empty) continue;
    if (headers === null) {
      headers = cells;
      headerLine = lineOfRow(r);
      continue;
    }
    rows.push({ line: lineOfRow(r), cells });
    if (rows.length > CSV_LIMITS.maxRows) {
      return {
        ok: false,
        message: `The file has more than ${CSV_LIMITS.maxRows.toLocaleString('en-US')} rows of data, the most LayerLab trains on. Keep fewer rows.`,
      };
    }
  }
  if (headers === null) return { ok: false, message: 'The file is empty.' };
  if (headers.length > CSV_LIMITS.maxColumns) {
    return {
      ok: false,
      message: `The file has ${headers.length.toLocaleString('en-US')} columns, and LayerLab reads at most ${CSV_LIMITS.maxColumns.toLocaleString('en-US')}. Keep fewer columns.`,
    };
  }
  const names = headers.map((name, i) => (name === '' ? `column ${i + 1}` : name));
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const first = seen.get(name);
    if (first !== undefined) {
      return {
        ok: false,
        message: `Columns ${first + 1} and ${i + 1} are both named "${name}" (line ${headerLine}). Give every column its own name in the header line.`,
      };
    }
    seen.set(name, i);
  }
  if (rows.length === 0) {
    return { ok: false, message: `The file has a header line (line ${headerLine}) but no rows of data under it.` };
  }
  return { ok: true, table: { headers: names, rows, delimiter } };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * A trimmed cell as a finite number, or null. Plain decimal notation only ("1", "-2.5", ".5", "1e-3"); when the
 * file is not separated by commas, a decimal comma ("2,5", as spreadsheets write in much of Europe) is read too.
 */
export function parseCsvNumber(cell: string, delimiter: string): number | null {
  let text = cell;
  if (delimiter !== ',' && DECIMAL_COMMA.test(text)) text = text.replace(',', '.');
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Plain code-unit order, the same on every machine (no locale). */
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * Class order for label values: numerically when every value is a number ("2" before "10"), otherwise
 * alphabetically by character code, so the same file always gives the same class indices.
 */
export function sortClassValues(values: Iterable<string>, delimiter: string): string[] {
  const list = [...values];
  const keyed: Array<{ value: string; n: number }> = [];
  for (const value of list) {
    const n = parseCsvNumber(value, delimiter);
    if (n === null) return list.sort(compareText);
    keyed.push({ value, n });
  }
  return keyed.sort((a, b) => a.n - b.n || compareText(a.value, b.value)).map((entry) => entry.value);
}

/** Up to `listed` problem sentences, then "…and N more." for the rest. */
export function listProblems(problems: readonly string[], total: number): string {
  const shown = problems.slice(0, CSV_LIMITS.listedProblems).join(' ');
  const rest = total - Math.min(problems.length, CSV_LIMITS.listedProblems);
  if (total === 1) return shown;
  return `The file has ${total.toLocaleString('en-US')} problems: ${shown}${rest > 0 ? ` …and ${rest.toLocaleString('en-US')} more.` : ''}`;
}
