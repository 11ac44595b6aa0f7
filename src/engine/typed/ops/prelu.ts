/**
 * Keras's PReLU: y = x if x > 0 else alpha · x, with alpha learned. On a flat input alpha has one value per unit, or a
 * single shared value when shared_axes holds axis 1.
 */
import type { Precision } from '../buffers.ts';
import type { Op, Param } from './op.ts';
import { newParam, Slot } from './op.ts';

export class PReLUOp implements Op {
  readonly inputs: readonly Slot[];
  readonly output: Slot;
  readonly params: readonly Param[];
  readonly alpha: Param;
  private readonly shared: boolean;

  constructor(
    readonly nodeId: string,
    private readonly input: Slot,
    shared: boolean,
    precision: Precision,
  ) {
    this.inputs = [input];
    this.output = new Slot(input.units, precision);
    this.shared = shared;
    this.alpha = newParam(nodeId, 'alpha', [shared ? 1 : input.units], precision);
    this.params = [this.alpha];
  }

  reserve(): void {}

  forward(count: number): void {
    const x = this.input.values;
    const y = this.output.values;
    const a = this.alpha.values;
    const units = this.output.units;
    for (let b = 0; b < count; b += 1) {
      const row = b * units;
      for (let j = 0; j < units; j += 1) {
        const v = x[row + j] as number;
        y[row + j] = v > 0 ? v : (a[this.shared ? 0 : j] as number) * v;
      }
    }
  }

  backward(count: number): void {
    const x = this.input.values;
    const dy = this.output.grad;
    const a = this.alpha.values;
    const da = this.alpha.grad;
    const units = this.output.units;
    const withInput = this.input.needsGrad;
    const dx = this.input.grad;
    da.fill(0);
    for (let b = 0; b < count; b += 1) {
      const row = b * units;
      for (let j = 0; j < units; j += 1) {
        const v = x[row + j] as number;
        const g = dy[row + j] as number;
        const k = this.shared ? 0 : j;
        if (v > 0) {
          if (withInput) dx[row + j] = (dx[row + j] as number) + g;
        } else {
          da[k] = (da[k] as number) + g * v;
          if (withInput) dx[row + j] = (dx[row + j] as number) + g * (a[k] as number);
        }
      }
    }
  }
}
