import { elementCount } from './shape.ts';
import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export type FlattenParams = Record<string, never>;

export const flattenSpec: LayerSpec<FlattenParams> = {
  kind: 'Flatten',
  category: 'reshape',
  description: 'Lays out a grid of values (such as an image) as one long row, so a Dense layer can take it.',
  inputs: { min: 1, max: 1 },
  defaults: {},
  params: {},
  inferShape: (inputs) => ({ ok: true, shape: [elementCount(inputs[0] ?? [])] }),
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
