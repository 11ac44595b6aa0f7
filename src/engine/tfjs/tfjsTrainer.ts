/**
 * NetworkTrainer (../trainer.ts) on TensorFlow.js, on whichever backend is active (initBackend picks one).
 * Chains of Dense layers run the hand-written fast path, every other graph the generic autodiff path; both compute
 * Keras 3's loss, penalties and optimizer updates (losses.ts, penalties.ts, optimizers.ts).
 *
 * Memory: each call builds its tensors inside one tf.tidy and reads the numbers back once, after the tidy (reading
 * inside makes tidy scan the returned array element by element), so no tensor outlives a call.
 * Errors: createTfjsTrainer never throws. The per-call methods throw an Error with a plain sentence only when called
 * against the contract (too few numbers, a label the output cannot answer, a disposed trainer).
 */
import * as tf from '@tensorflow/tfjs';
import '../tfjsEnvironment.ts';
import { incomingEdges } from '../../core/graph/topology.ts';
import { ENGINE_PATH_LABEL } from '../../core/training/enginePaths.ts';
import type { MetricName } from '../../core/training/settings.ts';
import type { LayerOutput, MetricValues, NetworkTrainer, NeuronArithmetic, TrainerSpec } from '../trainer.ts';
import { getLayerWeights, setLayerWeights } from '../weights.ts';
import type { LayerWeights } from '../weights.ts';
import { activeTfjsPath, lastBackendChoice } from './backend.ts';
import { createDenseFastPath } from './denseFastPath.ts';
import { createGenericPath } from './genericPath.ts';
import { lossValue } from './losses.ts';
import { buildNetwork } from './network.ts';
import type { TrainingNetwork } from './network.ts';
import { penaltyValue } from './penalties.ts';
import type { StepEngine } from './stepEngine.ts';
import { makeTargets, metricValue, targetProblem } from './targets.ts';

export interface TfjsTrainerTuning {
  /** Use the hand-written Dense path when the graph allows (default true); false forces autodiff (tests). */
  denseFastPath?: boolean;
}

export interface TfjsTrainer extends NetworkTrainer {
  /** Which tfjs step ran: the hand-written Dense chain or autodiff over the compiled model. */
  readonly engine: 'dense-fast-path' | 'generic';
}

