/** Activation functions LayerLab knows, by their Keras names. */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'swish',
  'silu',
  'gelu',
  'relu6',
  'leaky_relu',
  'mish',
  'hard_sigmoid',
  'exponential',
  'step',
] as const;

export type ActivationName = (typeof ACTIVATIONS)[number];

export interface ActivationInfo {
  label: string;
  formula: string;
  description: string;
  /** Why this activation cannot be exported to Keras, or null when it can. */
  notInKeras: string | null;
}

export const ACTIVATION_INFO: { readonly [A in ActivationName]: ActivationInfo } = {
  linear: { label: 'linear', formula: 'f(x) = x', description: 'Passes the weighted sum through unchanged. Used for regression outputs.', notInKeras: null },
  relu: { label: 'ReLU', formula: 'f(x) = max(0, x)', description: 'Zero for negative inputs, the input itself otherwise. The usual choice for hidden layers.', notInKeras: null },
  sigmoid: { label: 'sigmoid', formula: 'f(x) = 1 / (1 + e^-x)', description: 'Squashes any number into 0..1, so it can be read as a probability. Used for a yes/no output.', notInKeras: null },
  tanh: { label: 'tanh', formula: 'f(x) = (e^x - e^-x) / (e^x + e^-x)', description: 'Squashes any number into -1..1, centred on zero.', notInKeras: null },
  softmax: { label: 'softmax', formula: 'f(x)_i = e^x_i / sum_j e^x_j', description: 'Turns a layer of scores into probabilities that add up to 1. Used for the output of a classifier with several classes.', notInKeras: null },
  elu: { label: 'ELU', formula: 'f(x) = x if x > 0 else e^x - 1', description: 'Like ReLU for positive inputs, but smooth and slightly negative below zero.', notInKeras: null },
  selu: { label: 'SELU', formula: 'f(x) = 1.0507 * (x if x > 0 else 1.6733 * (e^x - 1))', description: 'A scaled ELU that keeps activations normalised in deep networks.', notInKeras: null },
  softplus: { label: 'softplus', formula: 'f(x) = ln(1 + e^x)', description: 'A smooth version of ReLU.', notInKeras: null },
  softsign: { label: 'softsign', formula: 'f(x) = x / (1 + |x|)', description: 'Like tanh, squashes into -1..1 but approaches the limits more slowly.', notInKeras: null },
  swish: { label: 'swish', formula: 'f(x) = x * sigmoid(x)', description: 'Smooth and slightly negative below zero; Keras also calls it silu.', notInKeras: null },
  silu: { label: 'SiLU', formula: 'f(x) = x * sigmoid(x)', description: 'The same function as swish, under its other Keras name.', notInKeras: null },
  gelu: { label: 'GELU', formula: 'f(x) = x * P(X <= x), X ~ N(0, 1)', description: 'A smooth ReLU used in transformers.', notInKeras: null },
  relu6: { label: 'ReLU6', formula: 'f(x) = min(max(0, x), 6)', description: 'ReLU capped at 6.', notInKeras: null },
  leaky_relu: { label: 'leaky ReLU', formula: 'f(x) = x if x > 0 else 0.2 * x', description: 'Like ReLU but lets a small slope through for negative inputs, so neurons never go fully silent.', notInKeras: null },
  mish: { label: 'mish', formula: 'f(x) = x * tanh(softplus(x))', description: 'A smooth, non-monotonic ReLU alternative.', notInKeras: null },
  hard_sigmoid: { label: 'hard sigmoid', formula: 'f(x) = clip(x / 6 + 0.5, 0, 1)', description: 'A piecewise-linear approximation of sigmoid, cheap to compute.', notInKeras: null },
  exponential: { label: 'exponential', formula: 'f(x) = e^x', description: 'The exponential function; grows very fast.', notInKeras: null },
  step: {
    label: 'step (perceptron)',
    formula: 'f(x) = 1 if x >= 0 else 0',
    description:
      "The perceptron's threshold: the neuron fires (1) when its weighted sum reaches zero, otherwise outputs 0. Its slope is zero almost everywhere, so LayerLab trains it with the perceptron rule (the error passes straight through the step).",
    notInKeras: 'Keras has no step activation (its slope is zero everywhere, so gradient descent cannot train it); use sigmoid to export.',
  },
};

export function isActivationName(value: unknown): value is ActivationName {
  return typeof value === 'string' && (ACTIVATIONS as readonly string[]).includes(value);
}
