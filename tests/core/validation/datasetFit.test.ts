import { describe, expect, it } from 'vitest';
import { chainGraph, connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { ActivationName } from '../../../src/core/layers/index.ts';
import type { LossName } from '../../../src/core/training/settings.ts';
import type { DatasetSummary } from '../../../src/core/validation/datasetFit.ts';
import { validateNetwork } from '../../../src/core/validation/validateNetwork.ts';

const spiral3: DatasetSummary = { title: 'spiral', numFeatures: 2, numClasses: 3, featureNames: ['x1', 'x2'] };
const xor: DatasetSummary = { title: 'XOR', numFeatures: 2, numClasses: 2, featureNames: ['x1', 'x2'] };

function mlp(inputShape: number[], units: number, activation: ActivationName): Graph {
  return chainGraph([
    createNode('x', 'Input', { shape: inputShape }),
    createNode('hidden', 'Dense', { units: 4, activation: 'tanh' }),
    createNode('out', 'Dense', { units, activation }),
  ]);
}

function datasetProblems(graph: Graph, dataset: DatasetSummary, loss: LossName) {
  return validateNetwork(graph, { dataset, loss }).datasetDiagnostics;
}

describe('the network against the chosen dataset', () => {
  it('accepts a 2-4-1 sigmoid network for XOR with binary crossentropy', () => {
    const result = validateNetwork(mlp([2], 1, 'sigmoid'), { dataset: xor, loss: 'binary_crossentropy' });
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  it('too few output units for the classes', () => {
    const [d] = datasetProblems(mlp([2], 1, 'sigmoid'), spiral3, 'categorical_crossentropy');
    expect(d?.message).toBe('Your output has 1 unit but the spiral data has 3 classes.');
    expect(d?.fix).toBe('For 3 classes, use Dense(3) with softmax.');
    expect(d?.nodeIds).toEqual(['out']);
    expect(d?.code).toBe('dataset-classes');
  });

  it('too many output units for two classes', () => {
    const [d] = datasetProblems(mlp([2], 5, 'softmax'), xor, 'categorical_crossentropy');
    expect(d?.message).toBe('Your output has 5 units but the XOR data has 2 classes.');
    expect(d?.fix).toBe('For 2 classes, use Dense(1) with sigmoid, or Dense(2) with softmax.');
  });

  it('an Input shape that does not match the features', () => {
    const [d] = datasetProblems(mlp([3], 1, 'sigmoid'), xor, 'binary_crossentropy');
    expect(d?.message).toBe('Input x has shape (3,), but each example of the XOR data has 2 features (x1, x2).');
    expect(d?.fix).toBe('Set the Input shape to (2).');
    expect(d?.nodeIds).toEqual(['x']);
    expect(d?.code).toBe('dataset-features');
  });

  it('two Inputs for a one-input dataset', () => {
    const graph: Graph = {
      nodes: [createNode('a', 'Input'), createNode('b', 'Input'), createNode('cat', 'Concatenate'), createNode('out', 'Dense', { units: 1, activation: 'sigmoid' })],
      edges: [connect('a', 'cat', 0), connect('b', 'cat', 1), connect('cat', 'out')],
    };
    const [d] = datasetProblems(graph, xor, 'binary_crossentropy');
    expect(d?.message).toBe('The XOR data gives one input per example, but the network has 2 Inputs (a and b).');
  });

  it('two outputs for a one-label dataset', () => {
    const graph: Graph = {
      nodes: [createNode('x', 'Input'), createNode('o1', 'Dense', { units: 1, activation: 'sigmoid' }), createNode('o2', 'Dense', { units: 1 })],
      edges: [connect('x', 'o1'), connect('x', 'o2')],
    };
    const [d] = datasetProblems(graph, xor, 'binary_crossentropy');
    expect(d?.message).toBe('The network has 2 outputs (o1 and o2), but the XOR data has one label per example, so LayerLab can train only one output.');
  });

  it('an output that is not a flat list of scores', () => {
    const graph = chainGraph([createNode('x', 'Input'), createNode('r', 'Reshape', { target_shape: [2, 1] })]);
    const [d] = datasetProblems(graph, xor, 'binary_crossentropy');
    expect(d?.message).toBe("The output r has shape (2, 1), but a classifier's output must be one list of class scores per example.");
    expect(d?.fix).toBe('Add a Flatten, then end with a Dense layer: use Dense(1) with sigmoid, or Dense(2) with softmax.');
  });

  it('categorical crossentropy with one output unit is an error', () => {
    const [d] = datasetProblems(mlp([2], 1, 'sigmoid'), xor, 'categorical_crossentropy');
    expect(d?.severity).toBe('error');
    expect(d?.message).toBe('categorical_crossentropy needs one output unit per class (2), but out has 1 unit.');
  });

  it('binary crossentropy with a 3-class softmax is an error', () => {
    const [d] = datasetProblems(mlp([2], 3, 'softmax'), spiral3, 'binary_crossentropy');
    expect(d?.message).toBe('binary_crossentropy scores a yes/no answer, but the spiral data has 3 classes.');
    expect(d?.fix).toBe('Use categorical_crossentropy with a softmax output.');
  });

  it('warns when the output activation does not suit the loss, looking through Dropout', () => {
    const graph = chainGraph([
      createNode('x', 'Input'),
      createNode('out', 'Dense', { units: 1, activation: 'relu' }),
      createNode('drop', 'Dropout', { rate: 0.1 }),
    ]);
    const [d] = datasetProblems(graph, xor, 'binary_crossentropy');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toBe('binary_crossentropy expects a probability between 0 and 1, but drop uses relu activation, whose output can leave that range.');
    const [soft] = datasetProblems(mlp([2], 3, 'tanh'), spiral3, 'categorical_crossentropy');
    expect(soft?.message).toBe('categorical_crossentropy expects probabilities that add up to 1, but out uses tanh activation.');
  });

  it('a perceptron with a step output is steered to mean squared error', () => {
    const graph = chainGraph([createNode('x', 'Input'), createNode('p', 'Dense', { units: 1, activation: 'step' })]);
    const [d] = datasetProblems(graph, xor, 'binary_crossentropy');
    expect(d?.message).toBe('p outputs exactly 0 or 1 (a step), and binary_crossentropy takes the logarithm of the output, which is infinite at 0.');
    expect(datasetProblems(graph, xor, 'mean_squared_error')).toEqual([]);
  });

  it('skips dataset checks while the graph itself is broken', () => {
    const graph = chainGraph([createNode('x', 'Input', { shape: [3] }), createNode('out', 'Dense', { units: 0 })]);
    const result = validateNetwork(graph, { dataset: xor, loss: 'binary_crossentropy' });
    expect(result.datasetDiagnostics).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['invalid-param']);
  });
});
