/** typedPathSupport: which networks the typed path runs, and the sentence a student reads when it does not. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import { TYPED_PATH_MAX_WEIGHTS, createTypedTrainer, typedPathSupport } from '../../../src/engine/typed/index.ts';
import { chain, graph, node } from '../../support/graphBuilders.ts';
import { randomBatch, randomWeights } from './networks.ts';

describe('typedPathSupport', () => {
  it('accepts small networks of the common layers', () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('h', 'Dense', { units: 8 }), node('drop', 'Dropout', { rate: 0.2 }), node('out', 'Dense', { units: 1, activation: 'sigmoid' })]);
    expect(typedPathSupport(g)).toEqual({ ok: true });
  });

  it('names a layer it cannot compute', () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('bn', 'BatchNormalization'), node('out', 'Dense', { units: 1 })]);
    expect(typedPathSupport(g)).toEqual({ ok: false, reason: "Layer 'bn' (BatchNormalization) needs TensorFlow.js." });
  });

  it('names a layer that works on data that is not flat', () => {
    const g = chain([node('x', 'Input', { shape: [4, 3] }), node('d', 'Dense', { units: 2 })]);
    expect(typedPathSupport(g)).toEqual({
      ok: false,
      reason: "Layer 'd' (Dense) works on a (4, 3) input; the plain JavaScript path handles only flat inputs such as (n,), so TensorFlow.js runs this network.",
    });
  });

  it('takes an image Input flattened before the first layer (Flatten only renames dimensions)', () => {
    const g = chain([node('img', 'Input', { shape: [4, 3] }), node('flat', 'Flatten'), node('out', 'Dense', { units: 2, activation: 'softmax' })]);
    expect(typedPathSupport(g)).toEqual({ ok: true });
    const created = createTypedTrainer({
      graph: g,
      weights: randomWeights(g, 1),
      settings: { optimizer: 'adam', learningRate: 0.01, loss: 'sparse_categorical_crossentropy', l2: 0, seed: 1 },
      options: { task: 'classification' },
    });
    if (!created.ok) throw new Error(created.message);
    expect(created.trainer.inputSize).toBe(12);
    const batch = randomBatch(createRng(1), 5, 12, 'classification', 2);
    expect(Number.isFinite(created.trainer.trainBatch(batch.x, batch.y, batch.count).loss)).toBe(true);
    expect(created.trainer.layerOutputs(batch.x, 5).get('img')?.units).toBe(12);
  });

  it('takes exactly one Input and one output', () => {
    const twoInputs = graph(
      [node('a', 'Input', { shape: [2] }), node('b', 'Input', { shape: [2] }), node('sum', 'Add')],
      [
        ['a', 'sum'],
        ['b', 'sum'],
      ],
    );
    expect(typedPathSupport(twoInputs)).toEqual({
      ok: false,
      reason: "The network has 2 Inputs ('a' and 'b'); the plain JavaScript path takes exactly one, so TensorFlow.js runs it.",
    });
    const twoOutputs = graph(
      [node('x', 'Input', { shape: [2] }), node('p', 'Dense', { units: 1 }), node('q', 'Dense', { units: 1 })],
      [
        ['x', 'p'],
        ['x', 'q'],
      ],
    );
    expect(typedPathSupport(twoOutputs)).toEqual({
      ok: false,
      reason: "The network has 2 outputs ('p' and 'q'); the plain JavaScript path takes exactly one, so TensorFlow.js runs it.",
    });
  });

  it(`leaves networks of more than ${TYPED_PATH_MAX_WEIGHTS.toLocaleString('en-US')} weights to TensorFlow.js's WebAssembly backend`, () => {
    const mnist = chain([node('x', 'Input', { shape: [784] }), node('h', 'Dense', { units: 128 }), node('out', 'Dense', { units: 10, activation: 'softmax' })]);
    expect(typedPathSupport(mnist)).toEqual({
      ok: false,
      reason: `The network has 101,770 weights; above ${TYPED_PATH_MAX_WEIGHTS.toLocaleString('en-US')} TensorFlow.js's WebAssembly backend is faster.`,
    });
  });

  it("passes on core's own message for a network with an error", () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('d', 'Dense', { units: 0 })]);
    const support = typedPathSupport(g);
    expect(support.ok).toBe(false);
    if (!support.ok) expect(support.reason).toContain('units');
  });
});
