/**
 * A graph turned into a program for the typed-array path: one op per computing node in topological order, each
 * reading and writing preallocated slots. Forward runs the ops in order; backward runs them in reverse after the loss
 * has written dLoss/doutput into the output slot's gradient.
 */
import { incomingEdges } from '../../core/graph/topology.ts';
import type { Graph, GraphNode } from '../../core/graph/types.ts';
import { elementCount } from '../../core/layers/index.ts';
import type { GraphInference } from '../../core/shapes/inferShapes.ts';
import type { ActivationKernel } from './activations.ts';
import { activationKernel, eluKernel, leakyReluKernel, reluLayerKernel } from './activations.ts';
import type { Precision } from './buffers.ts';
import { ActivationOp } from './ops/activationLayer.ts';
import { DenseOp } from './ops/dense.ts';
import { DropoutOp } from './ops/dropout.ts';
import { InputFeed } from './ops/input.ts';
import { AddOp, ConcatenateOp, MultiplyOp } from './ops/merges.ts';
import type { Op, Param } from './ops/op.ts';
import { Slot } from './ops/op.ts';
import { PReLUOp } from './ops/prelu.ts';

export interface NetworkOptions {
  precision: Precision;
  /** Seeds the dropout masks. */
  seed: number;
}

/** The activation kernel of a layer that applies a function to each value, or null for any other kind. */
function activationLayerKernel(node: GraphNode): ActivationKernel | null {
  switch (node.kind) {
    case 'Activation':
      return activationKernel(node.params.activation);
    case 'ReLU':
      return reluLayerKernel(node.params.negative_slope, node.params.max_value, node.params.threshold);
    case 'LeakyReLU':
      return leakyReluKernel(node.params.negative_slope);
    case 'ELU':
      return eluKernel(node.params.alpha);
    case 'Softmax':
      // Support allows only flat inputs, where every valid axis is the last one.
      return activationKernel('softmax');
    default:
      return null;
  }
}

export class Network {
  readonly input: InputFeed;
  readonly output: Slot;
  readonly ops: readonly Op[];
  readonly params: readonly Param[];
  /** Every node's output slot, the Input's and the pass-through layers' included (they share their input's slot). */
  readonly slots: ReadonlyMap<string, Slot>;
  readonly dense: ReadonlyMap<string, DenseOp>;
  private readonly slotList: readonly Slot[];
  private forwardCapacity = 0;
  private trainCapacity = 0;

  /** `inference` must be inferShapes(graph) of a graph checkTypedSupport accepted. */
  constructor(graph: Graph, inference: GraphInference, options: NetworkOptions) {
    const { precision } = options;
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const incoming = incomingEdges(graph);
    const slots = new Map<string, Slot>();
    const ops: Op[] = [];
    const dense = new Map<string, DenseOp>();
    let input: InputFeed | null = null;
    for (const id of inference.order) {
      const node = byId.get(id);
      const info = inference.nodes.get(id);
      if (node === undefined || info?.status !== 'ok') throw new Error(`core has no shape for ${id}`);
      const sources = (incoming.get(id) ?? []).map((edge) => {
        const slot = slots.get(edge.source);
        if (slot === undefined) throw new Error(`${edge.source} comes after ${id}`);
        return slot;
      });
      const first = sources[0];
      if (node.kind === 'Input') {
        input = new InputFeed(id, elementCount(info.shape), precision);
        slots.set(id, input.output);
        continue;
      }
      if (first === undefined) throw new Error(`${id} has no input`);
      const op = this.makeOp(node, first, sources, options);
      if (op === null) {
        slots.set(id, first);
        continue;
      }
      for (const source of sources) source.consumers += 1;
      ops.push(op);
      slots.set(id, op.output);
      if (op instanceof DenseOp) dense.set(id, op);
    }
    const outputId = inference.outputs[0];
    const output = outputId === undefined ? undefined : slots.get(outputId);
    if (input === null || output === undefined) throw new Error('the network has no Input or no output');
    // A slot needs a gradient when a weight lies before it; the Input's never does.
    for (const op of ops) op.output.needsGrad = op.params.length > 0 || op.inputs.some((slot) => slot.needsGrad);
    this.input = input;
    this.output = output;
    this.ops = ops;
    this.params = ops.flatMap((op) => op.params);
    this.slots = slots;
    this.dense = dense;
    this.slotList = [...new Set(slots.values())];
  }

  /** The op computing `node`, or null when the node passes its input on unchanged (it then shares the input's slot). */
  private makeOp(node: GraphNode, first: Slot, sources: Slot[], options: NetworkOptions): Op | null {
    const { precision } = options;
    switch (node.kind) {
      case 'Dense':
        return new DenseOp(node.id, first, node.params.units, node.params.activation, node.params.use_bias, precision);
      case 'PReLU':
        return new PReLUOp(node.id, first, (node.params.shared_axes ?? []).includes(1), precision);
      case 'Dropout':
        return node.params.rate > 0 ? new DropoutOp(node.id, first, node.params.rate, options.seed, precision) : null;
      case 'Add':
        return new AddOp(node.id, sources, precision);
      case 'Multiply':
        return new MultiplyOp(node.id, sources, precision);
      case 'Concatenate':
        return new ConcatenateOp(node.id, sources, precision);
      case 'Flatten':
      case 'Reshape':
        return null;
      default: {
        const kernel = activationLayerKernel(node);
        if (kernel === null) throw new Error(`${node.kind} is not supported by the typed-array path`);
        return kernel.identity ? null : new ActivationOp(node.id, first, kernel, precision);
      }
    }
  }

  get inputSize(): number {
    return this.input.output.units;
  }

  get outputSize(): number {
    return this.output.units;
  }

  /** Makes every buffer large enough for `count` examples (gradients too when training). Allocates only on growth. */
  reserve(count: number, training: boolean): void {
    const growForward = count > this.forwardCapacity;
    const growTrain = training && count > this.trainCapacity;
    if (!growForward && !growTrain) return;
    this.forwardCapacity = Math.max(this.forwardCapacity, count);
    if (training) this.trainCapacity = Math.max(this.trainCapacity, count);
    for (const slot of this.slotList) slot.reserve(this.forwardCapacity, false);
    for (const op of this.ops) op.reserve(this.forwardCapacity, false);
    if (this.trainCapacity > 0) {
      for (const slot of this.slotList) slot.reserve(this.trainCapacity, true);
      for (const op of this.ops) op.reserve(this.trainCapacity, true);
    }
  }

  /** Runs the network on `count` examples of x (count × inputSize); outputs are left in the slots. */
  forward(x: Float32Array, count: number, training: boolean): void {
    this.reserve(count, training);
    this.input.load(x, count);
    const ops = this.ops;
    for (let i = 0; i < ops.length; i += 1) (ops[i] as Op).forward(count, training);
  }

  /**
   * Backpropagates from the gradient the loss wrote into `output.grad` (after zeroGrads and a training forward pass
   * of the same `count`), leaving every param's gradient in param.grad.
   */
  backward(count: number): void {
    const ops = this.ops;
    for (let i = ops.length - 1; i >= 0; i -= 1) {
      const op = ops[i] as Op;
      if (op.output.needsGrad) op.backward(count);
    }
  }

  /** Clears every slot gradient the backward pass adds to (the output's is then set by the loss). */
  zeroGrads(count: number): void {
    const slots = this.slotList;
    for (let i = 0; i < slots.length; i += 1) {
      const slot = slots[i] as Slot;
      if (slot.needsGrad) slot.grad.fill(0, 0, count * slot.units);
    }
  }
}
