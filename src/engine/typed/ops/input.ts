/** Where examples enter: copies the caller's rows (any shape, flattened row-major) into the Input's slot. */
import type { Precision } from '../buffers.ts';
import { Slot } from './op.ts';

export class InputFeed {
  readonly output: Slot;

  constructor(
    readonly nodeId: string,
    size: number,
    precision: Precision,
  ) {
    this.output = new Slot(size, precision);
  }

  load(x: Float32Array, count: number): void {
    const n = count * this.output.units;
    const values = this.output.values;
    for (let k = 0; k < n; k += 1) values[k] = x[k] as number;
  }
}
