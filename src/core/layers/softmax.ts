import { resolveAxis } from './shape.ts';
import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface SoftmaxParams {
  axis: number;
}

export const softmaxSpec: LayerSpec<SoftmaxParams> = {
  kind: 'Softmax',
  category: 'activation',
  description:
    'Turns scores into probabilities that are all positive and add up to 1. Put it last in a classifier with several classes.',
  inputs: { min: 1, max: 1 },
  defaults: { axis: -1 },
  params: {
    axis: { type: 'axis', label: 'axis', help: 'The dimension whose values add up to 1; -1 is the last one.' },
  },
  inferShape(inputs, params) {
    const input = inputs[0] ?? [];
    if (resolveAxis(params.axis, input.length) === null) {
      return {
        ok: false,
        problem: {
          param: 'axis',
          message: `Softmax axis ${params.axis} does not exist in an input of shape (${input.join(', ')}).`,
          fix: 'Use axis -1.',
        },
      };
    }
    return { ok: true, shape: [...input] };
  },
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
