/**
 * Keras's Dropout. Training: each value is kept with probability 1 - rate and scaled by 1 / (1 - rate), dropped
 * otherwise; a fresh mask every step, drawn from core's seeded Rng (one stream per layer, seeded from the training
 * seed and the node id), so a run repeats exactly. Inference: the input passes through unchanged.
 */
import { createRng } from '../../../core/datasets/rng.ts';
import type { Rng } from '../../../core/datasets/rng.ts';
import { layerSeed } from '../../../core/weights/initialWeights.ts';
import type { Buf, Precision } from '../buffers.ts';
import { allocate, atLeast, copyValues } from '../buffers.ts';
import type { Op, Param } from './op.ts';
import { Slot } from './op.ts';

export class DropoutOp implements Op {
  readonly inputs: readonly Slot[];
  readonly output: Slot;
  readonly params: readonly Param[] = [];
  /** 0 (dropped) or 1 / (1 - rate) (kept), per value of the last training step. */
  private mask: Buf;
  private readonly rng: Rng;
  /** Tests that compare a gradient with a finite difference need the same mask in every forward pass. */
  masksFrozen = false;

  constructor(
    readonly nodeId: string,
    private readonly input: Slot,
    private readonly rate: number,
    seed: number,
    private readonly precision: Precision,
  ) {
    this.inputs = [input];
    this.output = new Slot(input.units, precision);
    this.mask = allocate(precision, 0);
    this.rng = createRng(layerSeed(seed, nodeId));
  }

  reserve(count: number, training: boolean): void {
    if (training) this.mask = atLeast(this.mask, this.precision, count * this.input.units);
  }

  forward(count: number, training: boolean): void {
    const n = count * this.output.units;
    const x = this.input.values;
    const y = this.output.values;
    if (!training) {
      copyValues(x, y, n);
      return;
    }
    const mask = this.mask;
    if (!this.masksFrozen) {
      const keepScale = 1 / (1 - this.rate);
      for (let k = 0; k < n; k += 1) mask[k] = this.rng.next() >= this.rate ? keepScale : 0;
    }
    for (let k = 0; k < n; k += 1) y[k] = (x[k] as number) * (mask[k] as number);
  }

  backward(count: number): void {
    if (!this.input.needsGrad) return;
    const n = count * this.output.units;
    const dy = this.output.grad;
    const dx = this.input.grad;
    const mask = this.mask;
    for (let k = 0; k < n; k += 1) dx[k] = (dx[k] as number) + (dy[k] as number) * (mask[k] as number);
  }
}
