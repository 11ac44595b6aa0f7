import { LIMITS } from './limits.ts';
import { elementCount } from './shape.ts';
import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface InputParams {
  shape: readonly number[];
}

export const inputSpec: LayerSpec<InputParams> = {
  kind: 'Input',
  category: 'input',
  description:
    'Where the data enters the network. Its shape is the size of one example: (2,) for a point with x and y, (28, 28) for a small image.',
  inputs: { min: 0, max: 0 },
  defaults: { shape: [2] },
  params: {
    shape: {
      type: 'shape',
      label: 'shape',
      help: 'The size of one example, without the batch dimension.',
      allowInferred: false,
      maxRank: LIMITS.maxRank,
    },
  },
  inferShape(_inputs, params) {
    const count = elementCount(params.shape);
    if (count > LIMITS.maxInputElements.value) {
      return {
        ok: false,
        problem: {
          param: 'shape',
          message: `Input shape (${params.shape.join(', ')}) has ${count} values per example, above LayerLab's cap of ${LIMITS.maxInputElements.value}: ${LIMITS.maxInputElements.reason}.`,
          fix: 'Use a smaller input, for example by downsampling images.',
        },
      };
    }
    return { ok: true, shape: [...params.shape] };
  },
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
