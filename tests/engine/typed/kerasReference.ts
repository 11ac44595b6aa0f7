/**
 * The reference the typed path is compared with: the same graph compiled to TensorFlow.js (compileGraph), its
 * gradients from tfjs's autodiff (tf.variableGrads over model.apply(x, { training: true })), and Keras 3's loss,
 * penalty and optimizer formulas written in tf ops (tf.train.* puts epsilon elsewhere than Keras).
 */
import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { LossName, OptimizerName } from '../../../src/core/training/settings.ts';
import { compileGraph } from '../../../src/engine/compileGraph.ts';
import type { LayerWeights } from '../../../src/engine/weights.ts';
import { getLayerWeights, setLayerWeights } from '../../../src/engine/weights.ts';
import type { Task } from './networks.ts';
// The engine registers tfjs's missing gradient for Greater (ELU alpha ≠ 1, ReLU threshold) for the reference too.
import '../../../src/engine/tfjsEnvironment.ts';

const EPSILON = 1e-7;


export interface ReferenceSettings {
  optimizer: OptimizerName;
  learningRate: number;
  loss: LossName;
  l2: number;
  task: Task;
}

function targets(y: Float32Array, count: number, units: number, task: Task): tf.Tensor2D {
  if (task === 'regression') return tf.tensor2d(y.subarray(0, count * units), [count, units]);
  if (units === 1) return tf.tensor2d(y.subarray(0, count), [count, 1]);
  return tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(y.subarray(0, count)), 'int32'), units).toFloat() as tf.Tensor2D);
}

/** Keras's per-batch loss (sum_over_batch_size) in tf ops. */
function kerasLoss(loss: LossName, p: tf.Tensor, t: tf.Tensor): tf.Scalar {
  switch (loss) {
    case 'binary_crossentropy': {
      const pc = tf.clipByValue(p, EPSILON, 1 - EPSILON);
      const perValue = tf.add(tf.mul(t, tf.log(pc)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, pc))));
      return tf.mean(tf.neg(tf.mean(perValue, -1)));
    }
    case 'categorical_crossentropy': {
      const q = tf.clipByValue(tf.div(p, tf.sum(p, -1, true)), EPSILON, 1 - EPSILON);
      return tf.mean(tf.neg(tf.sum(tf.mul(t, tf.log(q)), -1)));
    }
    case 'sparse_categorical_crossentropy': {
      // Keras's TensorFlow backend: sparse_softmax_cross_entropy_with_logits(log(clip(p))); t is the one-hot label.
      const logits = tf.log(tf.clipByValue(p, EPSILON, 1 - EPSILON));
      return tf.mean(tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(logits)), -1)));
    }
    case 'mean_squared_error':
      return tf.mean(tf.mean(tf.square(tf.sub(p, t)), -1));
  }
}

function metric(p: Float32Array, y: Float32Array, count: number, units: number, task: Task): number {
  let sum = 0;
  for (let b = 0; b < count; b += 1) {
    if (task === 'regression') {
      for (let j = 0; j < units; j += 1) sum += Math.abs((p[b * units + j] ?? 0) - (y[b * units + j] ?? 0));
    } else if (units === 1) {
      sum += ((p[b] ?? 0) > 0.5 ? 1 : 0) === y[b] ? 1 : 0;
    } else {
      let best = 0;
      for (let j = 1; j < units; j += 1) if ((p[b * units + j] ?? 0) > (p[b * units + best] ?? 0)) best = j;
      sum += best === y[b] ? 1 : 0;
    }
  }
  return task === 'regression' ? sum / (count * units) : sum / count;
}

interface Slots {
  m: tf.Variable;
  v: tf.Variable;
}

export class KerasReference {
  readonly model: tf.LayersModel;
  private readonly variables: tf.Variable[];
  private readonly slots: Slots[];
  private readonly penalties: { variable: tf.Variable; l1: number; l2: number }[];
  private iterations = 0;
  readonly units: number;

