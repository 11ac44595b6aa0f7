/** The serialized objects Keras writes inside a layer config: dtype policy, activation, initializers, regularizers. */
import type { ActivationName, InitializerName, Regularizer } from '../../layers/index.ts';
import type { KerasSerializedObject } from '../kerasFormat.ts';

/** Every layer's `dtype` (InputLayer's is the plain string "float32"). */
export function dtypePolicy(): KerasSerializedObject<{ name: string }> {
  return { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
}

/** Keras serializes activations by function name; swish is the same function as silu, whose name Keras writes. */
const KERAS_ACTIVATION_NAMES: { readonly [A in ActivationName]: string | null } = {
  linear: 'linear',
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  elu: 'elu',
  selu: 'selu',
  softplus: 'softplus',
  softsign: 'softsign',
  swish: 'silu',
  silu: 'silu',
  gelu: 'gelu',
  relu6: 'relu6',
  leaky_relu: 'leaky_relu',
  mish: 'mish',
  hard_sigmoid: 'hard_sigmoid',
  exponential: 'exponential',
  step: null,
};

export function kerasActivation(activation: ActivationName): string {
  // `step` never gets here: exportKerasModel refuses it first (see notInKeras).
  return KERAS_ACTIVATION_NAMES[activation] ?? 'linear';
}

const VARIANCE_SCALING_CONFIG = { seed: null, input_axes: null, output_axes: null } as const;

/** get_config() of each Keras 3.15 initializer, in the key order Keras writes. */
const INITIALIZER_JSON: { readonly [I in InitializerName]: { className: string; config: () => Record<string, unknown> } } = {
  glorot_uniform: { className: 'GlorotUniform', config: () => ({ ...VARIANCE_SCALING_CONFIG }) },
  glorot_normal: { className: 'GlorotNormal', config: () => ({ ...VARIANCE_SCALING_CONFIG }) },
  he_uniform: { className: 'HeUniform', config: () => ({ ...VARIANCE_SCALING_CONFIG }) },
  he_normal: { className: 'HeNormal', config: () => ({ ...VARIANCE_SCALING_CONFIG }) },
  lecun_uniform: { className: 'LecunUniform', config: () => ({ ...VARIANCE_SCALING_CONFIG }) },
  lecun_normal: { className: 'LecunNormal', config: () => ({ ...VARIANCE_SCALING_CONFIG }) },
  random_uniform: { className: 'RandomUniform', config: () => ({ seed: null, minval: -0.05, maxval: 0.05 }) },
  random_normal: { className: 'RandomNormal', config: () => ({ seed: null, mean: 0, stddev: 0.05 }) },
  truncated_normal: { className: 'TruncatedNormal', config: () => ({ seed: null, mean: 0, stddev: 0.05 }) },
  zeros: { className: 'Zeros', config: () => ({}) },
  ones: { className: 'Ones', config: () => ({}) },
};

export function initializer(name: InitializerName): KerasSerializedObject {
  const spec = INITIALIZER_JSON[name];
  return { module: 'keras.initializers', class_name: spec.className, config: spec.config(), registered_name: null };
}

/**
 * LayerLab's {l1, l2} as the regularizer a Keras user writes: L1(l1) or L2(l2) when only one penalty is set,
 * L1L2(l1, l2) otherwise. Keras's L1 keeps its factor as a float32 tensor, so its config holds the float32 value
 * (L1(0.03) is written 0.029999999329447746); L2 and L1L2 keep Python floats.
 */
export function regularizer(value: Regularizer | null): KerasSerializedObject | null {
  if (value === null) return null;
  const make = (className: string, config: Record<string, number>): KerasSerializedObject => ({
    module: 'keras.regularizers',
    class_name: className,
    config,
    registered_name: null,
  });
  if (value.l1 !== 0 && value.l2 === 0) return make('L1', { l1: Math.fround(value.l1) });
  if (value.l1 === 0 && value.l2 !== 0) return make('L2', { l2: value.l2 });
  return make('L1L2', { l1: value.l1, l2: value.l2 });
}
