/**
 * Keras 3's optimizers as tfjs ops on tf.Variables, update for update as keras/src/optimizers/*.py (read at
 * keras-team/keras master, 2026), with Keras's defaults:
 *
 *   sgd       w -= lr g
 *   momentum  SGD(momentum=0.9): m = 0.9 m - lr g; w += m
 *   adam      m += (g - m)(1 - β1); v += (g² - v)(1 - β2); α = lr √(1 - β2^t) / (1 - β1^t); w -= α m / (√v + ε)
 *             β1 = 0.9, β2 = 0.999, ε = 1e-7
 *   rmsprop   v = ρ v + (1 - ρ) g²; w -= lr g / √(v + ε)           ρ = 0.9, ε = 1e-7 (ε INSIDE the root)
 *   adagrad   a += g² (a starts at 0.1); w -= lr g / √(a + ε)       ε = 1e-7 (ε inside the root)
 *
 * tf.train.adam and tf.train.rmsprop place ε differently (and tf.train.adagrad has no ε), which moves weights
 * measurably in a few hundred steps, hence this file.
 *
 * Speed: every update is elementwise, and each tfjs kernel call costs microseconds whatever its size, so for the
 * optimizers with many ops per update the small weights (biases, small kernels) are updated together as one flat
 * vector: concatenated, updated, sliced back. The numbers are the same as one by one (no op mixes elements); Adam on
 * W2 makes ~30 kernel calls fewer per step (-0.2 ms, measured).
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../../core/training/settings.ts';
import { SGD_MOMENTUM } from '../../core/training/settings.ts';
import { ADAM_BETA_1, ADAM_BETA_2, adamAlpha } from '../kerasOptimizerMath.ts';

export const KERAS_OPTIMIZER_EPSILON = 1e-7;
export const RMSPROP_RHO = 0.9;
export const ADAGRAD_INITIAL_ACCUMULATOR = 0.1;

/** Weights with at most this many values may be updated together as one flat vector. */
const SMALL_WEIGHT = 16384;

/** Kernel calls of one update of one weight, for deciding whether grouping pays. */
const KERNELS_PER_UPDATE: { readonly [O in OptimizerName]: number } = { sgd: 2, momentum: 4, adam: 12, rmsprop: 9, adagrad: 7 };

export interface KerasOptimizer {
  /**
   * One update from `grads[i]`, the gradient of variables[i]. A variable without a gradient (null) is left alone,
   * as Keras skips it; in the small-weight group it counts as a zero gradient for the optimizer's state.
   */
  apply(grads: readonly (tf.Tensor | null)[]): void;
  /** Takes effect at the next apply; the slots (momentum, moments, accumulators) are kept. */
  setLearningRate(learningRate: number): void;
  dispose(): void;
}

/** Variables updated by one set of ops: one large weight, or the small ones concatenated. */
interface Unit {
  /** Indices into the optimizer's variables. */
  members: number[];
  /** The shape of the unit's values (the weight's own, or [total] for a group). */
  shape: number[];
}

/**
 * Large weights alone; the small ones as one group when that saves kernel calls: grouping n weights costs up to
 * 4n + 2 calls (reshapes, two concats, slices back) and saves (n - 1) updates.
 */
function unitsOf(name: OptimizerName, variables: readonly tf.Variable[]): Unit[] {
  const small = variables.map((v, i) => (v.size <= SMALL_WEIGHT ? i : -1)).filter((i) => i >= 0);
  const n = small.length;
  const group = n > 1 && KERNELS_PER_UPDATE[name] * (n - 1) > 4 * n + 2;
  const units: Unit[] = variables.flatMap((v, i) => (group && small.includes(i) ? [] : [{ members: [i], shape: [...v.shape] }]));
  if (group) units.push({ members: small, shape: [small.reduce((total, i) => total + (variables[i]?.size ?? 0), 0)] });
  return units;
}

/** A constant kept for the optimizer's lifetime (a JS number in an op would upload a new scalar every step). */
function constant(value: number): tf.Scalar {
  return tf.keep(tf.scalar(value));
}

/** The new value of weights w (one unit) from gradient g; updates the unit's slots in place. */
type UpdateRule = (w: tf.Tensor, g: tf.Tensor, unit: number) => tf.Tensor;

interface Rule {
  update: UpdateRule;
  /** Called once per apply, before the updates (Adam's step count). */
  beforeStep: () => void;
  dispose: () => void;
}

