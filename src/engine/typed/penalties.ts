/**
 * Weight penalties, as Keras adds them to the loss: each Dense kernel_regularizer, L1L2(l1, l2) = l1·Σ|w| + l2·Σw²,
 * plus the settings' L2(l2) = l2·Σw² on every Dense kernel. Their gradients are not divided by the batch size (they
 * are not part of the mean), and |w|'s slope at 0 is 0, as TensorFlow's sign().
 */
import type { Regularizer } from '../../core/layers/index.ts';
import type { Param } from './ops/op.ts';

export interface KernelPenalty {
  kernel: Param;
  l1: number;
  l2: number;
}

/** The penalty of each Dense kernel with a non-zero one. */
export function kernelPenalties(kernels: readonly { kernel: Param; regularizer: Regularizer | null }[], settingsL2: number): KernelPenalty[] {
  return kernels
    .map(({ kernel, regularizer }) => ({ kernel, l1: regularizer?.l1 ?? 0, l2: (regularizer?.l2 ?? 0) + settingsL2 }))
    .filter((p) => p.l1 !== 0 || p.l2 !== 0);
}

/** Adds Σ over the penalties of l1·Σ|w| + l2·Σw², from the current weights, to `into.loss` (see losses.ts's addRowLoss). */
export function addPenaltyValue(penalties: readonly KernelPenalty[], into: { loss: number }): void {
  let total = 0;
  // Indexed loops, here and below: a for-of that V8 does not optimise away allocates an iterator every step.
  for (let i = 0; i < penalties.length; i += 1) {
    const { kernel, l1, l2 } = penalties[i] as KernelPenalty;
    const w = kernel.values;
    let abs = 0;
    let squares = 0;
    for (let k = 0; k < w.length; k += 1) {
      const v = w[k] as number;
      abs += Math.abs(v);
      squares += v * v;
    }
    total += l1 * abs + l2 * squares;
  }
  into.loss += total;
}

/** Adds each penalty's gradient, l1·sign(w) + 2·l2·w, to its kernel's gradient. */
export function addPenaltyGradients(penalties: readonly KernelPenalty[]): void {
  for (let i = 0; i < penalties.length; i += 1) {
    const { kernel, l1, l2 } = penalties[i] as KernelPenalty;
    const w = kernel.values;
    const g = kernel.grad;
    for (let k = 0; k < w.length; k += 1) {
      const v = w[k] as number;
      g[k] = (g[k] as number) + l1 * Math.sign(v) + 2 * l2 * v;
    }
  }
}
