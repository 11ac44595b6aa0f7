/**
 * Keras 3's activation functions (keras/src/activations/activations.py, default arguments), written out in plain
 * arithmetic: the reference the engine's tensors and core's curves are both checked against.
 */
import type { ActivationName } from '../../src/core/layers/index.ts';

/** erf by its Taylor series (converges fast for |z| < 5). */
export function erf(z: number): number {
  let sum = 0;
  let term = z;
  for (let n = 0; n < 100; n += 1) {
    sum += term / (2 * n + 1);
    term *= (-z * z) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const softplus = (x: number): number => Math.log(1 + Math.exp(x));

/** Each activation at x; softmax is over the whole `row` x belongs to. */
export const KERAS_ACTIVATIONS: { readonly [A in ActivationName]: (x: number, row: readonly number[]) => number } = {
  linear: (x) => x,
  relu: (x) => Math.max(0, x),
  sigmoid,
  tanh: (x) => Math.tanh(x),
  softmax: (x, row) => Math.exp(x) / row.reduce((s, v) => s + Math.exp(v), 0),
  elu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  selu: (x) => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1)),
  softplus,
  softsign: (x) => x / (1 + Math.abs(x)),
  swish: (x) => x * sigmoid(x),
  silu: (x) => x * sigmoid(x),
  gelu: (x) => x * 0.5 * (1 + erf(x / Math.SQRT2)),
  relu6: (x) => Math.min(Math.max(0, x), 6),
  leaky_relu: (x) => (x > 0 ? x : 0.2 * x),
  mish: (x) => x * Math.tanh(softplus(x)),
  hard_sigmoid: (x) => Math.min(Math.max(x / 6 + 0.5, 0), 1),
  exponential: (x) => Math.exp(x),
  step: (x) => (x >= 0 ? 1 : 0),
};
