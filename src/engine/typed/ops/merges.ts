/** Keras's merge layers on flat inputs: Add, Multiply (value by value) and Concatenate (along the last axis). */
import type { Precision } from '../buffers.ts';
import { copyValues } from '../buffers.ts';
import type { Op, Param } from './op.ts';
import { Slot } from './op.ts';

export class AddOp implements Op {
  readonly output: Slot;
  readonly params: readonly Param[] = [];

  constructor(
    readonly nodeId: string,
    readonly inputs: readonly Slot[],
    precision: Precision,
  ) {
    this.output = new Slot(inputs[0]?.units ?? 0, precision);
  }

  reserve(): void {}

  forward(count: number): void {
    const n = count * this.output.units;
    const y = this.output.values;
    const inputs = this.inputs;
    copyValues((inputs[0] as Slot).values, y, n);
    for (let i = 1; i < inputs.length; i += 1) {
      const x = (inputs[i] as Slot).values;
      for (let k = 0; k < n; k += 1) y[k] = (y[k] as number) + (x[k] as number);
    }
  }

  backward(count: number): void {
    const n = count * this.output.units;
    const dy = this.output.grad;
    for (let i = 0; i < this.inputs.length; i += 1) {
      const input = this.inputs[i] as Slot;
      if (!input.needsGrad) continue;
      const dx = input.grad;
      for (let k = 0; k < n; k += 1) dx[k] = (dx[k] as number) + (dy[k] as number);
    }
  }
}

export class MultiplyOp implements Op {
  readonly output: Slot;
  readonly params: readonly Param[] = [];

  constructor(
    readonly nodeId: string,
    readonly inputs: readonly Slot[],
    precision: Precision,
  ) {
    this.output = new Slot(inputs[0]?.units ?? 0, precision);
  }

  reserve(): void {}

  forward(count: number): void {
    const n = count * this.output.units;
    const y = this.output.values;
    const inputs = this.inputs;
    copyValues((inputs[0] as Slot).values, y, n);
    for (let i = 1; i < inputs.length; i += 1) {
      const x = (inputs[i] as Slot).values;
      for (let k = 0; k < n; k += 1) y[k] = (y[k] as number) * (x[k] as number);
    }
  }

  /** d(x0 · x1 · …)/dxi is the product of the other inputs (recomputed, so a zero input needs no special case). */
  backward(count: number): void {
    const n = count * this.output.units;
    const dy = this.output.grad;
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i += 1) {
      const target = inputs[i];
      if (target === undefined || !target.needsGrad) continue;
      const dx = target.grad;
      for (let k = 0; k < n; k += 1) {
        let others = 1;
        for (let m = 0; m < inputs.length; m += 1) {
          if (m !== i) others *= (inputs[m] as Slot).values[k] as number;
        }
        dx[k] = (dx[k] as number) + (dy[k] as number) * others;
      }
    }
  }
}

/** Inputs side by side in edge inputIndex order: row b of the output is [row b of input 0, row b of input 1, …]. */
export class ConcatenateOp implements Op {
  readonly output: Slot;
  readonly params: readonly Param[] = [];

  constructor(
    readonly nodeId: string,
    readonly inputs: readonly Slot[],
    precision: Precision,
  ) {
    this.output = new Slot(
      inputs.reduce((sum, input) => sum + input.units, 0),
      precision,
    );
  }

  reserve(): void {}

  forward(count: number): void {
    const y = this.output.values;
    const units = this.output.units;
    let offset = 0;
    for (let i = 0; i < this.inputs.length; i += 1) {
      const input = this.inputs[i] as Slot;
      const x = input.values;
      const width = input.units;
      for (let b = 0; b < count; b += 1) {
        const from = b * width;
        const to = b * units + offset;
        for (let j = 0; j < width; j += 1) y[to + j] = x[from + j] as number;
      }
      offset += width;
    }
  }

  backward(count: number): void {
    const dy = this.output.grad;
    const units = this.output.units;
    let offset = 0;
    for (let i = 0; i < this.inputs.length; i += 1) {
      const input = this.inputs[i] as Slot;
      const width = input.units;
      if (input.needsGrad) {
        const dx = input.grad;
        for (let b = 0; b < count; b += 1) {
          const to = b * width;
          const from = b * units + offset;
          for (let j = 0; j < width; j += 1) dx[to + j] = (dx[to + j] as number) + (dy[from + j] as number);
        }
      }
      offset += width;
    }
  }
}
