/** Each activation's values are Keras 3's (tests/support/kerasActivations.ts writes Keras's formulas out). */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/layers/index.ts';
import { activationKernel, reluLayerKernel } from '../../../src/engine/typed/activations.ts';
import { erf } from '../../../src/engine/typed/scalarMath.ts';
import { KERAS_ACTIVATIONS } from '../../support/kerasActivations.ts';

/** Rows of 4 values from -8 to 8, irregularly spaced so no value sits exactly on a kink. */
const ROW = 4;
const xs = Float64Array.from({ length: 400 }, (_, i) => -8 + (16 * i) / 399 + 0.0123);

describe('activation values', () => {
  for (const name of ACTIVATIONS) {
    it(`${name} matches Keras's formula`, () => {
      const y = new Float64Array(xs.length);
      activationKernel(name).forward(xs, y, xs.length / ROW, ROW);
      let worst = 0;
      for (let k = 0; k < xs.length; k += 1) {
        // The reference's erf is a Taylor series, whose terms cancel: it keeps 9 digits up to |x| = 3 and loses them all
        // beyond |x| ≈ 5 (erf itself is checked against tabulated values below).
        if (name === 'gelu' && Math.abs(xs[k] as number) > 3) continue;
        const row = Array.from(xs.subarray(k - (k % ROW), k - (k % ROW) + ROW));
        const expected = KERAS_ACTIVATIONS[name](xs[k] as number, row);
        worst = Math.max(worst, Math.abs((y[k] as number) - expected) / Math.max(Math.abs(expected), 1e-12));
      }
      // tanh uses a rational approximation (about 4× faster than Math.tanh) good to 5e-9, far below float32's 6e-8.
      const tolerance = name === 'tanh' || name === 'mish' ? 5e-9 : name === 'gelu' ? 1e-9 : 1e-12;
      expect(worst).toBeLessThan(tolerance);
    });
  }
});

describe('erf (for exact GELU)', () => {
  it('matches known values to double precision', () => {
    // erf values from any mathematical table (computed to 20 digits).
    const known: [number, number][] = [
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [1.5, 0.9661051464753108],
      [2.5, 0.9995930479825550],
      [-3, -0.9999779095030014],
    ];
    for (const [x, value] of known) expect(Math.abs(erf(x) - value)).toBeLessThan(2e-16);
  });
});

describe("the ReLU layer's parameters, as Keras 3's ReLU", () => {
  const keras = (x: number, slope: number, max: number | null, threshold: number): number => {
    // keras.activations.relu: x if x >= max … written out case by case from Keras's docstring.
    let y = x > threshold ? x : slope * (x - threshold);
    if (max !== null && y > max) y = max;
    return y;
  };
  const cases: [number, number | null, number][] = [
    [0, null, 0],
    [0.1, null, 0],
    [0, 6, 0],
    [0, 2.5, 0],
    [0, null, 0.5],
    [0.2, 3, 0.5],
  ];
  for (const [slope, max, threshold] of cases) {
    it(`negative_slope ${slope}, max_value ${String(max)}, threshold ${threshold}`, () => {
      const y = new Float64Array(xs.length);
      reluLayerKernel(slope, max, threshold).forward(xs, y, xs.length, 1);
      xs.forEach((x, k) => expect(y[k]).toBeCloseTo(keras(x, slope, max, threshold), 12));
    });
  }
});
