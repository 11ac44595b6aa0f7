/**
 * Keras 3's losses (keras/src/losses/losses.py) with reduction "sum_over_batch_size", their gradient with respect to
 * the network's output, and the metric fit() reports next to them.
 *
 * - binary_crossentropy: p clipped to [ε, 1 - ε], -(t log p + (1 - t) log(1 - p)) averaged over the last axis.
 * - categorical_crossentropy: p / Σp, clipped, then -Σ t log p.
 * - sparse_categorical_crossentropy: as Keras's TensorFlow backend computes it (the backend LayerLab's exports are
 *   checked with, and the TensorFlow.js path's choice): c = clip(p), then -log softmax(log c)[y] = log Σc - log c_y.
 *   (The JAX and PyTorch backends normalise first and clip after, like categorical; the two differ only where the
 *   clip bites.)
 * - mean_squared_error: (p - t)² averaged over the last axis.
 * ε is Keras's backend.epsilon(), 1e-7, as the float32 values TensorFlow compares with. The clip passes the gradient
 * only inside [ε, 1 - ε] (TensorFlow's clip_by_value). The loss is the mean over the batch, so each example's
 * gradient is divided by the batch size: Keras differentiates the mean.
 *
 * Targets come per example as trainer.ts describes: one class index per row for classification (a one-unit output
 * takes it as the 0/1 target, wider outputs its one-hot row, for every loss), count × units values for regression.
 */
import type { LossName } from '../../core/training/settings.ts';
import type { Buf } from './buffers.ts';

export type Task = 'classification' | 'regression';

const EPSILON = Math.fround(1e-7);
const ONE_MINUS_EPSILON = Math.fround(1 - 1e-7);

/** Filled by computeLoss, reused between calls so a training step allocates nothing. */
export interface LossResult {
  /** Mean loss over the batch, without weight penalties. */
  loss: number;
  /** Accuracy (0..1) for classification, mean absolute error for regression. */
  metric: number;
}

/** Why `y` cannot be the targets of `count` examples, or null when it can. */
export function targetProblem(task: Task, y: Float32Array, count: number, units: number): string | null {
  const needed = task === 'regression' ? count * units : count;
  if (y.length < needed) {
    return task === 'regression'
      ? `The targets hold ${y.length} numbers, but ${count} examples with ${units} output values each need ${needed}.`
      : `The labels hold ${y.length} numbers, but there are ${count} examples.`;
  }
  if (task === 'regression' || units === 1) return null;
  for (let b = 0; b < count; b += 1) {
    const label = y[b] as number;
    if (!Number.isInteger(label) || label < 0 || label >= units) {
      return `Example ${b + 1} has the class ${label}, but the network's output has ${units} units, so the classes must be whole numbers from 0 to ${units - 1}.`;
    }
  }
  return null;
}

/** The target of output unit j for example b. */
function target(task: Task, y: Float32Array, b: number, j: number, units: number): number {
  if (task === 'regression') return y[b * units + j] as number;
  if (units === 1) return y[b] as number;
  return (y[b] as number) === j ? 1 : 0;
}

function clip(p: number): number {
  return p < EPSILON ? EPSILON : p > ONE_MINUS_EPSILON ? ONE_MINUS_EPSILON : p;
}

function inClipRange(p: number): boolean {
  return p >= EPSILON && p <= ONE_MINUS_EPSILON;
}

/**
 * Adds one example's loss to sums.loss; when `grad` is given, writes dLoss/dp for its row, already divided by the
 * batch size. (Sums go into an object rather than a return value: V8 boxes a number returned from a call it does not
 * inline, and a training step must not allocate.)
 */
