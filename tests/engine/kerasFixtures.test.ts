/**
 * Hand-written graphs with the structure of each Keras fixture (tests/fixtures/keras, written by real Keras 3.15):
 * exact shapes and parameter counts per node, then Keras's own weights loaded with setLayerWeights and the
 * compiled model's predictions compared with what Keras predicted for the same inputs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../src/core/graph/types.ts';
import type { ActivationName } from '../../src/core/layers/index.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { layerNameOf } from '../../src/engine/layerNames.ts';
import { getLayerWeights, setLayerWeights } from '../../src/engine/weights.ts';
import type { LayerWeight } from '../../src/engine/weights.ts';
import { asList, chain, closeness, graph, node, shapeNoBatch } from './helpers.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));

interface FixtureIo {
  inputs: unknown[];
  outputs: unknown[];
  atol: number;
}

interface FixtureWeights {
  layer: string;
  weights: { name: string; shape: number[]; values: number[] }[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')) as T;
}

const dense = (id: string, units: number, activation: ActivationName = 'linear', useBias = true): GraphNode =>
  node(id, 'Dense', { units, activation, use_bias: useBias });

interface Case {
  fixture: string;
  graph: Graph;
  /** Per node: output shape without batch, and parameter count. */
  expected: Record<string, [number[], number]>;
  total: number;
}

const SEQ_ACTIVATIONS: readonly [string, ActivationName][] = [
  ['dense_sigmoid', 'sigmoid'],
  ['dense_elu', 'elu'],
  ['dense_selu', 'selu'],
  ['dense_softplus', 'softplus'],
  ['dense_gelu', 'gelu'],
  ['dense_leaky_relu', 'leaky_relu'],
  ['dense_linear', 'linear'],
  ['dense_relu6', 'relu6'],
  ['dense_softsign', 'softsign'],
  ['dense_silu', 'silu'],
  ['dense_swish', 'swish'],
  ['dense_mish', 'mish'],
  ['dense_hard_sigmoid', 'hard_sigmoid'],
  ['dense_tanh', 'tanh'],
  ['dense_relu', 'relu'],
  ['dense_exponential', 'exponential'],
];

