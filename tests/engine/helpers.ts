/** Helpers for the engine tests: the graph builders (tests/support/graphBuilders.ts) and tfjs shape helpers. */
import * as tf from '@tensorflow/tfjs';

export { chain, graph, node } from '../support/graphBuilders.ts';

/** Output shape without the batch dimension of a model output or a layer. */
export function shapeNoBatch(shape: tf.Shape | tf.Shape[]): (number | null)[] {
  const first = shape[0];
  const one = Array.isArray(first) ? first : (shape as tf.Shape);
  return one.slice(1);
}

/** model.predict's result as an array of tensors. */
export function asList(result: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return Array.isArray(result) ? result : [result];
}

/** Largest |a - b| / (atol + rtol * |b|) over two equally long arrays; > 1 means "not close". */
export function closeness(actual: ArrayLike<number>, expected: ArrayLike<number>, atol: number, rtol = 0): number {
  // Arrays of different lengths (or nothing to compare) are never close.
  if (actual.length !== expected.length || expected.length === 0) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < expected.length; i += 1) {
    const a = actual[i] ?? Number.NaN;
    const b = expected[i] ?? Number.NaN;
    const ratio = Math.abs(a - b) / (atol + rtol * Math.abs(b));
    worst = Math.max(worst, Number.isNaN(ratio) ? Number.POSITIVE_INFINITY : ratio);
  }
  return worst;
}
