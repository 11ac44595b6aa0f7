/**
 * The tfjs trainer's losses, metrics and optimizer updates against a float64 computation of Keras 3's formulas
 * (float64Reference.ts): three steps of a 2-3-k network for each of the 5 optimizers × 4 losses, on both the Dense
 * fast path and the generic path, plus weight penalties. Float32 against float64: 1e-5 relative.
 */
import { describe, expect, it } from 'vitest';
import { LOSSES, OPTIMIZERS } from '../../../src/core/training/settings.ts';
import type { LossName, OptimizerName } from '../../../src/core/training/settings.ts';
import { chain, node } from '../helpers.ts';
import type { OutputActivation } from './float64Reference.ts';
import { referenceNet, referenceStep } from './float64Reference.ts';
import { relativeDistance, seededBatch, specFor, startingWeights, trainerFor } from './support.ts';
import type { Batch } from './support.ts';

const TOLERANCE = 1e-5;
const STEPS = 3;

interface LossSetup {
  units: number;
  activation: OutputActivation;
  task: 'classification' | 'regression';
}

const SETUP: { readonly [L in LossName]: LossSetup } = {
  binary_crossentropy: { units: 1, activation: 'sigmoid', task: 'classification' },
  categorical_crossentropy: { units: 3, activation: 'softmax', task: 'classification' },
  sparse_categorical_crossentropy: { units: 3, activation: 'softmax', task: 'classification' },
  mean_squared_error: { units: 2, activation: 'linear', task: 'regression' },
};

const LEARNING_RATE: { readonly [O in OptimizerName]: number } = { sgd: 0.5, momentum: 0.3, adam: 0.05, rmsprop: 0.02, adagrad: 0.3 };

/** Targets as the loss reads them: one-hot rows for classes, the values for regression, 0/1 for one unit. */
function targetRows(batch: Batch, setup: LossSetup): Float64Array {
  if (setup.task === 'regression' || setup.units === 1) return Float64Array.from(batch.y);
  const rows = new Float64Array(batch.count * setup.units);
  for (let n = 0; n < batch.count; n += 1) rows[n * setup.units + (batch.y[n] ?? 0)] = 1;
  return rows;
}

/** Accuracy or mean absolute error of the reference's output, computed the way trainer.ts defines them. */
function referenceMetric(p: Float64Array, batch: Batch, setup: LossSetup): number {
  const { count } = batch;
  if (setup.task === 'regression') {
    let sum = 0;
    for (let i = 0; i < p.length; i += 1) sum += Math.abs((p[i] ?? 0) - (batch.y[i] ?? 0));
    return sum / p.length;
  }
  let right = 0;
  for (let n = 0; n < count; n += 1) {
    const row = Array.from(p.subarray(n * setup.units, (n + 1) * setup.units));
    const predicted = setup.units === 1 ? Number((row[0] ?? 0) > 0.5) : row.indexOf(Math.max(...row));
    if (predicted === batch.y[n]) right += 1;
  }
  return right / count;
}

function batchesFor(setup: LossSetup): Batch[] {
  return Array.from({ length: STEPS }, (_, i) => seededBatch(40 + i, 5, 2, setup.task === 'regression' ? 0 : Math.max(setup.units, 2), setup.task === 'regression' ? setup.units : 1));
}

interface Run {
  optimizer: OptimizerName;
  loss: LossName;
  fast: boolean;
  penalty?: { hiddenL1: number; hiddenL2: number; settingsL2: number };
}

function runAgainstReference({ optimizer, loss, fast, penalty }: Run): void {
  const setup = SETUP[loss];
  const regularizer = penalty === undefined ? null : { l1: penalty.hiddenL1, l2: penalty.hiddenL2 };
  const graph = chain([
    node('x', 'Input', { shape: [2] }),
    node('d1', 'Dense', { units: 3, activation: 'tanh', kernel_regularizer: regularizer }),
    node('d2', 'Dense', { units: setup.units, activation: setup.activation }),
  ]);
  const weights = startingWeights(graph, 11);
  const learningRate = LEARNING_RATE[optimizer];
  const spec = specFor(graph, { optimizer, loss, learningRate, task: setup.task, weights, l2: penalty?.settingsL2 ?? 0 });
  const trainer = trainerFor(spec, { denseFastPath: fast });
  const reference = referenceNet(weights, { hidden: 'd1', output: 'd2' }, { loss, optimizer, learningRate, outputActivation: setup.activation }, penalty);
  try {
    expect(trainer.engine).toBe(fast ? 'dense-fast-path' : 'generic');
    for (const batch of batchesFor(setup)) {
      const got = trainer.trainBatch(batch.x, batch.y, batch.count);
      const want = referenceStep(reference, Float64Array.from(batch.x), targetRows(batch, setup), batch.count);
      expect(Math.abs(got.loss - want.loss) / Math.abs(want.loss)).toBeLessThan(TOLERANCE);
      expect(got.metric).toBeCloseTo(referenceMetric(want.output, batch, setup), 5);
    }
    const after = trainer.getWeights();
    const tensors = [
      [after.get('d1')?.[0]?.values, reference.hidden.kernel],
      [after.get('d1')?.[1]?.values, reference.hidden.bias],
      [after.get('d2')?.[0]?.values, reference.output.kernel],
      [after.get('d2')?.[1]?.values, reference.output.bias],
    ] as const;
    for (const [actual, expected] of tensors) expect(relativeDistance(actual ?? [], expected)).toBeLessThan(TOLERANCE);
  } finally {
    trainer.dispose();
  }
}

describe('three steps equal a float64 computation of Keras 3', () => {
  const cases = OPTIMIZERS.flatMap((optimizer) => LOSSES.flatMap((loss) => [true, false].map((fast) => ({ optimizer, loss, fast }))));
  it.each(cases)('$optimizer, $loss (fast path: $fast)', (run) => runAgainstReference(run));

  it.each([
    { optimizer: 'sgd' as const, fast: true },
    { optimizer: 'adam' as const, fast: false },
  ])('with an L1L2 kernel regularizer and the settings L2, $optimizer (fast path: $fast)', ({ optimizer, fast }) => {
    runAgainstReference({ optimizer, loss: 'mean_squared_error', fast, penalty: { hiddenL1: 0.01, hiddenL2: 0.02, settingsL2: 0.005 } });
  });

  it('uses a zero gradient for |w| at w = 0, as TensorFlow does', () => {
    // A zero kernel under L1 alone: sign(0) = 0, so with no data gradient (zero inputs) nothing moves.
    const zeros = new Map([['d1', [{ name: 'kernel', shape: [2, 1], values: new Float32Array(2) }, { name: 'bias', shape: [1], values: new Float32Array(1) }]]]);
    const withL1 = chain([node('x', 'Input', { shape: [2] }), node('d1', 'Dense', { units: 1, activation: 'linear', kernel_regularizer: { l1: 0.5, l2: 0 } })]);
    for (const fast of [true, false]) {
      const trainer = trainerFor(specFor(withL1, { loss: 'mean_squared_error', task: 'regression', weights: zeros }), { denseFastPath: fast });
      trainer.trainBatch(new Float32Array(2), new Float32Array(1), 1);
      expect([...(trainer.getWeights().get('d1')?.[0]?.values ?? [])]).toEqual([0, 0]);
      trainer.dispose();
    }
  });
});
