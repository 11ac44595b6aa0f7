/**
 * Every activation LayerLab lists, and every activation layer with the parameters tfjs cannot express, computes
 * Keras 3's formula. Formulas are written out here; the layer cases use values real Keras 3.15.1 computed.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { GraphNode } from '../../src/core/graph/types.ts';
import { ACTIVATIONS } from '../../src/core/layers/index.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { setLayerWeights } from '../../src/engine/weights.ts';
import { KERAS_ACTIVATIONS } from '../support/kerasActivations.ts';
import { chain, closeness, node } from './helpers.ts';

const POINTS = [-7, -3, -2, -0.5, 0, 0.5, 2, 3, 7];

const FORMULAS = KERAS_ACTIVATIONS;

const models: tf.LayersModel[] = [];
afterEach(() => {
  for (const model of models.splice(0)) model.dispose();
});

/** Compiles input(n) -> layer and returns the model's output for one row. */
function run(layer: GraphNode, row: readonly number[], extraWeights?: () => void): number[] {
  const result = compileGraph(chain([node('x', 'Input', { shape: [row.length] }), layer]));
  if (!result.ok) throw new Error(result.message);
  models.push(result.model);
  extraWeights?.();
  return tf.tidy(() => Array.from((result.model.predict(tf.tensor2d([[...row]])) as tf.Tensor).dataSync()));
}

describe('activation functions compute Keras 3 formulas', () => {
  it('covers every activation LayerLab lists', () => {
    expect(Object.keys(FORMULAS).sort()).toEqual([...ACTIVATIONS].sort());
  });

  it.each([...ACTIVATIONS])('%s, as an Activation layer', (name) => {
    const expected = POINTS.map((x) => FORMULAS[name](x, POINTS));
    expect(closeness(run(node('act', 'Activation', { activation: name }), POINTS), expected, 1e-5, 1e-6)).toBeLessThanOrEqual(1);
  });

  it.each([...ACTIVATIONS])('%s, as a Dense activation', (name) => {
    const n = POINTS.length;
    // Identity kernel and zero bias, so the Dense layer's output is its activation of the input.
    const result = compileGraph(chain([node('x', 'Input', { shape: [n] }), node('d', 'Dense', { units: n, activation: name })]));
    if (!result.ok) throw new Error(result.message);
    models.push(result.model);
    const identity = new Float32Array(n * n);
    for (let i = 0; i < n; i += 1) identity[i * n + i] = 1;
    const problems = setLayerWeights(
      result.model,
      new Map([['d', [{ name: 'kernel', shape: [n, n], values: identity }, { name: 'bias', shape: [n], values: new Float32Array(n) }]]]),
    );
    expect(problems).toEqual([]);
    const out = tf.tidy(() => Array.from((result.model.predict(tf.tensor2d([POINTS])) as tf.Tensor).dataSync()));
    expect(closeness(out, POINTS.map((x) => FORMULAS[name](x, POINTS)), 1e-5, 1e-6)).toBeLessThanOrEqual(1);
  });

  it("uses Keras 3's hard_sigmoid (x/6 + 1/2), not tfjs's Keras 2 one (0.2 x + 1/2)", () => {
    expect(run(node('act', 'Activation', { activation: 'hard_sigmoid' }), [-2, 2])).toEqual([
      expect.closeTo(1 / 6, 6),
      expect.closeTo(5 / 6, 6),
    ]);
  });
});

