/**
 * Keras 3's losses on probabilities, as tfjs ops, with the reduction Keras's fit() uses ("sum_over_batch_size": the
 * mean of the per-example loss over the batch). Formulas from keras/src/losses/losses.py and the TensorFlow backend
 * (keras/src/backend/tensorflow/nn.py), with backend.epsilon() = 1e-7:
 *
 *   mean_squared_error         mean over the last axis of (t - p)²
 *   binary_crossentropy        c = clip(p, ε, 1-ε); mean over the last axis of -(t log c + (1-t) log(1-c))
 *   categorical_crossentropy   q = p / Σp; c = clip(q, ε, 1-ε); -Σ t log c
 *   sparse_categorical_ce.     c = clip(p, ε, 1-ε); -log softmax(log c)[y] = log Σc - log c_y
 *
 * Targets arrive as a float tensor shaped like the output (one-hot rows for the class losses; see targets.ts).
 * `lossValue` is what the generic path differentiates with tfjs's autodiff. `lossAndGradient` is the Dense fast path's
 * version: the same value and the gradient autodiff would compute, op for op in autodiff's order (so it rounds the
 * same way: Adam divides by √v, which magnifies any rounding difference in a small gradient), in about a third of
 * the kernel calls. The clip's gradient is TensorFlow's: zero outside [ε, 1-ε], where the clip changed the value.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../core/training/settings.ts';

/** keras.backend.epsilon(). */
export const KERAS_EPSILON = 1e-7;

function clip(x: tf.Tensor): tf.Tensor {
  return tf.clipByValue(x, KERAS_EPSILON, 1 - KERAS_EPSILON);
}

/** The batch-mean loss of outputs `p` (count × k) against targets `t` (count × k). */
export function lossValue(loss: LossName, p: tf.Tensor, t: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    switch (loss) {
      case 'mean_squared_error':
        return tf.mean(tf.square(tf.sub(t, p)));
      case 'binary_crossentropy': {
        const c = clip(p);
        const perValue = tf.add(tf.mul(t, tf.log(c)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, c))));
        return tf.neg(tf.mean(perValue));
      }
      case 'categorical_crossentropy': {
        const c = clip(tf.div(p, tf.sum(p, -1, true)));
        return tf.neg(tf.mean(tf.sum(tf.mul(t, tf.log(c)), -1)));
      }
      case 'sparse_categorical_crossentropy': {
        const c = clip(p);
        return tf.mean(tf.sub(tf.log(tf.sum(c, -1)), tf.sum(tf.mul(t, tf.log(c)), -1)));
      }
    }
  });
}

/** 1 where clip(x) = x (the clip's gradient passes, bounds included), 0 where it cut x. */
function passes(clipped: tf.Tensor, x: tf.Tensor): tf.Tensor {
  return tf.cast(tf.equal(clipped, x), 'float32');
}

/**
 * lossValue and d(lossValue)/dp. Each line of the gradient is the gradient tfjs registers for the forward op it
 * undoes (Mean: dy / n; Log: dy / x; Mul: dy × other; RealDiv: dy / b and -(dy × a) / b²; Sum: broadcast).
 */
export function lossAndGradient(loss: LossName, p: tf.Tensor, t: tf.Tensor): { value: tf.Scalar; grad: tf.Tensor } {
  return tf.tidy((): { value: tf.Scalar; grad: tf.Tensor } => {
    const [count = 1, units = 1] = p.shape;
    switch (loss) {
      case 'mean_squared_error': {
        const diff = tf.sub(t, p);
        const value = tf.mean(tf.square(diff)) as tf.Scalar;
        // Mean over all values: 1 / (n k); Square: dy × 2x; Sub (p is subtracted): negated.
        const grad = tf.neg(tf.mul(Math.fround(1 / (count * units)), tf.mul(diff, 2)));
        return { value, grad };
      }
      case 'binary_crossentropy': {
        const c = clip(p);
        const oneMinusT = tf.sub(1, t);
        const oneMinusC = tf.sub(1, c);
        const value = tf.neg(tf.mean(tf.add(tf.mul(t, tf.log(c)), tf.mul(oneMinusT, tf.log(oneMinusC))))) as tf.Scalar;
        // Neg then Mean over all values: -1 / (n k), to both terms of the sum.
        const dy = Math.fround(-1 / (count * units));
        const fromLogC = tf.div(tf.mul(dy, t), c);
        const fromLogOneMinusC = tf.neg(tf.div(tf.mul(dy, oneMinusT), oneMinusC));
        return { value, grad: tf.mul(tf.add(fromLogOneMinusC, fromLogC), passes(c, p)) };
      }
      case 'categorical_crossentropy': {
        const s = tf.sum(p, -1, true);
        const q = tf.div(p, s);
        const c = clip(q);
        const value = tf.neg(tf.mean(tf.sum(tf.mul(t, tf.log(c)), -1))) as tf.Scalar;
        // Neg then Mean over rows: -1 / n per row, broadcast by Sum; Mul by t; Log: / c; then the clip.
        const dq = tf.mul(tf.div(tf.mul(Math.fround(-1 / count), t), c), passes(c, q));
        // q = p / s: dq / s for p itself, and -(Σ dq p) / s² through s = Σp, broadcast back by its Sum.
        const throughS = tf.neg(tf.div(tf.sum(tf.mul(dq, p), -1, true), tf.square(s)));
        return { value, grad: tf.add(tf.div(dq, s), throughS) };
      }
      case 'sparse_categorical_crossentropy': {
        const c = clip(p);
        const s = tf.sum(c, -1);
        const value = tf.mean(tf.sub(tf.log(s), tf.sum(tf.mul(t, tf.log(c)), -1))) as tf.Scalar;
        // Mean over rows: 1 / n; through log Σc: (1/n) / Σc, broadcast; through -Σ t log c: (-(1/n) t) / c.
        const dy = Math.fround(1 / count);
        const fromLogS = tf.reshape(tf.div(dy, s), [count, 1]);
        const fromLogC = tf.div(tf.mul(-dy, t), c);
        return { value, grad: tf.mul(tf.add(fromLogC, fromLogS), passes(c, p)) };
      }
    }
  });
}
