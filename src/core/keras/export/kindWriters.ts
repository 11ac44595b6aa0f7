/** How Keras 3.15 writes each LayerLab layer kind: class name, config, build_config and call arguments. */
import type { GraphNode } from '../../graph/types.ts';
import type { LayerKind, LayerParamsByKind } from '../../layers/index.ts';
import { dtypePolicy, initializer, kerasActivation, regularizer } from './serializedObjects.ts';

/**
 * How Keras 3.15 writes each kind: its class name, the config (every argument of get_config(), in Keras's key
 * order), whether the layer records a `build_config` (layers with their own build(): those with weights, Flatten
 * and the merge layers), and the call arguments Keras records in `inbound_nodes` for a plain `layer(x)` call.
 */
interface KindWriter<K extends LayerKind> {
  className: string;
  config: (name: string, params: LayerParamsByKind[K]) => Record<string, unknown>;
  buildConfig: boolean;
  callKwargs: () => Record<string, unknown>;
}

const common = (name: string): Record<string, unknown> => ({ name, trainable: true, dtype: dtypePolicy() });
const noKwargs = (): Record<string, unknown> => ({});

const KIND_WRITERS: { readonly [K in LayerKind]: KindWriter<K> } = {
  Input: {
    className: 'InputLayer',
    config: (name, p) => ({ batch_shape: [null, ...p.shape], dtype: 'float32', sparse: false, ragged: false, name, optional: false }),
    buildConfig: false,
    callKwargs: noKwargs,
  },
  Dense: {
    className: 'Dense',
    config: (name, p) => ({
      ...common(name),
      units: p.units,
      activation: kerasActivation(p.activation),
      use_bias: p.use_bias,
      kernel_initializer: initializer(p.kernel_initializer),
      bias_initializer: initializer(p.bias_initializer),
      kernel_regularizer: regularizer(p.kernel_regularizer),
      bias_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      quantization_config: null,
    }),
    buildConfig: true,
    callKwargs: noKwargs,
  },
  Activation: {
    className: 'Activation',
    config: (name, p) => ({ ...common(name), activation: kerasActivation(p.activation) }),
    buildConfig: false,
    callKwargs: noKwargs,
  },
  Dropout: {
    className: 'Dropout',
    config: (name, p) => ({ ...common(name), rate: p.rate, seed: null, noise_shape: null }),
    buildConfig: false,
    // Dropout.call(inputs, training=False): Keras records a non-None default of `training`.
    callKwargs: () => ({ training: false }),
  },
  BatchNormalization: {
    className: 'BatchNormalization',
    config: (name, p) => ({
      ...common(name),
      axis: p.axis,
      momentum: p.momentum,
      epsilon: p.epsilon,
      center: p.center,
      scale: p.scale,
      beta_initializer: initializer('zeros'),
      gamma_initializer: initializer('ones'),
      moving_mean_initializer: initializer('zeros'),
      moving_variance_initializer: initializer('ones'),
      beta_regularizer: null,
      gamma_regularizer: null,
      beta_constraint: null,
      gamma_constraint: null,
      synchronized: false,
      renorm: false,
      renorm_clipping: null,
      renorm_momentum: 0.99,
    }),
    buildConfig: true,
    callKwargs: () => ({ mask: null }),
  },
  Flatten: {
    className: 'Flatten',
    config: (name) => ({ ...common(name), data_format: 'channels_last' }),
    buildConfig: true,
    callKwargs: noKwargs,
  },
  Reshape: {
    className: 'Reshape',
    config: (name, p) => ({ ...common(name), target_shape: [...p.target_shape] }),
    buildConfig: false,
    callKwargs: noKwargs,
  },
  Concatenate: {
    className: 'Concatenate',
    config: (name, p) => ({ ...common(name), axis: p.axis }),
    buildConfig: true,
    callKwargs: noKwargs,
  },
  Add: { className: 'Add', config: (name) => common(name), buildConfig: true, callKwargs: noKwargs },
  Multiply: { className: 'Multiply', config: (name) => common(name), buildConfig: true, callKwargs: noKwargs },
  Softmax: {
    className: 'Softmax',
    config: (name, p) => ({ ...common(name), axis: p.axis }),
    buildConfig: false,
    callKwargs: () => ({ mask: null }),
  },
  ReLU: {
    className: 'ReLU',
    config: (name, p) => ({ ...common(name), max_value: p.max_value, negative_slope: p.negative_slope, threshold: p.threshold }),
    buildConfig: false,
    callKwargs: noKwargs,
  },
  LeakyReLU: {
    className: 'LeakyReLU',
    config: (name, p) => ({ ...common(name), negative_slope: p.negative_slope }),
    buildConfig: false,
    callKwargs: noKwargs,
  },
  ELU: {
    className: 'ELU',
    // Keras's ELU.get_config() puts alpha before the base config's trainable and dtype.
    config: (name, p) => ({ name, alpha: p.alpha, trainable: true, dtype: dtypePolicy() }),
    buildConfig: false,
    callKwargs: noKwargs,
  },
  PReLU: {
    className: 'PReLU',
    config: (name, p) => ({
      ...common(name),
      alpha_initializer: initializer('zeros'),
      alpha_regularizer: null,
      alpha_constraint: null,
      shared_axes: p.shared_axes === null ? null : [...p.shared_axes],
    }),
    buildConfig: true,
    callKwargs: noKwargs,
  },
};

export function writerFor(node: GraphNode): KindWriter<LayerKind> {
  // The registry-style map is keyed by kind, so the writer always matches node.params.
  return KIND_WRITERS[node.kind] as unknown as KindWriter<LayerKind>;
}