  constructor(
    graph: Graph,
    weights: LayerWeights,
    private readonly settings: ReferenceSettings,
  ) {
    const compiled = compileGraph(graph, { seed: 1 });
    if (!compiled.ok) throw new Error(compiled.message);
    this.model = compiled.model;
    const problems = setLayerWeights(this.model, weights);
    if (problems.length > 0) throw new Error(problems.join(' '));
    this.units = (this.model.outputs[0]?.shape[1] as number | undefined) ?? 1;
    // tfjs keeps a LayerVariable's values in a tf.Variable; variableGrads needs those.
    this.variables = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const initial = settings.optimizer === 'adagrad' ? 0.1 : 0;
    this.slots = this.variables.map((v) => ({
      m: tf.variable(tf.fill(v.shape, initial)),
      v: tf.variable(tf.zerosLike(v)),
    }));
    this.penalties = [];
    for (const node of graph.nodes) {
      if (node.kind !== 'Dense') continue;
      const kernel = this.model.getLayer(node.id).trainableWeights.find((w) => w.originalName.endsWith('/kernel'));
      const reg = node.params.kernel_regularizer;
      const l1 = reg?.l1 ?? 0;
      const l2 = (reg?.l2 ?? 0) + settings.l2;
      if (kernel !== undefined && (l1 !== 0 || l2 !== 0)) this.penalties.push({ variable: kernel.read() as tf.Variable, l1, l2 });
    }
  }

  private totalLoss(x: tf.Tensor, t: tf.Tensor, training: boolean): { loss: tf.Scalar; output: tf.Tensor } {
    const output = this.model.apply(x, { training }) as tf.Tensor;
    let loss = kerasLoss(this.settings.loss, output, t);
    for (const { variable, l1, l2 } of this.penalties) {
      loss = tf.add(loss, tf.add(tf.mul(l1, tf.sum(tf.abs(variable))), tf.mul(l2, tf.sum(tf.square(variable)))));
    }
    return { loss, output };
  }

  /** One Keras training step; returns the loss and metric of the forward pass before the update. */
  step(x: Float32Array, y: Float32Array, count: number): { loss: number; metric: number } {
    const inputSize = x.length / count;
    let lossValue = 0;
    let outputValues: Float32Array = new Float32Array(0);
    tf.tidy(() => {
      const xs = tf.tensor2d(x, [count, inputSize]);
      const ts = targets(y, count, this.units, this.settings.task);
      const { value, grads } = tf.variableGrads(() => {
        const { loss, output } = this.totalLoss(xs, ts, true);
        outputValues = output.dataSync() as Float32Array;
        return loss;
      }, this.variables);
      lossValue = value.dataSync()[0] ?? Number.NaN;
      this.apply(this.variables.map((v) => grads[v.name] as tf.Tensor));
    });
    return { loss: lossValue, metric: metric(outputValues, y, count, this.units, this.settings.task) };
  }

  /** Keras 3's update rules (keras/src/optimizers/*.py, default arguments). */
  private apply(grads: tf.Tensor[]): void {
    const lr = this.settings.learningRate;
    const t = this.iterations + 1;
    this.variables.forEach((w, i) => {
      const g = grads[i] as tf.Tensor;
      const { m, v } = this.slots[i] as Slots;
      switch (this.settings.optimizer) {
        case 'sgd':
          w.assign(tf.sub(w, tf.mul(g, lr)));
          break;
        case 'momentum':
          m.assign(tf.sub(tf.mul(m, 0.9), tf.mul(g, lr)));
          w.assign(tf.add(w, m));
          break;
        case 'adam': {
          const alpha = (lr * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
          m.assign(tf.add(m, tf.mul(tf.sub(g, m), 1 - 0.9)));
          v.assign(tf.add(v, tf.mul(tf.sub(tf.square(g), v), 1 - 0.999)));
          w.assign(tf.sub(w, tf.div(tf.mul(m, alpha), tf.add(tf.sqrt(v), EPSILON))));
          break;
        }
        case 'rmsprop':
          v.assign(tf.add(tf.mul(0.9, v), tf.mul(1 - 0.9, tf.square(g))));
          w.assign(tf.sub(w, tf.div(tf.mul(lr, g), tf.sqrt(tf.add(v, EPSILON)))));
          break;
        case 'adagrad':
          m.assign(tf.add(m, tf.square(g)));
          w.assign(tf.sub(w, tf.div(tf.mul(lr, g), tf.sqrt(tf.add(m, EPSILON)))));
          break;
      }
    });
    this.iterations = t;
  }

  predict(x: Float32Array, count: number): Float32Array {
    return tf.tidy(() => (this.model.predict(tf.tensor2d(x, [count, x.length / count]), { batchSize: count }) as tf.Tensor).dataSync() as Float32Array);
  }

  weights(): LayerWeights {
    return getLayerWeights(this.model);
  }

  dispose(): void {
    for (const { m, v } of this.slots) tf.dispose([m, v]);
    this.model.dispose();
  }
}
