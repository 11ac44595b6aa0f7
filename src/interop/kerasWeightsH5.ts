/**
 * The weights file inside a `.keras` archive, `model.weights.h5`, read and written with Keras 3's layout.
 *
 * What Keras 3.15 writes (keras/src/saving/saving_lib.py, checked with h5py on files Keras saved):
 *
 *     /vars                          group, attribute name = the model's name, no datasets
 *     /layers/<class>[_N]/vars       one group per layer of `model.layers`, attribute name = the layer's name,
 *                                    datasets "0", "1", ... = the layer's variables in order (float32, contiguous)
 *     /optimizer/vars                compiled models only, attribute name = the optimizer's name; "0" =
 *                                    iterations (int64 scalar), "1" = learning_rate (float32 scalar), then its
 *                                    state per trainable variable once built (Adam: momentum and velocity of
 *                                    each variable in turn; unbuilt, as after compile(), it holds only 0 and 1)
 *
 * `<class>` is the layer's class name in snake case (Dense -> dense, PReLU -> p_re_lu, BatchNormalization ->
 * batch_normalization); `_N` counts earlier layers of the same class in `model.layers` order (dense, dense_1, ...).
 * A Sequential model leaves its InputLayer out of `model.layers`; a Functional model lists its InputLayers too (their
 * groups hold no datasets). Every layer gets its group, with or without weights. Keras loads by these paths, never
 * by the name attributes. Variables: Dense kernel (in, out) and bias; BatchNormalization gamma (if scale), beta (if
 * center), moving_mean, moving_variance; PReLU alpha. Files are HDF5 with the earliest-possible format (superblock
 * version 0, symbol-table groups), as h5py writes by default.
 *
 * Browser-safe: core and h5wasm only (see h5wasmLoader.ts).
 */
import { describeValue, isRecord, own, ownString, readSerialized } from '../core/keras/kerasFormat.ts';
import type { JsonRecord } from '../core/keras/kerasFormat.ts';
import { LIMITS } from '../core/layers/index.ts';
import type { ProjectWeights, WeightTensor } from '../core/project/types.ts';
import type { H5wasm } from './h5wasmLoader.ts';
import { loadH5wasm } from './h5wasmLoader.ts';

/** One problem with a Keras file, at the layer it concerns (its Keras name), or null for the whole file. */
export interface InteropProblem {
  layer: string | null;
  message: string;
}

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

export type KerasWeightsReadResult =
  | {
      ok: true;
      /** Weights by Keras layer name (layers without weights are left out), with Keras's weight names. */
      weights: ProjectWeights;
      warnings: string[];
    }
  | { ok: false; problems: InteropProblem[] };

export interface KerasWeightsH5Options {
  /** The h5wasm to use; default loadH5wasm() (tests pass the browser build to run it in Node). */
  h5wasm?: Promise<H5wasm>;
}

/** Thrown (as a rejection) by writeKerasWeightsH5 when the config or the weights cannot be written. */
export class KerasWeightsError extends Error {
  constructor(readonly problems: InteropProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'KerasWeightsError';
  }
}

/** More numbers than this in one weights file are refused (800 MB of float32); LayerLab caps layers far lower. */
export const MAX_WEIGHT_VALUES = 200_000_000;

/** HDF5 format bounds: the earliest format each object allows, as h5py (and so Keras) writes by default. */
const LIBVER: ['earliest', 'latest'] = ['earliest', 'latest'];

/** HDF5's file signature, at offset 0 or after a user block of 512, 1024, 2048, ... bytes. */
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** H5T_class_t values in h5wasm's dataset metadata. */
const H5T_INTEGER = 0;
const H5T_FLOAT = 1;

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

