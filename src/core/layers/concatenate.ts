import { concatenateShapes } from './mergeShapes.ts';
import type { LayerSpec } from './spec.ts';
import { noKerasProblem } from './spec.ts';

export interface ConcatenateParams {
  axis: number;
}

export const concatenateSpec: LayerSpec<ConcatenateParams> = {
  kind: 'Concatenate',
  category: 'merge',
  description:
    'Places two or more inputs side by side: (3,) and (5,) become (8,). Their order on the node is the order of the values.',
  inputs: { min: 2, max: 16 },
  defaults: { axis: -1 },
  params: {
    axis: { type: 'axis', label: 'axis', help: 'The dimension to join along; -1 is the last one.' },
  },
  inferShape: (inputs, params) => concatenateShapes(params.axis, inputs),
  countParams: () => 0,
  notInKeras: noKerasProblem,
};
