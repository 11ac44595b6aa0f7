/**
 * The one training API of LayerLab. Two numeric paths implement it:
 *  - the typed-array path (engine/typed/): plain JavaScript over Float32Arrays, for small networks of the common
 *    layers, where TensorFlow.js's per-kernel overhead (about 4 µs a call) would dominate;
 *  - the TensorFlow.js path (engine/tfjs/): every layer LayerLab has, on the wasm backend (WebGL in a browser with a
 *    GPU, cpu last), for everything else and for large layers.
 * `createTrainer` (engine/createTrainer.ts) picks the path; callers (the worker, `layerlab train`, the benchmarks)
 * only see this interface. Types only: importing this file pulls in no code.
 *
 * Data layout everywhere: row-major Float32Arrays, one row per example, the Input's values flattened.
 *
 * Targets (`y`) are given per example in the dataset's own terms, and the trainer turns them into what the loss
 * needs: for classification one class index per row (as a float), for regression one target value per output unit.
 *
 * The reported loss is Keras's: the mean of the per-example loss over the batch plus every weight penalty
 * (a Dense layer's kernel_regularizer, and the settings' L2 on every Dense kernel). `trainBatch` reports the loss and
 * metric of the forward pass it then steps from (as Keras's fit() reports a batch), not after the update.
 */
import type { Graph } from '../core/graph/types.ts';
import type { LossName, MetricName, OptimizerName } from '../core/training/settings.ts';
import type { LayerWeights } from './weights.ts';

import type { EnginePath } from '../core/training/enginePaths.ts';

export type { EnginePath } from '../core/training/enginePaths.ts';

/** What the optimizer and loss need; a subset of TrainingSettings. */
export interface TrainerSettings {
  optimizer: OptimizerName;
  learningRate: number;
  loss: LossName;
  /** Added as Keras's L2(l2) on every Dense kernel, on top of the layer's own kernel_regularizer. */
  l2: number;
  /** Seeds dropout masks (and nothing else: weights are given). */
  seed: number;
}

export interface CreateTrainerOptions {
  /** Force a path (tests, benchmarks). Without it the engine picks: typed when the network allows, else tfjs. */
  path?: EnginePath;
  /** The task of the data the network trains on; decides the metric (accuracy or mae) and how targets are read. */
  task: 'classification' | 'regression';
}

export interface MetricValues {
  loss: number;
  /** Accuracy (0..1) for classification, mean absolute error for regression. */
  metric: number;
}

/** One layer's output for some examples: `values` is count × units, row-major. */
export interface LayerOutput {
  units: number;
  values: Float32Array;
}

/**
 * A Dense neuron's arithmetic for one example, as the neuron inspector shows it:
 * sum = Σ inputs[i] × weights[i] + bias, output = activation(sum).
 */
export interface NeuronArithmetic {
  inputs: Float32Array;
  weights: Float32Array;
  bias: number;
  sum: number;
  output: number;
}

export interface NetworkTrainer {
  readonly path: EnginePath;
  /** One sentence: why the engine picked this path (e.g. "BatchNormalization needs TensorFlow.js."). */
  readonly pathReason: string;
  readonly metric: MetricName;
  /** Values per example the network takes (product of the Input shape) and gives (output units). */
  readonly inputSize: number;
  readonly outputSize: number;
  /** One optimizer step on `count` examples: x is count × inputSize, y count (classes) or count × outputSize. */
  trainBatch(x: Float32Array, y: Float32Array, count: number): MetricValues;
  /** Loss (with weight penalties) and metric on `count` examples, in inference mode (no dropout), no update. */
  evaluate(x: Float32Array, y: Float32Array, count: number): MetricValues;
  /** The network's outputs (count × outputSize), inference mode. */
  predict(x: Float32Array, count: number): Float32Array;
  /** Every layer's output for `count` examples, by node id (inference mode), the Input included. */
  layerOutputs(x: Float32Array, count: number): Map<string, LayerOutput>;
  /** Dense neuron `unit` of layer `nodeId` on one example (x is inputSize values); null if nodeId is not a Dense. */
  neuron(nodeId: string, unit: number, x: Float32Array): NeuronArithmetic | null;
  /** Copies of the current weights, by node id, in Keras's order and names. */
  getWeights(): LayerWeights;
  /** Replaces the weights (e.g. Reset, or the last good weights after divergence); returns problems, [] when fine. */
  setWeights(weights: LayerWeights): string[];
  /** Applies from the next step on; the optimizer keeps its state (momentum, Adam's moments). */
  setLearningRate(learningRate: number): void;
  /** Frees memory (tensors on the tfjs path). The trainer must not be used afterwards. */
  dispose(): void;
}

export type CreateTrainerResult = { ok: true; trainer: NetworkTrainer } | { ok: false; message: string };

/** What createTrainer needs: the graph, its starting weights (every layer that has weights), settings. */
export interface TrainerSpec {
  graph: Graph;
  weights: LayerWeights;
  settings: TrainerSettings;
  options: CreateTrainerOptions;
}
