/**
 * Arguments LayerLab does not model: fine at their default, a warning when set to something else, a problem when
 * they change the layer's weights; unknown arguments are warned about.
 */
import type { InitializerName, LayerKind } from '../../layers/index.ts';
import { describeValue, hasOwn, own, readSerialized } from '../kerasFormat.ts';
import { readInitializer } from './initializers.ts';
import type { LayerReader } from './layerReader.ts';
import { quote } from './messageText.ts';

/** A Keras dtype or dtype policy's name: "float32", {"class_name": "DTypePolicy", "config": {"name": "float32"}}. */
function dtypeName(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const serialized = readSerialized(value);
  if (serialized === null) return null;
  const name = own(serialized.config, 'name');
  return typeof name === 'string' ? name : null;
}

/** Arguments LayerLab does not model: fine at their default; otherwise a warning, or a problem if `changesModel`. */
interface IgnoredArg {
  isDefault: (value: unknown) => boolean;
  changesModel?: boolean;
}

const isNullish = (value: unknown): boolean => value === null || value === undefined;
const isFalsy = (value: unknown): boolean => value === null || value === undefined || value === false;
const anything = (): boolean => true;
const isInitializer =
  (name: InitializerName) =>
  (value: unknown): boolean => {
    if (value === undefined) return true;
    const read = readInitializer(value);
    return 'name' in read && read.name === name && read.seed === null;
  };

const IGNORED_ARGS: { readonly [K in LayerKind]?: Readonly<Record<string, IgnoredArg>> } = {
  Input: {
    sparse: { isDefault: isFalsy },
    ragged: { isDefault: isFalsy },
    optional: { isDefault: isFalsy },
    input_tensor: { isDefault: isNullish },
  },
  Dense: {
    bias_regularizer: { isDefault: isNullish },
    activity_regularizer: { isDefault: isNullish },
    kernel_constraint: { isDefault: isNullish },
    bias_constraint: { isDefault: isNullish },
    quantization_config: { isDefault: isNullish, changesModel: true },
    lora_rank: { isDefault: isNullish, changesModel: true },
    lora_alpha: { isDefault: anything },
  },
  Dropout: {
    noise_shape: { isDefault: isNullish },
    seed: { isDefault: isNullish },
  },
  BatchNormalization: {
    beta_initializer: { isDefault: isInitializer('zeros') },
    gamma_initializer: { isDefault: isInitializer('ones') },
    moving_mean_initializer: { isDefault: isInitializer('zeros') },
    moving_variance_initializer: { isDefault: isInitializer('ones') },
    beta_regularizer: { isDefault: isNullish },
    gamma_regularizer: { isDefault: isNullish },
    beta_constraint: { isDefault: isNullish },
    gamma_constraint: { isDefault: isNullish },
    synchronized: { isDefault: isFalsy },
    renorm: { isDefault: isFalsy, changesModel: true },
    renorm_clipping: { isDefault: anything },
    renorm_momentum: { isDefault: anything },
    fused: { isDefault: anything },
    virtual_batch_size: { isDefault: isNullish },
    adjustment: { isDefault: isNullish },
  },
  Flatten: {
    data_format: { isDefault: (v) => v === undefined || v === null || v === 'channels_last' },
  },
  PReLU: {
    alpha_initializer: { isDefault: isInitializer('zeros') },
    alpha_regularizer: { isDefault: isNullish },
    alpha_constraint: { isDefault: isNullish },
  },
};

/** Arguments every Keras layer has, or that only matter for the first layer of a Sequential model. */
const COMMON_ARGS: ReadonlySet<string> = new Set(['name', 'trainable', 'dtype', 'batch_input_shape', 'batch_shape', 'input_dim', 'input_shape', 'batch_size']);

export function checkLeftoverArgs(reader: LayerReader, kind: LayerKind): void {
  const config = reader.entry.config;
  const trainable = own(config, 'trainable');
  if (trainable !== undefined && trainable !== true) {
    reader.warn(`trainable is ${describeValue(trainable)} (a frozen layer); LayerLab trains every layer`);
  }
  const dtype = own(config, 'dtype');
  if (dtype !== undefined && dtype !== null && dtypeName(dtype) !== 'float32') {
    reader.warn(`dtype ${describeValue(dtype)} is ignored; LayerLab computes in float32`);
  }
  const ignored = IGNORED_ARGS[kind] ?? {};
  for (const key of Object.keys(config)) {
    if (reader.isConsumed(key) || COMMON_ARGS.has(key)) continue;
    const value = own(config, key);
    const rule = hasOwn(ignored, key) ? ignored[key] : undefined;
    if (rule === undefined) {
      if (!isFalsy(value)) reader.warn(`the argument ${quote(key)} (${describeValue(value)}) is not one LayerLab knows, so it is ignored`);
    } else if (!rule.isDefault(value)) {
      if (rule.changesModel === true) reader.problem(`${key} is ${describeValue(value)}, which changes the layer's weights; LayerLab cannot represent it`);
      else reader.warn(`${key} is ${describeValue(value)}, which LayerLab ignores`);
    }
  }
}
