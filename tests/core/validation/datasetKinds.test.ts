/**
 * Validation knows each kind of data: the Input takes the data's features (MNIST also as a 28×28 image), a
 * regression network ends in one linear unit with mean squared error, the loss is advised from the output layer,
 * and data that cannot be read is one plain error of the project.
 */
import { describe, expect, it } from 'vitest';
import { chainGraph, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { ActivationName } from '../../../src/core/layers/index.ts';
import type { ProjectDataset } from '../../../src/core/datasets/types.ts';
import type { LossName } from '../../../src/core/training/settings.ts';
import { DEFAULT_TRAINING } from '../../../src/core/training/settings.ts';
import { defaultLoss, lossAdvice } from '../../../src/core/validation/lossAdvice.ts';
import { validateProjectNetwork } from '../../../src/core/validation/validateProject.ts';

function net(shape: number[], units: number, activation: ActivationName, flatten = false): Graph {
  return chainGraph([
    createNode('x', 'Input', { shape }),
    ...(flatten ? [createNode('flat', 'Flatten', {})] : []),
    createNode('hidden', 'Dense', { units: 8, activation: 'tanh' }),
    createNode('out', 'Dense', { units, activation }),
  ]);
}

const IRIS: ProjectDataset = { kind: 'iris', seed: 1 };
const MNIST: ProjectDataset = { kind: 'mnist', samples: 500, seed: 1 };
const SINE: ProjectDataset = { kind: 'regression', name: 'sine', samples: 200, noise: 0.1, seed: 1 };
const CSV_TEXT = 'width,height,kind\n1,2,a\n3,4,b\n5,6,a\n';

function check(graph: Graph, dataset: ProjectDataset, loss: LossName) {
  return validateProjectNetwork({ graph, dataset, training: { ...DEFAULT_TRAINING, loss } });
}

describe('the Input takes the data\'s features', () => {
  it('Iris: four measurements, named in the message', () => {
    expect(check(net([4], 3, 'softmax'), IRIS, 'categorical_crossentropy').diagnostics).toEqual([]);
    const [d] = check(net([3], 3, 'softmax'), IRIS, 'categorical_crossentropy').diagnostics;
    expect(d).toMatchObject({
      severity: 'error',
      code: 'dataset-features',
      nodeIds: ['x'],
      message: 'Input x has shape (3,), but each example of the Iris flowers data has 4 features (sepal length, sepal width, petal length, petal width).',
      fix: 'Set the Input shape to (4).',
    });
  });

  it('MNIST: 784 pixel values, or the 28×28 image (with or without a channel) before a Flatten', () => {
    for (const [shape, flatten] of [[[784], false], [[28, 28], true], [[28, 28, 1], true]] as const) {
      expect(check(net([...shape], 10, 'softmax', flatten), MNIST, 'categorical_crossentropy').diagnostics).toEqual([]);
    }
    const [d] = check(net([100], 10, 'softmax'), MNIST, 'categorical_crossentropy').diagnostics;
    expect(d?.message).toBe('Input x has shape (100,), but each example of the MNIST handwritten digits data has 784 features.');
    expect(d?.fix).toBe('Set the Input shape to (784), or to (28, 28) or (28, 28, 1) followed by a Flatten.');
    // The image without a Flatten gives a (28, 10) output, not ten scores.
    const [image] = check(net([28, 28], 10, 'softmax'), MNIST, 'categorical_crossentropy').diagnostics;
    expect(image?.message).toBe("The output out has shape (28, 10), but a classifier's output must be one list of class scores per example.");
  });
});

describe('regression needs one linear output unit and mean squared error', () => {
  it('accepts a 1-8-1 network with a linear output', () => {
    const result = check(net([1], 1, 'linear'), SINE, 'mean_squared_error');
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  it('more than one output unit', () => {
    const [d] = check(net([1], 3, 'linear'), SINE, 'mean_squared_error').diagnostics;
    expect(d).toMatchObject({
      severity: 'error',
      nodeIds: ['out'],
      message: 'Your output has 3 units, but the Sine wave data has one number (y) to predict per example.',
      fix: 'End with Dense(1) and a linear activation.',
    });
  });

  it.each([
    ['sigmoid', 'out uses sigmoid, which keeps every output between 0 and 1, but a regression target (y) can be any number.'],
    ['tanh', 'out uses tanh, which keeps every output between -1 and 1, but a regression target (y) can be any number.'],
    ['softmax', 'out uses softmax, which always outputs 1 from a single unit, so it cannot predict the Sine wave targets (y).'],
  ] as const)('a squashing %s output is an error with a plain fix', (activation, message) => {
    const [d] = check(net([1], 1, activation), SINE, 'mean_squared_error').diagnostics;
    expect(d).toMatchObject({ severity: 'error', message, fix: "Set the output layer's activation to linear." });
  });

  it('a relu output only warns: it runs, but cannot predict a negative target', () => {
    const result = check(net([1], 1, 'relu'), SINE, 'mean_squared_error');
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'out uses relu, which never outputs a negative number, so the network cannot predict a target (y) below 0.'],
    ]);
  });

  it('a crossentropy loss is an error: set the loss to mean squared error', () => {
    const [d] = check(net([1], 1, 'linear'), SINE, 'binary_crossentropy').diagnostics;
    expect(d).toMatchObject({
      severity: 'error',
      code: 'loss-mismatch',
      message: 'binary_crossentropy compares class probabilities, but the Sine wave data has a number (y) to predict for each example, not a class.',
      fix: 'Set the loss to mean squared error.',
    });
  });
});

