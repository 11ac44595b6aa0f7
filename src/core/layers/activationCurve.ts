/**
 * Each activation function as plain arithmetic on one number, for drawing its curve on a node card and in lessons.
 * (Training uses the engine's tensor versions; these follow the same Keras 3 definitions.)
 */
import type { ActivationName } from './activations.ts';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const softplus = (x: number): number => (x > 30 ? x : Math.log1p(Math.exp(x)));

/** erf by Abramowitz–Stegun 7.1.26 (error below 1.5e-7): plenty for a 40-pixel curve. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return sign * y;
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/**
 * f(x) for activation `name`. Softmax acts on a whole layer, so its curve is that of one score against a second
 * score held at 0: e^x / (e^x + 1).
 */
export function activationValue(name: ActivationName, x: number): number {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return Math.max(0, x);
    case 'sigmoid':
    case 'softmax':
      return sigmoid(x);
    case 'tanh':
      return Math.tanh(x);
    case 'elu':
      return x > 0 ? x : Math.exp(x) - 1;
    case 'selu':
      return SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1));
    case 'softplus':
      return softplus(x);
    case 'softsign':
      return x / (1 + Math.abs(x));
    case 'swish':
    case 'silu':
      return x * sigmoid(x);
    case 'gelu':
      return 0.5 * x * (1 + erf(x / Math.SQRT2));
    case 'relu6':
      return Math.min(Math.max(0, x), 6);
    case 'leaky_relu':
      return x > 0 ? x : 0.2 * x;
    case 'mish':
      return x * Math.tanh(softplus(x));
    case 'hard_sigmoid':
      return Math.min(Math.max(x / 6 + 0.5, 0), 1);
    case 'exponential':
      return Math.exp(x);
    case 'step':
      return x >= 0 ? 1 : 0;
  }
}

/** Points (x, f(x)) for x from `from` to `to`, for drawing. */
export function activationCurve(name: ActivationName, from = -4, to = 4, points = 49): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < points; i += 1) {
    const x = from + ((to - from) * i) / (points - 1);
    out.push({ x, y: activationValue(name, x) });
  }
  return out;
}
