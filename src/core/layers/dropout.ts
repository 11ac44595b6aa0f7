import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface DropoutParams {
  rate: number;
}

export const dropoutSpec: LayerSpec<DropoutParams> = {
  kind: 'Dropout',
  category: 'regularization',
  description:
    'During training, switches off a random fraction of its inputs at each step so the network cannot rely on any single neuron. Does nothing when predicting.',
  inputs: { min: 1, max: 1 },
  defaults: { rate: 0.5 },
  params: {
    rate: {
      type: 'float',
      label: 'rate',
      help: 'Fraction of inputs dropped at each training step, from 0 up to (not including) 1.',
      min: { value: 0, inclusive: true },
      max: { value: 1, inclusive: false, reason: 'a rate of 1 would drop every value, so nothing would reach the next layer' },
      step: 0.05,
    },
  },
  inferShape: (inputs) => ({ ok: true, shape: [...(inputs[0] ?? [])] }),
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
