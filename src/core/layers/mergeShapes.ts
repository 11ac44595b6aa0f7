import { formatShapeNoBatch, resolveAxis, shapesEqual } from './shape.ts';
import type { Shape } from './shape.ts';
import type { ShapeResult } from './spec.ts';

/** Add and Multiply: every input must have exactly the same shape. */
export function sameShapeMerge(kind: string, verb: string, inputs: readonly Shape[]): ShapeResult {
  const first = inputs[0] ?? [];
  for (let i = 1; i < inputs.length; i += 1) {
    const other = inputs[i] ?? [];
    if (!shapesEqual(first, other)) {
      return {
        ok: false,
        problem: {
          message: `${kind} ${verb} its inputs value by value, so they must have the same shape, but input 1 is ${formatShapeNoBatch(first)} and input ${i + 1} is ${formatShapeNoBatch(other)}.`,
          fix: `Make both branches end in the same size, e.g. a Dense(${first[first.length - 1] ?? 1}) before input ${i + 1}, or use Concatenate to place them side by side instead.`,
        },
      };
    }
  }
  return { ok: true, shape: [...first] };
}

/** Concatenate: same rank, every dimension equal except along `axis`, which is summed. */
export function concatenateShapes(axis: number, inputs: readonly Shape[]): ShapeResult {
  const first = inputs[0] ?? [];
  const index = resolveAxis(axis, first.length);
  if (index === null) {
    return {
      ok: false,
      problem: {
        param: 'axis',
        message: `Concatenate axis ${axis} does not exist for inputs of shape ${formatShapeNoBatch(first)}.`,
        fix: 'Use axis -1 to join along the last dimension.',
      },
    };
  }
  const out = [...first];
  for (let i = 1; i < inputs.length; i += 1) {
    const other = inputs[i] ?? [];
    const sameElsewhere = other.length === first.length && first.every((d, k) => k === index || d === other[k]);
    if (!sameElsewhere) {
      return {
        ok: false,
        problem: {
          message: `Concatenate joins its inputs along axis ${axis}, so every other dimension must match, but input 1 is ${formatShapeNoBatch(first)} and input ${i + 1} is ${formatShapeNoBatch(other)}.`,
          fix:
            other.length === first.length
              ? 'Change the axis, or reshape one input so the other dimensions agree.'
              : 'Flatten both inputs first so they have the same number of dimensions.',
        },
      };
    }
    out[index] = (out[index] ?? 0) + (other[index] ?? 0);
  }
  return { ok: true, shape: out };
}
