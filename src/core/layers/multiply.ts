import { sameShapeMerge } from './mergeShapes.ts';
import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export type MultiplyParams = Record<string, never>;

export const multiplySpec: LayerSpec<MultiplyParams> = {
  kind: 'Multiply',
  category: 'merge',
  description: 'Multiplies two or more inputs of the same shape value by value, e.g. to let one branch gate another.',
  inputs: { min: 2, max: 16 },
  defaults: {},
  params: {},
  inferShape: (inputs) => sameShapeMerge('Multiply', 'multiplies', inputs),
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
