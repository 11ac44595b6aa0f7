/**
 * The inspector's text fields as pure functions: how a parameter is shown in a field, how what the student types is
 * read back, what range and format the help line states, and how a field is labelled. No React, so every message a
 * student can see here is tested in Node (tests/ui/inspector/).
 *
 * Values outside a field's range are NOT refused here: they parse, are applied, and the core reports them as a
 * problem on the node (checkParamRanges), which the field then shows underneath. Only text that is not a value at
 * all ("abc", "1e", "28, x") is refused here, and the project keeps its last good value.
 */
import type { FloatField, IntField, ParamField, ParamValue, Regularizer } from '../../../core/layers/index.ts';

export type ParseResult = { ok: true; value: ParamValue } | { ok: false; message: string };

/** A number as the student writes it: optional sign, digits with an optional dot, optional exponent. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** 4096 → "4,096"; 0.001 → "0.001" (never rounded). */
export function formatBound(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

/** A number for a text field: as JavaScript prints it, with -0 shown as 0. */
function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

function isNumberList(value: unknown): value is readonly number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number');
}

/** The text a field shows for a project value. Null (a nullable float, an empty axis list) is the empty field. */
export function formatFieldValue(field: ParamField, value: ParamValue): string {
  switch (field.type) {
    case 'int':
    case 'float':
    case 'axis':
      return typeof value === 'number' ? formatNumber(value) : '';
    case 'shape':
    case 'axisList':
      return isNumberList(value) ? value.map(formatNumber).join(', ') : '';
    case 'bool':
      return value === true ? 'true' : 'false';
    case 'activation':
    case 'initializer':
      return typeof value === 'string' ? value : '';
    case 'regularizer':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? `l1 ${(value as Regularizer).l1}, l2 ${(value as Regularizer).l2}` : '';
  }
}

/** A value in range to use in "for example …": the layer's default when it is a number, else one that fits. */
export function numberExample(field: ParamField, defaultValue?: ParamValue): number {
  if (typeof defaultValue === 'number' && Number.isFinite(defaultValue)) return defaultValue;
  switch (field.type) {
    case 'int': {
      const upper = field.max?.value ?? Infinity;
      return Math.min(Math.max(8, field.min), upper);
    }
    case 'float':
      return floatExample(field);
    case 'axis':
      return -1;
    default:
      return 1;
  }
}

function floatExample(field: FloatField): number {
  const fits = (x: number): boolean => {
    const { min, max } = field;
    if (min !== undefined && (min.inclusive ? x < min.value : x <= min.value)) return false;
    if (max !== undefined && (max.inclusive ? x > max.value : x >= max.value)) return false;
    return true;
  };
  for (const candidate of [1, 0.5, 0.1, 0.01]) if (fits(candidate)) return candidate;
  const lo = field.min?.value ?? (field.max?.value ?? 0) - 1;
  const hi = field.max?.value ?? lo + 2;
  return (lo + hi) / 2;
}

/** Messages a field shows for text that is not a value. Exported for the tests. */
export const MESSAGES = {
  number: (example: number): string => `Enter a number, for example ${formatNumber(example)}.`,
  numberOrEmpty: (example: number): string => `Enter a number, for example ${formatNumber(example)}, or leave the field empty for none.`,
  comma: (example: number): string => `Enter the number without commas, for example ${formatNumber(example)}; use a dot for decimals, as in 0.5.`,
  tooLarge: (example: number): string => `That number is too large for LayerLab; enter a number such as ${formatNumber(example)}.`,
  shapeEmpty: (allowInferred: boolean): string =>
    `Enter at least one size, for example 2, or 28, 28 for a 28 × 28 image${allowInferred ? ' (one size may be -1)' : ''}.`,
  shapeMissing: (): string => 'A size is missing between two commas. Enter sizes separated by commas, for example 28, 28.',
  shapeNotNumber: (piece: string, allowInferred: boolean): string =>
    `${quote(piece)} is not a number. Enter sizes separated by commas, for example 28, 28${allowInferred ? ' or -1, 4' : ''}.`,
  axesMissing: (): string => 'An axis is missing between two commas. Enter axes separated by commas, for example 1, 2, or leave the field empty for none.',
  axesNotNumber: (piece: string): string =>
    `${quote(piece)} is not a number. Enter axes separated by commas, for example 1, 2, or leave the field empty for none.`,
} as const;

