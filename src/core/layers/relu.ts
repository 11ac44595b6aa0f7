import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface ReLUParams {
  max_value: number | null;
  negative_slope: number;
  threshold: number;
}

export const reluSpec: LayerSpec<ReLUParams> = {
  kind: 'ReLU',
  category: 'activation',
  description:
    'Rectified linear unit as a layer: passes positive values, turns negative ones into 0. Optionally caps the output (max value 6 gives ReLU6).',
  inputs: { min: 1, max: 1 },
  defaults: { max_value: null, negative_slope: 0, threshold: 0 },
  params: {
    max_value: {
      type: 'float',
      label: 'max value',
      help: 'Upper cap on the output; empty for no cap.',
      min: { value: 0, inclusive: true },
      nullable: true,
    },
    negative_slope: {
      type: 'float',
      label: 'negative slope',
      help: 'Slope below the threshold (0 for plain ReLU).',
      min: { value: 0, inclusive: true },
      step: 0.01,
    },
    threshold: {
      type: 'float',
      label: 'threshold',
      help: 'Values below this are treated as negative.',
      min: { value: 0, inclusive: true, reason: 'Keras only accepts a threshold of 0 or more' },
      step: 0.1,
    },
  },
  inferShape: (inputs) => ({ ok: true, shape: [...(inputs[0] ?? [])] }),
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
