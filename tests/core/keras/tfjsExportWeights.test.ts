import { describe, expect, it } from 'vitest';
import { chainGraph, createNode } from '../../../src/core/graph/build.ts';
import { exportTfjsModel } from '../../../src/core/keras/tfjsExport.ts';
import type { ProjectWeights } from '../../../src/core/project/types.ts';

const graph = chainGraph([
  createNode('x', 'Input', { shape: [2] }),
  createNode('out', 'Dense', { units: 1, activation: 'sigmoid' }),
  createNode('drop', 'Dropout', { rate: 0.1 }),
]);
const kernel = { name: 'kernel', shape: [2, 1], values: [0.5, -0.5] };
const bias = { name: 'bias', shape: [1], values: [0] };

function problemsFor(weights: ProjectWeights): unknown {
  const result = exportTfjsModel(graph, weights);
  return result.ok ? [] : result.problems;
}

describe('exportTfjsModel checks the weights it is given', () => {
  it('writes fitting weights', () => {
    expect(exportTfjsModel(graph, { layers: { out: [kernel, bias] } }).ok).toBe(true);
  });
  it('names a layer without weights that was given some', () => {
    expect(problemsFor({ layers: { out: [kernel, bias], drop: [kernel] } })).toEqual([
      { layer: 'drop', message: 'drop has no weights, but kernel weights were given.' },
    ]);
  });
  it('refuses the same weight given twice instead of silently using the first', () => {
    expect(problemsFor({ layers: { out: [kernel, kernel, bias] } })).toEqual([
      { layer: 'out', message: 'out was given kernel weights twice.' },
    ]);
  });
  it('names a missing weight and a wrong shape', () => {
    expect(problemsFor({ layers: { out: [{ ...kernel, shape: [1, 2] }] } })).toEqual([
      {
        layer: 'out',
        message: "out's kernel weights have shape (1, 2), but this network needs (2, 1). No bias weights were given for out (it needs shape (1,)).",
      },
    ]);
  });
});
