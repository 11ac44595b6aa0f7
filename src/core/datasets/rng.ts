/**
 * Seeded, machine-independent random numbers for LayerLab's core.
 *
 * Nothing in `src/core` may use `Math.random`: every random choice comes from an
 * {@link Rng} created here from a seed, so the same seed always gives the same
 * data, on every machine and in every browser.
 *
 * Algorithm
 * - The seed is normalised to an unsigned 32-bit integer (see {@link normaliseSeed}).
 * - It is expanded by splitmix32 (the 32-bit "splitmix" hash used to seed small
 *   PRNGs; constants 0x9e3779b9, 0x21f0aaad, 0x735a2d97) into the four state words
 *   of sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand).
 *   Because the seed goes through a hash first, seeds 0, 1, 2, ... give unrelated
 *   streams. The first 12 sfc32 outputs are discarded as a warm-up.
 * - Only 32-bit integer operations are used (`Math.imul`, `| 0`, `>>> 0`, shifts,
 *   xor, and additions of two 32-bit values, which are exact in doubles), so the
 *   integer stream is bit-identical everywhere.
 * - `normal()` uses Box–Muller. `Math.log/sin/cos` are "implementation-approximated"
 *   in the ECMAScript spec and may differ in the last bit between engines, so this
 *   file carries small fdlibm-derived versions ({@link portableLog},
 *   {@link portableSin}, {@link portableCos}) that use only + - * / (which IEEE 754
 *   fixes exactly) and `Math.sqrt` (correctly rounded on every engine in practice).
 */

export interface Rng {
  /** Uniform number in [0, 1) (a multiple of 2^-32). */
  next(): number;
  /** Standard normal draw (mean 0, sd 1) by Box–Muller; the second value of each pair is cached. */
  normal(): number;
  /**
   * Uniform integer in [0, maxExclusive), without modulo bias.
   * Throws a RangeError unless maxExclusive is a whole number from 1 to 2^32.
   */
  int(maxExclusive: number): number;
}

const TWO_POW_32 = 4294967296;

/**
 * Turns any number into the unsigned 32-bit integer that seeds the generator:
 * the fractional part is dropped (`Math.trunc`), then the value is wrapped modulo
 * 2^32 (`>>> 0`). So 7.9 -> 7, -1 -> 4294967295, 2^32 + 5 -> 5. Non-finite values
 * (NaN, ±Infinity) become 0.
 */
export function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  return Math.trunc(seed) >>> 0;
}

/** splitmix32: a counter passed through a 32-bit avalanche hash. Returns uint32 values. */
function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let t = state ^ (state >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

/** Creates a generator whose whole stream is fixed by `seed` (normalised with {@link normaliseSeed}). */
export function createRng(seed: number): Rng {
  const expand = splitmix32(normaliseSeed(seed));
  let a = expand() | 0;
  let b = expand() | 0;
  let c = expand() | 0;
  let d = expand() | 0; // sfc32's counter word

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };

  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / TWO_POW_32;

  let spare = 0;
  let hasSpare = false;

  return {
    next,
    normal(): number {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      const u1 = 1 - next(); // (0, 1], so the log is finite
      const u2 = next();
      const radius = Math.sqrt(-2 * portableLog(u1));
      const theta = 2 * Math.PI * u2;
      spare = radius * portableSin(theta);
      hasSpare = true;
      return radius * portableCos(theta);
    },
    int(maxExclusive: number): number {
      if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
        throw new RangeError(
          `Rng.int needs a whole number from 1 to ${TWO_POW_32} (got ${String(maxExclusive)}).`,
        );
      }
      // Reject the top (2^32 mod max) values so every result is equally likely.
      const limit = TWO_POW_32 - (TWO_POW_32 % maxExclusive);
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return x % maxExclusive;
    },
  };
}

/** Fisher–Yates shuffle (from the end down), using `rng.int`. */
export function shuffleInPlace<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
}

/**
 * A random ordering of 0..n-1. Consumes the rng exactly like
 * `shuffleInPlace([0, 1, ..., n-1], rng)` and gives the same order.
 * Throws a RangeError unless n is a whole number from 0 to 2^32 - 1.
 */
export function permutation(n: number, rng: Rng): Uint32Array {
  if (!Number.isInteger(n) || n < 0 || n >= TWO_POW_32) {
    throw new RangeError(`permutation needs a whole number from 0 to ${TWO_POW_32 - 1} (got ${String(n)}).`);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
  return order;
}

// ---------------------------------------------------------------------------
// Portable elementary functions (ported from fdlibm: e_log.c, k_sin.c, k_cos.c,
// e_rem_pio2.c). They use only IEEE-exact arithmetic, so results are identical
// on every engine; accuracy is within about 1 ulp of the true value.
// ---------------------------------------------------------------------------

const SQRT2 = 1.4142135623730951;
const SQRT1_2 = 0.7071067811865476;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, identical on every engine. NaN for x < 0 or NaN, -Infinity for 0. */
export function portableLog(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  // x = 2^k * m with sqrt(2)/2 <= m < sqrt(2); scaling by 2 is exact.
  let k = 0;
  let m = x;
  while (m >= SQRT2) {
    m *= 0.5;
    k++;
  }
  while (m < SQRT1_2) {
    m *= 2;
    k--;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;
const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417; // first 33 bits of pi/2
const PIO2_1T = 6.07710050650619224932e-11; // pi/2 - PIO2_1

/** sin on [-pi/4, pi/4] of the value x + y (y is a tiny tail). */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos on [-pi/4, pi/4] of the value x + y (y is a tiny tail). */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y));
}

/**
 * Reduces x to x - n*pi/2 = hi + lo with |hi + lo| <= ~pi/4, returning n mod 4.
 * Accurate for |x| < 2^19 (far beyond anything the datasets use); still
 * deterministic, just less accurate, beyond that.
 */
function reduceHalfPi(x: number): { quadrant: number; hi: number; lo: number } {
  const n = Math.round(x * INV_PIO2);
  const r = x - n * PIO2_1;
  const w = n * PIO2_1T;
  const hi = r - w;
  const lo = r - hi - w;
  return { quadrant: n & 3, hi, lo };
}

/** Sine, identical on every engine. */
export function portableSin(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  const { quadrant, hi, lo } = reduceHalfPi(x);
  switch (quadrant) {
    case 0:
      return kernelSin(hi, lo);
    case 1:
      return kernelCos(hi, lo);
    case 2:
      return -kernelSin(hi, lo);
    default:
      return -kernelCos(hi, lo);
  }
}

/** Cosine, identical on every engine. */
export function portableCos(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  const { quadrant, hi, lo } = reduceHalfPi(x);
  switch (quadrant) {
    case 0:
      return kernelCos(hi, lo);
    case 1:
      return -kernelSin(hi, lo);
    case 2:
      return -kernelCos(hi, lo);
    default:
      return kernelSin(hi, lo);
  }
}
