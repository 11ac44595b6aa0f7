/**
 * Weight penalties added to the loss, as Keras adds them: for every Dense kernel, its kernel_regularizer
 * (L1L2: l1 Σ|w| + l2 Σw²) plus the training settings' L2 (settings.l2 Σw², Keras's L2(l2), no ½).
 * The gradient of |w| is sign(w), 0 at 0, as TensorFlow's (tfjs's own abs gradient gives -1 at 0).
 */
import * as tf from '@tensorflow/tfjs';

export interface KernelPenalty {
  nodeId: string;
  kernel: tf.Variable;
  l1: number;
  /** The layer's own l2 plus settings.l2. */
  l2: number;
}

/** Σ penalties as a differentiable scalar, or null when there are none (no kernel calls at all). */
export function penaltyValue(penalties: readonly KernelPenalty[]): tf.Scalar | null {
  if (penalties.length === 0) return null;
  return tf.tidy(() => {
    const terms: tf.Scalar[] = [];
    for (const { kernel, l1, l2 } of penalties) {
      // w · sign(w) = |w|, and tfjs gives sign() a zero gradient, so the gradient is sign(w) as in TensorFlow.
      if (l1 !== 0) terms.push(tf.mul(l1, tf.sum(tf.mul(kernel, tf.sign(kernel)))));
      if (l2 !== 0) terms.push(tf.mul(l2, tf.sum(tf.square(kernel))));
    }
    if (terms.length === 0) return tf.scalar(0);
    return terms.length === 1 ? (terms[0] as tf.Scalar) : tf.addN(terms);
  });
}

/** dW + the penalty's gradient for `penalty.kernel` (l1 sign(w) + 2 l2 w). */
export function withPenaltyGradient(dW: tf.Tensor, penalty: KernelPenalty): tf.Tensor {
  return tf.tidy(() => {
    let grad = dW;
    if (penalty.l1 !== 0) grad = tf.add(grad, tf.mul(tf.sign(penalty.kernel), penalty.l1));
    if (penalty.l2 !== 0) grad = tf.add(grad, tf.mul(penalty.kernel, 2 * penalty.l2));
    return grad;
  });
}

/** Only layers with a non-zero coefficient; the rest would add kernel calls for nothing. */
export function activePenalties(penalties: readonly KernelPenalty[]): KernelPenalty[] {
  return penalties.filter((p) => p.l1 !== 0 || p.l2 !== 0);
}