const CASES: Case[] = [
  {
    fixture: 'seq_mlp',
    graph: chain([node('features', 'Input', { shape: [4] }), dense('hidden1', 16, 'relu'), dense('hidden2', 8, 'tanh'), dense('probs', 3, 'softmax')]),
    expected: { features: [[4], 0], hidden1: [[16], 80], hidden2: [[8], 136], probs: [[3], 27] },
    total: 243,
  },
  {
    fixture: 'func_concat_add',
    graph: graph(
      [
        node('x', 'Input', { shape: [4] }),
        dense('branch_a', 8, 'relu'),
        dense('branch_b', 8),
        node('cat', 'Concatenate', { axis: -1 }),
        node('drop', 'Dropout', { rate: 0.3 }),
        dense('proj', 8),
        node('sum', 'Add'),
        node('act', 'Activation', { activation: 'sigmoid' }),
        dense('y', 3, 'softmax'),
      ],
      [
        ['x', 'branch_a'],
        ['x', 'branch_b'],
        ['branch_a', 'cat'],
        ['branch_b', 'cat'],
        ['cat', 'drop'],
        ['drop', 'proj'],
        ['proj', 'sum'],
        ['branch_a', 'sum'],
        ['sum', 'act'],
        ['act', 'y'],
      ],
    ),
    expected: {
      x: [[4], 0],
      branch_a: [[8], 40],
      branch_b: [[8], 40],
      cat: [[16], 0],
      drop: [[16], 0],
      proj: [[8], 136],
      sum: [[8], 0],
      act: [[8], 0],
      y: [[3], 27],
    },
    total: 243,
  },
  {
    fixture: 'func_multi_input',
    graph: graph(
      [
        node('in_a', 'Input', { shape: [3] }),
        node('in_b', 'Input', { shape: [5] }),
        dense('ha', 4, 'relu'),
        dense('hb', 4, 'relu'),
        node('merge', 'Concatenate', { axis: -1 }),
        dense('score', 1),
      ],
      [
        ['in_a', 'ha'],
        ['in_b', 'hb'],
        ['ha', 'merge'],
        ['hb', 'merge'],
        ['merge', 'score'],
      ],
    ),
    expected: { in_a: [[3], 0], in_b: [[5], 0], ha: [[4], 16], hb: [[4], 24], merge: [[8], 0], score: [[1], 9] },
    total: 49,
  },
  {
    fixture: 'func_multi_output',
    graph: graph(
      [node('x', 'Input', { shape: [5] }), dense('trunk', 16, 'relu'), node('trunk_drop', 'Dropout', { rate: 0.2 }), dense('class_head', 3, 'softmax'), dense('reg_head', 1)],
      [
        ['x', 'trunk'],
        ['trunk', 'trunk_drop'],
        ['trunk_drop', 'class_head'],
        ['trunk_drop', 'reg_head'],
      ],
    ),
    expected: { x: [[5], 0], trunk: [[16], 96], trunk_drop: [[16], 0], class_head: [[3], 51], reg_head: [[1], 17] },
    total: 164,
  },
  {
    fixture: 'func_activation_layers',
    graph: chain([
      node('x', 'Input', { shape: [5] }),
      dense('d1', 8),
      node('relu6', 'ReLU', { max_value: 6 }),
      dense('d2', 8),
      node('lrelu', 'LeakyReLU', { negative_slope: 0.2 }),
      dense('d3', 8),
      node('gelu', 'Activation', { activation: 'gelu' }),
      dense('logits', 4),
      node('softmax', 'Softmax', { axis: -1 }),
    ]),
    expected: {
      x: [[5], 0],
      d1: [[8], 48],
      relu6: [[8], 0],
      d2: [[8], 72],
      lrelu: [[8], 0],
      d3: [[8], 72],
      gelu: [[8], 0],
      logits: [[4], 36],
      softmax: [[4], 0],
    },
    total: 228,
  },
  {
    fixture: 'func_bn_flatten_reshape',
    graph: chain([
      node('x', 'Input', { shape: [12] }),
      node('to_grid', 'Reshape', { target_shape: [3, 4] }),
      node('flat', 'Flatten'),
      dense('d', 10),
      node('bn', 'BatchNormalization'),
      node('relu', 'Activation', { activation: 'relu' }),
      node('drop', 'Dropout', { rate: 0.4 }),
      dense('y', 2, 'softmax'),
    ]),
    expected: {
      x: [[12], 0],
      to_grid: [[3, 4], 0],
      flat: [[12], 0],
      d: [[10], 130],
      bn: [[10], 40],
      relu: [[10], 0],
      drop: [[10], 0],
      y: [[2], 22],
    },
    total: 192,
  },
  {
    fixture: 'seq_activations',
    graph: chain([node('x', 'Input', { shape: [5] }), ...SEQ_ACTIVATIONS.map(([id, activation]) => dense(id, 6, activation)), dense('out', 3, 'softmax')]),
    expected: {
      x: [[5], 0],
      ...Object.fromEntries(SEQ_ACTIVATIONS.map(([id], i) => [id, [[6], i === 0 ? 36 : 42] as [number[], number]])),
      out: [[3], 21],
    },
    total: 687,
  },
  {
    fixture: 'seq_activation_layers',
    graph: chain([
      node('input_layer', 'Input', { shape: [6] }),
      dense('dense', 8),
      node('activation', 'Activation', { activation: 'relu' }),
      dense('dense_1', 8),
      node('re_lu', 'ReLU'),
      dense('dense_2', 8),
      node('re_lu_1', 'ReLU', { max_value: 1 }),
      dense('dense_3', 8),
      node('leaky_re_lu', 'LeakyReLU', { negative_slope: 0.1 }),
      dense('dense_4', 8),
      node('leaky_re_lu_1', 'LeakyReLU', { negative_slope: 0.3 }),
      dense('dense_5', 8),
      node('elu', 'ELU', { alpha: 1 }),
      dense('dense_6', 8),
      node('p_re_lu', 'PReLU', { shared_axes: null }),
      dense('dense_7', 4),
      node('activation_1', 'Activation', { activation: 'elu' }),
      dense('dense_8', 3),
      node('softmax', 'Softmax'),
    ]),
    expected: {
      input_layer: [[6], 0],
      dense: [[8], 56],
      activation: [[8], 0],
      dense_1: [[8], 72],
      re_lu: [[8], 0],
      dense_2: [[8], 72],
      re_lu_1: [[8], 0],
      dense_3: [[8], 72],
      leaky_re_lu: [[8], 0],
      dense_4: [[8], 72],
      leaky_re_lu_1: [[8], 0],
      dense_5: [[8], 72],
      elu: [[8], 0],
      dense_6: [[8], 72],
      p_re_lu: [[8], 8],
      dense_7: [[4], 36],
      activation_1: [[4], 0],
      dense_8: [[3], 15],
      softmax: [[3], 0],
    },
    total: 547,
  },
  {
    fixture: 'seq_bn_dropout',
    graph: chain([
      node('x', 'Input', { shape: [5] }),
      dense('dense_nobias', 16, 'linear', false),
      node('bn', 'BatchNormalization'),
      node('act', 'Activation', { activation: 'relu' }),
      node('drop', 'Dropout', { rate: 0.5 }),
      dense('out', 1, 'sigmoid'),
    ]),
    expected: { x: [[5], 0], dense_nobias: [[16], 80], bn: [[16], 64], act: [[16], 0], drop: [[16], 0], out: [[1], 17] },
    total: 161,
  },
  {
    fixture: 'seq_flatten_reshape',
    graph: chain([
      node('grid', 'Input', { shape: [2, 3] }),
      node('flat', 'Flatten'),
      dense('d12', 12, 'relu'),
      node('reshape', 'Reshape', { target_shape: [3, 4] }),
      node('flat2', 'Flatten'),
      node('reshape_m1', 'Reshape', { target_shape: [-1, 2] }),
      node('flat3', 'Flatten'),
      dense('out', 2),
    ]),
    expected: {
      grid: [[2, 3], 0],
      flat: [[6], 0],
      d12: [[12], 84],
      reshape: [[3, 4], 0],
      flat2: [[12], 0],
      reshape_m1: [[6, 2], 0],
      flat3: [[12], 0],
      out: [[2], 26],
    },
    total: 110,
  },
  {
    fixture: 'seq_default_names',
    graph: chain([node('input_layer_3', 'Input', { shape: [3] }), dense('dense_12', 4, 'relu'), node('dropout_1', 'Dropout', { rate: 0.1 }), dense('dense_13', 2)]),
    expected: { input_layer_3: [[3], 0], dense_12: [[4], 16], dropout_1: [[4], 0], dense_13: [[2], 10] },
    total: 26,
  },
  {
    fixture: 'seq_trained_compiled',
    graph: chain([node('input_layer_5', 'Input', { shape: [4] }), dense('dense_16', 8, 'relu'), dense('dense_17', 3, 'softmax')]),
    expected: { input_layer_5: [[4], 0], dense_16: [[8], 40], dense_17: [[3], 27] },
    total: 67,
  },
];

