/**
 * The pieces a typed-array network is made of: slots (one node's output and its gradient, count × units, row-major)
 * and ops (one per computing node, reading input slots and writing its output slot).
 *
 * Buffers are sized for the largest batch seen so far and reused: a training step allocates nothing. A slot is an
 * object shared by reference, so when a buffer grows every op reading it sees the new one; nodes that compute nothing
 * (Flatten and Reshape of a flat input, Dropout with rate 0) share their input's slot instead of copying it.
 */
import type { Buf, Precision } from '../buffers.ts';
import { allocate, atLeast } from '../buffers.ts';

export class Slot {
  values: Buf;
  /** dLoss/dvalues, allocated only when `needsGrad` and the network trains. */
  grad: Buf;
  /** True when some weight lies before this slot, so backpropagation must reach it. */
  needsGrad = false;
  /**
   * How many layer inputs read this slot. With one reader, that reader may write the gradient instead of adding to
   * it; with several, each adds its share (every gradient is zeroed before a backward pass).
   */
  consumers = 0;

  constructor(
    readonly units: number,
    private readonly precision: Precision,
  ) {
    this.values = allocate(precision, 0);
    this.grad = allocate(precision, 0);
  }

  reserve(count: number, training: boolean): void {
    this.values = atLeast(this.values, this.precision, count * this.units);
    if (training && this.needsGrad) this.grad = atLeast(this.grad, this.precision, count * this.units);
  }
}

/** A trainable weight: Keras's name and shape, its values, and the gradient of the loss the last backward pass left. */
export interface Param {
  nodeId: string;
  /** "kernel", "bias" or "alpha", as Keras names them. */
  name: string;
  shape: number[];
  values: Buf;
  grad: Float64Array;
}

export interface Op {
  readonly nodeId: string;
  readonly inputs: readonly Slot[];
  readonly output: Slot;
  readonly params: readonly Param[];
  /** Grows this op's own scratch buffers (slots are reserved by the network). */
  reserve(count: number, training: boolean): void;
  forward(count: number, training: boolean): void;
  /** Adds dLoss/dinput into every input slot that needs it; sets (not adds) the gradients of its params. */
  backward(count: number): void;
}

export function newParam(nodeId: string, name: string, shape: number[], precision: Precision): Param {
  const size = shape.reduce((p, d) => p * d, 1);
  return { nodeId, name, shape, values: allocate(precision, size), grad: new Float64Array(size) };
}
