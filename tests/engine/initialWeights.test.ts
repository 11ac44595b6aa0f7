/**
 * The engine starts from core's starting weights (core/weights/initialWeights.ts), on both numeric paths: the values
 * a fresh trainer reports are core's graphInitialWeights for the seed, bit for bit, for every layer kind that has
 * weights and every initializer. The Python export recomputes the same values (tests/keras/sameRun.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../src/core/graph/types.ts';
import { INITIALIZERS } from '../../src/core/layers/index.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import type { InitialWeights } from '../../src/core/weights/initialWeights.ts';
import { graphInitialWeights } from '../../src/core/weights/initialWeights.ts';
import { nodeWasmPaths } from '../../src/cli/tfjsBackendNode.ts';
import { createTrainer, initEngine } from '../../src/engine/createTrainer.ts';
import type { EnginePath } from '../../src/engine/trainer.ts';
import { fromProjectWeights, initialProjectWeights } from '../../src/engine/projectWeights.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import type { LayerWeights } from '../../src/engine/weights.ts';
import { getLayerWeights } from '../../src/engine/weights.ts';
import { chain, node } from './helpers.ts';

beforeAll(async () => {
  await initEngine({ wasmPaths: nodeWasmPaths() });
});

/** Every initializer as a kernel (and, shifted by one, as a bias), BatchNormalization four ways, PReLU with a shared axis. */
function everyWeightedLayer(): Graph {
  const dense: GraphNode[] = INITIALIZERS.map((kernel, i) =>
    node(`d_${kernel}`, 'Dense', { units: 3 + (i % 3), activation: 'tanh', kernel_initializer: kernel, bias_initializer: INITIALIZERS[(i + 1) % INITIALIZERS.length] }),
  );
  return chain([
    node('x', 'Input', { shape: [2, 3] }),
    ...dense,
    node('no_bias', 'Dense', { units: 4, use_bias: false, kernel_initializer: 'lecun_normal' }),
    node('bn', 'BatchNormalization'),
    node('bn_c', 'BatchNormalization', { scale: false }),
    node('bn_s', 'BatchNormalization', { center: false, axis: 1 }),
    node('bn_0', 'BatchNormalization', { center: false, scale: false }),
    node('p', 'PReLU', { shared_axes: [1] }),
    node('flat', 'Flatten'),
    node('out', 'Dense', { units: 1, activation: 'sigmoid' }),
  ]);
}

/** What the typed path runs: Dense, PReLU, Dropout. */
function typedNetwork(): Graph {
  return chain([
    node('x', 'Input', { shape: [3] }),
    node('h', 'Dense', { units: 5, kernel_initializer: 'he_normal', bias_initializer: 'random_uniform' }),
    node('p', 'PReLU'),
    node('drop', 'Dropout', { rate: 0.2 }),
    node('g', 'Dense', { units: 4, activation: 'tanh', kernel_initializer: 'truncated_normal', bias_initializer: 'glorot_normal' }),
    node('out', 'Dense', { units: 1, activation: 'sigmoid' }),
  ]);
}

function core(graph: Graph, seed: number): InitialWeights {
  const result = graphInitialWeights(graph, seed);
  if (!result.ok) throw new Error(result.message);
  return result.weights;
}

/** Names, shapes and the float32 bits of every value, by node id, sorted by id (the maps' order differs by path). */
function bits(weights: LayerWeights | InitialWeights): [string, [string, number[], number[]][]][] {
  return [...weights]
    .map(([id, list]): [string, [string, number[], number[]][]] => [id, list.map((w) => [w.name, [...w.shape], Array.from(new Uint32Array(Float32Array.from(w.values).buffer))])])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function trainerWeights(graph: Graph, seed: number, path: EnginePath): LayerWeights {
  const initial = initialProjectWeights(graph, seed);
  if (!initial.ok) throw new Error(initial.message);
  const made = createTrainer({ graph, weights: fromProjectWeights(initial.weights), settings: { ...DEFAULT_TRAINING, seed }, options: { task: 'classification', path } });
  if (!made.ok) throw new Error(made.message);
  try {
    expect(made.trainer.path).toBe(path);
    return made.trainer.getWeights();
  } finally {
    made.trainer.dispose();
  }
}

describe("the engine's starting weights are core's", () => {
  it('builds the TensorFlow.js model with exactly the values core computes, before any weights are given to it', () => {
    const graph = everyWeightedLayer();
    const compiled = compileGraph(graph, { seed: 11 });
    if (!compiled.ok) throw new Error(compiled.message);
    try {
      expect(bits(getLayerWeights(compiled.model))).toEqual(bits(core(graph, 11)));
    } finally {
      compiled.model.dispose();
    }
  });

  it('gives every weighted layer kind and every initializer, in Keras order, the values core computes (TensorFlow.js path)', () => {
    const graph = everyWeightedLayer();
    for (const seed of [1, 7, -3]) {
      const expected = bits(core(graph, seed));
      expect(expected.map(([id, list]) => [id, list.map(([name]) => name)])).toContainEqual(['bn_s', ['gamma', 'moving_mean', 'moving_variance']]);
      expect(bits(trainerWeights(graph, seed, 'tfjs-wasm'))).toEqual(expected);
    }
  });

  it('starts the typed path from the same values', () => {
    const graph = typedNetwork();
    for (const seed of [1, 2026]) {
      const expected = bits(core(graph, seed));
      expect(expected.map(([id]) => id)).toEqual(['g', 'h', 'out', 'p']);
      expect(bits(trainerWeights(graph, seed, 'typed'))).toEqual(expected);
      expect(bits(trainerWeights(graph, seed, 'tfjs-wasm'))).toEqual(expected);
    }
  });

  it("keeps Keras's starting values for BatchNormalization and PReLU, and a layer's weights when another layer is added", () => {
    const weights = core(everyWeightedLayer(), 1);
    const values = (id: string) => Object.fromEntries((weights.get(id) ?? []).map((w) => [w.name, [...w.values]]));
    expect(values('bn_c')).toEqual({ beta: [0, 0, 0, 0], moving_mean: [0, 0, 0, 0], moving_variance: [1, 1, 1, 1] });
    expect(values('bn_s')).toEqual({ gamma: [1, 1], moving_mean: [0, 0], moving_variance: [1, 1] });
    expect(weights.get('p')?.map((w) => w.shape)).toEqual([[1, 4]]);
    const longer = typedNetwork();
    const extra: Graph = { nodes: [...longer.nodes, node('late', 'Dense', { units: 2 })], edges: [...longer.edges, { id: 'e_late', source: 'out', target: 'late', inputIndex: 0 }] };
    const before = bits(core(longer, 5));
    const after = bits(core(extra, 5)).filter(([id]) => id !== 'late');
    expect(after).toEqual(before);
  });

  it('refuses a graph whose shapes cannot be worked out, with core\'s message', () => {
    const broken = chain([node('x', 'Input', { shape: [2] }), node('d', 'Dense', { units: 0 })]);
    expect(graphInitialWeights(broken, 1)).toEqual({ ok: false, message: 'Dense units must be at least 1; it is 0.', nodeIds: ['d'] });
  });
});
