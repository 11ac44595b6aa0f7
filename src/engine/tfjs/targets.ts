/**
 * The trainer's `y` (see trainer.ts) turned into what the loss and the metric read:
 *  - 'binary': classification with one output unit: y is the 0/1 target itself (count × 1);
 *  - 'classes': classification with k > 1 units: y holds class indices; the loss reads one-hot rows (Keras's
 *    sparse_categorical_crossentropy on indices equals its formula on one-hot rows), the metric the indices;
 *  - 'values': regression: y is count × units target values.
 * Rows are checked first, so a bad label gets a sentence instead of a silently wrong loss.
 */
import * as tf from '@tensorflow/tfjs';

export type TargetMode = { kind: 'binary' } | { kind: 'classes'; classes: number } | { kind: 'values'; units: number };

export interface Targets {
  /** count × units floats, shaped like the output. */
  t: tf.Tensor2D;
  /** The class index of each row ('classes' only), for the accuracy. */
  labels: tf.Tensor1D | null;
}

/** How many numbers `y` holds per example. */
export function targetWidth(mode: TargetMode): number {
  return mode.kind === 'values' ? mode.units : 1;
}

/** What is wrong with `y` for `count` examples, in words, or null when it is fine. */
export function targetProblem(mode: TargetMode, y: Float32Array, count: number, outputId: string): string | null {
  const width = targetWidth(mode);
  if (y.length < count * width) {
    const what = width === 1 ? 'one label per example' : `${width} target values per example`;
    return `The targets hold ${y.length} numbers, but ${count} examples need ${count * width} (${what}).`;
  }
  if (mode.kind === 'values') return null;
  const classes = mode.kind === 'classes' ? mode.classes : 2;
  for (let i = 0; i < count; i += 1) {
    const label = y[i] ?? Number.NaN;
    if (Number.isInteger(label) && label >= 0 && label < classes) continue;
    const answer = mode.kind === 'classes' ? `classes 0 to ${classes - 1}, one per unit` : 'class 0 or 1';
    const units = mode.kind === 'classes' ? `${classes} units` : '1 unit';
    return `Example ${i + 1} has the label ${label}, but the output layer ${outputId} has ${units}, so it can only answer ${answer}.`;
  }
  return null;
}

/** The target tensors for rows 0..count-1 of `y` (already checked by targetProblem). */
export function makeTargets(mode: TargetMode, y: Float32Array, count: number): Targets {
  switch (mode.kind) {
    case 'binary':
      return { t: tf.tensor2d(y.subarray(0, count), [count, 1]), labels: null };
    case 'values':
      return { t: tf.tensor2d(y.subarray(0, count * mode.units), [count, mode.units]), labels: null };
    case 'classes': {
      // Built here rather than with tf.oneHot: no kernel call, and the rows are tiny.
      const oneHot = new Float32Array(count * mode.classes);
      const labels = new Int32Array(count);
      for (let i = 0; i < count; i += 1) {
        const label = y[i] ?? 0;
        labels[i] = label;
        oneHot[i * mode.classes + label] = 1;
      }
      return { t: tf.tensor2d(oneHot, [count, mode.classes]), labels: tf.tensor1d(labels, 'int32') };
    }
  }
}

/** Accuracy (binary: p > 0.5; classes: argmax) or, for regression, the mean absolute error, as a scalar. */
export function metricValue(mode: TargetMode, p: tf.Tensor, targets: Targets): tf.Scalar {
  return tf.tidy(() => {
    if (mode.kind === 'values') return tf.mean(tf.abs(tf.sub(p, targets.t)));
    if (mode.kind === 'binary') return tf.mean(tf.cast(tf.equal(tf.cast(tf.greater(p, 0.5), 'float32'), targets.t), 'float32'));
    const labels = targets.labels ?? tf.argMax(targets.t, -1);
    return tf.mean(tf.cast(tf.equal(tf.argMax(p, -1), labels), 'float32'));
  });
}
