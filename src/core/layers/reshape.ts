import { LIMITS } from './limits.ts';
import { elementCount, formatShapeNoBatch } from './shape.ts';
import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface ReshapeParams {
  target_shape: readonly number[];
}

/** Divisors-based suggestion: a shape of the same rank whose element count is `count`. */
function suggestShape(count: number, rank: number): string {
  if (rank <= 1) return `(${count},)`;
  let first = 1;
  for (let d = Math.floor(Math.sqrt(count)); d >= 1; d -= 1) {
    if (count % d === 0) {
      first = d;
      break;
    }
  }
  return `(${first}, ${count / first})`;
}

export const reshapeSpec: LayerSpec<ReshapeParams> = {
  kind: 'Reshape',
  category: 'reshape',
  description:
    'Rearranges the same values into a new shape, e.g. 12 values into (3, 4). The number of values must stay the same; one dimension may be -1 to have it worked out.',
  inputs: { min: 1, max: 1 },
  defaults: { target_shape: [2, 1] },
  params: {
    target_shape: {
      type: 'shape',
      label: 'target shape',
      help: 'The new shape, without the batch dimension. One dimension may be -1.',
      allowInferred: true,
      maxRank: LIMITS.maxRank,
    },
  },
  inferShape(inputs, params) {
    const input = inputs[0] ?? [];
    const have = elementCount(input);
    const target = params.target_shape;
    const inferredAt = target.indexOf(-1);
    const known = target.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
    if (inferredAt === -1) {
      if (known !== have) {
        return {
          ok: false,
          problem: {
            param: 'target_shape',
            message: `Reshape to ${formatShapeNoBatch(target)} needs ${known} values, but its input ${formatShapeNoBatch(input)} has ${have}. Reshape can only rearrange values, not add or remove them.`,
            fix: `Use a target shape whose dimensions multiply to ${have}, such as ${suggestShape(have, target.length)}, or put -1 in one dimension.`,
          },
        };
      }
      return { ok: true, shape: [...target] };
    }
    if (have % known !== 0) {
      return {
        ok: false,
        problem: {
          param: 'target_shape',
          message: `Reshape to ${formatShapeNoBatch(target)} needs a multiple of ${known} values, but its input ${formatShapeNoBatch(input)} has ${have}, which is not divisible by ${known}.`,
          fix: `Choose known dimensions that multiply to a divisor of ${have}.`,
        },
      };
    }
    const shape = [...target];
    shape[inferredAt] = have / known;
    return { ok: true, shape };
  },
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
