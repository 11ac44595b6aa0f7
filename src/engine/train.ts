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

/** Fraction of examples whose highest output (or output ≥ 0.5 for one unit) is the right class. */
function accuracyOf(predictions: tf.Tensor, labels: tf.Tensor): number {
  const fraction = tf.tidy(() => {
    const units = predictions.shape[predictions.shape.length - 1] ?? 1;
    const predicted = units === 1 ? predictions.reshape([-1]).greaterEqual(0.5).toInt() : predictions.argMax(-1).toInt();
    return predicted.equal(labels).toFloat().mean();
  });
  // Read outside tidy (reading inside makes tidy scan the array), then free the scalar.
  const value = fraction.dataSync()[0] ?? 0;
  fraction.dispose();
  return value;
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
 * batch, and the mean batch loss and accuracy per epoch. `onEpoch` may return false to stop early. Never throws on
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
  model.compile({ optimizer, loss: TFJS_LOSS[settings.loss] });

  const rng = createRng(settings.seed);
  const valCount = Math.floor(data.numSamples * settings.validationSplit);
  const trainCount = data.numSamples - valCount;
  const all = tf.tensor2d(data.features, [data.numSamples, data.numFeatures]);
  const allTargets = makeTargets(data.labels, data.numClasses, units, settings.loss);
  const allLabels = tf.tensor1d(data.labels, 'int32');
  const trainIndex = tf.range(0, trainCount, 1, 'int32');
  const valIndex = valCount > 0 ? tf.range(trainCount, data.numSamples, 1, 'int32') : null;
  const [xTrain, yTrain, lTrain] = [all, allTargets, allLabels].map((t) => tf.gather(t, trainIndex)) as [tf.Tensor, tf.Tensor, tf.Tensor];
  const validation = valIndex === null ? null : ([all, allTargets, allLabels].map((t) => tf.gather(t, valIndex)) as [tf.Tensor, tf.Tensor, tf.Tensor]);
  const epochs: EpochReport[] = [];
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch += 1) {
      const order = permutation(trainCount, rng);
      let lossSum = 0;
      for (let start = 0; start < trainCount; start += settings.batchSize) {
        const batchOrder = order.subarray(start, Math.min(start + settings.batchSize, trainCount));
        const index = tf.tensor1d(Int32Array.from(batchOrder), 'int32');
        const xs = tf.gather(xTrain, index);
        const ys = tf.gather(yTrain, index);
        const result = await model.trainOnBatch(xs, ys);
        tf.dispose([index, xs, ys]);
        const batchLoss = Array.isArray(result) ? (result[0] ?? Number.NaN) : result;
        lossSum += batchLoss * batchOrder.length;
      }
      const loss = lossSum / trainCount;
      if (!Number.isFinite(loss)) {
        return { ok: false, message: describeDivergence(epoch, settings), epochs };
      }
      const predictions = model.predict(xTrain, { batchSize: trainCount }) as tf.Tensor;
      const report: EpochReport = { epoch, loss, accuracy: accuracyOf(predictions, lTrain) };
      predictions.dispose();
      if (validation !== null) {
        const [xVal, yVal, lVal] = validation;
        const valPredictions = model.predict(xVal, { batchSize: valCount }) as tf.Tensor;
        const evaluated = model.evaluate(xVal, yVal, { batchSize: valCount }) as tf.Scalar;
        report.valLoss = evaluated.dataSync()[0] ?? Number.NaN;
        report.valAccuracy = accuracyOf(valPredictions, lVal);
        tf.dispose([valPredictions, evaluated]);
      }
      epochs.push(report);
      if (onEpoch(report) === false) return { ok: true, epochs, stopped: true };
    }
    return { ok: true, epochs, stopped: false };
  } finally {
    optimizer.dispose();
    tf.dispose([all, allTargets, allLabels, trainIndex, xTrain, yTrain, lTrain]);
    if (valIndex !== null) valIndex.dispose();
    if (validation !== null) tf.dispose(validation);
  }
}
