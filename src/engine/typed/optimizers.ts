/**
 * Keras 3's optimizers with their default arguments, update for update as keras/src/optimizers/*.py writes them
 * (checked against the source): epsilon sits inside the square root for RMSprop and Adagrad, outside for Adam.
 *
 * - sgd:      w -= lr·g                                  (SGD, momentum 0)
 * - momentum: v = 0.9·v - lr·g; w += v                   (SGD(momentum=0.9), nesterov off)
 * - adam:     m += (g - m)(1 - β1); v += (g² - v)(1 - β2); α = lr·√(1 - β2^t) / (1 - β1^t); w -= α·m / (√v + ε)
 *             (β1 0.9, β2 0.999, ε 1e-7, t = 1 at the first step)
 * - rmsprop:  v = ρ·v + (1 - ρ)·g²; w -= lr·g / √(v + ε)  (ρ 0.9, ε 1e-7, no momentum, not centred)
 * - adagrad:  a += g²; w -= lr·g / √(a + ε)              (a starts at 0.1, ε 1e-7)
 *
 * The learning rate is read at every step (so a change applies from the next one) and rounded to float32, as Keras
 * keeps it in a float32 variable. State is kept in float32 like the weights.
 */
import { SGD_MOMENTUM } from '../../core/training/settings.ts';
import type { OptimizerName } from '../../core/training/settings.ts';
import type { Buf, Precision } from './buffers.ts';
import { allocate } from './buffers.ts';
import { ADAM_BETA_1, ADAM_BETA_2, adamAlpha } from '../kerasOptimizerMath.ts';
import type { Param } from './ops/op.ts';

const RMSPROP_RHO = 0.9;
const ADAGRAD_INITIAL_ACCUMULATOR = 0.1;
const EPSILON = 1e-7;

export interface Optimizer {
  /** One update of every param from its gradient. */
  apply(learningRate: number): void;
}

function stateFor(params: readonly Param[], precision: Precision, initial = 0): Buf[] {
  return params.map((p) => {
    const buf = allocate(precision, p.values.length);
    if (initial !== 0) buf.fill(initial);
    return buf;
  });
}

export function createOptimizer(name: OptimizerName, params: readonly Param[], precision: Precision): Optimizer {
  switch (name) {
    case 'sgd':
      return {
        apply(learningRate) {
          const lr = Math.fround(learningRate);
          for (let i = 0; i < params.length; i += 1) {
            const p = params[i] as Param;
            const w = p.values;
            const g = p.grad;
            for (let k = 0; k < w.length; k += 1) w[k] = (w[k] as number) - (g[k] as number) * lr;
          }
        },
      };
    case 'momentum': {
      const velocities = stateFor(params, precision);
      return {
        apply(learningRate) {
          const lr = Math.fround(learningRate);
          for (let i = 0; i < params.length; i += 1) {
            const p = params[i] as Param;
            const w = p.values;
            const g = p.grad;
            const v = velocities[i] as Buf;
            for (let k = 0; k < w.length; k += 1) {
              v[k] = (v[k] as number) * SGD_MOMENTUM - (g[k] as number) * lr;
              w[k] = (w[k] as number) + (v[k] as number);
            }
          }
        },
      };
    }
    case 'adam': {
      const moments = stateFor(params, precision);
      const velocities = stateFor(params, precision);
      let iterations = 0;
      return {
        apply(learningRate) {
          const lr = Math.fround(learningRate);
          const t = iterations + 1;
          const alpha = adamAlpha(lr, t);
          for (let i = 0; i < params.length; i += 1) {
            const p = params[i] as Param;
            const w = p.values;
            const g = p.grad;
            const m = moments[i] as Buf;
            const v = velocities[i] as Buf;
            for (let k = 0; k < w.length; k += 1) {
              const gk = g[k] as number;
              m[k] = (m[k] as number) + (gk - (m[k] as number)) * (1 - ADAM_BETA_1);
              v[k] = (v[k] as number) + (gk * gk - (v[k] as number)) * (1 - ADAM_BETA_2);
              w[k] = (w[k] as number) - ((m[k] as number) * alpha) / (Math.sqrt(v[k] as number) + EPSILON);
            }
          }
          iterations = t;
        },
      };
    }
    case 'rmsprop': {
      const velocities = stateFor(params, precision);
      return {
        apply(learningRate) {
          const lr = Math.fround(learningRate);
          for (let i = 0; i < params.length; i += 1) {
            const p = params[i] as Param;
            const w = p.values;
            const g = p.grad;
            const v = velocities[i] as Buf;
            for (let k = 0; k < w.length; k += 1) {
              const gk = g[k] as number;
              v[k] = RMSPROP_RHO * (v[k] as number) + (1 - RMSPROP_RHO) * gk * gk;
              w[k] = (w[k] as number) - (lr * gk) / Math.sqrt((v[k] as number) + EPSILON);
            }
          }
        },
      };
    }
    case 'adagrad': {
      const accumulators = stateFor(params, precision, ADAGRAD_INITIAL_ACCUMULATOR);
      return {
        apply(learningRate) {
          const lr = Math.fround(learningRate);
          for (let i = 0; i < params.length; i += 1) {
            const p = params[i] as Param;
            const w = p.values;
            const g = p.grad;
            const a = accumulators[i] as Buf;
            for (let k = 0; k < w.length; k += 1) {
              const gk = g[k] as number;
              a[k] = (a[k] as number) + gk * gk;
              w[k] = (w[k] as number) - (lr * gk) / Math.sqrt((a[k] as number) + EPSILON);
            }
          }
        },
      };
    }
  }
}