export type CreateTfjsTrainerResult = { ok: true; trainer: TfjsTrainer } | { ok: false; message: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function product(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** Reads [loss, metric] once and frees the tensor. */
function readPair(pair: tf.Tensor): MetricValues {
  const values = pair.dataSync();
  pair.dispose();
  return { loss: values[0] ?? Number.NaN, metric: values[1] ?? Number.NaN };
}

/**
 * The values as a new array: on the cpu backend dataSync hands out the tensor's own storage, which for an output that
 * is the input itself (a Flatten) would be the caller's array.
 */
function readValues(tensor: tf.Tensor): Float32Array {
  const values = Float32Array.from(tensor.dataSync());
  tensor.dispose();
  return values;
}

function pathReason(): string {
  const path = activeTfjsPath();
  const choice = lastBackendChoice();
  if (choice !== null && choice.path === path) return choice.reason;
  return `TensorFlow.js runs on its ${tf.getBackend()} backend (${ENGINE_PATH_LABEL[path]}).`;
}

class Trainer implements TfjsTrainer {
  readonly path = activeTfjsPath();
  readonly pathReason = pathReason();
  readonly metric: MetricName;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly engine: TfjsTrainer['engine'];
  private disposed = false;
  /** Every non-Input node, in the graph's order, for layerOutputs. */
  private readonly layerIds: string[];

  constructor(
    private readonly network: TrainingNetwork,
    private readonly steps: StepEngine,
    private readonly spec: TrainerSpec,
    fast: boolean,
  ) {
    this.metric = network.mode.kind === 'values' ? 'mae' : 'accuracy';
    this.inputSize = network.inputSize;
    this.outputSize = network.outputSize;
    this.engine = fast ? 'dense-fast-path' : 'generic';
    this.layerIds = spec.graph.nodes.filter((n) => n.kind !== 'Input').map((n) => n.id);
  }

  private check(x: Float32Array, count: number): void {
    if (this.disposed) throw new Error('This trainer was disposed; create a new one.');
    if (!Number.isInteger(count) || count < 1) throw new Error(`A batch needs at least one example; got ${count}.`);
    if (x.length < count * this.inputSize) {
      throw new Error(`The inputs hold ${x.length} numbers, but ${count} examples need ${count * this.inputSize} (${this.inputSize} per example).`);
    }
  }

  private checkTargets(y: Float32Array, count: number): void {
    const problem = targetProblem(this.network.mode, y, count, this.network.outputId);
    if (problem !== null) throw new Error(problem);
  }

  /** The examples as flat rows, count × inputSize (the engines reshape them where a layer needs the Input's shape). */
  private inputTensor(x: Float32Array, count: number): tf.Tensor2D {
    return tf.tensor2d(x.subarray(0, count * this.inputSize), [count, this.inputSize], 'float32');
  }

  trainBatch(x: Float32Array, y: Float32Array, count: number): MetricValues {
    this.check(x, count);
    this.checkTargets(y, count);
    return readPair(tf.tidy(() => this.steps.trainStep(this.inputTensor(x, count), makeTargets(this.network.mode, y, count))));
  }

  evaluate(x: Float32Array, y: Float32Array, count: number): MetricValues {
    this.check(x, count);
    this.checkTargets(y, count);
    return readPair(
      tf.tidy(() => {
        const targets = makeTargets(this.network.mode, y, count);
        const out = this.steps.predict(this.inputTensor(x, count));
        const data = lossValue(this.spec.settings.loss, out, targets.t);
        const penalty = penaltyValue(this.network.penalties);
        return tf.stack([penalty === null ? data : tf.add(data, penalty), metricValue(this.network.mode, out, targets)]);
      }),
    );
  }

  predict(x: Float32Array, count: number): Float32Array {
    this.check(x, count);
    return readValues(tf.tidy(() => this.steps.predict(this.inputTensor(x, count))));
  }

  layerOutputs(x: Float32Array, count: number): Map<string, LayerOutput> {
    this.check(x, count);
    const tensors = tf.tidy(() => this.steps.outputsOf(this.inputTensor(x, count), this.layerIds));
    const outputs = new Map<string, LayerOutput>();
    outputs.set(this.network.inputId, { units: this.inputSize, values: x.slice(0, count * this.inputSize) });
    this.layerIds.forEach((id, i) => {
      const tensor = tensors[i];
      if (tensor === undefined) return;
      outputs.set(id, { units: product(tensor.shape.slice(1)), values: Float32Array.from(tensor.dataSync()) });
    });
    // An identity layer (Flatten, inference Dropout) hands on its input tensor: disposing it twice is harmless.
    tf.dispose(tensors);
    return outputs;
  }

  neuron(nodeId: string, unit: number, x: Float32Array): NeuronArithmetic | null {
    this.check(x, 1);
    const node = this.spec.graph.nodes.find((n) => n.id === nodeId);
    if (node?.kind !== 'Dense' || !Number.isInteger(unit) || unit < 0 || unit >= node.params.units) return null;
    const source = incomingEdges(this.spec.graph).get(nodeId)?.[0]?.source;
    if (source === undefined) return null;
    const outputs = this.layerOutputs(x, 1);
    const layerInput = outputs.get(source)?.values;
    const layerOutput = outputs.get(nodeId)?.values;
    const weights = getLayerWeights(this.network.model).get(nodeId);
    const kernel = weights?.find((w) => w.name === 'kernel');
    if (layerInput === undefined || layerOutput === undefined || kernel === undefined) return null;
    const [fanIn = 0, units = 0] = kernel.shape;
    // A Dense over a multi-dimensional input applies each neuron at every position: show the first position.
    const inputs = layerInput.slice(0, fanIn);
    const column = new Float32Array(fanIn);
    let sum = weights?.find((w) => w.name === 'bias')?.values[unit] ?? 0;
    const bias = sum;
    for (let i = 0; i < fanIn; i += 1) {
      column[i] = kernel.values[i * units + unit] ?? 0;
      sum += (inputs[i] ?? 0) * (column[i] ?? 0);
    }
    return { inputs, weights: column, bias, sum, output: layerOutput[unit] ?? Number.NaN };
  }

  getWeights(): LayerWeights {
    if (this.disposed) throw new Error('This trainer was disposed; create a new one.');
    return getLayerWeights(this.network.model);
  }

  setWeights(weights: LayerWeights): string[] {
    if (this.disposed) return ['This trainer was disposed; create a new one.'];
    return setLayerWeights(this.network.model, weights);
  }

  setLearningRate(learningRate: number): void {
    if (!Number.isFinite(learningRate) || learningRate <= 0) throw new Error(`The learning rate must be a number above 0; it is ${learningRate}.`);
    this.steps.setLearningRate(learningRate);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.steps.dispose();
    this.network.model.dispose();
  }
}

/**
 * A NetworkTrainer on TensorFlow.js for `spec`, or the reason it cannot train this network. Never throws. The result
 * is a CreateTrainerResult (TfjsTrainer adds only `engine`).
 */
export function createTfjsTrainer(spec: TrainerSpec, tuning: TfjsTrainerTuning = {}): CreateTfjsTrainerResult {
  let network: TrainingNetwork | null = null;
  try {
    const built = buildNetwork(spec);
    if (!built.ok) return built;
    network = built.network;
    const fast = tuning.denseFastPath === false ? null : createDenseFastPath(network, spec.settings);
    const steps = fast ?? createGenericPath(network, spec.settings);
    return { ok: true, trainer: new Trainer(network, steps, spec, fast !== null) };
  } catch (error) {
    network?.model.dispose();
    return { ok: false, message: `TensorFlow.js could not set up this network for training: ${errorText(error)}` };
  }
}