describe.each(CASES)('$fixture', ({ fixture, graph: g, expected, total }) => {
  let model: tf.LayersModel;

  beforeAll(() => {
    const result = compileGraph(g);
    if (!result.ok) throw new Error(result.message);
    model = result.model;
  });

  afterAll(() => {
    model.dispose();
  });

  it('has the exact shape and parameter count of every node, and Keras count_params in total', () => {
    const actual = Object.fromEntries(
      g.nodes.map((n) => {
        const layer = model.getLayer(layerNameOf(n.id));
        return [n.id, [shapeNoBatch(layer.outputShape), layer.countParams()]];
      }),
    );
    expect(actual).toEqual(expected);
    expect(model.countParams()).toBe(total);
    const index = readJson<{ fixtures: { name: string; params: number }[] }>('index.json');
    expect(index.fixtures.find((f) => f.name === fixture)?.params).toBe(total);
  });

  it("predicts what Keras predicted, with Keras's weights loaded by name", () => {
    const weights = new Map<string, LayerWeight[]>(
      readJson<FixtureWeights[]>(`${fixture}.weights.json`).map((layer) => [
        layer.layer,
        layer.weights.map((w) => ({ name: w.name, shape: w.shape, values: Float32Array.from(w.values) })),
      ]),
    );
    expect(setLayerWeights(model, weights)).toEqual([]);
    // What was loaded is what getLayerWeights reads back, under the same names and in Keras's order.
    const readBack = getLayerWeights(model);
    expect([...readBack.keys()].sort()).toEqual([...weights.keys()].sort());
    for (const [id, list] of weights) {
      expect(readBack.get(id)?.map((w) => [w.name, w.shape])).toEqual(list.map((w) => [w.name, w.shape]));
      expect(readBack.get(id)?.map((w) => [...w.values])).toEqual(list.map((w) => [...w.values]));
    }

    const io = readJson<FixtureIo>(`${fixture}.io.json`);
    const inputs = io.inputs.map((rows) => tf.tensor(rows as number[][]));
    const outputs = asList(model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs));
    try {
      expect(outputs).toHaveLength(io.outputs.length);
      outputs.forEach((output, i) => {
        const want = tf.tensor(io.outputs[i] as number[][]);
        expect(output.shape).toEqual(want.shape);
        expect(closeness(output.dataSync(), want.dataSync(), io.atol)).toBeLessThanOrEqual(1);
        want.dispose();
      });
    } finally {
      tf.dispose([...inputs, ...outputs]);
    }
  });
});