function makeRule(name: OptimizerName, units: readonly Unit[], learningRate: () => { tensor: tf.Scalar; value: number }): Rule {
  const owned: tf.Tensor[] = [];
  const keep = (value: number): tf.Scalar => {
    const scalar = constant(value);
    owned.push(scalar);
    return scalar;
  };
  /** One state variable per unit, filled with `fill`. */
  const slots = (fill = 0): tf.Variable[] => {
    // In a tidy: tf.variable shares the filled tensor's data, and that tensor itself must not outlive this call.
    const made = tf.tidy(() => units.map((unit) => tf.variable(tf.fill(unit.shape, fill), false)));
    owned.push(...made);
    return made;
  };
  const slot = (list: tf.Variable[], i: number): tf.Variable => list[i] as tf.Variable;
  const lr = (): tf.Scalar => learningRate().tensor;
  const base = { beforeStep: () => undefined, dispose: () => tf.dispose(owned) };

  switch (name) {
    case 'sgd':
      return { ...base, update: (w, g) => tf.sub(w, tf.mul(g, lr())) };
    case 'momentum': {
      const m = slots();
      const momentum = keep(SGD_MOMENTUM);
      return {
        ...base,
        update: (w, g, i) => {
          slot(m, i).assign(tf.sub(tf.mul(slot(m, i), momentum), tf.mul(g, lr())));
          return tf.add(w, slot(m, i));
        },
      };
    }
    case 'adam': {
      const m = slots();
      const v = slots();
      const oneMinusBeta1 = keep(1 - ADAM_BETA_1);
      const oneMinusBeta2 = keep(1 - ADAM_BETA_2);
      const epsilon = keep(KERAS_OPTIMIZER_EPSILON);
      let step = 0;
      let alpha = constant(0);
      return {
        beforeStep: () => {
          step += 1;
          alpha.dispose();
          alpha = constant(adamAlpha(learningRate().value, step));
        },
        dispose: () => {
          alpha.dispose();
          tf.dispose(owned);
        },
        update: (w, g, i) => {
          const [mi, vi] = [slot(m, i), slot(v, i)];
          mi.assign(tf.add(mi, tf.mul(tf.sub(g, mi), oneMinusBeta1)));
          vi.assign(tf.add(vi, tf.mul(tf.sub(tf.square(g), vi), oneMinusBeta2)));
          return tf.sub(w, tf.div(tf.mul(mi, alpha), tf.add(tf.sqrt(vi), epsilon)));
        },
      };
    }
    case 'rmsprop': {
      const v = slots();
      const rho = keep(RMSPROP_RHO);
      const oneMinusRho = keep(1 - RMSPROP_RHO);
      const epsilon = keep(KERAS_OPTIMIZER_EPSILON);
      return {
        ...base,
        update: (w, g, i) => {
          slot(v, i).assign(tf.add(tf.mul(rho, slot(v, i)), tf.mul(oneMinusRho, tf.square(g))));
          return tf.sub(w, tf.div(tf.mul(lr(), g), tf.sqrt(tf.add(slot(v, i), epsilon))));
        },
      };
    }
    case 'adagrad': {
      const a = slots(ADAGRAD_INITIAL_ACCUMULATOR);
      const epsilon = keep(KERAS_OPTIMIZER_EPSILON);
      return {
        ...base,
        update: (w, g, i) => {
          slot(a, i).assign(tf.add(slot(a, i), tf.square(g)));
          return tf.sub(w, tf.div(tf.mul(lr(), g), tf.sqrt(tf.add(slot(a, i), epsilon))));
        },
      };
    }
  }
}

export function createKerasOptimizer(name: OptimizerName, learningRate: number, variables: readonly tf.Variable[]): KerasOptimizer {
  let lr = { tensor: constant(learningRate), value: learningRate };
  const units = unitsOf(name, variables);
  const rule = makeRule(name, units, () => lr);

  const applyUnit = (unit: Unit, index: number, grads: readonly (tf.Tensor | null)[]): void => {
    const [only] = unit.members;
    if (unit.members.length === 1 && only !== undefined) {
      const w = variables[only];
      const g = grads[only];
      if (w !== undefined && g !== null && g !== undefined) w.assign(rule.update(w, g, index));
      return;
    }
    const members = unit.members.map((i) => ({ w: variables[i] as tf.Variable, g: grads[i] ?? null }));
    if (members.every((m) => m.g === null)) return;
    const flat = (t: tf.Tensor): tf.Tensor => (t.rank === 1 ? t : tf.reshape(t, [-1]));
    const updated = rule.update(
      tf.concat(members.map((m) => flat(m.w))),
      tf.concat(members.map((m) => flat(m.g ?? tf.zerosLike(m.w)))),
      index,
    );
    let offset = 0;
    for (const { w, g } of members) {
      if (g !== null) {
        const part = tf.slice(updated, offset, w.size);
        w.assign(w.rank === 1 ? part : tf.reshape(part, w.shape));
      }
      offset += w.size;
    }
  };

  return {
    apply(grads) {
      rule.beforeStep();
      tf.tidy(() => units.forEach((unit, i) => applyUnit(unit, i, grads)));
    },
    setLearningRate(value) {
      lr.tensor.dispose();
      lr = { tensor: constant(value), value };
    },
    dispose() {
      lr.tensor.dispose();
      rule.dispose();
    },
  };
}
