/**
 * createTypedTrainer: the NetworkTrainer (trainer.ts) of the typed-array path. Plain JavaScript over Float32Arrays,
 * with Keras 3's losses and optimizers, for small networks of common layers, where TensorFlow.js's fixed cost per
 * kernel call (about 4 µs) would outweigh the arithmetic. Buffers are sized for the largest batch seen and reused: a
 * training step allocates no buffers, only the object it returns (and, as V8 happens to inline, a boxed number or two:
 * about one young-generation collection per 10,000 steps of the W1 benchmark).
 */
import type { CreateTrainerResult, LayerOutput, MetricValues, NetworkTrainer, NeuronArithmetic, TrainerSpec } from '../trainer.ts';
import type { LayerWeights } from '../weights.ts';
import type { Buf } from './buffers.ts';
import { targetProblem } from './losses.ts';
import type { TypedModel } from './model.ts';
import { buildTypedModel } from './model.ts';
import type { Optimizer } from './optimizers.ts';
import { createOptimizer } from './optimizers.ts';
import { TYPED_PATH_MAX_WEIGHTS } from './support.ts';
import { loadWeights, readWeights } from './weightsIO.ts';

function toFloat32(values: Buf, n: number): Float32Array {
  return values instanceof Float32Array ? values.slice(0, n) : Float32Array.from(values.subarray(0, n));
}

function describeCount(count: number): string | null {
  return Number.isInteger(count) && count >= 0 ? null : `The number of examples must be a whole number of 0 or more; it is ${count}.`;
}

class TypedTrainer implements NetworkTrainer {
  readonly path = 'typed' as const;
  readonly pathReason: string;
  readonly metric: 'accuracy' | 'mae';
  readonly inputSize: number;
  readonly outputSize: number;
  private learningRate: number;
  private disposed = false;

  constructor(
    private readonly model: TypedModel,
    private readonly optimizer: Optimizer,
    learningRate: number,
  ) {
    this.learningRate = learningRate;
    this.metric = model.task === 'classification' ? 'accuracy' : 'mae';
    this.inputSize = model.network.inputSize;
    this.outputSize = model.network.outputSize;
    const weights = model.network.params.reduce((sum, p) => sum + p.values.length, 0);
    const count = weights.toLocaleString('en-US');
    this.pathReason =
      weights <= TYPED_PATH_MAX_WEIGHTS
        ? `The network is small (${count} weights) and uses only common layers, so plain JavaScript trains it faster than TensorFlow.js.`
        : `Plain JavaScript was chosen for this network (${count} weights), although TensorFlow.js's WebAssembly backend would be faster.`;
  }

  /** Throws a plain-language Error when x (and y) cannot hold `count` examples. */
  private check(x: Float32Array, count: number, y: Float32Array | null, needsExamples: boolean): void {
    if (this.disposed) throw new Error('This trainer was disposed; create a new one.');
    const countProblem = describeCount(count);
    if (countProblem !== null) throw new RangeError(countProblem);
    if (needsExamples && count === 0) throw new RangeError('The loss needs at least one example; 0 were given.');
    if (x.length < count * this.inputSize) {
      throw new RangeError(
        `The inputs hold ${x.length} numbers, but ${count} examples of ${this.inputSize} values each need ${count * this.inputSize}.`,
      );
    }
    if (y === null) return;
    const problem = targetProblem(this.model.task, y, count, this.outputSize);
    if (problem !== null) throw new RangeError(problem);
  }

  trainBatch(x: Float32Array, y: Float32Array, count: number): MetricValues {
    this.check(x, count, y, true);
    const result = this.model.run(x, y, count, true, true);
    const values = { loss: result.loss, metric: result.metric };
    if (this.model.network.output.needsGrad) this.optimizer.apply(this.learningRate);
    return values;
  }

  evaluate(x: Float32Array, y: Float32Array, count: number): MetricValues {
    this.check(x, count, y, true);
    const result = this.model.run(x, y, count, false, false);
    return { loss: result.loss, metric: result.metric };
  }

  predict(x: Float32Array, count: number): Float32Array {
    this.check(x, count, null, false);
    const network = this.model.network;
    network.forward(x, count, false);
    return toFloat32(network.output.values, count * network.outputSize);
  }

  layerOutputs(x: Float32Array, count: number): Map<string, LayerOutput> {
    this.check(x, count, null, false);
    const network = this.model.network;
    network.forward(x, count, false);
    const out = new Map<string, LayerOutput>();
    for (const [id, slot] of network.slots) out.set(id, { units: slot.units, values: toFloat32(slot.values, count * slot.units) });
    return out;
  }

  neuron(nodeId: string, unit: number, x: Float32Array): NeuronArithmetic | null {
    this.check(x, 1, null, false);
    const network = this.model.network;
    const dense = network.dense.get(nodeId);
    if (dense === undefined || !Number.isInteger(unit) || unit < 0 || unit >= dense.units) return null;
    network.forward(x, 1, false);
    const input = dense.inputs[0];
    if (input === undefined) return null;
    const inSize = input.units;
    const weights = new Float32Array(inSize);
    for (let i = 0; i < inSize; i += 1) weights[i] = dense.kernel.values[i * dense.units + unit] as number;
    return {
      inputs: toFloat32(input.values, inSize),
      weights,
      bias: dense.bias === null ? 0 : (dense.bias.values[unit] as number),
      sum: dense.lastSums[unit] as number,
      output: dense.output.values[unit] as number,
    };
  }

  getWeights(): LayerWeights {
    return readWeights(this.model.byNode);
  }

  setWeights(weights: LayerWeights): string[] {
    if (this.disposed) return ['This trainer was disposed; create a new one.'];
    return loadWeights(this.model.byNode, this.model.layerIds, weights);
  }

  setLearningRate(learningRate: number): void {
    if (!Number.isFinite(learningRate) || learningRate < 0) {
      throw new RangeError(`The learning rate must be a number of 0 or more; it is ${learningRate}.`);
    }
    this.learningRate = learningRate;
  }

  dispose(): void {
    this.disposed = true;
  }
}

/**
 * The typed-array trainer for `spec`, or the reason it cannot run the network (unsupported layers, weights that do
 * not fit, settings out of range), in plain words. Never throws.
 */
export function createTypedTrainer(spec: TrainerSpec): CreateTrainerResult {
  try {
    const { graph, weights, settings, options } = spec;
    if (options.path !== undefined && options.path !== 'typed') {
      return { ok: false, message: `The plain JavaScript trainer cannot run the ${options.path} path.` };
    }
    if (!Number.isFinite(settings.learningRate) || settings.learningRate < 0) {
      return { ok: false, message: `The learning rate must be a number of 0 or more; it is ${settings.learningRate}.` };
    }
    if (!Number.isFinite(settings.l2) || settings.l2 < 0) {
      return { ok: false, message: `The L2 weight penalty must be a number of 0 or more; it is ${settings.l2}.` };
    }
    const built = buildTypedModel({
      graph,
      weights,
      loss: settings.loss,
      task: options.task,
      l2: settings.l2,
      seed: settings.seed,
      precision: 'float32',
      // A forced path (tests, benchmarks) runs a large network too: the size limit only says which path is faster.
      sizeLimit: options.path !== 'typed',
    });
    if (!built.ok) return built;
    const optimizer = createOptimizer(settings.optimizer, built.model.network.params, 'float32');
    return { ok: true, trainer: new TypedTrainer(built.model, optimizer, settings.learningRate) };
  } catch (error) {
    return { ok: false, message: `LayerLab could not prepare this network for training: ${error instanceof Error ? error.message : String(error)}` };
  }
}
