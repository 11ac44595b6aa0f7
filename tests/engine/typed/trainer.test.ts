/** createTypedTrainer behaves as NetworkTrainer (src/engine/trainer.ts) promises. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { LossName, OptimizerName } from '../../../src/core/training/settings.ts';
import type { NetworkTrainer } from '../../../src/engine/trainer.ts';
import { createTypedTrainer } from '../../../src/engine/typed/index.ts';
import type { LayerWeights } from '../../../src/engine/weights.ts';
import { chain, node } from '../../support/graphBuilders.ts';
import type { Task } from './networks.ts';
import { randomBatch, randomWeights } from './networks.ts';

const xorNet = (): Graph =>
  chain([
    node('x', 'Input', { shape: [2] }),
    node('hidden', 'Dense', { units: 4, activation: 'tanh' }),
    node('out', 'Dense', { units: 1, activation: 'sigmoid' }),
  ]);

interface Options {
  optimizer?: OptimizerName;
  learningRate?: number;
  loss?: LossName;
  task?: Task;
  seed?: number;
  weights?: LayerWeights;
}

function make(graph: Graph, options: Options = {}): NetworkTrainer {
  const created = createTypedTrainer({
    graph,
    weights: options.weights ?? randomWeights(graph, 1),
    settings: {
      optimizer: options.optimizer ?? 'sgd',
      learningRate: options.learningRate ?? 0.5,
      loss: options.loss ?? 'binary_crossentropy',
      l2: 0,
      seed: options.seed ?? 1,
    },
    options: { task: options.task ?? 'classification' },
  });
  if (!created.ok) throw new Error(created.message);
  return created.trainer;
}

const XOR_X = new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]);
const XOR_Y = new Float32Array([0, 1, 1, 0]);

describe('training', () => {
  it('learns XOR with a 2-4-1 tanh/sigmoid network', () => {
    const trainer = make(xorNet(), { optimizer: 'adam', learningRate: 0.05 });
    expect(trainer.path).toBe('typed');
    expect(trainer.pathReason).toBe('The network is small (17 weights) and uses only common layers, so plain JavaScript trains it faster than TensorFlow.js.');
    expect([trainer.inputSize, trainer.outputSize, trainer.metric]).toEqual([2, 1, 'accuracy']);
    const before = trainer.evaluate(XOR_X, XOR_Y, 4);
    for (let step = 0; step < 500; step += 1) trainer.trainBatch(XOR_X, XOR_Y, 4);
    const after = trainer.evaluate(XOR_X, XOR_Y, 4);
    expect(after.metric).toBe(1);
    expect(after.loss).toBeLessThan(before.loss / 5);
    const p = trainer.predict(XOR_X, 4);
    expect(Array.from(p, (v) => (v > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
  });

  it("reports the loss and metric of the forward pass before the update, as Keras's fit reports a batch", () => {
    const trainer = make(xorNet());
    const before = trainer.evaluate(XOR_X, XOR_Y, 4);
    const reported = trainer.trainBatch(XOR_X, XOR_Y, 4);
    const after = trainer.evaluate(XOR_X, XOR_Y, 4);
    expect(reported.loss).toBeCloseTo(before.loss, 6);
    expect(reported.metric).toBe(before.metric);
    expect(after.loss).not.toBeCloseTo(before.loss, 4);
  });

  it('keeps momentum when the learning rate changes, and uses the new rate from the next step', () => {
    const trainer = make(xorNet(), { optimizer: 'momentum', learningRate: 0.3 });
    const kernel = (): Float32Array => trainer.getWeights().get('hidden')?.[0]?.values ?? new Float32Array(0);
    for (let step = 0; step < 3; step += 1) trainer.trainBatch(XOR_X, XOR_Y, 4);
    const w0 = kernel();
    trainer.trainBatch(XOR_X, XOR_Y, 4);
    const w1 = kernel();
    trainer.setLearningRate(0);
    trainer.trainBatch(XOR_X, XOR_Y, 4);
    const w2 = kernel();
    // With lr 0 the step is the velocity alone, decayed by the momentum: Δw = 0.9 · previous Δw.
    w2.forEach((v, k) => expect(v - (w1[k] ?? 0)).toBeCloseTo(0.9 * ((w1[k] ?? 0) - (w0[k] ?? 0)), 5));
    expect(w2).not.toEqual(w1);
  });

  it('reports mean absolute error for regression', () => {
    const g = chain([node('x', 'Input', { shape: [1] }), node('out', 'Dense', { units: 2, activation: 'linear' })]);
    const weights: LayerWeights = new Map([
      ['out', [{ name: 'kernel', shape: [1, 2], values: new Float32Array([1, 2]) }, { name: 'bias', shape: [2], values: new Float32Array([0, 1]) }]],
    ]);
    const trainer = make(g, { loss: 'mean_squared_error', task: 'regression', weights });
    // x = 1, 2 → outputs (1, 3), (2, 5); targets (0, 3), (2, 2): errors 1, 0, 0, 3.
    const result = trainer.evaluate(new Float32Array([1, 2]), new Float32Array([0, 3, 2, 2]), 2);
    expect(trainer.metric).toBe('mae');
    expect(result.metric).toBeCloseTo(1, 6);
    expect(result.loss).toBeCloseTo((1 + 0 + 0 + 9) / 4, 6);
  });

  it('adds the weight penalties to the reported loss, as Keras does', () => {
    const g = chain([node('x', 'Input', { shape: [1] }), node('out', 'Dense', { units: 1, activation: 'linear', kernel_regularizer: { l1: 0.5, l2: 0.25 } })]);
    const weights: LayerWeights = new Map([
      ['out', [{ name: 'kernel', shape: [1, 1], values: new Float32Array([-2]) }, { name: 'bias', shape: [1], values: new Float32Array([0]) }]],
    ]);
    const created = createTypedTrainer({
      graph: g,
      weights,
      settings: { optimizer: 'sgd', learningRate: 0.1, loss: 'mean_squared_error', l2: 0.125, seed: 1 },
      options: { task: 'regression' },
    });
    if (!created.ok) throw new Error(created.message);
    // Prediction -2 for target -2: no error, so the loss is the penalty alone: 0.5·2 + (0.25 + 0.125)·4 = 2.5.
    expect(created.trainer.evaluate(new Float32Array([1]), new Float32Array([-2]), 1).loss).toBeCloseTo(2.5, 6);
  });
});

describe('looking inside', () => {
  it("gives every layer's output, the Input's and pass-through layers' included", () => {
    const g = chain([
      node('x', 'Input', { shape: [2] }),
      node('h', 'Dense', { units: 3, activation: 'relu' }),
      node('flat', 'Flatten'),
      node('out', 'Dense', { units: 2, activation: 'softmax' }),
    ]);
    const trainer = make(g, { loss: 'categorical_crossentropy' });
    const x = new Float32Array([0.5, -1, 2, 0.25, -0.75, 1.5]);
    const outputs = trainer.layerOutputs(x, 3);
    expect([...outputs.keys()]).toEqual(['x', 'h', 'flat', 'out']);
    expect(outputs.get('x')?.values).toEqual(x);
    expect(outputs.get('flat')).toEqual(outputs.get('h'));
    expect(outputs.get('out')?.units).toBe(2);
    expect(outputs.get('out')?.values).toEqual(trainer.predict(x, 3));
  });

  it("shows a Dense neuron's arithmetic: inputs, weights, bias, sum and activated output", () => {
    const trainer = make(xorNet());
    const x = new Float32Array([0.3, -0.8]);
    const neuron = trainer.neuron('hidden', 2, x);
    if (neuron === null) throw new Error('no neuron');
    expect(neuron.inputs).toEqual(x);
    const kernel = trainer.getWeights().get('hidden')?.[0]?.values ?? new Float32Array(0);
    expect(Array.from(neuron.weights)).toEqual([kernel[2], kernel[6]]);
    const sum = (neuron.inputs[0] ?? 0) * (neuron.weights[0] ?? 0) + (neuron.inputs[1] ?? 0) * (neuron.weights[1] ?? 0) + neuron.bias;
    expect(neuron.sum).toBeCloseTo(sum, 6);
    expect(neuron.output).toBeCloseTo(Math.tanh(neuron.sum), 6);
    expect(neuron.output).toBe(trainer.layerOutputs(x, 1).get('hidden')?.values[2]);
    expect(trainer.neuron('x', 0, x)).toBeNull();
    expect(trainer.neuron('hidden', 4, x)).toBeNull();
  });

  it("gives a softmax neuron's output as the softmax of its layer's sums at that unit", () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('out', 'Dense', { units: 3, activation: 'softmax' })]);
    const trainer = make(g, { loss: 'categorical_crossentropy' });
    const x = new Float32Array([1, -2]);
    const sums = [0, 1, 2].map((unit) => trainer.neuron('out', unit, x)?.sum ?? Number.NaN);
    const total = sums.reduce((s, v) => s + Math.exp(v), 0);
    expect(trainer.neuron('out', 1, x)?.output).toBeCloseTo(Math.exp(sums[1] ?? 0) / total, 6);
  });
});

describe('weights', () => {
  it('returns copies: changing them does not change the network', () => {
    const trainer = make(xorNet());
    const weights = trainer.getWeights();
    expect([...weights.keys()]).toEqual(['hidden', 'out']);
    expect(weights.get('hidden')?.map((w) => [w.name, w.shape])).toEqual([
      ['kernel', [2, 4]],
      ['bias', [4]],
    ]);
    const before = trainer.predict(XOR_X, 4);
    weights.get('hidden')?.[0]?.values.fill(9);
    expect(trainer.predict(XOR_X, 4)).toEqual(before);
  });

  it('loads weights that fit and lists, in plain words, the ones that do not', () => {
    const trainer = make(xorNet());
    const replacement = randomWeights(xorNet(), 99);
    expect(trainer.setWeights(replacement)).toEqual([]);
    expect(trainer.getWeights()).toEqual(replacement);
    const bad: LayerWeights = new Map([
      ['hidden', [{ name: 'kernel', shape: [3, 4], values: new Float32Array(12) }, { name: 'bias', shape: [4], values: new Float32Array(4) }]],
      ['out', [{ name: 'kernel', shape: [4, 1], values: new Float32Array(4) }]],
      ['ghost', []],
    ]);
    expect(trainer.setWeights(bad)).toEqual([
      "hidden's kernel weights have shape (2, 4) in this network, but the weights given have shape (3, 4), so hidden keeps its current weights.",
      'No bias weights were given for out, so out keeps its current weights.',
      'There is no layer called ghost in this network, so its weights were not loaded.',
    ]);
    expect(trainer.getWeights()).toEqual(replacement);
  });

  it('trains a PReLU alpha', () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('d', 'Dense', { units: 3, activation: 'linear' }), node('p', 'PReLU'), node('out', 'Dense', { units: 1, activation: 'sigmoid' })]);
    const trainer = make(g);
    const alpha = (): number[] => Array.from(trainer.getWeights().get('p')?.[0]?.values ?? []);
    const before = alpha();
    const batch = randomBatch(createRng(3), 16, 2, 'classification', 1);
    for (let step = 0; step < 5; step += 1) trainer.trainBatch(batch.x, batch.y, batch.count);
    expect(alpha()).not.toEqual(before);
  });
});

describe('bad input gets a plain message, not a crash', () => {
  it('refuses a network it cannot run, naming the layer', () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('bn', 'BatchNormalization'), node('out', 'Dense', { units: 1 })]);
    const created = createTypedTrainer({
      graph: g,
      weights: new Map(),
      settings: { optimizer: 'sgd', learningRate: 0.1, loss: 'binary_crossentropy', l2: 0, seed: 1 },
      options: { task: 'classification' },
    });
    expect(created).toEqual({ ok: false, message: "Layer 'bn' (BatchNormalization) needs TensorFlow.js." });
  });

  it('refuses starting weights that are missing or do not fit', () => {
    const created = createTypedTrainer({
      graph: xorNet(),
      weights: new Map([['hidden', randomWeights(xorNet(), 1).get('hidden') ?? []]]),
      settings: { optimizer: 'sgd', learningRate: 0.1, loss: 'binary_crossentropy', l2: 0, seed: 1 },
      options: { task: 'classification' },
    });
    expect(created).toEqual({ ok: false, message: 'The starting weights do not fit this network. No weights were given for out.' });
  });

  it('refuses sparse_categorical_crossentropy on numeric targets', () => {
    const created = createTypedTrainer({
      graph: xorNet(),
      weights: randomWeights(xorNet(), 1),
      settings: { optimizer: 'sgd', learningRate: 0.1, loss: 'sparse_categorical_crossentropy', l2: 0, seed: 1 },
      options: { task: 'regression' },
    });
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.message).toMatch(/needs class labels/);
  });

  it('explains inputs and labels that do not fit the network', () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('out', 'Dense', { units: 3, activation: 'softmax' })]);
    const trainer = make(g, { loss: 'sparse_categorical_crossentropy' });
    expect(() => trainer.predict(new Float32Array(3), 2)).toThrow('The inputs hold 3 numbers, but 2 examples of 2 values each need 4.');
    expect(() => trainer.trainBatch(new Float32Array(4), new Float32Array([1, 3]), 2)).toThrow(
      "Example 2 has the class 3, but the network's output has 3 units, so the classes must be whole numbers from 0 to 2.",
    );
    expect(() => trainer.setLearningRate(Number.NaN)).toThrow('The learning rate must be a number of 0 or more; it is NaN.');
  });
});
