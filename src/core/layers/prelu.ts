import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface PReLUParams {
  shared_axes: readonly number[] | null;
}

export const preluSpec: LayerSpec<PReLUParams> = {
  kind: 'PReLU',
  category: 'activation',
  description: 'Parametric ReLU: like LeakyReLU, but the network learns the negative slope for every value.',
  inputs: { min: 1, max: 1 },
  defaults: { shared_axes: null },
  params: {
    shared_axes: {
      type: 'axisList',
      label: 'shared axes',
      help: 'Axes (1 = first after the batch) along which one slope is shared; empty for a slope per value.',
      nullable: true,
    },
  },
  inferShape(inputs, params) {
    const input = inputs[0] ?? [];
    const bad = (params.shared_axes ?? []).find((axis) => axis < 1 || axis > input.length);
    if (bad !== undefined) {
      return {
        ok: false,
        problem: {
          param: 'shared_axes',
          message: `PReLU shared axis ${bad} does not exist in an input of shape (${input.join(', ')}); axes run from 1 to ${input.length}.`,
        },
      };
    }
    return { ok: true, shape: [...input] };
  },
  countParams(inputs, params) {
    const shared = new Set(params.shared_axes ?? []);
    return (inputs[0] ?? []).reduce((product, dim, i) => product * (shared.has(i + 1) ? 1 : dim), 1);
  },
  notInKeras: noKerasProblem,
};