/** 'text', shortened so a pasted paragraph does not become the message. */
function quote(text: string): string {
  return `'${text.length > 20 ? `${text.slice(0, 20)}…` : text}'`;
}

function parseNumber(text: string, example: number, nullable: boolean): ParseResult {
  const t = text.trim();
  if (t === '') return nullable ? { ok: true, value: null } : { ok: false, message: MESSAGES.number(example) };
  if (NUMBER.test(t)) {
    const value = Number(t);
    if (!Number.isFinite(value)) return { ok: false, message: MESSAGES.tooLarge(example) };
    return { ok: true, value: Object.is(value, -0) ? 0 : value };
  }
  if (/^[+-]?[\d.,]+$/.test(t) && t.includes(',')) return { ok: false, message: MESSAGES.comma(example) };
  return { ok: false, message: nullable ? MESSAGES.numberOrEmpty(example) : MESSAGES.number(example) };
}

/**
 * "2", "28, 28", "(28, 28)", "[28, 28]", "(28,)", "28 28": the numbers of a list, or the piece that is not one.
 * An empty text is the empty list.
 */
function parseList(text: string): { ok: true; values: number[] } | { ok: false; bad: string | null } {
  let t = text.trim();
  if (t.startsWith('(') || t.startsWith('[')) t = t.slice(1);
  if (t.endsWith(')') || t.endsWith(']')) t = t.slice(0, -1);
  t = t.trim();
  if (t.endsWith(',')) t = t.slice(0, -1).trim();
  if (t === '') return { ok: true, values: [] };
  const pieces = t.split(/\s*,\s*|\s+/);
  const values: number[] = [];
  for (const piece of pieces) {
    if (piece === '') return { ok: false, bad: null };
    if (!NUMBER.test(piece)) return { ok: false, bad: piece };
    const value = Number(piece);
    if (!Number.isFinite(value)) return { ok: false, bad: piece };
    values.push(Object.is(value, -0) ? 0 : value);
  }
  return { ok: true, values };
}

/**
 * What the student typed, read as a value for `field`, or the message to show under the field. `defaultValue` (the
 * layer's default) is used in "for example …" messages when it is a number.
 */
export function parseFieldText(field: ParamField, text: string, defaultValue?: ParamValue): ParseResult {
  switch (field.type) {
    case 'int':
    case 'axis':
      return parseNumber(text, numberExample(field, defaultValue), false);
    case 'float':
      return parseNumber(text, numberExample(field, defaultValue), field.nullable === true);
    case 'shape': {
      const list = parseList(text);
      if (!list.ok) {
        return { ok: false, message: list.bad === null ? MESSAGES.shapeMissing() : MESSAGES.shapeNotNumber(list.bad, field.allowInferred) };
      }
      if (list.values.length === 0) return { ok: false, message: MESSAGES.shapeEmpty(field.allowInferred) };
      return { ok: true, value: list.values };
    }
    case 'axisList': {
      const list = parseList(text);
      if (!list.ok) return { ok: false, message: list.bad === null ? MESSAGES.axesMissing() : MESSAGES.axesNotNumber(list.bad) };
      return { ok: true, value: list.values.length === 0 ? null : list.values };
    }
    case 'bool':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false, message: 'Choose on or off.' };
    case 'activation':
    case 'initializer':
      return { ok: true, value: text };
    case 'regularizer':
      return { ok: false, message: 'Choose a weight penalty from the list.' };
  }
}

function intRange(field: IntField): string {
  return field.max === undefined ? `${formatBound(field.min)} or more` : `${formatBound(field.min)} to ${formatBound(field.max.value)}`;
}

function floatRange(field: FloatField): string | null {
  const { min, max } = field;
  let range: string | null;
  if (min !== undefined && max !== undefined) {
    const lo = min.inclusive ? formatBound(min.value) : `above ${formatBound(min.value)}`;
    const hi = max.inclusive ? formatBound(max.value) : `below ${formatBound(max.value)}`;
    range = `${lo} to ${hi}`;
  } else if (min !== undefined) {
    range = min.inclusive ? `${formatBound(min.value)} or more` : `more than ${formatBound(min.value)}`;
  } else if (max !== undefined) {
    range = max.inclusive ? `at most ${formatBound(max.value)}` : `below ${formatBound(max.value)}`;
  } else {
    range = null;
  }
  if (field.nullable !== true) return range;
  return range === null ? 'empty for none' : `${range}, or empty for none`;
}

