/**
 * No tensor outlives a call: tf.memory().numTensors is the same after 50 training steps (and evaluations, predictions,
 * layer outputs, neuron reads) as after the first, on both tfjs paths, and dispose() frees everything the trainer made.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { OptimizerName } from '../../../src/core/training/settings.ts';
import { chain, node, seededBatch, specFor, trainerFor } from './support.ts';

const NETWORKS: { name: string; graph: Graph; engine: 'dense-fast-path' | 'generic'; optimizer: OptimizerName }[] = [
  {
    name: 'Dense chain with Dropout and an autodiff activation',
    engine: 'dense-fast-path',
    optimizer: 'adam',
    graph: chain([
      node('x', 'Input', { shape: [4] }),
      node('h', 'Dense', { units: 8, activation: 'gelu', kernel_regularizer: { l1: 0.01, l2: 0.01 } }),
      node('drop', 'Dropout', { rate: 0.25 }),
      node('out', 'Dense', { units: 3, activation: 'softmax' }),
    ]),
  },
  {
    name: 'BatchNormalization, Reshape and Flatten (generic path)',
    engine: 'generic',
    optimizer: 'rmsprop',
    graph: chain([
      node('x', 'Input', { shape: [2, 2] }),
      node('flat', 'Flatten'),
      node('h', 'Dense', { units: 6, activation: 'relu' }),
      node('bn', 'BatchNormalization'),
      node('drop', 'Dropout', { rate: 0.25 }),
      node('out', 'Dense', { units: 3, activation: 'softmax' }),
    ]),
  },
];

describe.each(NETWORKS)('$name', ({ graph, engine, optimizer }) => {
  it('keeps the tensor count constant over 50 steps and every other call, and frees all on dispose', () => {
    const before = tf.memory().numTensors;
    const trainer = trainerFor(specFor(graph, { optimizer, loss: 'sparse_categorical_crossentropy', l2: 0.001 }));
    expect(trainer.engine).toBe(engine);
    const { x, y, count } = seededBatch(5, 12, 4, 3);
    trainer.trainBatch(x, y, count);
    trainer.evaluate(x, y, count);
    trainer.predict(x, count);
    trainer.layerOutputs(x, count);
    trainer.neuron('h', 0, x.subarray(0, 4));
    const settled = tf.memory().numTensors;
    for (let step = 0; step < 50; step += 1) {
      trainer.trainBatch(x, y, count);
      trainer.evaluate(x, y, count);
      trainer.predict(x, count);
      trainer.layerOutputs(x, count);
      trainer.neuron('h', step % 6, x.subarray(0, 4));
      if (step === 25) trainer.setLearningRate(0.01);
    }
    expect(tf.memory().numTensors).toBe(settled);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
