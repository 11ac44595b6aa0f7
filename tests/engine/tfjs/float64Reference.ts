/**
 * An independent float64 implementation of one training step of Input -> Dense(tanh) -> Dense(output activation),
 * written from Keras 3's formulas (keras/src/losses/losses.py, backend/tensorflow/nn.py, optimizers/*.py) with plain
 * loops and hand-derived gradients: the yardstick the tfjs trainer's float32 numbers are held to.
 */
import type { LossName, OptimizerName } from '../../../src/core/training/settings.ts';
import type { LayerWeights } from '../../../src/engine/weights.ts';

const EPSILON = 1e-7;

export type OutputActivation = 'sigmoid' | 'softmax' | 'linear';

interface DenseParams {
  kernel: Float64Array;
  bias: Float64Array;
  fanIn: number;
  units: number;
  l1: number;
  l2: number;
}

export interface ReferenceNet {
  hidden: DenseParams;
  output: DenseParams;
  outputActivation: OutputActivation;
  loss: LossName;
  optimizer: OptimizerName;
  learningRate: number;
  /** One slot list per optimizer state kind, each with one array per weight (hidden kernel, bias, output ...). */
  slots: Float64Array[][];
  step: number;
}

function dense(weights: LayerWeights, id: string, l1: number, l2: number): DenseParams {
  const list = weights.get(id) ?? [];
  const kernel = list.find((w) => w.name === 'kernel');
  const bias = list.find((w) => w.name === 'bias');
  if (kernel === undefined || bias === undefined) throw new Error(`${id} has no kernel and bias`);
  const [fanIn = 0, units = 0] = kernel.shape;
  return { kernel: Float64Array.from(kernel.values), bias: Float64Array.from(bias.values), fanIn, units, l1, l2 };
}

export function referenceNet(
  weights: LayerWeights,
  ids: { hidden: string; output: string },
  settings: { loss: LossName; optimizer: OptimizerName; learningRate: number; outputActivation: OutputActivation },
  penalty: { hiddenL1: number; hiddenL2: number; settingsL2: number } = { hiddenL1: 0, hiddenL2: 0, settingsL2: 0 },
): ReferenceNet {
  const hidden = dense(weights, ids.hidden, penalty.hiddenL1, penalty.hiddenL2 + penalty.settingsL2);
  const output = dense(weights, ids.output, 0, penalty.settingsL2);
  const params = [hidden.kernel, hidden.bias, output.kernel, output.bias];
  const filled = (value: number): Float64Array[] => params.map((p) => new Float64Array(p.length).fill(value));
  const slots = settings.optimizer === 'adam' ? [filled(0), filled(0)] : settings.optimizer === 'adagrad' ? [filled(0.1)] : [filled(0)];
  return { hidden, output, ...settings, slots, step: 0 };
}

function forwardDense(layer: DenseParams, input: Float64Array, count: number): Float64Array {
  const out = new Float64Array(count * layer.units);
  for (let n = 0; n < count; n += 1) {
    for (let j = 0; j < layer.units; j += 1) {
      let z = layer.bias[j] ?? 0;
      for (let i = 0; i < layer.fanIn; i += 1) z += (input[n * layer.fanIn + i] ?? 0) * (layer.kernel[i * layer.units + j] ?? 0);
      out[n * layer.units + j] = z;
    }
  }
  return out;
}

function activate(z: Float64Array, kind: OutputActivation | 'tanh', units: number): Float64Array {
  const a = new Float64Array(z.length);
  for (let r = 0; r < z.length / units; r += 1) {
    const row = Array.from(z.subarray(r * units, (r + 1) * units));
    const max = Math.max(...row);
    const exps = row.map((v) => Math.exp(v - max));
    const sum = exps.reduce((s, v) => s + v, 0);
    row.forEach((v, j) => {
      const value = kind === 'tanh' ? Math.tanh(v) : kind === 'sigmoid' ? 1 / (1 + Math.exp(-v)) : kind === 'softmax' ? (exps[j] ?? 0) / sum : v;
      a[r * units + j] = value;
    });
  }
  return a;
}

