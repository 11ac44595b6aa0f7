/**
 * The Dense fast path (hand-written backward) against the generic path (tfjs autodiff over the compiled model):
 * same starting weights and batches, 100 steps, then every reported loss and metric and every final weight agree
 * to 1e-6 (relative), for every loss, every activation, dropout and weight penalties.
 */
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/core/graph/types.ts';
import { ACTIVATIONS } from '../../../src/core/layers/activations.ts';
import type { ActivationName } from '../../../src/core/layers/index.ts';
import { LOSSES, OPTIMIZERS } from '../../../src/core/training/settings.ts';
import type { LossName } from '../../../src/core/training/settings.ts';
import type { Batch, SpecOptions } from './support.ts';
import { chain, denseChain, node, relativeDistance, seededBatch, specFor, trainerFor, weightsDistance } from './support.ts';

const STEPS = 100;
const TOLERANCE = 1e-6;

/** Trains both paths on the same batches; returns the worst relative differences seen. */
function compare(graph: Graph, options: SpecOptions, batches: readonly Batch[]): { loss: number; metric: number; weights: number; fast: string } {
  const spec = specFor(graph, options);
  const fast = trainerFor(spec);
  const generic = trainerFor(spec, { denseFastPath: false });
  const fastLosses: number[] = [];
  const genericLosses: number[] = [];
  const fastMetrics: number[] = [];
  const genericMetrics: number[] = [];
  try {
    for (let step = 0; step < STEPS; step += 1) {
      const { x, y, count } = batches[step % batches.length] as Batch;
      const a = fast.trainBatch(x, y, count);
      const b = generic.trainBatch(x, y, count);
      fastLosses.push(a.loss);
      genericLosses.push(b.loss);
      fastMetrics.push(a.metric);
      genericMetrics.push(b.metric);
    }
    return {
      loss: relativeDistance(fastLosses, genericLosses),
      metric: relativeDistance(fastMetrics, genericMetrics),
      weights: weightsDistance(fast.getWeights(), generic.getWeights()),
      fast: fast.engine,
    };
  } finally {
    fast.dispose();
    generic.dispose();
  }
}

function batchesFor(inputs: number, classes: number, targetWidth = 1): Batch[] {
  return Array.from({ length: 6 }, (_, i) => seededBatch(100 + i, 16, inputs, classes, targetWidth));
}

/** A 3-input network with one hidden tanh layer and the output each loss expects. */
function networkFor(loss: LossName): { graph: Graph; options: SpecOptions; batches: Batch[] } {
  switch (loss) {
    case 'binary_crossentropy':
      return { graph: denseChain(3, [[5, 'tanh'], [1, 'sigmoid']]), options: {}, batches: batchesFor(3, 2) };
    case 'categorical_crossentropy':
    case 'sparse_categorical_crossentropy':
      return { graph: denseChain(3, [[5, 'tanh'], [3, 'softmax']]), options: {}, batches: batchesFor(3, 3) };
    case 'mean_squared_error':
      return { graph: denseChain(3, [[5, 'tanh'], [2, 'linear']]), options: { task: 'regression' }, batches: batchesFor(3, 0, 2) };
  }
}

const LEARNING_RATE = { sgd: 0.1, momentum: 0.05, adam: 0.01, rmsprop: 0.01, adagrad: 0.1 } as const;

describe('the Dense fast path computes what autodiff computes', () => {
  // The optimizers' code is shared by both paths (checked against float64 in handComputed.test.ts), so each loss
  // runs with a different optimizer here; the Dropout case below takes the fifth.
  const cases = LOSSES.map((loss, i) => ({ loss, optimizer: OPTIMIZERS[(i + 2) % OPTIMIZERS.length] ?? 'adam' }));
  it.each(cases)('$loss with $optimizer, 100 steps', ({ optimizer, loss }) => {
    const { graph, options, batches } = networkFor(loss);
    const result = compare(graph, { ...options, optimizer, loss, learningRate: LEARNING_RATE[optimizer] }, batches);
    expect(result.fast).toBe('dense-fast-path');
    expect(result.loss).toBeLessThan(TOLERANCE);
    expect(result.metric).toBeLessThan(TOLERANCE);
    expect(result.weights).toBeLessThan(TOLERANCE);
  });

  // Six hidden activations per network (one Dense each), so every activation is covered in three runs.
  const groups = [0, 1, 2].map((g) => ACTIVATIONS.filter((_, i) => i % 3 === g));
  it.each(groups.map((activations) => ({ activations, names: activations.join(', ') })))(
    'hidden $names, adam, 100 steps',
    ({ activations }: { activations: ActivationName[] }) => {
      const graph = denseChain(3, [...activations.map((a) => [5, a] as const), [1, 'sigmoid']]);
      const result = compare(graph, { optimizer: 'adam', learningRate: 0.01 }, batchesFor(3, 2));
      expect(result.fast).toBe('dense-fast-path');
      expect(result.loss).toBeLessThan(TOLERANCE);
      expect(result.weights).toBeLessThan(TOLERANCE);
    },
  );

  it('agrees with Dropout, Activation layers, kernel regularizers and the settings L2', () => {
    const graph = chain([
      node('x', 'Input', { shape: [3] }),
      node('h1', 'Dense', { units: 8, activation: 'linear', kernel_regularizer: { l1: 0.01, l2: 0.02 } }),
      node('act', 'Activation', { activation: 'relu' }),
      node('drop', 'Dropout', { rate: 0.3 }),
      node('h2', 'Dense', { units: 6, activation: 'elu', use_bias: false }),
      node('out', 'Dense', { units: 3, activation: 'linear' }),
      node('probs', 'Activation', { activation: 'softmax' }),
    ]);
    const result = compare(graph, { optimizer: 'momentum', learningRate: 0.05, loss: 'sparse_categorical_crossentropy', l2: 0.001 }, batchesFor(3, 3));
    expect(result.fast).toBe('dense-fast-path');
    expect(result.loss).toBeLessThan(TOLERANCE);
    expect(result.weights).toBeLessThan(TOLERANCE);
  });

  it('agrees on a multi-dimensional Input flattened (Flatten and Reshape are identities on flat rows)', () => {
    const graph = chain([
      node('img', 'Input', { shape: [2, 3] }),
      node('drop', 'Dropout', { rate: 0.2 }),
      node('flat', 'Flatten'),
      node('h', 'Dense', { units: 8, activation: 'relu' }),
      node('grid', 'Reshape', { target_shape: [2, 4] }),
      node('flat2', 'Flatten'),
      node('out', 'Dense', { units: 3, activation: 'softmax' }),
    ]);
    const result = compare(graph, { optimizer: 'adam', learningRate: 0.01, loss: 'categorical_crossentropy' }, batchesFor(6, 3));
    expect(result.fast).toBe('dense-fast-path');
    expect(result.loss).toBeLessThan(TOLERANCE);
    expect(result.weights).toBeLessThan(TOLERANCE);
  });
});
