import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chainGraph, createNode } from '../../src/core/graph/build.ts';
import { generateBuiltinDataset } from '../../src/core/datasets/index.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import type { TrainingSettings } from '../../src/core/training/settings.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { trainModel } from '../../src/engine/train.ts';

tf.env().set('PROD', true);

function xorNetwork() {
  return chainGraph([
    createNode('x', 'Input', { shape: [2] }),
    createNode('hidden', 'Dense', { units: 4, activation: 'tanh' }),
    createNode('out', 'Dense', { units: 1, activation: 'sigmoid' }),
  ]);
}

function xorData() {
  const data = generateBuiltinDataset({ kind: 'builtin', name: 'xor', samples: 400, noise: 0.1, seed: 1, classes: 2 });
  if (!data.ok) throw new Error(data.message);
  return data.dataset;
}

async function train(settings: Partial<TrainingSettings>, graph = xorNetwork()) {
  const compiled = compileGraph(graph, { seed: settings.seed ?? 1 });
  if (!compiled.ok) throw new Error(compiled.message);
  try {
    return await trainModel(compiled.model, xorData(), { ...DEFAULT_TRAINING, learningRate: 0.5, ...settings });
  } finally {
    compiled.model.dispose();
  }
}

describe('trainModel', () => {
  it('teaches a 2-4-1 tanh/sigmoid network XOR: at least 95% accuracy within 60 epochs from seed 1', async () => {
    const outcome = await train({ epochs: 60, seed: 1 });
    if (!outcome.ok) throw new Error(outcome.message);
    const best = outcome.epochs.findIndex((e) => e.accuracy >= 0.95);
    expect(best).toBeGreaterThanOrEqual(0);
    expect(outcome.epochs[outcome.epochs.length - 1]?.accuracy).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('reports held-out accuracy when a validation split is set', async () => {
    const outcome = await train({ epochs: 30, validationSplit: 0.25 });
    if (!outcome.ok) throw new Error(outcome.message);
    const last = outcome.epochs[outcome.epochs.length - 1];
    expect(last?.valAccuracy).toBeGreaterThan(0.9);
    expect(last?.valLoss).toBeGreaterThan(0);
  }, 60_000);

  it('learns 3 Gaussian blobs with softmax and categorical crossentropy to over 90%', async () => {
    const data = generateBuiltinDataset({ kind: 'builtin', name: 'gauss', samples: 300, noise: 0.1, seed: 3, classes: 3 });
    if (!data.ok) throw new Error(data.message);
    const graph = chainGraph([
      createNode('x', 'Input', { shape: [2] }),
      createNode('h', 'Dense', { units: 8, activation: 'relu' }),
      createNode('probs', 'Dense', { units: 3, activation: 'softmax' }),
    ]);
    const compiled = compileGraph(graph, { seed: 2 });
    if (!compiled.ok) throw new Error(compiled.message);
    const outcome = await trainModel(compiled.model, data.dataset, {
      ...DEFAULT_TRAINING,
      optimizer: 'adam',
      learningRate: 0.05,
      loss: 'categorical_crossentropy',
      epochs: 20,
    });
    compiled.model.dispose();
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.epochs[outcome.epochs.length - 1]?.accuracy).toBeGreaterThan(0.9);
  }, 60_000);

  it('stops when the callback returns false', async () => {
    const compiled = compileGraph(xorNetwork(), { seed: 1 });
    if (!compiled.ok) throw new Error(compiled.message);
    const stopped = await trainModel(compiled.model, xorData(), { ...DEFAULT_TRAINING, epochs: 50 }, (r) => r.epoch < 3);
    compiled.model.dispose();
    expect(stopped).toMatchObject({ ok: true, stopped: true });
    expect(stopped.epochs).toHaveLength(3);
  }, 60_000);

  it('leaves no tensors behind, optimizer state included', async () => {
    await train({ epochs: 1, optimizer: 'adam' });
    const before = tf.memory().numTensors;
    await train({ epochs: 2, optimizer: 'adam' });
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