/** x values and the outputs real Keras 3.15.1 (TensorFlow 2.21) gave for them (keras.layers.*(...)(x)). */
const X = [-3, -2, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2, 3, 7];
const KERAS_LAYER_OUTPUTS: { layer: GraphNode; keras: number[] }[] = [
  {
    layer: node('r', 'ReLU', { max_value: null, negative_slope: 0.1, threshold: 0 }),
    keras: [-0.3, -0.2, -0.15, -0.1, -0.05, -0.025, 0, 0.25, 0.5, 1, 1.5, 2, 3, 7],
  },
  {
    layer: node('r', 'ReLU', { max_value: 2, negative_slope: 0.1, threshold: 0 }),
    keras: [-0.3, -0.2, -0.15, -0.1, -0.05, -0.025, 0, 0.25, 0.5, 1, 1.5, 2, 2, 2],
  },
  {
    layer: node('r', 'ReLU', { max_value: null, negative_slope: 0, threshold: 0.5 }),
    keras: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1.5, 2, 3, 7],
  },
  {
    layer: node('r', 'ReLU', { max_value: 6, negative_slope: 0, threshold: 0 }),
    keras: [0, 0, 0, 0, 0, 0, 0, 0.25, 0.5, 1, 1.5, 2, 3, 6],
  },
  {
    layer: node('r', 'ReLU', { max_value: 1, negative_slope: 0.3, threshold: 0.5 }),
    keras: [-1.05, -0.75, -0.6, -0.45, -0.3, -0.225, -0.15, -0.075, 0, 1, 1, 1, 1, 1],
  },
  {
    layer: node('r', 'ReLU', { max_value: 0.2, negative_slope: 0.3, threshold: 0.5 }),
    keras: [-1.05, -0.75, -0.6, -0.45, -0.3, -0.225, -0.15, -0.075, 0, 0.2, 0.2, 0.2, 0.2, 0.2],
  },
  {
    layer: node('r', 'ReLU', { max_value: null, negative_slope: 2, threshold: 0 }),
    keras: [-6, -4, -3, -2, -1, -0.5, 0, 0.25, 0.5, 1, 1.5, 2, 3, 7],
  },
  {
    layer: node('r', 'ReLU', { max_value: null, negative_slope: 0.5, threshold: 1 }),
    keras: [-2, -1.5, -1.25, -1, -0.75, -0.625, -0.5, -0.375, -0.25, 0, 1.5, 2, 3, 7],
  },
  {
    layer: node('r', 'ReLU', { max_value: 0, negative_slope: 0, threshold: 0 }),
    keras: X.map(() => 0),
  },
  {
    layer: node('e', 'ELU', { alpha: 0.5 }),
    keras: [-0.4751, -0.4323, -0.3884, -0.3161, -0.1967, -0.1106, 0, 0.25, 0.5, 1, 1.5, 2, 3, 7],
  },
  {
    layer: node('l', 'LeakyReLU', { negative_slope: 2 }),
    keras: [-6, -4, -3, -2, -1, -0.5, 0, 0.25, 0.5, 1, 1.5, 2, 3, 7],
  },
];

describe('activation layers match real Keras, including parameters tfjs lacks', () => {
  it.each(KERAS_LAYER_OUTPUTS.map((c) => [JSON.stringify({ kind: c.layer.kind, ...c.layer.params }), c] as const))('%s', (_label, { layer, keras }) => {
    expect(closeness(run(layer, X), keras, 1e-4)).toBeLessThanOrEqual(1);
  });

  it('Softmax over an axis that is not the last', () => {
    const result = compileGraph(chain([node('x', 'Input', { shape: [2, 3] }), node('s', 'Softmax', { axis: 1 })]));
    if (!result.ok) throw new Error(result.message);
    models.push(result.model);
    const rows = [
      [1, -2, 0.5],
      [3, 0, -1],
    ];
    const out = tf.tidy(() => Array.from((result.model.predict(tf.tensor3d([rows])) as tf.Tensor).dataSync()));
    // axis 1 is the first axis after the batch: each column of `rows` adds up to 1.
    const expected = rows.flatMap((row) => row.map((v, j) => Math.exp(v) / rows.reduce((s, r) => s + Math.exp(r[j] ?? 0), 0)));
    expect(closeness(out, expected, 1e-6)).toBeLessThanOrEqual(1);
  });
});

describe('step (perceptron)', () => {
  it('passes the gradient straight through (the perceptron rule)', () => {
    const result = compileGraph(chain([node('x', 'Input', { shape: [4] }), node('s', 'Activation', { activation: 'step' })]));
    if (!result.ok) throw new Error(result.message);
    const { model } = result;
    models.push(model);
    const before = tf.memory().numTensors;
    const upstream = tf.tensor2d([[0.5, -1, 2, 3]]);
    const x = tf.tensor2d([[-1, 0, 0.2, -0.1]]);
    const grad = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(model.apply(input) as tf.Tensor, upstream)));
    const dx = grad(x);
    expect(Array.from(dx.dataSync())).toEqual([0.5, -1, 2, 3]);
    tf.dispose([upstream, x, dx]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('lets a single step neuron learn AND by gradient descent', async () => {
    const result = compileGraph(chain([node('x', 'Input', { shape: [2] }), node('p', 'Dense', { units: 1, activation: 'step' })]), { seed: 3 });
    if (!result.ok) throw new Error(result.message);
    const { model } = result;
    models.push(model);
    const optimizer = tf.train.sgd(0.1);
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const xs = tf.tensor2d([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const ys = tf.tensor2d([[0], [0], [0], [1]]);
    await model.fit(xs, ys, { epochs: 60, batchSize: 4, shuffle: false, verbose: 0 });
    const predicted = tf.tidy(() => Array.from((model.predict(xs) as tf.Tensor).dataSync()));
    expect(predicted).toEqual([0, 0, 0, 1]);
    tf.dispose([xs, ys]);
    optimizer.dispose();
  });
});
