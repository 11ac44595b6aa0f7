import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../../src/core/graph/types.ts';
import { MNIST_DEFAULT_CONFIG } from '../../../src/core/datasets/mnist.ts';
import { parseProject } from '../../../src/core/project/index.ts';
import { datasetChoiceJson, noDatasetNote, suggestDataset } from '../../../src/core/validation/suggestDataset.ts';
import { validateProjectNetwork } from '../../../src/core/validation/validateProject.ts';
import { DEFAULT_TRAINING } from '../../../src/core/training/settings.ts';

const IRIS = 'Iris flowers (4 measurements, 3 species)';
const MNIST = 'MNIST handwritten digits (28×28 pixels, 10 digits)';

const at = (i: number): { x: number; y: number } => ({ x: i * 220, y: 0 });

/** Input(shape) → Dense(hidden) relu → ... → Dense(units) with `activation`, optionally Flatten after the Input. */
function mlp(shape: number[], units: number, options: { hidden?: number[]; flatten?: boolean; activation?: 'softmax' | 'sigmoid' | 'linear' | 'tanh' } = {}): Graph {
  const nodes: GraphNode[] = [{ id: 'x', kind: 'Input', params: { shape }, position: at(0) }];
  if (options.flatten === true) nodes.push({ id: 'flat', kind: 'Flatten', params: {}, position: at(nodes.length) });
  for (const [i, size] of (options.hidden ?? [8]).entries()) {
    nodes.push({
      id: `hidden_${i + 1}`,
      kind: 'Dense',
      params: { units: size, activation: 'relu', use_bias: true, kernel_initializer: 'glorot_uniform', bias_initializer: 'zeros', kernel_regularizer: null },
      position: at(nodes.length),
    });
  }
  nodes.push({
    id: 'out',
    kind: 'Dense',
    params: {
      units,
      activation: options.activation ?? (units === 1 ? 'sigmoid' : 'softmax'),
      use_bias: true,
      kernel_initializer: 'glorot_uniform',
      bias_initializer: 'zeros',
      kernel_regularizer: null,
    },
    position: at(nodes.length),
  });
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i + 1}`, source: nodes[i]?.id ?? '', target: n.id, inputIndex: 0 }));
  return { nodes, edges };
}

describe('suggestDataset', () => {
  it('suggests XOR for two features and one output unit', () => {
    expect(suggestDataset(mlp([2], 1))).toEqual({
      name: 'xor',
      title: 'XOR',
      available: true,
      config: { kind: 'builtin', name: 'xor', samples: 400, noise: 0.1, seed: 1, classes: 2 },
    });
  });

  it.each([2, 3, 4, 5])('suggests a spiral with %i classes for two features and that many output units', (k) => {
    expect(suggestDataset(mlp([2], k))).toEqual({
      name: 'spiral',
      title: 'Spiral',
      available: true,
      config: { kind: 'builtin', name: 'spiral', samples: 400, noise: 0.1, seed: 1, classes: k },
    });
  });

  it('suggests Iris for four features and three output units', () => {
    expect(suggestDataset(mlp([4], 3))).toEqual({ name: 'iris', title: IRIS, available: true, config: { kind: 'iris', seed: 1 } });
  });

  it('suggests MNIST for 784 features, or a 28×28 image, and ten output units', () => {
    const mnist = { name: 'mnist', title: MNIST, available: true, config: MNIST_DEFAULT_CONFIG };
    expect(suggestDataset(mlp([784], 10, { hidden: [16, 16] }))).toEqual(mnist);
    expect(suggestDataset(mlp([28, 28], 10, { flatten: true }))).toEqual(mnist);
    expect(suggestDataset(mlp([28, 28, 1], 10, { flatten: true }))).toEqual(mnist);
  });

  it('suggests the sine wave for one input and one linear output, and the plane for two inputs and one linear output', () => {
    expect(suggestDataset(mlp([1], 1, { activation: 'linear' }))).toEqual({
      name: 'sine',
      title: 'Sine wave',
      available: true,
      config: { kind: 'regression', name: 'sine', samples: 200, noise: 0.1, seed: 1 },
    });
    expect(suggestDataset(mlp([2], 1, { activation: 'linear' }))?.config).toEqual({ kind: 'regression', name: 'plane', samples: 200, noise: 0.1, seed: 1 });
    // A squashed output is a classifier (XOR), or fits nothing with one input.
    expect(suggestDataset(mlp([2], 1, { activation: 'tanh' }))?.name).toBe('xor');
    expect(suggestDataset(mlp([1], 1, { activation: 'sigmoid' }))).toBeNull();
    expect(suggestDataset(mlp([1], 2, { activation: 'linear' }))).toBeNull();
  });

  it('suggests nothing when no known data fits', () => {
    expect(suggestDataset(mlp([2], 6))).toBeNull();
    expect(suggestDataset(mlp([4], 1))).toBeNull();
    expect(suggestDataset(mlp([4], 2))).toBeNull();
    expect(suggestDataset(mlp([3], 3))).toBeNull();
    expect(suggestDataset(mlp([784], 9))).toBeNull();
    expect(suggestDataset(mlp([28, 28], 10))).toBeNull(); // no Flatten: the output is (28, 10), not 10 scores
  });

  it('suggests nothing for a network without one Input and one sound output', () => {
    expect(suggestDataset({ nodes: [], edges: [] })).toBeNull();
    const broken = mlp([2], 1);
    const zeroUnits = broken.nodes.map((n) => (n.id === 'out' && n.kind === 'Dense' ? { ...n, params: { ...n.params, units: 0 } } : n));
    expect(suggestDataset({ nodes: zeroUnits, edges: broken.edges })).toBeNull();
    const twoInputs = mlp([2], 1);
    expect(suggestDataset({ nodes: [...twoInputs.nodes, { id: 'y', kind: 'Input', params: { shape: [2] }, position: at(9) }], edges: twoInputs.edges })).toBeNull();
  });
});

describe('noDatasetNote', () => {
  it('says which data fits', () => {
    expect(noDatasetNote(suggestDataset(mlp([4], 3)))).toBe(`no dataset chosen yet. The ${IRIS} dataset fits this network; choose it before training.`);
    expect(noDatasetNote(suggestDataset(mlp([784], 10)))).toBe(`no dataset chosen yet. The ${MNIST} dataset fits this network; choose it before training.`);
    expect(noDatasetNote(suggestDataset(mlp([1], 1, { activation: 'linear' })))).toBe(
      'no dataset chosen yet. The built-in Sine wave dataset fits this network; choose it before training.',
    );
    expect(noDatasetNote(suggestDataset(mlp([2], 3)))).toBe(
      'no dataset chosen yet. The built-in Spiral dataset fits this network; choose it before training.',
    );
    expect(noDatasetNote(null)).toBe('no dataset chosen yet; choose one before training.');
  });
});

describe('datasetChoiceJson', () => {
  it('writes the suggestion as the "dataset" of a project file, which loads', () => {
    for (const [graph, json] of [
      [mlp([2], 1), '{"kind": "builtin", "name": "xor"}'],
      [mlp([2], 3), '{"kind": "builtin", "name": "spiral", "classes": 3}'],
      [mlp([1], 1, { activation: 'linear' }), '{"kind": "regression", "name": "sine"}'],
      [mlp([4], 3), '{"kind": "iris"}'],
    ] as const) {
      const suggestion = suggestDataset(graph);
      if (suggestion === null) throw new Error('no suggestion');
      expect(datasetChoiceJson(suggestion)).toBe(json);
      const file = { format: 'layerlab-project', version: 3, name: 'n', graph, dataset: JSON.parse(json) as unknown };
      const loaded = parseProject(JSON.stringify(file));
      expect(loaded.ok && loaded.project.dataset.kind).toBe(suggestion.config.kind);
    }
  });
});

describe('validateProjectNetwork', () => {
  it('checks only the graph when no dataset is chosen', () => {
    const graph = mlp([4], 3);
    const none = validateProjectNetwork({ graph, dataset: { kind: 'none' }, training: { ...DEFAULT_TRAINING, loss: 'categorical_crossentropy' } });
    expect(none.ok).toBe(true);
    expect(none.diagnostics).toEqual([]);
    expect(none.datasetDiagnostics).toEqual([]);
    expect(none.totalParams).toBe(67);
  });

  it('checks the fit to a built-in dataset when one is chosen', () => {
    const graph = mlp([4], 3);
    const xor = validateProjectNetwork({
      graph,
      dataset: { kind: 'builtin', name: 'xor', samples: 400, noise: 0.1, seed: 1, classes: 2 },
      training: { ...DEFAULT_TRAINING, loss: 'categorical_crossentropy' },
    });
    expect(xor.ok).toBe(false);
    expect(xor.datasetDiagnostics.map((d) => d.code)).toContain('dataset-features');
  });
});
