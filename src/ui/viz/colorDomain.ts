/**
 * How far the diverging scale reaches (its max |value|), chosen so the legend does not jump every frame while training:
 * a nice number from the 1-2-5 series (…0.1, 0.2, 0.5, 1, 2, 5…, labels a student reads at a glance) that grows at
 * once when a value would not fit and shrinks only when the data has fallen two steps below it.
 */

/** The smallest domain ever used: below it weights and activations are zero for a student's purposes. */
export const MIN_DOMAIN = 1e-3;

/** The largest |v| of the finite values (0 when there are none). */
export function maxAbs(values: ArrayLike<number>, count = values.length): number {
  let m = 0;
  for (let i = 0; i < count; i++) {
    const a = Math.abs(values[i] ?? 0);
    if (a > m && a !== Infinity) m = a;
  }
  return m;
}

/** The smallest number of the 1-2-5 series at or above x (MIN_DOMAIN for zero, tiny or non-finite x). */
export function niceCeil(x: number): number {
  if (!(x > MIN_DOMAIN) || !Number.isFinite(x)) return MIN_DOMAIN;
  const decade = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) {
    // A hair of tolerance so 0.30000000000000004 is not pushed up to 0.5.
    const nice = Number((step * decade).toPrecision(12));
    if (x <= nice * (1 + 1e-9)) return nice;
  }
  return 10 * decade;
}

/**
 * The next frame's domain for data whose max |value| is `dataMax`, given the last frame's (`previous`; none on the
 * first frame): grows immediately, keeps still while the data stays within it, and shrinks to fit only when the data
 * needs at most a quarter of it (two steps of the series), so small wobbles never make the legend flicker.
 */
export function steppedDomain(dataMax: number, previous?: number): number {
  const fit = niceCeil(dataMax);
  if (previous === undefined || !(previous > 0)) return fit;
  if (fit > previous) return fit;
  if (fit * 4 <= previous * (1 + 1e-9)) return fit;
  return previous;
}
