/**
 * Every activation LayerLab offers, as Keras 3 computes it (keras/src/activations/activations.py, default arguments)
 * and as the TensorFlow.js path computes it (customActivations.ts, customLayers.ts), with its derivative.
 *
 * A kernel works on a whole layer at once (count × units values), one tight loop per function: calling a function per
 * value would cost more than the arithmetic. Derivatives follow TensorFlow's gradient definitions where a function
 * has a kink (relu's slope at 0 is 0; a clip passes the gradient on its closed interval), so both paths agree there too.
 */
import type { ActivationName } from '../../core/layers/index.ts';
import type { Buf } from './buffers.ts';
import { copyValues } from './buffers.ts';
import { fastTanh, normalCdf, normalPdf, sigmoid, softplus } from './scalarMath.ts';

export interface ActivationKernel {
  /** y = f(z) for the first count × units values. */
  forward(z: Buf, y: Buf, count: number, units: number): void;
  /** dz = dy · f'(z) (a Jacobian-vector product for softmax); z is the input, y = f(z) its output. */
  backward(z: Buf, y: Buf, dy: Buf, dz: Buf, count: number, units: number): void;
  /** f(z) = z: the layer can hand its input on without a copy. */
  readonly identity: boolean;
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
/** Keras's leaky_relu activation string uses negative_slope 0.2. */
const LEAKY_RELU_ACTIVATION_SLOPE = 0.2;

/** A kernel for f with derivative computed from (z, y): the common case, one loop each way. */
function elementwise(f: (z: number) => number, derivative: (z: number, y: number) => number): ActivationKernel {
  return {
    identity: false,
    forward(z, y, count, units) {
      const n = count * units;
      for (let k = 0; k < n; k += 1) y[k] = f(z[k] as number);
    },
    backward(z, y, dy, dz, count, units) {
      const n = count * units;
      for (let k = 0; k < n; k += 1) dz[k] = (dy[k] as number) * derivative(z[k] as number, y[k] as number);
    },
  };
}

const linear: ActivationKernel = {
  identity: true,
  forward(z, y, count, units) {
    if (y !== z) copyValues(z, y, count * units);
  },
  backward(_z, _y, dy, dz, count, units) {
    if (dz !== dy) copyValues(dy, dz, count * units);
  },
};

// tanh, sigmoid and relu are written out in full: they run on every heatmap frame and training step, and a loop with
// the arithmetic inline is about twice as fast as one calling a closure.
const tanh: ActivationKernel = {
  identity: false,
  forward(z, y, count, units) {
    const n = count * units;
    for (let k = 0; k < n; k += 1) y[k] = fastTanh(z[k] as number);
  },
  backward(_z, y, dy, dz, count, units) {
    const n = count * units;
    for (let k = 0; k < n; k += 1) {
      const t = y[k] as number;
      dz[k] = (dy[k] as number) * (1 - t * t);
    }
  },
};

const sigmoidKernel: ActivationKernel = {
  identity: false,
  forward(z, y, count, units) {
    const n = count * units;
    for (let k = 0; k < n; k += 1) y[k] = 1 / (1 + Math.exp(-(z[k] as number)));
  },
  backward(_z, y, dy, dz, count, units) {
    const n = count * units;
    for (let k = 0; k < n; k += 1) {
      const s = y[k] as number;
      dz[k] = (dy[k] as number) * s * (1 - s);
    }
  },
};

const relu: ActivationKernel = {
  identity: false,
  forward(z, y, count, units) {
    const n = count * units;
    for (let k = 0; k < n; k += 1) {
      const v = z[k] as number;
      y[k] = v > 0 ? v : 0;
    }
  },
  backward(z, _y, dy, dz, count, units) {
    const n = count * units;
    for (let k = 0; k < n; k += 1) dz[k] = (z[k] as number) > 0 ? (dy[k] as number) : 0;
  },
};

/** Softmax over each row (the last axis): e^(z - max) / Σ e^(z - max); backward is the full Jacobian-vector product. */
const softmax: ActivationKernel = {
  identity: false,
  forward(z, y, count, units) {
    for (let b = 0; b < count; b += 1) {
      const row = b * units;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < units; j += 1) max = Math.max(max, z[row + j] as number);
      let sum = 0;
      for (let j = 0; j < units; j += 1) {
        const e = Math.exp((z[row + j] as number) - max);
        y[row + j] = e;
        sum += e;
      }
      for (let j = 0; j < units; j += 1) y[row + j] = (y[row + j] as number) / sum;
    }
  },
  backward(_z, y, dy, dz, count, units) {
    for (let b = 0; b < count; b += 1) {
      const row = b * units;
      let dot = 0;
      for (let j = 0; j < units; j += 1) dot += (dy[row + j] as number) * (y[row + j] as number);
      for (let j = 0; j < units; j += 1) dz[row + j] = (y[row + j] as number) * ((dy[row + j] as number) - dot);
    }
  },
};