describe('data that cannot be read', () => {
  it('is one error of the whole project, with the dataset\'s own message; the network is still checked', () => {
    const dataset: ProjectDataset = { kind: 'csv', fileName: 'shapes.csv', text: CSV_TEXT, features: ['width', 'depth'], label: 'kind', task: 'classification', normalization: 'none', seed: 1 };
    const result = check(net([2], 0, 'sigmoid'), dataset, 'binary_crossentropy');
    expect(result.ok).toBe(false);
    expect(result.datasetDiagnostics).toHaveLength(1);
    expect(result.datasetDiagnostics[0]).toMatchObject({ severity: 'error', nodeIds: [] });
    expect(result.datasetDiagnostics[0]?.message).toContain('"depth"');
    expect(result.diagnostics.map((d) => d.code)).toContain('invalid-param'); // units 0, from the network itself
    const fine = check(net([2], 1, 'sigmoid'), { ...dataset, features: ['width', 'height'] }, 'binary_crossentropy');
    expect(fine.diagnostics).toEqual([]);
  });
});

describe('defaultLoss: the loss the output layer calls for', () => {
  it.each([
    [net([2], 1, 'sigmoid'), 'classification', 'binary_crossentropy'],
    [net([2], 3, 'softmax'), 'classification', 'categorical_crossentropy'],
    [net([2], 1, 'step'), 'classification', 'mean_squared_error'],
    [net([1], 1, 'linear'), 'regression', 'mean_squared_error'],
    [net([2], 3, 'softmax'), 'regression', 'mean_squared_error'],
  ] as const)('%#: %s', (graph, task, loss) => {
    expect(defaultLoss(graph, task)).toBe(loss);
  });
});

describe('lossAdvice: when the chosen loss does not fit the output', () => {
  it('binary crossentropy on a softmax of 3 units', () => {
    expect(lossAdvice(net([2], 3, 'softmax'), 'binary_crossentropy', { task: 'classification' })).toEqual({
      severity: 'error',
      nodeId: 'out',
      message: 'binary_crossentropy scores a yes/no answer, but out gives 3 class scores (softmax).',
      fix: 'Use categorical_crossentropy with a softmax output.',
      suggested: 'categorical_crossentropy',
    });
  });

  it('categorical crossentropy on one sigmoid unit', () => {
    expect(lossAdvice(net([2], 1, 'sigmoid'), 'categorical_crossentropy', { task: 'classification' })).toMatchObject({
      severity: 'error',
      message: 'categorical_crossentropy needs one output unit per class, but out has 1 unit.',
      suggested: 'binary_crossentropy',
    });
  });

  it('crossentropy for regression, and nothing when the loss fits', () => {
    expect(lossAdvice(net([1], 1, 'linear'), 'sparse_categorical_crossentropy', { task: 'regression' })?.suggested).toBe('mean_squared_error');
    for (const [graph, loss, task] of [
      [net([2], 1, 'sigmoid'), 'binary_crossentropy', 'classification'],
      [net([2], 3, 'softmax'), 'categorical_crossentropy', 'classification'],
      [net([2], 3, 'softmax'), 'sparse_categorical_crossentropy', 'classification'],
      [net([1], 1, 'linear'), 'mean_squared_error', 'regression'],
    ] as const) {
      expect(lossAdvice(graph, loss, { task })).toBeNull();
      expect(defaultLoss(graph, task) === loss || loss === 'sparse_categorical_crossentropy').toBe(true);
    }
  });
});
