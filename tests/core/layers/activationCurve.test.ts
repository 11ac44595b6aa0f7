/**
 * The activation curves drawn on node cards and in lessons (activationCurve.ts) against Keras 3's definitions,
 * written out here independently (erf by its Taylor series, not by the approximation the module uses).
 */
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../../src/core/layers/index.ts';
import { ACTIVATIONS } from '../../../src/core/layers/index.ts';
import { activationCurve, activationValue } from '../../../src/core/layers/activationCurve.ts';
import { KERAS_ACTIVATIONS } from '../../support/kerasActivations.ts';

/** Keras 3's formulas; softmax as one score against a second one held at 0, as the curve draws it. */
const KERAS: { readonly [A in ActivationName]: (x: number) => number } = Object.fromEntries(
  ACTIVATIONS.map((name) => [name, (x: number) => KERAS_ACTIVATIONS[name](x, [x, 0])]),
) as { readonly [A in ActivationName]: (x: number) => number };

const POINTS = [-4, -3, -2.5, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 2.5, 3, 4];

describe('activationValue at chosen points', () => {
  it('relu(−1) = 0, relu(2) = 2', () => {
    expect(activationValue('relu', -1)).toBe(0);
    expect(activationValue('relu', 2)).toBe(2);
  });

  it('sigmoid(0) = 0.5, and sigmoid(x) + sigmoid(−x) = 1', () => {
    expect(activationValue('sigmoid', 0)).toBe(0.5);
    for (const x of POINTS) expect(activationValue('sigmoid', x) + activationValue('sigmoid', -x)).toBeCloseTo(1, 12);
  });

  it('tanh is odd, 0 at 0, and (e^x − e^−x)/(e^x + e^−x)', () => {
    expect(activationValue('tanh', 0)).toBe(0);
    expect(activationValue('tanh', 1)).toBeCloseTo((Math.E - 1 / Math.E) / (Math.E + 1 / Math.E), 12);
    for (const x of POINTS) expect(activationValue('tanh', -x)).toBeCloseTo(-activationValue('tanh', x), 12);
  });

  it('step is 1 at 0 and above, 0 below', () => {
    expect(activationValue('step', 0)).toBe(1);
    expect(activationValue('step', 1e-9)).toBe(1);
    expect(activationValue('step', -1e-9)).toBe(0);
  });

  it('hard_sigmoid is relu6(x + 3) / 6: 0 up to −3, 1 from 3, 0.5 at 0, straight in between', () => {
    expect(activationValue('hard_sigmoid', -3)).toBe(0);
    expect(activationValue('hard_sigmoid', -4)).toBe(0);
    expect(activationValue('hard_sigmoid', 3)).toBe(1);
    expect(activationValue('hard_sigmoid', 4)).toBe(1);
    expect(activationValue('hard_sigmoid', 0)).toBe(0.5);
    expect(activationValue('hard_sigmoid', 1.5)).toBeCloseTo(0.75, 12);
  });

  it('gelu(1) ≈ Φ(1) = 0.8413 (the exact erf form, Keras’s default)', () => {
    expect(Math.abs(activationValue('gelu', 1) - 0.8413447460685429)).toBeLessThan(1e-4);
    expect(Math.abs(activationValue('gelu', -1) - (1 - 0.8413447460685429) * -1)).toBeLessThan(1e-4);
    expect(activationValue('gelu', 0)).toBe(0);
  });

  it("softmax's curve is the sigmoid (one score against a second held at 0)", () => {
    for (const x of POINTS) expect(activationValue('softmax', x)).toBeCloseTo(activationValue('sigmoid', x), 14);
  });

  it('leaky_relu uses Keras’s default slope 0.2; relu6 caps at 6; softplus(0) = ln 2; elu(−∞) → −1', () => {
    expect(activationValue('leaky_relu', -1)).toBeCloseTo(-0.2, 14);
    expect(activationValue('relu6', 7)).toBe(6);
    expect(activationValue('softplus', 0)).toBeCloseTo(Math.LN2, 14);
    expect(activationValue('elu', -50)).toBeCloseTo(-1, 10);
    expect(activationValue('exponential', 1)).toBeCloseTo(Math.E, 14);
  });
});

describe('every activation against its Keras definition', () => {
  for (const name of ACTIVATIONS) {
    it(`${name}`, () => {
      for (const x of POINTS) {
        const tolerance = name === 'gelu' ? 1e-6 : 1e-12;
        const want = KERAS[name](x);
        expect(Math.abs(activationValue(name, x) - want), `${name}(${x})`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(want)));
      }
    });
  }

  it('the table above covers every activation LayerLab lists', () => {
    expect(Object.keys(KERAS).sort()).toEqual([...ACTIVATIONS].sort());
  });
});

describe('activationCurve', () => {
  it('every activation gives finite values over −4..4 (exponential too: e^4 ≈ 54.6)', () => {
    for (const name of ACTIVATIONS) {
      const curve = activationCurve(name);
      expect(curve.length).toBeGreaterThan(1);
      for (const p of curve) {
        expect(Number.isFinite(p.x)).toBe(true);
        expect(Number.isFinite(p.y), `${name}(${p.x})`).toBe(true);
      }
    }
    const exp = activationCurve('exponential');
    expect(Math.max(...exp.map((p) => p.y))).toBeCloseTo(Math.exp(4), 10);
  });

  it('samples evenly from `from` to `to`, both ends included, at f(x)', () => {
    const curve = activationCurve('tanh', -2, 3, 11);
    expect(curve).toHaveLength(11);
    expect(curve[0]?.x).toBe(-2);
    expect(curve.at(-1)?.x).toBe(3);
    for (let i = 1; i < curve.length; i += 1) expect((curve[i]?.x ?? NaN) - (curve[i - 1]?.x ?? NaN)).toBeCloseTo(0.5, 12);
    for (const p of curve) expect(p.y).toBe(activationValue('tanh', p.x));
    const byDefault = activationCurve('relu');
    expect(byDefault[0]?.x).toBe(-4);
    expect(byDefault.at(-1)?.x).toBe(4);
  });

  it('rising activations draw rising curves (no sign mistake)', () => {
    for (const name of ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'selu', 'softplus', 'softsign', 'relu6', 'leaky_relu', 'hard_sigmoid', 'exponential', 'step'] as const) {
      const ys = activationCurve(name).map((p) => p.y);
      for (let i = 1; i < ys.length; i += 1) expect(ys[i] ?? NaN, name).toBeGreaterThanOrEqual(ys[i - 1] ?? NaN);
    }
  });
});
