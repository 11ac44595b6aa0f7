import type { ActivationName } from './activations.ts';
import { ACTIVATION_INFO } from './activations.ts';
import type { InitializerName } from './initializers.ts';
import { LIMITS } from './limits.ts';
import type { LayerSpec, Regularizer } from './spec.ts';

export interface DenseParams {
  units: number;
  activation: ActivationName;
  use_bias: boolean;
  kernel_initializer: InitializerName;
  bias_initializer: InitializerName;
  kernel_regularizer: Regularizer | null;
}

export const denseSpec: LayerSpec<DenseParams> = {
  kind: 'Dense',
  category: 'core',
  description:
    'A layer of artificial neurons. Each neuron takes a weighted sum of all its inputs, adds a bias and applies the activation function.',
  inputs: { min: 1, max: 1 },
  defaults: {
    units: 8,
    activation: 'relu',
    use_bias: true,
    kernel_initializer: 'glorot_uniform',
    bias_initializer: 'zeros',
    kernel_regularizer: null,
  },
  params: {
    units: {
      type: 'int',
      label: 'neurons',
      help: 'How many neurons the layer has.',
      min: 1,
      max: LIMITS.maxUnits,
    },
    activation: { type: 'activation', label: 'activation', help: 'The function each neuron applies to its weighted sum.' },
    use_bias: { type: 'bool', label: 'use bias', help: 'Give each neuron a bias it can learn (shifts its threshold).' },
    kernel_initializer: { type: 'initializer', label: 'weight initializer', help: 'How the weights are set before training.' },
    bias_initializer: { type: 'initializer', label: 'bias initializer', help: 'How the biases are set before training.' },
    kernel_regularizer: {
      type: 'regularizer',
      label: 'weight penalty',
      help: 'L1/L2 penalty added to the loss to keep weights small and reduce overfitting.',
    },
  },
  inferShape(inputs, params) {
    const input = inputs[0] ?? [];
    if (input.length === 0) {
      return { ok: false, problem: { message: 'Dense needs an input with at least one dimension.' } };
    }
    return { ok: true, shape: [...input.slice(0, -1), params.units] };
  },
  countParams(inputs, params) {
    const input = inputs[0] ?? [];
    const fanIn = input[input.length - 1] ?? 0;
    return fanIn * params.units + (params.use_bias ? params.units : 0);
  },
  notInKeras: (params) => ACTIVATION_INFO[params.activation].notInKeras,
};
