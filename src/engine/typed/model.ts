/**
 * A typed-array network with its loss and weight penalties: the part of the trainer that computes loss, metric and
 * gradients. The trainer adds the optimizer; the gradient tests build it with float64 storage.
 */
import type { Graph } from '../../core/graph/types.ts';
import type { LossName } from '../../core/training/settings.ts';
import type { LayerWeights } from '../weights.ts';
import type { Precision } from './buffers.ts';
import type { LossResult, Task } from './losses.ts';
import { computeLoss } from './losses.ts';
import { Network } from './network.ts';
import type { Param } from './ops/op.ts';
import type { KernelPenalty } from './penalties.ts';
import { addPenaltyGradients, addPenaltyValue, kernelPenalties } from './penalties.ts';
import { checkTypedSupport } from './support.ts';
import { loadWeights, missingLayers, paramsByNode } from './weightsIO.ts';

export interface TypedModelSpec {
  graph: Graph;
  weights: LayerWeights;
  loss: LossName;
  task: Task;
  /** The settings' L2 on every Dense kernel. */
  l2: number;
  /** Seeds dropout masks. */
  seed: number;
  precision: Precision;
  /** false: build networks above TYPED_PATH_MAX_WEIGHTS too (the caller forced the typed path). */
  sizeLimit?: boolean;
}

export class TypedModel {
  readonly network: Network;
  readonly byNode: ReadonlyMap<string, readonly Param[]>;
  readonly layerIds: ReadonlySet<string>;
  private readonly penalties: readonly KernelPenalty[];
  private readonly result: LossResult = { loss: 0, metric: 0 };

  constructor(
    network: Network,
    penalties: readonly KernelPenalty[],
    readonly loss: LossName,
    readonly task: Task,
  ) {
    this.network = network;
    this.penalties = penalties;
    this.byNode = paramsByNode(network.params);
    this.layerIds = new Set(network.slots.keys());
  }

  /**
   * Loss (with weight penalties) and metric on `count` examples. With `gradients`, also backpropagates, leaving
   * dLoss/dparam in every param's grad (the gradient of Keras's total loss: the batch mean plus the penalties).
   * Inputs must have been checked (lengths, labels).
   */
  run(x: Float32Array, y: Float32Array, count: number, training: boolean, gradients: boolean): LossResult {
    const network = this.network;
    // Gradient buffers exist only once a batch of this size has trained; an inference-mode gradient needs them too.
    if (gradients) network.reserve(count, true);
    network.forward(x, count, training);
    const output = network.output;
    const withGrad = gradients && output.needsGrad;
    if (withGrad) network.zeroGrads(count);
    const result = this.result;
    computeLoss(this.loss, this.task, output.values, y, count, output.units, withGrad ? output.grad : null, result);
    if (this.penalties.length > 0) addPenaltyValue(this.penalties, result);
    if (withGrad) {
      network.backward(count);
      addPenaltyGradients(this.penalties);
    }
    return result;
  }
}

export type BuildResult = { ok: true; model: TypedModel } | { ok: false; message: string };

/** Builds the model and loads its starting weights, or says in plain words why it cannot. */
export function buildTypedModel(spec: TypedModelSpec): BuildResult {
  const checked = checkTypedSupport(spec.graph, spec.sizeLimit ?? true);
  if (!checked.ok) return { ok: false, message: checked.reason };
  if (spec.loss === 'sparse_categorical_crossentropy' && spec.task === 'regression') {
    return {
      ok: false,
      message: 'sparse_categorical_crossentropy needs class labels, but this data has numeric targets; use mean_squared_error for regression.',
    };
  }
  const network = new Network(spec.graph, checked.inference, { precision: spec.precision, seed: spec.seed });
  const kernels = spec.graph.nodes.flatMap((node) => {
    const op = network.dense.get(node.id);
    return node.kind === 'Dense' && op !== undefined ? [{ kernel: op.kernel, regularizer: node.params.kernel_regularizer }] : [];
  });
  const model = new TypedModel(network, kernelPenalties(kernels, spec.l2), spec.loss, spec.task);
  const problems = [...missingLayers(model.byNode, spec.weights), ...loadWeights(model.byNode, model.layerIds, spec.weights)];
  if (problems.length > 0) return { ok: false, message: `The starting weights do not fit this network. ${problems.join(' ')}` };
  return { ok: true, model };
}
