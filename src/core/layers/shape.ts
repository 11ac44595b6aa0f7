/**
 * A tensor shape without the batch dimension, e.g. [4] for 4 features or [28, 28] for an image.
 * Every dimension is a known positive whole number.
 */
export type Shape = readonly number[];

/** Formats a shape the way Keras prints it, with the batch dimension: (None, 3, 4). */
export function formatShape(shape: Shape): string {
  return shape.length === 0 ? '(None,)' : `(None, ${shape.join(', ')})`;
}

/** Formats a shape without the batch dimension, as a student types it: (3, 4) or (4,). */
export function formatShapeNoBatch(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

export function elementCount(shape: Shape): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((dim, i) => dim === b[i]);
}

/** Resolves a Keras axis (negative counts from the end; the batch axis is 0) to an index into a Shape. */
export function resolveAxis(axis: number, rank: number): number | null {
  // Keras axes include the batch dimension: axis 1 is the first feature axis, -1 the last.
  const withBatch = rank + 1;
  const positive = axis < 0 ? axis + withBatch : axis;
  if (!Number.isInteger(positive) || positive < 1 || positive >= withBatch) return null;
  return positive - 1;
}