const clip = (v: number): number => Math.min(Math.max(v, EPSILON), 1 - EPSILON);
/** TensorFlow's clip gradient: 1 inside [ε, 1-ε] (bounds included), 0 outside. */
const passes = (v: number): number => (v >= EPSILON && v <= 1 - EPSILON ? 1 : 0);

/** Mean loss over the batch and dLoss/dp (same layout as p). `t` is count × units (one-hot for classes). */
function lossAndGradient(loss: LossName, p: Float64Array, t: Float64Array, count: number, units: number): { loss: number; grad: Float64Array } {
  const grad = new Float64Array(p.length);
  let total = 0;
  for (let n = 0; n < count; n += 1) {
    const row = (k: number): number => n * units + k;
    if (loss === 'mean_squared_error' || loss === 'binary_crossentropy') {
      for (let k = 0; k < units; k += 1) {
        const pv = p[row(k)] ?? 0;
        const tv = t[row(k)] ?? 0;
        if (loss === 'mean_squared_error') {
          total += (tv - pv) ** 2 / units;
          grad[row(k)] = (2 * (pv - tv)) / (units * count);
        } else {
          const c = clip(pv);
          total += -(tv * Math.log(c) + (1 - tv) * Math.log(1 - c)) / units;
          grad[row(k)] = (passes(pv) * (-tv / c + (1 - tv) / (1 - c))) / (units * count);
        }
      }
    } else if (loss === 'categorical_crossentropy') {
      let s = 0;
      for (let k = 0; k < units; k += 1) s += p[row(k)] ?? 0;
      const gq: number[] = [];
      let dot = 0;
      for (let k = 0; k < units; k += 1) {
        const q = (p[row(k)] ?? 0) / s;
        const tv = t[row(k)] ?? 0;
        total += -tv * Math.log(clip(q));
        gq[k] = (passes(q) * -tv) / clip(q) / count;
        dot += (gq[k] ?? 0) * q;
      }
      for (let k = 0; k < units; k += 1) grad[row(k)] = ((gq[k] ?? 0) - dot) / s;
    } else {
      let s = 0;
      for (let k = 0; k < units; k += 1) s += clip(p[row(k)] ?? 0);
      total += Math.log(s);
      for (let k = 0; k < units; k += 1) {
        const pv = p[row(k)] ?? 0;
        const tv = t[row(k)] ?? 0;
        total -= tv * Math.log(clip(pv));
        grad[row(k)] = (passes(pv) * (1 / s - tv / clip(pv))) / count;
      }
    }
  }
  return { loss: total / count, grad };
}

/** dL/dz from dL/da for the activation (its Jacobian for softmax). */
function activationBackward(kind: OutputActivation | 'tanh', a: Float64Array, dA: Float64Array, units: number): Float64Array {
  const dZ = new Float64Array(a.length);
  for (let r = 0; r < a.length / units; r += 1) {
    let dot = 0;
    for (let j = 0; j < units; j += 1) dot += (dA[r * units + j] ?? 0) * (a[r * units + j] ?? 0);
    for (let j = 0; j < units; j += 1) {
      const i = r * units + j;
      const av = a[i] ?? 0;
      const d = dA[i] ?? 0;
      dZ[i] = kind === 'tanh' ? d * (1 - av * av) : kind === 'sigmoid' ? d * av * (1 - av) : kind === 'softmax' ? av * (d - dot) : d;
    }
  }
  return dZ;
}

