import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface ELUParams {
  alpha: number;
}

export const eluSpec: LayerSpec<ELUParams> = {
  kind: 'ELU',
  category: 'activation',
  description: 'Exponential linear unit as a layer: x for positive values, alpha * (e^x - 1) for negative ones.',
  inputs: { min: 1, max: 1 },
  defaults: { alpha: 1 },
  params: {
    alpha: {
      type: 'float',
      label: 'alpha',
      help: 'The value negative inputs approach (as -alpha).',
      min: { value: 0, inclusive: true },
      step: 0.1,
    },
  },
  inferShape: (inputs) => ({ ok: true, shape: [...(inputs[0] ?? [])] }),
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