/** The values a number field takes, as the help line states them: "1 to 4,096", "0 to below 1"; null for other fields. */
export function rangeText(field: ParamField): string | null {
  switch (field.type) {
    case 'int':
      return intRange(field);
    case 'float':
      return floatRange(field);
    default:
      return null;
  }
}

/** What the help line adds after the field's own help sentence: its range, or the format a list is typed in. */
export function fieldHint(field: ParamField): string | null {
  switch (field.type) {
    case 'int':
    case 'float': {
      const range = rangeText(field);
      return range === null ? null : `Allowed: ${range}.`;
    }
    case 'shape':
      return `Sizes separated by commas, e.g. 28, 28; at most ${field.maxRank}${field.allowInferred ? '; one may be -1' : ''}.`;
    case 'axisList':
      return 'Axes separated by commas, e.g. 1, 2; empty for none.';
    case 'axis':
      return 'A whole number other than 0 (axis 0 is the batch).';
    default:
      return null;
  }
}

export interface FieldLabel {
  /** The field's label in plain words: "weight initializer". */
  text: string;
  /** The Keras parameter name when the label says something else ("kernel_initializer"), else null. */
  keras: string | null;
  /** The label as read out (the control's accessible name): "weight initializer (kernel_initializer)". */
  full: string;
}

/** Plain words first, the Keras name second when the words differ from it (not for "use bias" / use_bias). */
export function fieldLabel(name: string, field: ParamField): FieldLabel {
  const words = field.label.replace(/\s*\([^)]*\)\s*$/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  const keras = words === name.toLowerCase() ? null : name;
  return { text: field.label, keras, full: keras === null ? field.label : `${field.label} (${keras})` };
}

/**
 * The on-screen keyboard a text field asks for: digits only where the value can be typed with digits alone;
 * "decimal" adds the dot; "text" where a minus sign or commas are needed (phone number pads have neither).
 */
export function inputModeFor(field: ParamField): 'numeric' | 'decimal' | 'text' {
  switch (field.type) {
    case 'int':
      return field.min >= 0 ? 'numeric' : 'text';
    case 'float':
      return field.min !== undefined && field.min.value >= 0 ? 'decimal' : 'text';
    default:
      return 'text';
  }
}

/** The digits after the dot in `step` (0.01 → 2). */
function decimals(step: number): number {
  const text = String(step);
  const exp = /e-(\d+)$/.exec(text);
  if (exp !== null) return Number(exp[1]);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * ArrowUp / ArrowDown in a number field: the value one step up or down from what the field holds (int and axis by 1,
 * float by its `step` or 0.1), rounded to the step's decimals; an empty nullable field starts at its example value;
 * null for other fields or text that is not a number. Axis 0 (the batch) is skipped. Bounds are not enforced, as when
 * typing: the core reports a value out of range.
 */
export function stepFieldValue(field: ParamField, text: string, direction: 1 | -1, defaultValue?: ParamValue): number | null {
  if (field.type !== 'int' && field.type !== 'float' && field.type !== 'axis') return null;
  const parsed = parseFieldText(field, text, defaultValue);
  if (!parsed.ok) return null;
  if (typeof parsed.value !== 'number') return numberExample(field, defaultValue);
  const base = parsed.value;
  const step = field.type === 'float' ? (field.step ?? 0.1) : 1;
  const next = base + direction * step;
  const places = Math.max(decimals(step), decimals(base));
  const rounded = Number(next.toFixed(Math.min(places, 12)));
  if (field.type === 'axis' && rounded === 0) return direction === 1 ? 1 : -1;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Whether two parameter values are the same (lists and penalties by content). */
export function paramEquals(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Regularizer;
    const rb = b as Regularizer;
    return ra.l1 === rb.l1 && ra.l2 === rb.l2;
  }
  return false;
}
