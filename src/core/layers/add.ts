import { sameShapeMerge } from './mergeShapes.ts';
import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export type AddParams = Record<string, never>;

export const addSpec: LayerSpec<AddParams> = {
  kind: 'Add',
  category: 'merge',
  description:
    'Adds two or more inputs of the same shape value by value. Used for residual ("skip") connections.',
  inputs: { min: 2, max: 16 },
  defaults: {},
  params: {},
  inferShape: (inputs) => sameShapeMerge('Add', 'adds', inputs),
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
