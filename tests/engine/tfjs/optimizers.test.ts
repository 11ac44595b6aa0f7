/**
 * The optimizers on their own: three updates of a large weight (updated alone) and two small ones (updated together
 * as one flat vector) equal Keras's update_step computed per value in float64, for all five optimizers; a weight
 * without a gradient does not move; a new learning rate applies from the next step.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import { OPTIMIZERS } from '../../../src/core/training/settings.ts';
import type { OptimizerName } from '../../../src/core/training/settings.ts';
import { createKerasOptimizer } from '../../../src/engine/tfjs/optimizers.ts';
import { relativeDistance } from './support.ts';

/** Keras's update of one value; `state` holds that value's slots. */
function kerasUpdate(name: OptimizerName, w: number, g: number, lr: number, step: number, state: number[]): number {
  const [s0 = name === 'adagrad' ? 0.1 : 0, s1 = 0] = state;
  switch (name) {
    case 'sgd':
      return w - lr * g;
    case 'momentum': {
      const m = 0.9 * s0 - lr * g;
      state[0] = m;
      return w + m;
    }
    case 'adam': {
      const m = s0 + (g - s0) * (1 - 0.9);
      const v = s1 + (g * g - s1) * (1 - 0.999);
      state[0] = m;
      state[1] = v;
      const f = Math.fround;
      const alpha = f(f(f(lr) * f(Math.sqrt(f(1 - f(f(0.999) ** step))))) / f(1 - f(f(0.9) ** step)));
      return w - (alpha * m) / (Math.sqrt(v) + 1e-7);
    }
    case 'rmsprop': {
      const v = 0.9 * s0 + 0.1 * g * g;
      state[0] = v;
      return w - (lr * g) / Math.sqrt(v + 1e-7);
    }
    case 'adagrad': {
      const a = s0 + g * g;
      state[0] = a;
      return w - (lr * g) / Math.sqrt(a + 1e-7);
    }
  }
}

function randomValues(seed: number, count: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: count }, () => rng.next() * 2 - 1);
}

const SHAPES = [[130, 130], [7], [3, 4], [5]] as const;

describe.each(OPTIMIZERS)('%s', (name) => {
  it('updates large and small weights as Keras does, skips a weight without a gradient, and takes a new learning rate', () => {
    const before = tf.memory().numTensors;
    const initial = SHAPES.map((shape, i) => randomValues(i + 1, shape.reduce<number>((p, d) => p * d, 1)));
    const variables = tf.tidy(() => SHAPES.map((shape, i) => tf.variable(tf.tensor(initial[i] ?? [], [...shape]))));
    const expected = initial.map((values) => Float64Array.from(values));
    const states = initial.map((values) => Array.from(values, (): number[] => []));
    const optimizer = createKerasOptimizer(name, 0.05, variables);
    for (let step = 1; step <= 3; step += 1) {
      const lr = step === 3 ? 0.01 : 0.05;
      if (step === 3) optimizer.setLearningRate(lr);
      const gradValues = SHAPES.map((_, i) => randomValues(100 * step + i, initial[i]?.length ?? 0));
      // The [3, 4] weight gets no gradient: it must keep its values.
      const grads = gradValues.map((values, i) => (i === 2 ? null : tf.tensor(values, [...(SHAPES[i] ?? [])])));
      optimizer.apply(grads);
      tf.dispose(grads.filter((g): g is tf.Tensor => g !== null));
      expected.forEach((values, i) => {
        if (i === 2) return;
        values.forEach((w, j) => {
          values[j] = kerasUpdate(name, w, gradValues[i]?.[j] ?? 0, lr, step, states[i]?.[j] ?? []);
        });
      });
    }
    variables.forEach((variable, i) => {
      expect(relativeDistance(variable.dataSync(), expected[i] ?? [])).toBeLessThan(1e-6);
    });
    expect([...(variables[2]?.dataSync() ?? [])]).toEqual([...(initial[2] ?? [])]);
    optimizer.dispose();
    tf.dispose(variables);
    expect(tf.memory().numTensors).toBe(before);
  });
});
