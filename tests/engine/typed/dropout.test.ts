/** Dropout while training: seeded masks (repeatable runs), a new mask every step, kept values scaled by 1/(1 - rate). */
import { describe, expect, it } from 'vitest';
import type { NetworkTrainer } from '../../../src/engine/trainer.ts';
import { createTypedTrainer } from '../../../src/engine/typed/index.ts';
import type { LayerWeights } from '../../../src/engine/weights.ts';
import { chain, node } from '../../support/graphBuilders.ts';

const RATE = 0.3;
const COUNT = 10_000;

/** Input(1) → Dropout → Dense(1, linear, kernel 1, no bias): the output is the dropout mask itself (x = 1). */
function maskNetwork(seed: number): NetworkTrainer {
  const graph = chain([
    node('x', 'Input', { shape: [1] }),
    node('drop', 'Dropout', { rate: RATE }),
    node('out', 'Dense', { units: 1, activation: 'linear', use_bias: false }),
  ]);
  const weights: LayerWeights = new Map([['out', [{ name: 'kernel', shape: [1, 1], values: new Float32Array([1]) }]]]);
  const created = createTypedTrainer({
    graph,
    weights,
    // Learning rate 0: the weights stay put, so every step's loss shows only its mask.
    settings: { optimizer: 'sgd', learningRate: 0, loss: 'mean_squared_error', l2: 0, seed },
    options: { task: 'regression' },
  });
  if (!created.ok) throw new Error(created.message);
  return created.trainer;
}

const ones = new Float32Array(COUNT).fill(1);
const zeros = new Float32Array(COUNT);

describe('Dropout', () => {
  it('keeps each value with probability 1 - rate and scales kept values by 1 / (1 - rate)', () => {
    const { loss, metric } = maskNetwork(1).trainBatch(ones, zeros, COUNT);
    // Outputs are 0 or s = 1/(1 - rate): mean |output| = kept·s/COUNT and mean output² = kept·s²/COUNT.
    const scale = 1 / (1 - RATE);
    const kept = (metric / scale) * COUNT;
    expect(kept).toBeCloseTo(Math.round(kept), 2);
    expect(loss).toBeCloseTo(metric * scale, 5);
    expect(kept / COUNT).toBeGreaterThan(1 - RATE - 0.02);
    expect(kept / COUNT).toBeLessThan(1 - RATE + 0.02);
  });

  it('draws a new mask each step, the same sequence for the same seed and another for another seed', () => {
    const run = (seed: number): number[] => {
      const trainer = maskNetwork(seed);
      return Array.from({ length: 4 }, () => trainer.trainBatch(ones, zeros, COUNT).metric);
    };
    const first = run(7);
    expect(new Set(first).size).toBe(4);
    expect(run(7)).toEqual(first);
    expect(run(8)).not.toEqual(first);
  });

  it('passes values through unchanged when not training', () => {
    const trainer = maskNetwork(1);
    expect(trainer.evaluate(ones, zeros, COUNT)).toEqual({ loss: 1, metric: 1 });
    expect(trainer.layerOutputs(ones, 3).get('drop')?.values).toEqual(new Float32Array([1, 1, 1]));
  });
});
