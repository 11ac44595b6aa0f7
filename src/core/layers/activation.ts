import type { ActivationName } from './activations.ts';
import { ACTIVATION_INFO } from './activations.ts';
import type { LayerSpec } from './spec.ts';

export interface ActivationParams {
  activation: ActivationName;
}

export const activationSpec: LayerSpec<ActivationParams> = {
  kind: 'Activation',
  category: 'activation',
  description: 'Applies an activation function to every value it receives. It has no weights of its own.',
  inputs: { min: 1, max: 1 },
  defaults: { activation: 'relu' },
  params: {
    activation: { type: 'activation', label: 'activation', help: 'The function applied to each value.' },
  },
  inferShape: (inputs) => ({ ok: true, shape: [...(inputs[0] ?? [])] }),
  countParams: () => 0,
  notInKeras: (params) => ACTIVATION_INFO[params.activation].notInKeras,
};