function quote(text: string): string {
  return `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'`;
}

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
  if (!isRecord(model)) return fail('the model config is not a JSON object');
  const className = own(model, 'class_name');
  if (className !== 'Sequential' && className !== 'Functional' && className !== 'Model') {
    return fail(`the model is ${describeValue(className)}, not a Keras Sequential or Functional model`);
  }
  const config = own(model, 'config');
  if (!isRecord(config)) return fail('the model config has no "config" object');
  const layers = own(config, 'layers');
  if (!Array.isArray(layers)) return fail('the model config has no "layers" list');
  const modelName = ownString(config, 'name') ?? 'model';

  const problems: InteropProblem[] = [];
  const slots: KerasWeightSlot[] = [];
  const used = new Map<string, number>();
  (layers as unknown[]).forEach((layer, index) => {
    const layerClass = isRecord(layer) ? own(layer, 'class_name') : undefined;
    const layerConfig = isRecord(layer) ? own(layer, 'config') : undefined;
    if (!isRecord(layer) || typeof layerClass !== 'string' || !isRecord(layerConfig)) {
      problems.push({ layer: null, message: `layer #${index + 1} of the model config is not a Keras layer` });
      return;
    }
    if (className === 'Sequential' && index === 0 && layerClass === 'InputLayer') return;
    const layerName = ownString(layer, 'name') ?? ownString(layerConfig, 'name');
    if (layerName === undefined) {
      problems.push({ layer: null, message: `layer #${index + 1} of the model config has no name` });
      return;
    }
    if (RESERVED_NAMES.has(layerName)) {
      problems.push({ layer: layerName, message: `layer ${quote(layerName)}: ${quote(layerName)} is reserved in JavaScript and cannot name a layer's weights` });
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

function hasHdf5Signature(bytes: Uint8Array): boolean {
  for (let offset = 0; offset + HDF5_SIGNATURE.length <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
    if (HDF5_SIGNATURE.every((b, i) => bytes[offset + i] === b)) return true;
  }
  return false;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // HDF5's error stack is long; its last "minor:" line usually says the most.
  const minors = [...text.matchAll(/minor: (.+)/g)].map((m) => (m[1] ?? '').trim());
  const last = minors[minors.length - 1];
  return (last ?? text.split('\n')[0] ?? '').slice(0, 200);
}

type H5Group = InstanceType<H5wasm['h5']['Group']>;
type H5Dataset = InstanceType<H5wasm['h5']['Dataset']>;

/** A child group, or null when there is none (never follows external links). */
function childGroup(h5: H5wasm, group: H5Group, name: string): H5Group | null {
  if (!group.keys().includes(name)) return null;
  const entity = group.get(name);
  return entity instanceof h5.h5.Group ? entity : null;
}

function product(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

interface ReadState {
  h5: H5wasm;
  problems: InteropProblem[];
  warnings: string[];
  totalValues: number;
}

function readDataset(state: ReadState, slot: KerasWeightSlot, where: string, dataset: H5Dataset, name: string): WeightTensor | null {
  const problem = (reason: string): null => {
    state.problems.push({ layer: slot.layerName, message: `layer ${quote(slot.layerName)}: its ${name} weights (${where}) ${reason}` });
    return null;
  };
  const meta = dataset.metadata;
  if (meta.type !== H5T_FLOAT || (meta.size !== 4 && meta.size !== 8)) {
    return problem(`are stored as ${meta.type === H5T_FLOAT ? `${meta.size * 8}-bit floats` : 'something other than floats'}; LayerLab reads 32-bit (or 64-bit) floats`);
  }
  const shape = dataset.shape;
  if (shape === null || !shape.every((d) => Number.isInteger(d) && d >= 0)) return problem('have no fixed shape');
  const count = product(shape);
  if (count > LIMITS.maxLayerParams.value) {
    return problem(`hold ${count} numbers, more than LayerLab's ${LIMITS.maxLayerParams.value} per layer (${LIMITS.maxLayerParams.reason})`);
  }
  state.totalValues += count;
  if (state.totalValues > MAX_WEIGHT_VALUES) return problem(`take the file past ${MAX_WEIGHT_VALUES} numbers, more than LayerLab reads`);
  const value = dataset.value;
  if (!(value instanceof Float32Array || value instanceof Float64Array) || value.length !== count) {
    return problem('could not be read as numbers');
  }
  // Keras assigns what it loads to float32 variables.
  const values = value instanceof Float32Array ? Array.from(value) : Array.from(value, (v) => Math.fround(v));
  return { name, shape: [...shape], values };
}

function readSlot(state: ReadState, layersRoot: H5Group | null, rootName: string, slot: KerasWeightSlot): WeightTensor[] | null {
  const { h5 } = state;
  const path = `${rootName}/${slot.groupName}/vars`;
  const layerGroup = layersRoot === null ? null : childGroup(h5, layersRoot, slot.groupName);
  const vars = layerGroup === null ? null : childGroup(h5, layerGroup, 'vars');
  const keys = vars === null ? [] : vars.keys();
  const names = slot.weightNames;
  const layer = slot.layerName;
  if (names === null) {
    if (keys.length > 0) {
      state.problems.push({
        layer,
        message: `layer ${quote(layer)}: it is a ${slot.className.slice(0, 80)}, whose weights LayerLab does not know (it reads Dense, BatchNormalization and PReLU weights)`,
      });
    }
    return null;
  }
  if (keys.length !== names.length) {
    const expected = names.length === 0 ? 'none' : `${names.length} (${names.join(', ')})`;
    const found = vars === null ? 'has no weights for it' : `holds ${plural(keys.length, 'weight array')} at ${path}`;
    state.problems.push({
      layer,
      message: `layer ${quote(layer)}: model.weights.h5 ${found}, but a ${slot.className} with this config has ${expected}`,
    });
    return null;
  }
  if (vars === null) return [];
  const tensors: WeightTensor[] = [];
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i] ?? '';
    const entity = keys.includes(String(i)) ? vars.get(String(i)) : null;
    if (!(entity instanceof h5.h5.Dataset)) {
      state.problems.push({ layer, message: `layer ${quote(layer)}: model.weights.h5 has no array ${path}/${i} for its ${name} weights` });
      return null;
    }
    const tensor = readDataset(state, slot, `${path}/${i}`, entity, name);
    if (tensor === null) return null;
    tensors.push(tensor);
  }
  return tensors;
}

/** Reads /optimizer/vars only to say what is not imported. */
function optimizerWarning(h5: H5wasm, root: H5Group): string | null {
  const optimizer = childGroup(h5, root, 'optimizer');
  const vars = optimizer === null ? null : childGroup(h5, optimizer, 'vars');
  if (vars === null) return null;
  const keys = vars.keys();
  let iterations = 0;
  const first = keys.includes('0') ? vars.get('0') : null;
  if (first instanceof h5.h5.Dataset && first.metadata.type === H5T_INTEGER && product(first.shape ?? [0]) === 1) {
    const value = first.value;
    const scalar = ArrayBuffer.isView(value) ? (value as unknown as ArrayLike<number | bigint>)[0] : value;
    if (typeof scalar === 'bigint' || typeof scalar === 'number') iterations = Number(scalar);
  }
  // Fresh state (as LayerLab writes it, or an optimizer that never trained) loses nothing.
  if (iterations === 0) return null;
  return `the optimizer's saved state (after ${plural(iterations, 'training step')}) is not imported: training in LayerLab starts the optimizer afresh`;
}

/**
 * Reads a Keras 3 `model.weights.h5`, given the model config it belongs to (parsed or not), into weights by Keras
 * layer name with Keras's weight names. Checks that every layer has exactly the variables its config gives it (by
 * count; shapes are checked against the network by the caller) stored as floats. Never throws: a file that is not
 * HDF5, is damaged, or does not fit the config gives problems.
 */
export async function readKerasWeightsH5(bytes: Uint8Array, modelConfig: unknown, options: KerasWeightsH5Options = {}): Promise<KerasWeightsReadResult> {
  const layout = kerasWeightLayout(modelConfig);
  if (!layout.ok) return layout;
  if (!hasHdf5Signature(bytes)) {
    return { ok: false, problems: [{ layer: null, message: 'model.weights.h5 is not an HDF5 file, so its weights cannot be read' }] };
  }
  let h5: H5wasm;
  try {
    h5 = await (options.h5wasm ?? loadH5wasm());
  } catch (error) {
    return { ok: false, problems: [{ layer: null, message: `the HDF5 reader (h5wasm) could not be loaded: ${errorText(error)}` }] };
  }
  const path = h5.scratchPath();
  let file: InstanceType<H5wasm['h5']['File']> | null = null;
  try {
    h5.writeFile(path, bytes);
    file = new h5.h5.File(path, 'r');
    const state: ReadState = { h5, problems: [], warnings: [], totalValues: 0 };
    // Keras 2.13-2.15 (tf.keras) wrote "_layer_checkpoint_dependencies" where Keras 3 writes "layers".
    const rootName = file.keys().includes('layers') ? 'layers' : '_layer_checkpoint_dependencies';
    const layersRoot = childGroup(h5, file, rootName);
    const layers: ProjectWeights['layers'] = {};
    for (const slot of layout.slots) {
      const tensors = readSlot(state, layersRoot, rootName, slot);
      if (tensors !== null && tensors.length > 0) layers[slot.layerName] = tensors;
    }
    if (state.problems.length > 0) return { ok: false, problems: state.problems };
    const known = new Set(layout.slots.map((s) => s.groupName));
    for (const name of layersRoot?.keys() ?? []) {
      if (known.has(name)) continue;
      const group = layersRoot === null ? null : childGroup(h5, layersRoot, name);
      const vars = group === null ? null : childGroup(h5, group, 'vars');
      if (vars !== null && vars.keys().length > 0) {
        state.warnings.push(`model.weights.h5 holds weights at ${rootName}/${name}, which belong to no layer of the model; they were ignored`);
      }
    }
    const optimizer = optimizerWarning(h5, file);
    if (optimizer !== null) state.warnings.push(optimizer);
    return { ok: true, weights: { layers }, warnings: state.warnings };
  } catch (error) {
    return { ok: false, problems: [{ layer: null, message: `model.weights.h5 is damaged and cannot be read (HDF5: ${errorText(error)})` }] };
  } finally {
    try {
      file?.close();
    } catch {
      // Closing a file HDF5 could only half read; the scratch file is removed below either way.
    }
    h5.remove(path);
  }
}

/** What is wrong with writing `weights` for these layers: missing, unknown or extra weights, wrong counts. */
export function checkWeightsForLayout(layout: KerasWeightLayout, weights: ProjectWeights): InteropProblem[] {
  const problems: InteropProblem[] = [];
  const names = new Set(layout.slots.map((s) => s.layerName));
  for (const id of Object.keys(weights.layers)) {
    const given = Object.hasOwn(weights.layers, id) ? weights.layers[id] : undefined;
    if (!names.has(id) && given !== undefined && given.length > 0) {
      problems.push({ layer: id, message: `there are weights for ${quote(id)}, but the model has no layer of that name` });
    }
  }
  for (const slot of layout.slots) {
    const layer = slot.layerName;
    const given = Object.hasOwn(weights.layers, layer) ? (weights.layers[layer] ?? []) : [];
    if (slot.weightNames === null) {
      problems.push({ layer, message: `layer ${quote(layer)}: LayerLab cannot write weights for a ${slot.className.slice(0, 80)} layer` });
      continue;
    }
    for (const tensor of given) {
      if (!slot.weightNames.includes(tensor.name)) {
        problems.push({ layer, message: `layer ${quote(layer)}: a ${slot.className} has no ${quote(tensor.name)} weights` });
      }
    }
    for (const name of slot.weightNames) {
      const matches = given.filter((t) => t.name === name);
      const tensor = matches[0];
      if (tensor === undefined) {
        problems.push({ layer, message: `layer ${quote(layer)}: its ${name} weights are missing` });
      } else if (matches.length > 1) {
        problems.push({ layer, message: `layer ${quote(layer)}: it has two sets of ${name} weights` });
      } else if (!tensor.shape.every((d) => Number.isInteger(d) && d >= 0) || tensor.values.length !== product(tensor.shape)) {
        problems.push({
          layer,
          message: `layer ${quote(layer)}: its ${name} weights of shape (${tensor.shape.join(', ')}) need ${product(tensor.shape)} numbers, but ${tensor.values.length} were given`,
        });
      }
    }
  }
  return problems;
}

/** Variables that are not trained: BatchNormalization's running statistics. */
const NON_TRAINABLE_WEIGHTS: ReadonlySet<string> = new Set(['moving_mean', 'moving_variance']);

/**
 * The state variables a Keras optimizer creates in `build(model.trainable_variables)`: per pass, for each trainable
 * variable in order, one variable per name, of the variable's shape, filled with `fill`. Null for an optimizer
 * class LayerLab does not know.
 */
function optimizerSlotPasses(className: string, config: JsonRecord): { names: string[]; fill: number }[] | null {
  const number = (key: string, fallback: number): number => {
    const value = own(config, key);
    return typeof value === 'number' ? value : fallback;
  };
  switch (className) {
    case 'SGD':
      return number('momentum', 0) !== 0 ? [{ names: ['momentum'], fill: 0 }] : [];
    case 'Adam': {
      const passes = [{ names: ['momentum', 'velocity'], fill: 0 }];
      if (own(config, 'amsgrad') === true) passes.push({ names: ['velocity_hat'], fill: 0 });
      return passes;
    }
    case 'RMSprop': {
      const passes = [{ names: ['velocity'], fill: 0 }];
      if (number('momentum', 0) > 0) passes.push({ names: ['momentum'], fill: 0 });
      if (own(config, 'centered') === true) passes.push({ names: ['average_gradient'], fill: 0 });
      return passes;
    }
    case 'Adagrad':
      return [{ names: ['accumulator'], fill: number('initial_accumulator_value', 0.1) }];
    default:
      return null;
  }
}

/**
 * /optimizer/vars as Keras writes it for a compiled model loaded by `keras.models.load_model`: its optimizer is
 * built on the model's trainable variables, so it holds iterations (int64 0), learning_rate (float32) and, per
 * trainable variable, fresh state (Adam's zero moments, Adagrad's accumulators at initial_accumulator_value).
 * Writing only what an unbuilt optimizer holds (iterations and learning_rate) makes Keras warn on load that it
 * skipped the optimizer's variables; writing the built state loads silently.
 */
function writeOptimizer(file: H5Group, layout: KerasWeightLayout, weights: ProjectWeights): void {
  const optimizer = layout.optimizer;
  if (optimizer === null) return;
  const vars = file.create_group('optimizer').create_group('vars');
  vars.create_attribute('name', optimizer.name);
  vars.create_dataset({ name: '0', data: new BigInt64Array([0n]), shape: [], dtype: '<q' });
  const learningRate = own(optimizer.config, 'learning_rate');
  if (typeof learningRate !== 'number') return;
  vars.create_dataset({ name: '1', data: new Float32Array([learningRate]), shape: [], dtype: '<f' });
  const passes = optimizerSlotPasses(optimizer.className, optimizer.config);
  if (passes === null) return;
  const trainable: WeightTensor[] = [];
  for (const slot of layout.slots) {
    if (!slot.trainable) continue;
    const given = Object.hasOwn(weights.layers, slot.layerName) ? (weights.layers[slot.layerName] ?? []) : [];
    for (const name of slot.weightNames ?? []) {
      const tensor = given.find((t) => t.name === name);
      if (tensor !== undefined && !NON_TRAINABLE_WEIGHTS.has(name)) trainable.push(tensor);
    }
  }
  let index = 2;
  for (const pass of passes) {
    for (const tensor of trainable) {
      for (let k = 0; k < pass.names.length; k += 1) {
        const data = new Float32Array(product(tensor.shape)).fill(pass.fill);
        vars.create_dataset({ name: String(index), data, shape: [...tensor.shape], dtype: '<f' });
        index += 1;
      }
    }
  }
}

/**
 * Writes `model.weights.h5` for a model config (a `to_json()` object or a .keras config.json; with a non-empty
 * `compile_config`, the fresh state of the compiled optimizer is written too, see writeOptimizer) and weights keyed by layer
 * name, with exactly Keras 3's groups, attributes, dataset names, types and shapes (see the file comment). Rejects
 * with a KerasWeightsError listing the problems when the config or the weights do not fit.
 */
export async function writeKerasWeightsH5(modelConfig: unknown, weights: ProjectWeights, options: KerasWeightsH5Options = {}): Promise<Uint8Array> {
  const layout = kerasWeightLayout(modelConfig);
  if (!layout.ok) throw new KerasWeightsError(layout.problems);
  const problems = checkWeightsForLayout(layout, weights);
  if (problems.length > 0) throw new KerasWeightsError(problems);

  const h5 = await (options.h5wasm ?? loadH5wasm());
  const path = h5.scratchPath();
  let file: InstanceType<H5wasm['h5']['File']> | null = null;
  try {
    file = new h5.h5.File(path, 'w', { libver: LIBVER });
    // The order Keras creates them in: the model's own (empty) vars, each layer, then the optimizer.
    file.create_group('vars').create_attribute('name', layout.modelName);
    let layersRoot: H5Group | null = null;
    for (const slot of layout.slots) {
      layersRoot ??= file.create_group('layers');
      const vars = layersRoot.create_group(slot.groupName).create_group('vars');
      vars.create_attribute('name', slot.layerName);
      const given = Object.hasOwn(weights.layers, slot.layerName) ? (weights.layers[slot.layerName] ?? []) : [];
      (slot.weightNames ?? []).forEach((name, i) => {
        const tensor = given.find((t) => t.name === name);
        if (tensor === undefined) return;
        vars.create_dataset({ name: String(i), data: Float32Array.from(tensor.values), shape: [...tensor.shape], dtype: '<f' });
      });
    }
    writeOptimizer(file, layout, weights);
    file.close();
    file = null;
    return new Uint8Array(h5.readFile(path));
  } finally {
    try {
      file?.close();
    } catch {
      // Already failing; the scratch file is removed below.
    }
    h5.remove(path);
  }
}
