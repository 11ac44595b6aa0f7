import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface LeakyReLUParams {
  negative_slope: number;
}

export const leakyReluSpec: LayerSpec<LeakyReLUParams> = {
  kind: 'LeakyReLU',
  category: 'activation',
  description: 'Like ReLU, but negative values are multiplied by a small slope instead of becoming 0, so no neuron goes completely silent.',
  inputs: { min: 1, max: 1 },
  defaults: { negative_slope: 0.3 },
  params: {
    negative_slope: {
      type: 'float',
      label: 'negative slope',
      help: 'How much of a negative value gets through (Keras default 0.3).',
      min: { value: 0, inclusive: true },
      step: 0.01,
    },
  },
  inferShape: (inputs) => ({ ok: true, shape: [...(inputs[0] ?? [])] }),
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