/** Gradients of one Dense: dW (with penalties), db, and dL/dinput. */
function denseBackward(layer: DenseParams, input: Float64Array, dZ: Float64Array, count: number): { dW: Float64Array; dB: Float64Array; dIn: Float64Array } {
  const dW = new Float64Array(layer.kernel.length);
  const dB = new Float64Array(layer.units);
  const dIn = new Float64Array(count * layer.fanIn);
  for (let n = 0; n < count; n += 1) {
    for (let j = 0; j < layer.units; j += 1) {
      const g = dZ[n * layer.units + j] ?? 0;
      dB[j] = (dB[j] ?? 0) + g;
      for (let i = 0; i < layer.fanIn; i += 1) {
        dW[i * layer.units + j] = (dW[i * layer.units + j] ?? 0) + (input[n * layer.fanIn + i] ?? 0) * g;
        dIn[n * layer.fanIn + i] = (dIn[n * layer.fanIn + i] ?? 0) + g * (layer.kernel[i * layer.units + j] ?? 0);
      }
    }
  }
  for (let i = 0; i < dW.length; i += 1) {
    const w = layer.kernel[i] ?? 0;
    dW[i] = (dW[i] ?? 0) + layer.l1 * Math.sign(w) + 2 * layer.l2 * w;
  }
  return { dW, dB, dIn };
}

function penalty(layer: DenseParams): number {
  let sum = 0;
  for (const w of layer.kernel) sum += layer.l1 * Math.abs(w) + layer.l2 * w * w;
  return sum;
}

/** Keras's update_step for one weight array. */
function update(net: ReferenceNet, index: number, w: Float64Array, g: Float64Array): void {
  const lr = net.learningRate;
  const slot = (k: number): Float64Array => net.slots[k]?.[index] ?? new Float64Array(w.length);
  for (let i = 0; i < w.length; i += 1) {
    const gi = g[i] ?? 0;
    let wi = w[i] ?? 0;
    switch (net.optimizer) {
      case 'sgd':
        wi -= lr * gi;
        break;
      case 'momentum': {
        const m = slot(0);
        m[i] = 0.9 * (m[i] ?? 0) - lr * gi;
        wi += m[i] ?? 0;
        break;
      }
      case 'adam': {
        const m = slot(0);
        const v = slot(1);
        m[i] = (m[i] ?? 0) + (gi - (m[i] ?? 0)) * (1 - 0.9);
        v[i] = (v[i] ?? 0) + (gi * gi - (v[i] ?? 0)) * (1 - 0.999);
        // Keras computes alpha from float32 variables (lr, β powers): 1 - 0.999 in float32 is 1.3e-5 off float64's.
        const f = Math.fround;
        const alpha = f(f(f(lr) * f(Math.sqrt(f(1 - f(f(0.999) ** net.step))))) / f(1 - f(f(0.9) ** net.step)));
        wi -= (alpha * (m[i] ?? 0)) / (Math.sqrt(v[i] ?? 0) + 1e-7);
        break;
      }
      case 'rmsprop': {
        const v = slot(0);
        v[i] = 0.9 * (v[i] ?? 0) + (1 - 0.9) * gi * gi;
        wi -= (lr * gi) / Math.sqrt((v[i] ?? 0) + 1e-7);
        break;
      }
      case 'adagrad': {
        const a = slot(0);
        a[i] = (a[i] ?? 0) + gi * gi;
        wi -= (lr * gi) / Math.sqrt((a[i] ?? 0) + 1e-7);
        break;
      }
    }
    w[i] = wi;
  }
}

/**
 * One training step on `count` examples (x: count × fanIn; t: count × output units), in place.
 * Returns the loss (with penalties) and the output of the forward pass, both before the update.
 */
export function referenceStep(net: ReferenceNet, x: Float64Array, t: Float64Array, count: number): { loss: number; output: Float64Array } {
  const { hidden, output } = net;
  const h = activate(forwardDense(hidden, x, count), 'tanh', hidden.units);
  const p = activate(forwardDense(output, h, count), net.outputActivation, output.units);
  const { loss, grad } = lossAndGradient(net.loss, p, t, count, output.units);
  const outBack = denseBackward(output, h, activationBackward(net.outputActivation, p, grad, output.units), count);
  const hiddenBack = denseBackward(hidden, x, activationBackward('tanh', h, outBack.dIn, hidden.units), count);
  const total = loss + penalty(hidden) + penalty(output);
  net.step += 1;
  update(net, 0, hidden.kernel, hiddenBack.dW);
  update(net, 1, hidden.bias, hiddenBack.dB);
  update(net, 2, output.kernel, outBack.dW);
  update(net, 3, output.bias, outBack.dB);
  return { loss: total, output: p };
}