/** Keras's elu(x, alpha): x if x > 0 else alpha · (e^x - 1). */
export function eluKernel(alpha: number): ActivationKernel {
  return elementwise(
    (z) => (z > 0 ? z : alpha * Math.expm1(z)),
    (z) => (z > 0 ? 1 : alpha * Math.exp(z)),
  );
}

/** leaky_relu: x if x > 0 else slope · x. */
export function leakyReluKernel(slope: number): ActivationKernel {
  return elementwise(
    (z) => (z > 0 ? z : slope * z),
    (z) => (z > 0 ? 1 : slope),
  );
}

/** The perceptron's step, trained with a straight-through gradient exactly as customActivations.ts's Step. */
const step: ActivationKernel = {
  identity: false,
  forward(z, y, count, units) {
    const n = count * units;
    for (let k = 0; k < n; k += 1) y[k] = (z[k] as number) >= 0 ? 1 : 0;
  },
  backward(_z, _y, dy, dz, count, units) {
    if (dz !== dy) copyValues(dy, dz, count * units);
  },
};

const swish = elementwise(
  (z) => z * sigmoid(z),
  (z) => {
    const s = sigmoid(z);
    return s * (1 + z * (1 - s));
  },
);

const KERNELS: { readonly [A in ActivationName]: ActivationKernel } = {
  linear,
  relu,
  sigmoid: sigmoidKernel,
  tanh,
  softmax,
  elu: eluKernel(1),
  selu: elementwise(
    (z) => SELU_SCALE * (z > 0 ? z : SELU_ALPHA * Math.expm1(z)),
    (z) => SELU_SCALE * (z > 0 ? 1 : SELU_ALPHA * Math.exp(z)),
  ),
  softplus: elementwise(softplus, (z) => sigmoid(z)),
  softsign: elementwise(
    (z) => z / (1 + Math.abs(z)),
    (z) => {
      const d = 1 + Math.abs(z);
      return 1 / (d * d);
    },
  ),
  swish,
  silu: swish,
  // Exact GELU, Keras's default (approximate=False): x · Φ(x).
  gelu: elementwise(
    (z) => z * normalCdf(z),
    (z) => normalCdf(z) + z * normalPdf(z),
  ),
  // min(6, relu(x)), as tfjs computes it: slope 1 on (0, 6).
  relu6: elementwise(
    (z) => Math.min(6, z > 0 ? z : 0),
    (z) => (z > 0 && z < 6 ? 1 : 0),
  ),
  leaky_relu: leakyReluKernel(LEAKY_RELU_ACTIVATION_SLOPE),
  mish: elementwise(
    (z) => z * fastTanh(softplus(z)),
    (z) => {
      const t = fastTanh(softplus(z));
      return t + z * (1 - t * t) * sigmoid(z);
    },
  ),
  // Keras 3: relu6(x + 3) / 6 = clip(x / 6 + 0.5, 0, 1); the clip passes the gradient on its closed interval.
  hard_sigmoid: elementwise(
    (z) => Math.min(Math.max(z / 6 + 0.5, 0), 1),
    (z) => {
      const u = z / 6 + 0.5;
      return u >= 0 && u <= 1 ? 1 / 6 : 0;
    },
  ),
  exponential: elementwise(Math.exp, (_z, y) => y),
  step,
};

export function activationKernel(name: ActivationName): ActivationKernel {
  return KERNELS[name];
}

/**
 * Keras 3's ReLU layer, relu(x, negative_slope, max_value, threshold), with the same sequence of operations as
 * customLayers.ts's kerasRelu (and Keras's ReLU.static_call), so values and slopes agree at every corner:
 * base = x if x > threshold else 0 (relu, or relu6 when max_value is 6), clipped to [0, max_value], minus
 * negative_slope · relu(threshold - x).
 */
export function reluLayerKernel(negativeSlope: number, maxValue: number | null, threshold: number): ActivationKernel {
  if (negativeSlope === 0 && maxValue === null && threshold === 0) return relu;
  if (negativeSlope !== 0 && maxValue === null && threshold === 0) return leakyReluKernel(negativeSlope);
  const relu6Base = threshold === 0 && maxValue === 6;
  const clipMax = maxValue !== null && !relu6Base ? maxValue : null;
  const base = (z: number): number => {
    if (threshold !== 0) return z > threshold ? z : 0;
    if (relu6Base) return Math.min(Math.max(z, 0), 6);
    return z > 0 ? z : 0;
  };
  const baseSlope = (z: number): number => {
    if (threshold !== 0) return z > threshold ? 1 : 0;
    if (relu6Base) return z > 0 && z <= 6 ? 1 : 0;
    return z > 0 ? 1 : 0;
  };
  return elementwise(
    (z) => {
      let y = base(z);
      if (clipMax !== null) y = Math.min(Math.max(y, 0), clipMax);
      if (negativeSlope !== 0) y -= negativeSlope * Math.max(threshold - z, 0);
      return y;
    },
    (z) => {
      const b = base(z);
      let slope = baseSlope(z);
      if (clipMax !== null && !(b >= 0 && b <= clipMax)) slope = 0;
      if (negativeSlope !== 0 && threshold - z > 0) slope += negativeSlope;
      return slope;
    },
  );
}
