/**
 * Activation functions LayerLab offers that TensorFlow.js 4.22 lacks or computes differently from Keras 3.
 *
 * Each is a class registered with tf.serialization.registerClass, so Dense and Activation layers accept it by its
 * class name (TensorFlow.js resolves activation strings through that registry) and a model that crosses to the
 * worker as tfjs artifacts is rebuilt with the same function. Class names avoid underscores because tfjs turns
 * "snake_case" into "camelCase" when it reads a saved model: "leakyRelu" is written out as "leaky_relu" (Keras's
 * own name) and read back as "leakyRelu".
 *
 * Activations tfjs already computes exactly as Keras does are used as they are, by the names core's TFJS_ACTIVATIONS
 * gives them (the same names the TF.js export writes): linear, relu, sigmoid, tanh, softmax, elu, selu, softplus,
 * softsign, swish and silu (both tfjs's swish), gelu (tfjs's gelu is the exact erf form, Keras's default
 * approximate=False), relu6 and mish.
 */
import * as tf from '@tensorflow/tfjs';
import { TFJS_ACTIVATIONS } from '../core/keras/activationFormats.ts';
import type { ActivationName } from '../core/layers/index.ts';

/** Common shape of a tfjs activation: tfjs calls `apply(x)` on it and serialises it by class name. */
abstract class KerasActivation extends tf.serialization.Serializable {
  abstract apply(x: tf.Tensor): tf.Tensor;

  override getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}

/** leaky_relu as a Keras activation string: x if x > 0 else 0.2 * x (Keras's default negative_slope 0.2). */
export class LeakyRelu extends KerasActivation {
  static readonly className = 'leakyRelu';

  apply(x: tf.Tensor): tf.Tensor {
    return tf.leakyRelu(x, 0.2);
  }
}

/** exponential: e^x. tfjs has no "exponential" activation. */
export class Exponential extends KerasActivation {
  static readonly className = 'exponential';

  apply(x: tf.Tensor): tf.Tensor {
    return tf.exp(x);
  }
}

/**
 * hard_sigmoid as Keras 3 defines it: relu6(x + 3) / 6 = clip(x / 6 + 0.5, 0, 1). tfjs's "hardSigmoid" is Keras 2's
 * clip(0.2 x + 0.5, 0, 1), a different function, so this class has its own name rather than replacing tfjs's.
 */
export class KerasHardSigmoid extends KerasActivation {
  static readonly className = 'kerasHardSigmoid';

  apply(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.clipByValue(tf.add(tf.div(x, 6), 0.5), 0, 1));
  }
}

/**
 * The perceptron's step, f(x) = 1 if x >= 0 else 0 (LayerLab only; Keras has no step).
 *
 * Its true slope is 0 everywhere (and undefined at 0), so gradient descent through it would never change a weight.
 * LayerLab uses a straight-through gradient instead: the backward pass hands the incoming gradient dy on unchanged,
 * as if the step were the identity. For a single Dense(1, step) neuron trained on squared error, the weight update
 * is then proportional to (target - output) * input: Rosenblatt's perceptron rule.
 */
const stepWithStraightThroughGradient = tf.customGrad((...args) => {
  const x = args[0] as tf.Tensor;
  return {
    value: tf.cast(tf.greaterEqual(x, 0), 'float32'),
    // A new tensor, not dy itself: tfjs files every gradient under its own input and disposes them separately.
    gradFunc: (dy: tf.Tensor) => [tf.clone(dy)],
  };
});

export class Step extends KerasActivation {
  static readonly className = 'step';

  apply(x: tf.Tensor): tf.Tensor {
    return stepWithStraightThroughGradient(x);
  }
}

tf.serialization.registerClass(LeakyRelu);
tf.serialization.registerClass(Exponential);
tf.serialization.registerClass(KerasHardSigmoid);
tf.serialization.registerClass(Step);

/** The activation identifier tfjs layers take (its own names, plus the classes registered above). */
export type TfjsActivation = NonNullable<NonNullable<Parameters<typeof tf.layers.dense>[0]>['activation']>;

/**
 * The stand-ins for the activations a TF.js file cannot hold (TFJS_ACTIVATIONS in core says why); every other
 * activation is tfjs's own, by the name TFJS_ACTIVATIONS gives it (silu is tfjs's swish).
 */
const STAND_INS: { readonly [A in ActivationName]?: string } = {
  leaky_relu: LeakyRelu.className,
  hard_sigmoid: KerasHardSigmoid.className,
  exponential: Exponential.className,
  step: Step.className,
};

/**
 * The tfjs activation identifier that computes Keras's `name`. The registered classes above are not in tfjs's
 * ActivationIdentifier type, hence the cast; tfjs looks every identifier up in the serialization registry.
 */
export function tfjsActivation(name: ActivationName): TfjsActivation {
  const inTfjs = TFJS_ACTIVATIONS[name];
  const identifier = 'name' in inTfjs ? inTfjs.name : STAND_INS[name];
  if (identifier === undefined) throw new Error(`No stand-in for the activation ${name}, which tfjs lacks.`);
  return identifier as TfjsActivation;
}
