/**
 * Where each layer of a Keras model keeps its variables in model.weights.h5 (/layers/<class>[_N]/vars), read from the
 * model config; see kerasWeightsH5.ts for the whole file layout.
 */
import { describeValue, isRecord, own, ownString, readSerialized } from '../core/keras/kerasFormat.ts';
import type { JsonRecord } from '../core/keras/kerasFormat.ts';
import type { InteropProblem } from './interopProblem.ts';
import { quote } from './interopProblem.ts';

/** Where one layer of `model.layers` keeps its variables in model.weights.h5. */
export interface KerasWeightSlot {
  /** The layer's name in the model config. */
  layerName: string;
  className: string;
  /** The layer's group under /layers, e.g. "dense_1". */
  groupName: string;
  /** Keras's names of its variables, in the order of vars/0, vars/1, ...; null for a class LayerLab does not know. */
  weightNames: string[] | null;
  /** False for a frozen layer (config trainable: false): the optimizer keeps no state for its variables. */
  trainable: boolean;
}

export interface KerasWeightLayout {
  modelName: string;
  /** `model.layers` in order. */
  slots: KerasWeightSlot[];
  /** The compiled optimizer (from compile_config), or null for an uncompiled model. */
  optimizer: { className: string; name: string; config: JsonRecord } | null;
}

export type KerasWeightLayoutResult = ({ ok: true } & KerasWeightLayout) | { ok: false; problems: InteropProblem[] };

/** Names that would reach Object.prototype when used as keys of ProjectWeights.layers. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const LAYERS_WITHOUT_WEIGHTS: ReadonlySet<string> = new Set([
  'InputLayer',
  'Activation',
  'Dropout',
  'Flatten',
  'Reshape',
  'Concatenate',
  'Add',
  'Multiply',
  'Softmax',
  'ReLU',
  'LeakyReLU',
  'ELU',
]);

/** keras.src.utils.naming.to_snake_case: "BatchNormalization" -> "batch_normalization", "PReLU" -> "p_re_lu". */
export function kerasSnakeCase(name: string): string {
  return name
    .replace(/[^\p{L}\p{N}_]+/gu, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Keras's names of a layer's variables, in the order it creates them; null for a class LayerLab does not know. */
export function kerasWeightNames(className: string, config: JsonRecord): string[] | null {
  if (LAYERS_WITHOUT_WEIGHTS.has(className)) return [];
  switch (className) {
    case 'Dense':
      return own(config, 'use_bias') === false ? ['kernel'] : ['kernel', 'bias'];
    case 'BatchNormalization': {
      const names: string[] = [];
      if (own(config, 'scale') !== false) names.push('gamma');
      if (own(config, 'center') !== false) names.push('beta');
      names.push('moving_mean', 'moving_variance');
      return names;
    }
    case 'PReLU':
      return ['alpha'];
    default:
      return null;
  }
}

function parseIfText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Where each layer's weights live in model.weights.h5, from the model config (a `to_json()` object or a .keras
 * config.json, parsed or not). Sequential models leave a leading InputLayer out of `model.layers`; Functional models
 * keep every layer, InputLayers included, in config order.
 */
export function kerasWeightLayout(modelConfig: unknown): KerasWeightLayoutResult {
  const fail = (message: string): KerasWeightLayoutResult => ({ ok: false, problems: [{ layer: null, message }] });
  const model = parseIfText(modelConfig);
  if (!isRecord(model)) return fail('The model config is not a JSON object.');
  const className = own(model, 'class_name');
  if (className !== 'Sequential' && className !== 'Functional' && className !== 'Model') {
    return fail(`The model is ${describeValue(className)}, not a Keras Sequential or Functional model.`);
  }
  const config = own(model, 'config');
  if (!isRecord(config)) return fail('The model config has no "config" object.');
  const layers = own(config, 'layers');
  if (!Array.isArray(layers)) return fail('The model config has no "layers" list.');
  const modelName = ownString(config, 'name') ?? 'model';

  const problems: InteropProblem[] = [];
  const slots: KerasWeightSlot[] = [];
  const used = new Map<string, number>();
  (layers as unknown[]).forEach((layer, index) => {
    const layerClass = isRecord(layer) ? own(layer, 'class_name') : undefined;
    const layerConfig = isRecord(layer) ? own(layer, 'config') : undefined;
    if (!isRecord(layer) || typeof layerClass !== 'string' || !isRecord(layerConfig)) {
      problems.push({ layer: null, message: `Layer #${index + 1} of the model config is not a Keras layer.` });
      return;
    }
    if (className === 'Sequential' && index === 0 && layerClass === 'InputLayer') return;
    const layerName = ownString(layer, 'name') ?? ownString(layerConfig, 'name');
    if (layerName === undefined) {
      problems.push({ layer: null, message: `Layer #${index + 1} of the model config has no name.` });
      return;
    }
    if (RESERVED_NAMES.has(layerName)) {
      problems.push({ layer: layerName, message: `${quote(layerName)} is reserved in JavaScript and cannot name a layer's weights.` });
      return;
    }
    // saving_lib._get_unique_name: the first is "dense", then "dense_1", "dense_2", ...
    const base = kerasSnakeCase(layerClass);
    const seen = used.get(base);
    used.set(base, seen === undefined ? 0 : seen + 1);
    const groupName = seen === undefined ? base : `${base}_${seen + 1}`;
    const trainable = own(layerConfig, 'trainable') !== false;
    slots.push({ layerName, className: layerClass, groupName, weightNames: kerasWeightNames(layerClass, layerConfig), trainable });
  });
  if (problems.length > 0) return { ok: false, problems };

  let optimizer: KerasWeightLayout['optimizer'] = null;
  const compileConfig = own(model, 'compile_config');
  const serialized = isRecord(compileConfig) ? readSerialized(own(compileConfig, 'optimizer')) : null;
  if (serialized !== null) {
    const name = ownString(serialized.config, 'name') ?? kerasSnakeCase(serialized.className);
    optimizer = { className: serialized.className, name, config: serialized.config };
  }
  return { ok: true, modelName, slots, optimizer };
}
