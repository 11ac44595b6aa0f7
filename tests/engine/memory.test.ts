/** No tensor outlives its model: compile + dispose, the model holder, prediction and training steps. */
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/core/graph/types.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { createModelHolder } from '../../src/engine/modelHolder.ts';
import { arbitraryValidGraph } from '../support/randomGraph.ts';
import { chain, node } from './helpers.ts';

const MLP = chain([
  node('x', 'Input', { shape: [4] }),
  node('h', 'Dense', { units: 16 }),
  node('bn', 'BatchNormalization', { center: false }),
  node('drop', 'Dropout', { rate: 0.3 }),
  node('y', 'Dense', { units: 3, activation: 'softmax' }),
]);

describe('memory', () => {
  it('compile + dispose leaves no tensor behind (random graphs)', () => {
    const graphs = fc.sample(arbitraryValidGraph(), { numRuns: 50, seed: 7 });
    const before = tf.memory().numTensors;
    for (const g of graphs) {
      const result = compileGraph(g);
      if (!result.ok) throw new Error(result.message);
      result.model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the model holder disposes the model it replaces: 20 replacements do not grow memory', () => {
    const holder = createModelHolder();
    const before = tf.memory().numTensors;
    holder.replace(MLP, { seed: 0 });
    const withOne = tf.memory().numTensors;
    expect(withOne).toBeGreaterThan(before);
    for (let i = 1; i <= 20; i += 1) {
      const old = holder.current();
      const result = holder.replace(MLP, { seed: i });
      expect(result.ok).toBe(true);
      expect(holder.current()).not.toBe(old);
      expect(tf.memory().numTensors).toBe(withOne);
    }
    holder.dispose();
    expect(holder.current()).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the model holder frees the old model also when the new graph does not compile, and can go on', () => {
    const holder = createModelHolder();
    const before = tf.memory().numTensors;
    holder.replace(MLP);
    const broken: Graph = chain([node('x', 'Input', { shape: [4] }), node('h', 'Dense', { units: 0 })]);
    const result = holder.replace(broken);
    expect(result.ok).toBe(false);
    expect(holder.current()).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    expect(holder.replace(MLP).ok).toBe(true);
    expect(holder.current()).not.toBeNull();
    holder.dispose();
    holder.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the model holder takes any sequence of random graphs without leaking', () => {
    const holder = createModelHolder();
    const before = tf.memory().numTensors;
    for (const g of fc.sample(arbitraryValidGraph(), { numRuns: 20, seed: 11 })) {
      const result = holder.replace(g);
      expect(result.ok).toBe(true);
      const weights = holder.current()?.weights.length ?? 0;
      expect(tf.memory().numTensors).toBe(before + weights);
    }
    holder.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('prediction and training steps (BatchNormalization updates, seeded Dropout, step activation) leak nothing', async () => {
    const g = chain([
      node('x', 'Input', { shape: [2, 3, 1, 2] }),
      node('bn', 'BatchNormalization', { axis: 2 }),
      node('flat', 'Flatten'),
      node('drop', 'Dropout', { rate: 0.5 }),
      node('p', 'Dense', { units: 2, activation: 'step' }),
    ]);
    const result = compileGraph(g);
    if (!result.ok) throw new Error(result.message);
    const { model } = result;
    const optimizer = tf.train.sgd(0.01);
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const xs = tf.randomNormal([8, 2, 3, 1, 2]);
    const ys = tf.ones([8, 2]);
    await model.fit(xs, ys, { epochs: 1, batchSize: 4, verbose: 0 });
    const settled = tf.memory().numTensors;
    await model.fit(xs, ys, { epochs: 3, batchSize: 4, verbose: 0 });
    tf.dispose(model.predict(xs));
    expect(tf.memory().numTensors).toBe(settled);
    tf.dispose([xs, ys]);
    model.dispose();
    optimizer.dispose();
  });
});