function addRowLoss(
  loss: LossName,
  task: Task,
  p: Buf,
  y: Float32Array,
  b: number,
  units: number,
  grad: Buf | null,
  perExample: number,
  sums: LossResult,
): void {
  const row = b * units;
  switch (loss) {
    case 'binary_crossentropy': {
      let sum = 0;
      for (let j = 0; j < units; j += 1) {
        const raw = p[row + j] as number;
        const pc = clip(raw);
        const t = target(task, y, b, j, units);
        sum += t * Math.log(pc) + (1 - t) * Math.log(1 - pc);
        if (grad !== null) grad[row + j] = inClipRange(raw) ? (-(t / pc - (1 - t) / (1 - pc)) / units) * perExample : 0;
      }
      sums.loss -= sum / units;
      return;
    }
    case 'sparse_categorical_crossentropy': {
      const label = task === 'regression' ? -1 : units === 1 ? 0 : (y[b] as number);
      let total = 0;
      for (let j = 0; j < units; j += 1) total += clip(p[row + j] as number);
      const picked = clip(p[row + label] as number);
      if (grad !== null) {
        for (let j = 0; j < units; j += 1) {
          const raw = p[row + j] as number;
          const slope = 1 / total - (j === label ? 1 / picked : 0);
          grad[row + j] = inClipRange(raw) ? slope * perExample : 0;
        }
      }
      sums.loss += Math.log(total) - Math.log(picked);
      return;
    }
    case 'categorical_crossentropy': {
      let total = 0;
      for (let j = 0; j < units; j += 1) total += p[row + j] as number;
      let sum = 0;
      // dLoss/dq_j for q = p / Σp, then through the normalisation: dLoss/dp_k = (g_k - Σ_j g_j q_j) / Σp.
      let weighted = 0;
      for (let j = 0; j < units; j += 1) {
        const q = (p[row + j] as number) / total;
        const qc = clip(q);
        const t = target(task, y, b, j, units);
        sum -= t * Math.log(qc);
        const g = inClipRange(q) ? -t / qc : 0;
        weighted += g * q;
        if (grad !== null) grad[row + j] = g;
      }
      if (grad !== null) {
        for (let j = 0; j < units; j += 1) grad[row + j] = (((grad[row + j] as number) - weighted) / total) * perExample;
      }
      sums.loss += sum;
      return;
    }
    case 'mean_squared_error': {
      let sum = 0;
      for (let j = 0; j < units; j += 1) {
        const d = (p[row + j] as number) - target(task, y, b, j, units);
        sum += d * d;
        if (grad !== null) grad[row + j] = ((2 * d) / units) * perExample;
      }
      sums.loss += sum / units;
      return;
    }
  }
}

/** Adds to sums.metric one example's right answer (1 or 0) for accuracy, or its summed absolute error for regression. */
function addRowMetric(task: Task, p: Buf, y: Float32Array, b: number, units: number, sums: LossResult): void {
  const row = b * units;
  if (task === 'regression') {
    for (let j = 0; j < units; j += 1) sums.metric += Math.abs((p[row + j] as number) - (y[row + j] as number));
    return;
  }
  let predicted: number;
  if (units === 1) {
    predicted = (p[row] as number) > 0.5 ? 1 : 0;
  } else {
    // argmax, the first of equal maxima (as tf.argMax).
    predicted = 0;
    for (let j = 1; j < units; j += 1) if ((p[row + j] as number) > (p[row + predicted] as number)) predicted = j;
  }
  if (predicted === (y[b] as number)) sums.metric += 1;
}

/**
 * The batch's mean loss and metric for outputs p (count × units) against targets y; when `grad` is given, also
 * dLoss/dp (count × units). Targets must have passed targetProblem.
 */
export function computeLoss(
  loss: LossName,
  task: Task,
  p: Buf,
  y: Float32Array,
  count: number,
  units: number,
  grad: Buf | null,
  result: LossResult,
): void {
  result.loss = 0;
  result.metric = 0;
  const perExample = 1 / count;
  for (let b = 0; b < count; b += 1) {
    addRowLoss(loss, task, p, y, b, units, grad, perExample, result);
    addRowMetric(task, p, y, b, units, result);
  }
  result.loss /= count;
  result.metric /= task === 'regression' ? count * units : count;
}
