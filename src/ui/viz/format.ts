/**
 * Numbers as the visualisations print them (UI-DESIGN.md): 3 significant digits for weights and activations, 4
 * decimals for loss, accuracy as a percentage with one decimal. Negative numbers use the real minus sign (U+2212),
 * which is as wide as a digit in tabular figures, so a sign change does not shift the column.
 */

export const MINUS = '\u2212';
/** A space exactly as wide as a digit in tabular figures: pads fields without collapsing like a normal space. */
export const FIGURE_SPACE = '\u2007';

function signed(text: string): string {
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

function nonFinite(v: number): string | null {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return `${MINUS}∞`;
  return null;
}

/**
 * `digits` significant digits (3 by default): 0.0123, 1.23, 123, 1230. Very small and very large magnitudes
 * (below 0.001, from a million) switch to "1.23e−5" so the field keeps its width.
 */
export function formatValue(v: number, digits = 3): string {
  const special = nonFinite(v);
  if (special !== null) return special;
  const rounded = Number(v.toPrecision(digits));
  if (rounded === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(rounded)) + 1e-12);
  if (exponent < -3 || exponent >= 6) {
    const [mantissa, power] = rounded.toExponential(digits - 1).split('e');
    return `${signed(mantissa ?? '')}e${signed(power ?? '').replace('+', '')}`;
  }
  return signed(rounded.toFixed(Math.max(0, digits - 1 - exponent)));
}

/** A loss with 4 decimals ("0.6931"); from 100,000 up in the form "1.23e5", which no loss a student watches reaches. */
export function formatLoss(v: number): string {
  const special = nonFinite(v);
  if (special !== null) return special;
  if (Math.abs(v) >= 1e5) return formatValue(v);
  const text = signed(v.toFixed(4));
  return text === `${MINUS}0.0000` ? '0.0000' : text;
}

/** A fraction 0..1 as a percentage with one decimal: 0.9731 -> "97.3%". */
export function formatPercent(fraction: number): string {
  const special = nonFinite(fraction);
  if (special !== null) return special;
  return `${signed((fraction * 100).toFixed(1))}%`;
}

/** A whole number with thousands separators ("12,345"), for counts and epochs. */
export function formatCount(n: number): string {
  const special = nonFinite(n);
  if (special !== null) return special;
  return signed(Math.round(n).toLocaleString('en-US'));
}

/** A rate such as samples per second: whole and grouped from 100 up ("12,400"), 3 significant digits below. */
export function formatRate(perSecond: number): string {
  if (Number.isFinite(perSecond) && Math.abs(perSecond) >= 100) return formatCount(perSecond);
  return formatValue(perSecond);
}

/** Left-pads with figure spaces to `width` characters, so a right-aligned number field never changes width. */
export function padStart(text: string, width: number): string {
  return text.length >= width ? text : FIGURE_SPACE.repeat(width - text.length) + text;
}

/** The widest text formatValue gives at 3 digits ("−1.23e−10" is 9): the width of a fixed field of values. */
export const VALUE_WIDTH = 9;
/** A loss field: "123.4567" and the rare "−1.23e5". */
export const LOSS_WIDTH = 9;
/** "100.0%". */
export const PERCENT_WIDTH = 6;

/** An axis tick: as short as exact ("0.2", "1000", "1e−4"), no padding zeros. */
export function formatTick(v: number): string {
  const special = nonFinite(v);
  if (special !== null) return special;
  const rounded = Number(v.toPrecision(3));
  if (rounded !== 0 && (Math.abs(rounded) < 1e-3 || Math.abs(rounded) >= 1e6)) {
    const [mantissa, power] = rounded.toExponential().split('e');
    return `${signed(mantissa ?? '')}e${signed(power ?? '').replace('+', '')}`;
  }
  return signed(String(rounded));
}
