/**
 * Storage for the typed-array path. Values are stored as Float32Array, as TensorFlow.js and Keras keep them, and every
 * computation runs in JavaScript numbers (float64) between loads and stores. The gradient checks build the same network
 * with Float64Array storage, so a finite difference is not drowned by float32 rounding; nothing else changes.
 */
export type Buf = Float32Array | Float64Array;

export type Precision = 'float32' | 'float64';

export function allocate(precision: Precision, length: number): Buf {
  return precision === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** Returns `current` when it holds `length` values already, else a new zeroed buffer of exactly `length`. */
export function atLeast(current: Buf, precision: Precision, length: number): Buf {
  return current.length >= length ? current : allocate(precision, length);
}

/** dst[k] = src[k] for k < n. A loop rather than set(subarray()): a training step must not allocate. */
export function copyValues(src: Buf, dst: Buf, n: number): void {
  for (let k = 0; k < n; k += 1) dst[k] = src[k] as number;
}
