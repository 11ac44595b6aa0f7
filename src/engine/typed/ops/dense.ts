/**
 * Keras's Dense: y = activation(x · kernel + bias), kernel [in, units] row-major, bias [units].
 * Sums are accumulated in float64 and stored as float32, like a float32 matmul with a more accurate sum (matmul.ts).
 */
import type { ActivationName } from '../../../core/layers/index.ts';
import type { ActivationKernel } from '../activations.ts';
import { activationKernel } from '../activations.ts';
import type { Buf, Precision } from '../buffers.ts';
import { allocate, atLeast } from '../buffers.ts';
import type { Op, Param } from './op.ts';
import { addInputGradient, affineForward, biasGradient, kernelGradient } from './matmul.ts';
import { newParam, Slot } from './op.ts';

export class DenseOp implements Op {
  readonly inputs: readonly Slot[];
  readonly output: Slot;
  readonly params: readonly Param[];
  readonly kernel: Param;
  readonly bias: Param | null;
  readonly activation: ActivationName;
  private readonly kernelFn: ActivationKernel;
  /** Weighted sums before the activation; the output buffer itself when the activation is linear. */
  private sums: Buf;
  private sumGrad: Buf;

  constructor(
    readonly nodeId: string,
    private readonly input: Slot,
    units: number,
    activation: ActivationName,
    useBias: boolean,
    private readonly precision: Precision,
  ) {
    this.inputs = [input];
    this.output = new Slot(units, precision);
    this.activation = activation;
    this.kernelFn = activationKernel(activation);
    this.kernel = newParam(nodeId, 'kernel', [input.units, units], precision);
    this.bias = useBias ? newParam(nodeId, 'bias', [units], precision) : null;
    this.params = this.bias === null ? [this.kernel] : [this.kernel, this.bias];
    this.sums = allocate(precision, 0);
    this.sumGrad = allocate(precision, 0);
  }

  get units(): number {
    return this.output.units;
  }

  /** The weighted sums of the last forward pass (count × units). */
  get lastSums(): Buf {
    return this.kernelFn.identity ? this.output.values : this.sums;
  }

  reserve(count: number, training: boolean): void {
    if (this.kernelFn.identity) return;
    this.sums = atLeast(this.sums, this.precision, count * this.units);
    if (training) this.sumGrad = atLeast(this.sumGrad, this.precision, count * this.units);
  }

  forward(count: number): void {
    const units = this.output.units;
    const z = this.kernelFn.identity ? this.output.values : this.sums;
    affineForward(this.input.values, this.kernel.values, this.bias?.values ?? null, z, count, this.input.units, units);
    if (!this.kernelFn.identity) this.kernelFn.forward(z, this.output.values, count, units);
  }

  backward(count: number): void {
    const units = this.output.units;
    const inSize = this.input.units;
    let dz = this.output.grad;
    if (!this.kernelFn.identity) {
      this.kernelFn.backward(this.sums, this.output.values, this.output.grad, this.sumGrad, count, units);
      dz = this.sumGrad;
    }
    kernelGradient(this.input.values, dz, this.kernel.grad, count, inSize, units);
    if (this.bias !== null) biasGradient(dz, this.bias.grad, count, units);
    if (this.input.needsGrad) addInputGradient(dz, this.kernel.values, this.input.grad, count, inSize, units);
  }
}
