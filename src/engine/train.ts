import * as tf from '@tensorflow/tfjs';
import './tfjsEnvironment.ts';
import { createRng, permutation } from '../core/datasets/rng.ts';
import type { LossName, OptimizerName, TrainingSettings } from '../core/training/settings.ts';

/** Examples as the core datasets produce them. */
export interface TrainingData {
  features: Float32Array;
  labels: Int32Array;
  numSamples: number;
  numFeatures: number;
  numClasses: number;
}

export interface EpochReport {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss?: number;
  valAccuracy?: number;
}

export type TrainOutcome =
  | { ok: true; epochs: EpochReport[]; stopped: boolean }
  | { ok: false; message: string; epochs: EpochReport[] };

const TFJS_LOSS: { readonly [L in LossName]: string } = {
  binary_crossentropy: 'binaryCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
  mean_squared_error: 'meanSquaredError',
};

function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'adagrad':
      return tf.train.adagrad(learningRate);
  }
}

/** Targets in the layout the loss expects, for a model whose output has `units` values. */
export function makeTargets(labels: Int32Array, numClasses: number, units: number, loss: LossName): tf.Tensor {
  return tf.tidy(() => {
    const indices = tf.tensor1d(labels, 'int32');
    if (loss === 'sparse_categorical_crossentropy') return indices.reshape([-1, 1]).toFloat();
    if (units === 1) return indices.reshape([-1, 1]).toFloat();
    return tf.oneHot(indices, Math.max(numClasses, units)).toFloat();
  });
}

/** A tfjs loss/metrics result as numbers: [loss, accuracy]. */
async function lossAndAccuracy(result: number | number[] | tf.Scalar | tf.Scalar[]): Promise<[number, number]> {
  const list = Array.isArray(result) ? result : [result];
  const values = await Promise.all(list.map(async (v: number | tf.Scalar) => (typeof v === 'number' ? v : (await v.data())[0] ?? Number.NaN)));
  return [values[0] ?? Number.NaN, values[1] ?? Number.NaN];
}

function describeDivergence(epoch: number, settings: TrainingSettings): string {
  return (
    `Training diverged in epoch ${epoch}: the loss became infinite or not a number, so the weights are no longer meaningful. ` +
    `The learning rate (${settings.learningRate}) is probably too high for ${settings.optimizer}; try ${settings.learningRate / 10}, ` +
    'then reset the weights and train again.'
  );
}

/**
 * Trains `model` in place with the same semantics as Keras fit(): shuffled mini-batches (seeded), an optimizer step per
 * batch, and the mean batch loss and accuracy per epoch (one forward and backward pass per batch, nothing more). `onEpoch` may return false to stop early. Never throws on
 * a diverging run: it stops and says why.
 */
export async function trainModel(
  model: tf.LayersModel,
  data: TrainingData,
  settings: TrainingSettings,
  onEpoch: (report: EpochReport) => boolean | void = () => undefined,
): Promise<TrainOutcome> {
  const outputShape = model.outputs[0]?.shape ?? [null, 1];
  const units = outputShape[outputShape.length - 1] ?? 1;
  // tfjs frees an optimizer only when it made it from a string, so this one is disposed in `finally`.
  const optimizer = makeOptimizer(settings.optimizer, settings.learningRate);
  // 'accuracy' picks the metric Keras picks for the loss (binary for one unit, categorical or sparse otherwise).
  model.compile({ optimizer, loss: TFJS_LOSS[settings.loss], metrics: ['accuracy'] });

  const rng = createRng(settings.seed);
  const valCount = Math.floor(data.numSamples * settings.validationSplit);
  const trainCount = data.numSamples - valCount;
  // The generators shuffle their rows, so the last rows are a fair held-out set.
  const x = tf.tensor2d(data.features, [data.numSamples, data.numFeatures]);
  const y = makeTargets(data.labels, data.numClasses, units, settings.loss);
  const [xTrain, xVal] = tf.split(x, [trainCount, valCount]) as [tf.Tensor, tf.Tensor];
  const [yTrain, yVal] = tf.split(y, [trainCount, valCount]) as [tf.Tensor, tf.Tensor];
  tf.dispose([x, y]);
  const epochs: EpochReport[] = [];
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch += 1) {
      const order = permutation(trainCount, rng);
      let lossSum = 0;
      let accuracySum = 0;
      for (let start = 0; start < trainCount; start += settings.batchSize) {
        const batchOrder = order.subarray(start, Math.min(start + settings.batchSize, trainCount));
        const index = tf.tensor1d(Int32Array.from(batchOrder), 'int32');
        const xs = tf.gather(xTrain, index);
        const ys = tf.gather(yTrain, index);
        const [batchLoss, batchAccuracy] = await lossAndAccuracy(await model.trainOnBatch(xs, ys));
        tf.dispose([index, xs, ys]);
        lossSum += batchLoss * batchOrder.length;
        accuracySum += batchAccuracy * batchOrder.length;
      }
      // As Keras's fit() reports them: the means over the epoch's batches.
      const report: EpochReport = { epoch, loss: lossSum / trainCount, accuracy: accuracySum / trainCount };
      if (!Number.isFinite(report.loss)) {
        return { ok: false, message: describeDivergence(epoch, settings), epochs };
      }
      if (valCount > 0) {
        const evaluated = model.evaluate(xVal, yVal, { batchSize: valCount }) as tf.Scalar[];
        [report.valLoss, report.valAccuracy] = await lossAndAccuracy(evaluated);
        tf.dispose(evaluated);
      }
      epochs.push(report);
      if (onEpoch(report) === false) return { ok: true, epochs, stopped: true };
    }
    return { ok: true, epochs, stopped: false };
  } finally {
    optimizer.dispose();
    tf.dispose([xTrain, xVal, yTrain, yVal]);
  }
}
