/**
 * How each LayerLab activation is written and read in every format: the one table the Keras JSON and .keras
 * writer, the Python script, the TF.js writer, the importers and the engine read.
 *
 * LayerLab's activation names are Keras's own, and Keras 3.15's `keras.activations.get` accepts each of them but
 * step (core/layers/activations.ts says why in `notInKeras`). So the Keras JSON, the .keras file and the Python
 * script write the name the student chose: "swish" stays "swish", although Keras, given "swish", writes the same
 * function back as "silu" (tests/keras/namesRoundTrip.test.ts checks both against real Keras).
 *
 * TensorFlow.js files name activations in camelCase or snake_case (hardSigmoid, hard_sigmoid); both are read.
 */
import type { ActivationName } from '../layers/index.ts';
import { ACTIVATION_INFO, isActivationName } from '../layers/index.ts';
import { camelToSnake } from './import/camelToSnake.ts';

/**
 * tfjs-layers 4.22's activation that computes exactly what Keras 3 computes, or why a TF.js file cannot hold it.
 * tfjs has no "silu", so silu is written as its other name, swish (and reads back as swish).
 */
export const TFJS_ACTIVATIONS: { readonly [A in ActivationName]: { name: string } | { refuse: string } } = {
  linear: { name: 'linear' },
  relu: { name: 'relu' },
  sigmoid: { name: 'sigmoid' },
  tanh: { name: 'tanh' },
  softmax: { name: 'softmax' },
  elu: { name: 'elu' },
  selu: { name: 'selu' },
  softplus: { name: 'softplus' },
  softsign: { name: 'softsign' },
  swish: { name: 'swish' },
  silu: { name: 'swish' },
  gelu: { name: 'gelu' },
  relu6: { name: 'relu6' },
  mish: { name: 'mish' },
  leaky_relu: {
    refuse:
      "the activation 'leaky_relu' does not exist in TensorFlow.js; use activation 'linear' and put a LeakyReLU layer (negative slope 0.2) after this layer",
  },
  hard_sigmoid: {
    refuse:
      "the activation 'hard_sigmoid' is a different function in TensorFlow.js (Keras 2's clip(0.2x + 0.5, 0, 1), not Keras 3's clip(x / 6 + 0.5, 0, 1) that LayerLab uses)",
  },
  exponential: { refuse: "the activation 'exponential' does not exist in TensorFlow.js" },
  step: { refuse: "the activation 'step' does not exist in TensorFlow.js (nor in Keras)" },
};

/**
 * The name the Keras JSON, the .keras file and the Python script write: the student's own, which Keras accepts on
 * load; null for an activation Keras does not have (the Keras and Python writers refuse it before asking).
 */
export function kerasActivationName(activation: ActivationName): string | null {
  return ACTIVATION_INFO[activation].notInKeras === null ? activation : null;
}

/**
 * The LayerLab activation a Keras, Keras 2 or TF.js file names (relu, hard_sigmoid, hardSigmoid, leakyRelu), or
 * null when LayerLab has none by that name.
 */
export function activationFromFileName(name: string): ActivationName | null {
  if (isActivationName(name)) return name;
  const snake = camelToSnake(name);
  return isActivationName(snake) ? snake : null;
}
