/** Layers that apply a function to each value (Activation, ReLU, LeakyReLU, ELU, Softmax): no weights. */
import type { ActivationKernel } from '../activations.ts';
import type { Buf, Precision } from '../buffers.ts';
import { allocate, atLeast } from '../buffers.ts';
import type { Op, Param } from './op.ts';
import { Slot } from './op.ts';

export class ActivationOp implements Op {
  readonly inputs: readonly Slot[];
  readonly output: Slot;
  readonly params: readonly Param[] = [];
  /** dLoss/dinput before it is added to the input's gradient (which other layers reading the input add to as well). */
  private inputGrad: Buf;

  constructor(
    readonly nodeId: string,
    private readonly input: Slot,
    private readonly kernel: ActivationKernel,
    private readonly precision: Precision,
  ) {
    this.inputs = [input];
    this.output = new Slot(input.units, precision);
    this.inputGrad = allocate(precision, 0);
  }

  reserve(count: number, training: boolean): void {
    if (training && this.input.needsGrad && this.input.consumers > 1) {
      this.inputGrad = atLeast(this.inputGrad, this.precision, count * this.input.units);
    }
  }

  forward(count: number): void {
    this.kernel.forward(this.input.values, this.output.values, count, this.output.units);
  }

  backward(count: number): void {
    if (!this.input.needsGrad) return;
    const units = this.output.units;
    if (this.input.consumers === 1) {
      // The only reader of the input: its gradient is exactly this one.
      this.kernel.backward(this.input.values, this.output.values, this.output.grad, this.input.grad, count, units);
      return;
    }
    const own = this.inputGrad;
    this.kernel.backward(this.input.values, this.output.values, this.output.grad, own, count, units);
    const dx = this.input.grad;
    const n = count * units;
    for (let k = 0; k < n; k += 1) dx[k] = (dx[k] as number) + (own[k] as number);
  }
}
