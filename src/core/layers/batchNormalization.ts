import { resolveAxis } from './shape.ts';
import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface BatchNormalizationParams {
  axis: number;
  momentum: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
}

function channels(input: readonly number[], axis: number): number | null {
  const index = resolveAxis(axis, input.length);
  return index === null ? null : (input[index] ?? null);
}

export const batchNormalizationSpec: LayerSpec<BatchNormalizationParams> = {
  kind: 'BatchNormalization',
  category: 'normalization',
  description:
    'Rescales its inputs so each feature has mean 0 and variance 1 over the batch, then applies a learned scale (gamma) and shift (beta). Helps deeper networks train faster.',
  inputs: { min: 1, max: 1 },
  defaults: { axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true },
  params: {
    axis: { type: 'axis', label: 'axis', help: 'The feature axis to normalise; -1 is the last one.' },
    momentum: {
      type: 'float',
      label: 'momentum',
      help: 'How slowly the running mean and variance used for prediction follow each batch.',
      min: { value: 0, inclusive: true },
      max: { value: 1, inclusive: true },
      step: 0.01,
    },
    epsilon: {
      type: 'float',
      label: 'epsilon',
      help: 'A small number added to the variance to avoid dividing by zero.',
      min: { value: 0, inclusive: false },
      step: 0.001,
    },
    center: { type: 'bool', label: 'center (beta)', help: 'Learn a shift for each feature.' },
    scale: { type: 'bool', label: 'scale (gamma)', help: 'Learn a scale for each feature.' },
  },
  inferShape(inputs, params) {
    const input = inputs[0] ?? [];
    if (channels(input, params.axis) === null) {
      return {
        ok: false,
        problem: {
          param: 'axis',
          message: `BatchNormalization axis ${params.axis} does not exist in an input of shape (${input.join(', ')}), which has ${input.length} axis${input.length === 1 ? '' : 'es'} besides the batch.`,
          fix: 'Use axis -1 (the last axis).',
        },
      };
    }
    return { ok: true, shape: [...input] };
  },
  countParams(inputs, params) {
    const size = channels(inputs[0] ?? [], params.axis) ?? 0;
    return size * (2 + (params.center ? 1 : 0) + (params.scale ? 1 : 0));
  },
  notInKeras: noKerasProblem,
};
