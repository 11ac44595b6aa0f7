/** Each layer kind's Keras config arguments as LayerLab params (before LayerLab's own checks); a missing argument is Keras's default. */
import type { LayerKind } from '../../layers/index.ts';
import { KERAS_DEFAULTS } from '../kerasDefaults.ts';
import { describeValue, isFiniteNumber, own, readBatchShape } from '../kerasFormat.ts';
import { readInputShape } from './inputShape.ts';
import type { LayerReader } from './layerReader.ts';

type RawParams = Record<string, unknown>;

export function readParams(reader: LayerReader, kind: LayerKind): RawParams {
  switch (kind) {
    case 'Input': {
      const shape = readInputShape(reader);
      if (shape === undefined) reader.problem('This InputLayer has no batch_shape, so the size of an example is unknown');
      return { shape: shape ?? [] };
    }
    case 'Dense':
      return {
        units: reader.number('units', 'required'),
        activation: reader.activation('activation', false),
        use_bias: reader.bool('use_bias', KERAS_DEFAULTS.Dense.use_bias),
        kernel_initializer: reader.initializer('kernel_initializer', KERAS_DEFAULTS.Dense.kernel_initializer),
        bias_initializer: reader.initializer('bias_initializer', KERAS_DEFAULTS.Dense.bias_initializer),
        kernel_regularizer: reader.regularizer('kernel_regularizer'),
      };
    case 'Activation':
      return { activation: reader.activation('activation', true) };
    case 'Dropout':
      return { rate: reader.number('rate', 'required', { float: true }) };
    case 'BatchNormalization': {
      const d = KERAS_DEFAULTS.BatchNormalization;
      return {
        axis: reader.axis('axis', d.axis),
        momentum: reader.number('momentum', d.momentum, { float: true }),
        epsilon: reader.number('epsilon', d.epsilon, { float: true }),
        center: reader.bool('center', d.center),
        scale: reader.bool('scale', d.scale),
      };
    }
    case 'Flatten':
    case 'Add':
    case 'Multiply':
      return {};
    case 'Reshape': {
      const value = reader.take('target_shape');
      const shape = readBatchShape(value);
      if (value === undefined) reader.problem('target_shape is missing');
      else if (shape === null || shape.some((d) => d === null)) reader.problem(`target_shape is ${describeValue(value)}; it must be a list of sizes`);
      return { target_shape: shape ?? [] };
    }
    case 'Concatenate':
      return { axis: reader.axis('axis', KERAS_DEFAULTS.Concatenate.axis) };
    case 'Softmax':
      return { axis: reader.axis('axis', KERAS_DEFAULTS.Softmax.axis) };
    case 'ReLU': {
      const d = KERAS_DEFAULTS.ReLU;
      return {
        max_value: reader.number('max_value', d.max_value, { nullable: true, float: true }),
        negative_slope: reader.number('negative_slope', d.negative_slope, { float: true }),
        threshold: reader.number('threshold', d.threshold, { float: true }),
      };
    }
    case 'LeakyReLU': {
      // Keras 3 calls the slope negative_slope; Keras 2 and tfjs call it alpha.
      const key = own(reader.entry.config, 'negative_slope') !== undefined ? 'negative_slope' : 'alpha';
      reader.take(key === 'alpha' ? 'negative_slope' : 'alpha');
      return { negative_slope: reader.number(key, KERAS_DEFAULTS.LeakyReLU.negative_slope, { float: true }) };
    }
    case 'ELU':
      return { alpha: reader.number('alpha', KERAS_DEFAULTS.ELU.alpha, { float: true }) };
    case 'PReLU': {
      const value = reader.take('shared_axes');
      if (value === undefined || value === null) return { shared_axes: null };
      if (isFiniteNumber(value)) return { shared_axes: [value] };
      const axes = readBatchShape(value);
      if (axes === null || axes.some((a) => a === null)) reader.problem(`shared_axes is ${describeValue(value)}; it must be a list of axes`);
      return { shared_axes: axes ?? null };
    }
  }
}
