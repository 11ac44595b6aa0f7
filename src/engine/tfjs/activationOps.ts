/**
 * Forward and backward of an activation for the Dense fast path. The five that classroom networks use most have
 * their derivative written out from the output a (the same ops, in the same order, as tfjs's own gradients, so the
 * fast path and autodiff agree to rounding). Every other activation (elu, gelu, mish, step's straight-through
 * gradient, ...) runs exactly the function the compiled model runs, tfjs's Activation for the same identifier, and
 * gets its gradient from tfjs's autodiff of that function.
 */
import * as tf from '@tensorflow/tfjs';
import type { ActivationName } from '../../core/layers/index.ts';
import { tfjsActivation } from '../customActivations.ts';

export interface ActivationOps {
  /** The activation tf.fused.matMul applies with the bias (outside a gradient tape), or null to apply it after. */
  fused: 'relu' | 'linear' | null;
  /** Whether backward reads the pre-activation z (otherwise only the output a). */
  needsInput: boolean;
  forward(z: tf.Tensor): tf.Tensor;
  /** dL/dz from dL/da. */
  backward(dA: tf.Tensor, a: tf.Tensor, z: tf.Tensor | null): tf.Tensor;
}

const linear: ActivationOps = {
  fused: 'linear',
  needsInput: false,
  forward: (z) => z,
  backward: (dA) => dA,
};

const relu: ActivationOps = {
  fused: 'relu',
  needsInput: false,
  forward: (z) => tf.relu(z),
  // a > 0 exactly where z > 0.
  backward: (dA, a) => tf.mul(dA, tf.step(a)),
};

const sigmoid: ActivationOps = {
  fused: null,
  needsInput: false,
  forward: (z) => tf.sigmoid(z),
  backward: (dA, a) => tf.mul(dA, tf.mul(a, tf.sub(1, a))),
};

const tanh: ActivationOps = {
  fused: null,
  needsInput: false,
  forward: (z) => tf.tanh(z),
  backward: (dA, a) => tf.mul(tf.sub(1, tf.square(a)), dA),
};

const softmax: ActivationOps = {
  fused: null,
  needsInput: false,
  forward: (z) => tf.softmax(z),
  backward: (dA, a) => {
    const dATimesA = tf.mul(dA, a);
    return tf.sub(dATimesA, tf.mul(tf.sum(dATimesA, -1, true), a));
  },
};

function byAutodiff(name: ActivationName): ActivationOps {
  const layer = tf.layers.activation({ activation: tfjsActivation(name) });
  const forward = (z: tf.Tensor): tf.Tensor => layer.apply(z) as tf.Tensor;
  const gradient = tf.grad(forward);
  return {
    fused: null,
    needsInput: true,
    forward,
    backward: (dA, _a, z) => {
      if (z === null) throw new Error(`the ${name} backward pass needs its input`);
      return gradient(z, dA);
    },
  };
}

const WRITTEN_OUT: Partial<Record<ActivationName, ActivationOps>> = { linear, relu, sigmoid, tanh, softmax };

export function activationOps(name: ActivationName): ActivationOps {
  return WRITTEN_OUT[name] ?? byAutodiff(name);
}
