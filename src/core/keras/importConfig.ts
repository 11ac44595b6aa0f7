/**
 * Imports a Keras model architecture (its JSON config) into a LayerLab Graph.
 *
 * Accepts `model.to_json()` from Keras 3 and Keras 2 / tf.keras, the `config.json` inside a `.keras` file, and a
 * TensorFlow.js layers-model `model.json` (architecture only; weights are not read here). Either the whole model
 * imports, with warnings for Keras arguments LayerLab ignores, or nothing does and every problem is listed, each
 * naming its layer. Pure and total: never throws, whatever the input.
 */
import { layoutGraph } from '../graph/layout.ts';
import type { Graph, GraphEdge, GraphNode } from '../graph/types.ts';
import { NODE_ID_PATTERN } from '../graph/types.ts';
import type { ActivationName, InitializerName, LayerKind, LayerParamsByKind, Regularizer, Shape } from '../layers/index.ts';
import { formatShape, isActivationName, isInitializerName, LAYER_REGISTRY } from '../layers/index.ts';
import { parseParams } from '../layers/paramChecks.ts';
import { inferShapes } from '../shapes/inferShapes.ts';
import type { InboundCall, JsonRecord, KerasBatchShape, LayerRef } from './kerasFormat.ts';
import {
  describeValue,
  hasOwn,
  isFiniteNumber,
  isLegacyInbound,
  isRecord,
  own,
  ownString,
  readBatchShape,
  readInboundNodes,
  readLayerRefs,
  readSerialized,
} from './kerasFormat.ts';

export interface KerasImportProblem {
  /** The Keras layer at fault (its name in the file), or null for a problem with the whole file. */
  layer: string | null;
  message: string;
}

export type KerasImportResult =
  | { ok: true; graph: Graph; modelName: string; warnings: string[] }
  | { ok: false; problems: KerasImportProblem[] };

export const KERAS_IMPORT_LIMITS = {
  /** More layers than this is refused before anything else is read. */
  maxLayers: 2000,
} as const;

/** Names that would reach Object.prototype when used as object keys elsewhere. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const KIND_BY_CLASS: ReadonlyMap<string, LayerKind> = new Map<string, LayerKind>([
  ['InputLayer', 'Input'],
  ['Dense', 'Dense'],
  ['Activation', 'Activation'],
  ['Dropout', 'Dropout'],
  ['BatchNormalization', 'BatchNormalization'],
  ['BatchNormalizationV1', 'BatchNormalization'],
  ['BatchNormalizationV2', 'BatchNormalization'],
  ['Flatten', 'Flatten'],
  ['Reshape', 'Reshape'],
  ['Concatenate', 'Concatenate'],
  ['Add', 'Add'],
  ['Multiply', 'Multiply'],
  ['Softmax', 'Softmax'],
  ['ReLU', 'ReLU'],
  ['LeakyReLU', 'LeakyReLU'],
  ['ELU', 'ELU'],
  ['PReLU', 'PReLU'],
]);

const MODEL_CLASSES: ReadonlySet<string> = new Set(['Sequential', 'Functional', 'Model']);

/** Which writer produced the file; matters where Keras 2 / tfjs and Keras 3 disagree (hard_sigmoid). */
type Dialect = 'keras3' | 'keras2' | 'tfjs';

class ImportFailure {
  constructor(readonly problems: KerasImportProblem[]) {}
}

// ---- small helpers -----------------------------------------------------------------------------------------

/** `'name'`, shortened so a hostile name cannot flood a message. */
function quote(text: string): string {
  return `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'`;
}

function camelToSnake(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Keras 2 and tfjs write float32 values as doubles (0.30000001192092896). Returns the shortest decimal that is
 * the same float32 (0.3); other numbers are returned unchanged.
 */
function tidyFloat(value: number): number {
  if (!Number.isFinite(value) || Math.fround(value) !== value) return value;
  for (let digits = 1; digits <= 9; digits += 1) {
    const shorter = Number(value.toPrecision(digits));
    if (Math.fround(shorter) === value) return shorter;
  }
  return value;
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

function formatBatchShape(shape: KerasBatchShape): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0] ?? ''},)` : `(${dims.join(', ')})`;
}

function append<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function listNames(names: readonly string[]): string {
  const quoted = names.map(quote);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}

// ---- reading the envelope ----------------------------------------------------------------------------------

interface ModelSource {
  model: JsonRecord;
  kerasVersion: string | undefined;
  fromTfjs: boolean;
}

const fileProblem = (message: string): ImportFailure => new ImportFailure([{ layer: null, message }]);

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fileProblem('the text is not valid JSON');
  }
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** Finds the model object inside a to_json() object, a .keras config.json or a tfjs model.json. */
function unwrapModel(json: unknown): ModelSource {
  const root = typeof json === 'string' ? parseJsonText(json) : json;
  if (!isRecord(root)) {
    throw fileProblem(`a Keras model file holds a JSON object, but this is ${describeKind(root)}`);
  }
  let current: JsonRecord = root;
  let kerasVersion = ownString(root, 'keras_version');
  let fromTfjs = false;
  if (hasOwn(root, 'modelTopology')) {
    fromTfjs = true;
    const topology = own(root, 'modelTopology');
    if (own(root, 'format') === 'graph-model' || (isRecord(topology) && hasOwn(topology, 'node'))) {
      throw fileProblem(
        'this is a TensorFlow.js graph model (a frozen TensorFlow graph), not a layers model; LayerLab can import only Keras layers models',
      );
    }
    if (!isRecord(topology)) throw fileProblem('"modelTopology" is not an object');
    current = topology;
    kerasVersion = ownString(topology, 'keras_version') ?? kerasVersion;
  }
  if (!hasOwn(current, 'class_name') && hasOwn(current, 'model_config')) {
    kerasVersion = ownString(current, 'keras_version') ?? kerasVersion;
    const inner = own(current, 'model_config');
    const parsed = typeof inner === 'string' ? parseJsonText(inner) : inner;
    if (!isRecord(parsed)) throw fileProblem('"model_config" is not an object');
    current = parsed;
  }
  if (typeof own(current, 'class_name') !== 'string') {
    throw fileProblem(
      'the JSON has no "class_name": expected a Keras model (from model.to_json(), the config.json inside a .keras file, or a TensorFlow.js model.json)',
    );
  }
  return { model: current, kerasVersion: ownString(current, 'keras_version') ?? kerasVersion, fromTfjs };
}

// ---- layer entries and names -------------------------------------------------------------------------------

interface LayerEntry {
  index: number;
  /** The layer's name in the file. */
  name: string;
  /** The LayerLab node id: the name, or a sanitized version of it. */
  id: string;
  className: string;
  config: JsonRecord;
  raw: JsonRecord;
}

function readEntries(layers: readonly unknown[]): LayerEntry[] {
  const problems: KerasImportProblem[] = [];
  const entries: LayerEntry[] = [];
  layers.forEach((raw, index) => {
    const where = `layer #${index + 1}`;
    if (!isRecord(raw)) {
      problems.push({ layer: null, message: `${where} is not an object` });
      return;
    }
    const className = own(raw, 'class_name');
    if (typeof className !== 'string') {
      problems.push({ layer: null, message: `${where} has no "class_name"` });
      return;
    }
    const config = own(raw, 'config');
    if (!isRecord(config)) {
      problems.push({ layer: null, message: `${where} (${quote(className)}) has no "config" object` });
      return;
    }
    const name = ownString(raw, 'name') ?? ownString(config, 'name');
    if (name === undefined) {
      problems.push({ layer: null, message: `${where} (${quote(className)}) has no name` });
      return;
    }
    entries.push({ index, name, id: name, className, config, raw });
  });
  const seen = new Set<string>();
  for (const entry of entries) {
    if (RESERVED_NAMES.has(entry.name)) {
      problems.push({
        layer: entry.name,
        message: `layer ${quote(entry.name)}: ${quote(entry.name)} is reserved in JavaScript and cannot be a LayerLab layer name; rename the layer`,
      });
    } else if (seen.has(entry.name)) {
      problems.push({ layer: entry.name, message: `layer ${quote(entry.name)}: two layers have this name; Keras layer names must be unique` });
    }
    seen.add(entry.name);
  }
  if (problems.length > 0) throw new ImportFailure(problems);
  return entries;
}

function sanitizeName(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!/^[A-Za-z_]/.test(id)) id = `_${id}`;
  return id.slice(0, 64);
}

/** A free id based on `base`: base, base_2, base_3, ... each at most 64 characters. */
function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !RESERVED_NAMES.has(base)) return base;
  for (let k = 2; ; k += 1) {
    const suffix = `_${k}`;
    const candidate = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Gives each entry a valid node id; names that are already valid keep their name. */
function assignIds(entries: LayerEntry[], warnings: string[]): Set<string> {
  const taken = new Set(entries.filter((e) => NODE_ID_PATTERN.test(e.name)).map((e) => e.name));
  for (const entry of entries) {
    if (NODE_ID_PATTERN.test(entry.name)) continue;
    entry.id = uniqueId(sanitizeName(entry.name), taken);
    taken.add(entry.id);
    warnings.push(
      `layer ${quote(entry.name)} was renamed ${quote(entry.id)}: LayerLab layer names use only letters, digits, '_', '.' and '-', start with a letter or '_', and have at most 64 characters`,
    );
  }
  return taken;
}

// ---- converting one layer ----------------------------------------------------------------------------------

/** Reads one layer's config, recording what it consumed and what is wrong. */
class LayerReader {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  private readonly consumed = new Set<string>(['name']);

  constructor(
    readonly entry: LayerEntry,
    readonly dialect: Dialect,
  ) {}

  take(key: string): unknown {
    this.consumed.add(key);
    return own(this.entry.config, key);
  }

  isConsumed(key: string): boolean {
    return this.consumed.has(key);
  }

  problem(reason: string): void {
    this.problems.push(`layer ${quote(this.entry.name)}: ${reason}`);
  }

  warn(reason: string): void {
    this.warnings.push(`layer ${quote(this.entry.name)}: ${reason}`);
  }

  number(key: string, fallback: number | null | 'required', options: { nullable?: boolean; float?: boolean } = {}): number | null {
    const value = this.take(key);
    if (value === undefined || (value === null && fallback !== 'required' && options.nullable !== true)) {
      if (fallback === 'required') {
        this.problem(`${key} is missing`);
        return null;
      }
      return fallback;
    }
    if (value === null && options.nullable === true) return null;
    if (!isFiniteNumber(value)) {
      this.problem(`${key} is ${describeValue(value)}; it must be a number`);
      return null;
    }
    return options.float === true ? tidyFloat(value) : value;
  }

  bool(key: string, fallback: boolean): boolean {
    const value = this.take(key);
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.problem(`${key} is ${describeValue(value)}; it must be true or false`);
      return fallback;
    }
    return value;
  }

  /** An axis, or a list of exactly one axis (Keras 2 BatchNormalization writes [3]). */
  axis(key: string, fallback: number): number {
    const value = this.take(key);
    if (value === undefined || value === null) return fallback;
    if (isFiniteNumber(value)) return value;
    if (Array.isArray(value) && value.length === 1 && isFiniteNumber(value[0])) return value[0];
    if (Array.isArray(value) && value.length > 1) {
      this.problem(`${key} is ${describeValue(value)}, several axes; LayerLab layers work along one axis`);
      return fallback;
    }
    this.problem(`${key} is ${describeValue(value)}; it must be a number`);
    return fallback;
  }

  activation(key: string, required: boolean): ActivationName {
    const value = this.take(key);
    if (value === undefined && required) {
      this.problem(`${key} is missing`);
      return 'linear';
    }
    if (value === undefined || value === null) return 'linear';
    let name: string | null = typeof value === 'string' ? value : null;
    if (isRecord(value)) {
      // Keras 3 writes a function object for non-string activations: {"class_name": "function", "config": "relu"}.
      const module = ownString(value, 'module');
      const config = own(value, 'config');
      if (own(value, 'class_name') === 'function' && typeof config === 'string' && (module === undefined || module.startsWith('keras'))) {
        name = config;
      }
    }
    if (name === null) {
      this.problem(`activation ${describeValue(value)} is unknown`);
      return 'linear';
    }
    const known = isActivationName(name) ? name : camelToSnake(name);
    if (!isActivationName(known)) {
      this.problem(`activation ${quote(name)} is unknown`);
      return 'linear';
    }
    if (known === 'hard_sigmoid' && this.dialect !== 'keras3') {
      this.warn(
        "activation 'hard_sigmoid' is clip(0.2x + 0.5, 0, 1) in Keras 2 and TensorFlow.js, but LayerLab, like Keras 3, uses clip(x/6 + 0.5, 0, 1), so the outputs will differ",
      );
    }
    return known;
  }

  initializer(key: string, fallback: InitializerName): InitializerName {
    const value = this.take(key);
    if (value === undefined) return fallback;
    const result = readInitializer(value);
    if ('reason' in result) {
      this.problem(`${key} ${result.reason}`);
      return fallback;
    }
    if (result.seed !== null) this.warn(`${key} has seed ${describeValue(result.seed)}, which LayerLab ignores`);
    return result.name;
  }

  regularizer(key: string): Regularizer | null {
    const value = this.take(key);
    if (value === undefined || value === null) return null;
    const result = readRegularizer(value);
    if ('reason' in result) {
      this.problem(`${key} ${result.reason}`);
      return null;
    }
    return result.regularizer;
  }
}

const VARIANCE_SCALING_NAMES: readonly { scale: number; mode: string; distribution: 'uniform' | 'normal'; name: InitializerName }[] = [
  { scale: 1, mode: 'fan_avg', distribution: 'uniform', name: 'glorot_uniform' },
  { scale: 1, mode: 'fan_avg', distribution: 'normal', name: 'glorot_normal' },
  { scale: 2, mode: 'fan_in', distribution: 'uniform', name: 'he_uniform' },
  { scale: 2, mode: 'fan_in', distribution: 'normal', name: 'he_normal' },
  { scale: 1, mode: 'fan_in', distribution: 'uniform', name: 'lecun_uniform' },
  { scale: 1, mode: 'fan_in', distribution: 'normal', name: 'lecun_normal' },
];

const INITIALIZER_ALIASES: ReadonlyMap<string, string> = new Map([
  ['zero', 'zeros'],
  ['one', 'ones'],
  ['uniform', 'random_uniform'],
  ['normal', 'random_normal'],
  ['le_cun_normal', 'lecun_normal'],
  ['le_cun_uniform', 'lecun_uniform'],
]);

type InitializerRead = { name: InitializerName; seed: unknown } | { reason: string };

function readNumber(config: JsonRecord, key: string, fallback: number): number | null {
  const value = own(config, key);
  if (value === undefined || value === null) return fallback;
  return isFiniteNumber(value) ? value : null;
}

/** A Keras initializer (a name, a Keras 3 object or a Keras 2 / tfjs {class_name, config}) as a LayerLab name. */
export function readInitializer(value: unknown): InitializerRead {
  const serialized = typeof value === 'string' ? { className: value, config: {} as JsonRecord } : readSerialized(value);
  if (serialized === null) return { reason: `is ${describeValue(value)}, not a Keras initializer` };
  const { className, config } = serialized;
  const snake = camelToSnake(className);
  const name = INITIALIZER_ALIASES.get(snake) ?? snake;
  const seed = own(config, 'seed') ?? null;
  const shown = describeValue(value);
  const differs = (what: string): InitializerRead => ({ reason: `${shown} is not LayerLab's ${what}` });
  switch (name) {
    case 'variance_scaling': {
      const scale = readNumber(config, 'scale', 1);
      const mode = own(config, 'mode') ?? 'fan_in';
      const rawDistribution = own(config, 'distribution') ?? 'truncated_normal';
      const distribution =
        rawDistribution === 'uniform'
          ? 'uniform'
          : rawDistribution === 'normal' || rawDistribution === 'truncated_normal' || rawDistribution === 'truncatedNormal'
            ? 'normal'
            : null;
      const match = VARIANCE_SCALING_NAMES.find(
        (c) => scale !== null && nearlyEqual(scale, c.scale) && c.mode === mode && c.distribution === distribution,
      );
      return match === undefined ? { reason: `${shown} matches none of LayerLab's initializers` } : { name: match.name, seed };
    }
    case 'random_uniform': {
      const min = readNumber(config, 'minval', -0.05);
      const max = readNumber(config, 'maxval', 0.05);
      return min !== null && max !== null && nearlyEqual(min, -0.05) && nearlyEqual(max, 0.05)
        ? { name, seed }
        : differs('random_uniform (-0.05 to 0.05)');
    }
    case 'random_normal':
    case 'truncated_normal': {
      const mean = readNumber(config, 'mean', 0);
      const stddev = readNumber(config, 'stddev', 0.05);
      return mean !== null && stddev !== null && nearlyEqual(mean, 0) && nearlyEqual(stddev, 0.05)
        ? { name, seed }
        : differs(`${name} (mean 0, standard deviation 0.05)`);
    }
    case 'constant': {
      const constant = readNumber(config, 'value', 0);
      if (constant === 0) return { name: 'zeros', seed: null };
      if (constant === 1) return { name: 'ones', seed: null };
      return { reason: `${shown} is a constant LayerLab has no initializer for (it has zeros and ones)` };
    }
    default:
      return isInitializerName(name) ? { name, seed } : { reason: `${shown} is not one of LayerLab's initializers` };
  }
}

type RegularizerRead = { regularizer: Regularizer } | { reason: string };

/** A Keras L1 / L2 / L1L2 regularizer as LayerLab's {l1, l2}. */
export function readRegularizer(value: unknown): RegularizerRead {
  const serialized = typeof value === 'string' ? { className: value, config: {} as JsonRecord } : readSerialized(value);
  if (serialized === null) return { reason: `is ${describeValue(value)}, not a Keras regularizer` };
  const kind = camelToSnake(serialized.className);
  // Keras 3 defaults: L1(l1=0.01), L2(l2=0.01), L1L2(l1=0, l2=0).
  const defaults = kind === 'l1' ? { l1: 0.01, l2: 0 } : kind === 'l2' ? { l1: 0, l2: 0.01 } : kind === 'l1_l2' ? { l1: 0, l2: 0 } : null;
  if (defaults === null) {
    return { reason: `${describeValue(value)} is not an L1/L2 penalty, the only regularizer LayerLab has` };
  }
  const l1 = kind === 'l2' ? 0 : readNumber(serialized.config, 'l1', defaults.l1);
  const l2 = kind === 'l1' ? 0 : readNumber(serialized.config, 'l2', defaults.l2);
  if (l1 === null || l2 === null) return { reason: `${describeValue(value)} has penalties that are not numbers` };
  return { regularizer: { l1: tidyFloat(l1), l2: tidyFloat(l2) } };
}

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

function checkLeftoverArgs(reader: LayerReader, kind: LayerKind): void {
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
      if (!isFalsy(value)) reader.warn(`argument ${quote(key)} (${describeValue(value)}) is not one LayerLab knows, so it is ignored`);
    } else if (!rule.isDefault(value)) {
      if (rule.changesModel === true) reader.problem(`${key} is ${describeValue(value)}, which changes the layer's weights; LayerLab cannot represent it`);
      else reader.warn(`${key} is ${describeValue(value)}, which LayerLab ignores`);
    }
  }
}

/** The size of one example from a batch shape: [null, 2, 3] → [2, 3]. */
function exampleShape(reader: LayerReader, key: string, value: unknown, withBatch: boolean): number[] | null {
  const shape = readBatchShape(value);
  if (shape === null) {
    reader.problem(`${key} is ${describeValue(value)}; it must be a list of sizes`);
    return null;
  }
  const dims = withBatch ? shape.slice(1) : shape;
  if (withBatch && shape.length === 0) {
    reader.problem(`${key} is empty; it must start with the batch dimension`);
    return null;
  }
  const batch = withBatch ? shape[0] : null;
  if (batch !== null && batch !== undefined) reader.warn(`the fixed batch size ${batch} in ${key} is ignored`);
  if (dims.some((d) => d === null)) {
    reader.problem(
      `input shape ${formatBatchShape(withBatch ? shape : [null, ...shape])} has a dimension of unknown size (None); LayerLab needs every size of an example fixed`,
    );
    return null;
  }
  return dims as number[];
}

/** The input shape of an InputLayer, or of the first layer of a legacy Sequential model. */
function readInputShape(reader: LayerReader): number[] | null | undefined {
  for (const key of ['batch_shape', 'batch_input_shape']) {
    const value = reader.take(key);
    if (value !== undefined && value !== null) return exampleShape(reader, key, value, true);
  }
  for (const key of ['shape', 'input_shape']) {
    const value = reader.take(key);
    if (value !== undefined && value !== null) return exampleShape(reader, key, value, false);
  }
  const inputDim = reader.take('input_dim');
  if (isFiniteNumber(inputDim)) return [inputDim];
  return undefined;
}

type RawParams = Record<string, unknown>;

function readParams(reader: LayerReader, kind: LayerKind): RawParams {
  switch (kind) {
    case 'Input': {
      const shape = readInputShape(reader);
      if (shape === undefined) reader.problem('has no batch_shape, so the size of an example is unknown');
      return { shape: shape ?? [] };
    }
    case 'Dense':
      return {
        units: reader.number('units', 'required'),
        activation: reader.activation('activation', false),
        use_bias: reader.bool('use_bias', true),
        kernel_initializer: reader.initializer('kernel_initializer', 'glorot_uniform'),
        bias_initializer: reader.initializer('bias_initializer', 'zeros'),
        kernel_regularizer: reader.regularizer('kernel_regularizer'),
      };
    case 'Activation':
      return { activation: reader.activation('activation', true) };
    case 'Dropout':
      return { rate: reader.number('rate', 'required', { float: true }) };
    case 'BatchNormalization':
      return {
        axis: reader.axis('axis', -1),
        momentum: reader.number('momentum', 0.99, { float: true }),
        epsilon: reader.number('epsilon', 0.001, { float: true }),
        center: reader.bool('center', true),
        scale: reader.bool('scale', true),
      };
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
      return { axis: reader.axis('axis', -1) };
    case 'Softmax':
      return { axis: reader.axis('axis', -1) };
    case 'ReLU':
      return {
        max_value: reader.number('max_value', null, { nullable: true, float: true }),
        negative_slope: reader.number('negative_slope', 0, { float: true }),
        threshold: reader.number('threshold', 0, { float: true }),
      };
    case 'LeakyReLU': {
      // Keras 3 calls the slope negative_slope; Keras 2 and tfjs call it alpha.
      const key = own(reader.entry.config, 'negative_slope') !== undefined ? 'negative_slope' : 'alpha';
      reader.take(key === 'alpha' ? 'negative_slope' : 'alpha');
      return { negative_slope: reader.number(key, 0.3, { float: true }) };
    }
    case 'ELU':
      return { alpha: reader.number('alpha', 1, { float: true }) };
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

interface ConvertedLayer {
  entry: LayerEntry;
  kind: LayerKind;
  params: LayerParamsByKind[LayerKind];
}

function convertLayer(entry: LayerEntry, dialect: Dialect, problems: KerasImportProblem[], warnings: string[]): ConvertedLayer | null {
  const layerProblem = (reason: string): null => {
    problems.push({ layer: entry.name, message: `layer ${quote(entry.name)}: ${reason}` });
    return null;
  };
  const module = ownString(entry.raw, 'module');
  const registered = own(entry.raw, 'registered_name');
  if ((module !== undefined && !module.startsWith('keras')) || (typeof registered === 'string' && registered !== entry.className)) {
    return layerProblem(`${quote(entry.className)} is a custom layer (${describeValue(registered ?? module)}); LayerLab imports built-in Keras layers only`);
  }
  if (MODEL_CLASSES.has(entry.className)) {
    return layerProblem(`it is a nested ${entry.className} model; LayerLab cannot import a model inside a model`);
  }
  const kind = KIND_BY_CLASS.get(entry.className);
  if (kind === undefined) return layerProblem(`${entry.className.slice(0, 80)} is not a LayerLab layer kind`);
  const reader = new LayerReader(entry, dialect);
  const raw = readParams(reader, kind);
  checkLeftoverArgs(reader, kind);
  warnings.push(...reader.warnings);
  if (reader.problems.length > 0) {
    for (const message of reader.problems) problems.push({ layer: entry.name, message });
    return null;
  }
  const parsed = parseParams(kind, raw);
  if (!parsed.ok) {
    for (const error of parsed.errors) layerProblem(`${error.param} ${error.message}`);
    return null;
  }
  return { entry, kind, params: parsed.params };
}

// ---- wiring ------------------------------------------------------------------------------------------------

interface Wiring {
  /** Node ids in graph order. */
  order: string[];
  edges: GraphEdge[];
  /** Keras 3's recorded shape of the tensor each edge carries, by edge id. */
  edgeShapes: Map<string, KerasBatchShape>;
  /** A synthesized Input (Sequential models whose input shape is on the first layer). */
  synthesizedInput: { id: string; shape: number[] } | null;
}

function edgeId(source: string, target: string, inputIndex: number): string {
  return `${source}->${target}:${inputIndex}`;
}

function wireSequential(
  entries: LayerEntry[],
  config: JsonRecord | null,
  model: JsonRecord,
  dialect: Dialect,
  taken: Set<string>,
  problems: KerasImportProblem[],
  warnings: string[],
): Wiring {
  const order: string[] = [];
  const edges: GraphEdge[] = [];
  let synthesizedInput: Wiring['synthesizedInput'] = null;
  const first = entries[0];
  if (first === undefined) throw fileProblem('the model has no layers');
  entries.forEach((entry, index) => {
    if (entry.className === 'InputLayer' && index > 0) {
      problems.push({ layer: entry.name, message: `layer ${quote(entry.name)}: an InputLayer can only be the first layer of a Sequential model` });
    }
  });
  if (first.className !== 'InputLayer') {
    // Keras 2 / tfjs put the input shape on the first layer; Keras 3 models built without an Input record build_input_shape.
    const reader = new LayerReader(first, dialect);
    let shape = readInputShape(reader);
    let base = `${first.id.slice(0, 58)}_input`;
    if (shape === undefined) {
      const buildConfig = own(model, 'build_config');
      const built = (config === null ? undefined : own(config, 'build_input_shape')) ?? (isRecord(buildConfig) ? own(buildConfig, 'input_shape') : undefined);
      if (built !== undefined && built !== null) {
        shape = exampleShape(reader, 'build_input_shape', built, true);
        base = 'input_layer';
      }
    }
    warnings.push(...reader.warnings);
    for (const message of reader.problems) problems.push({ layer: first.name, message });
    if (shape === undefined) {
      problems.push({
        layer: null,
        message:
          'the Sequential model has no input shape (no InputLayer, and its first layer has no batch_input_shape); add keras.Input(shape=...) as its first layer, or build it, before saving',
      });
    } else if (shape !== null) {
      const id = uniqueId(base, taken);
      taken.add(id);
      synthesizedInput = { id, shape };
      order.push(id);
    }
  }
  for (const entry of entries) order.push(entry.id);
  if (order.length < 2 && (first.className === 'InputLayer' || synthesizedInput !== null)) {
    problems.push({ layer: null, message: 'the model has no layers after its input' });
  }
  for (let i = 1; i < order.length; i += 1) {
    const source = order[i - 1] ?? '';
    const target = order[i] ?? '';
    edges.push({ id: edgeId(source, target, 0), source, target, inputIndex: 0 });
  }
  return { order, edges, edgeShapes: new Map(), synthesizedInput };
}

function checkCallArguments(entry: LayerEntry, call: InboundCall, warnings: string[]): void {
  for (const key of Object.keys(call.kwargs)) {
    const value = own(call.kwargs, key);
    if (value === null || value === undefined || (key === 'training' && value === false)) continue;
    if (key === 'training' && value === true) {
      warnings.push(`layer ${quote(entry.name)}: it is called with training=True (always in training mode); LayerLab ignores this`);
    } else {
      warnings.push(`layer ${quote(entry.name)}: the call argument ${quote(key)} (${describeValue(value)}) is ignored`);
    }
  }
}

/** The model's input or output references, or null when the file does not list them. */
function modelRefs(config: JsonRecord, key: string): LayerRef[] | null {
  const value = own(config, key);
  if (value === undefined || value === null) return null;
  const refs = readLayerRefs(value, KERAS_IMPORT_LIMITS.maxLayers);
  if (refs === null) throw fileProblem(`the model's "${key}" is not a list of [layer name, node index, tensor index]`);
  return refs;
}

/** Finds one cycle among `remaining` nodes (each has an input from another remaining node), in flow order. */
function findCycle(remaining: ReadonlySet<string>, incoming: ReadonlyMap<string, string[]>): string[] {
  const start = remaining.values().next().value ?? '';
  const path: string[] = [];
  const seenAt = new Map<string, number>();
  let current = start;
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = (incoming.get(current) ?? []).find((s) => remaining.has(s)) ?? start;
  }
  return path.slice(seenAt.get(current) ?? 0).reverse();
}

/** Kahn's order of `ids` over `edges`, or the ids left on or after a cycle. */
function topologicalSort(ids: readonly string[], edges: readonly GraphEdge[]): { order: string[]; remaining: Set<string> } {
  const indegree = new Map(ids.map((id) => [id, 0]));
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
    outgoing.get(edge.source)?.push(edge.target);
  }
  const queue = ids.filter((id) => (indegree.get(id) ?? 0) === 0);
  const order: string[] = [];
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head] ?? '';
    order.push(id);
    for (const next of outgoing.get(id) ?? []) {
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  const done = new Set(order);
  return { order, remaining: new Set(ids.filter((id) => !done.has(id))) };
}

function wireFunctional(entries: LayerEntry[], config: JsonRecord, problems: KerasImportProblem[], warnings: string[]): Wiring {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const edges: GraphEdge[] = [];
  const edgeShapes = new Map<string, KerasBatchShape>();
  const callCounts = new Map<string, number>();
  const calls = new Map<string, InboundCall>();
  const push = (entry: LayerEntry, reason: string): void => {
    problems.push({ layer: entry.name, message: `layer ${quote(entry.name)}: ${reason}` });
  };

  for (const entry of entries) {
    const read = readInboundNodes(own(entry.raw, 'inbound_nodes'), KERAS_IMPORT_LIMITS.maxLayers);
    if (!read.ok) {
      push(entry, read.message);
      continue;
    }
    callCounts.set(entry.name, read.calls.length);
    const call = read.calls[0];
    if (entry.className === 'InputLayer') {
      if (read.calls.some((c) => c.inputs.length > 0)) push(entry, 'an InputLayer cannot take inputs');
    } else if (call === undefined) {
      push(entry, 'it has no inbound nodes, so nothing feeds it');
    } else if (read.calls.length > 1) {
      problems.push({
        layer: entry.name,
        message: `layer ${quote(entry.name)} is used ${read.calls.length} times (a shared layer); LayerLab layers each have one use`,
      });
    } else {
      calls.set(entry.name, call);
    }
  }

  for (const entry of entries) {
    const call = calls.get(entry.name);
    if (call === undefined) continue;
    checkCallArguments(entry, call, warnings);
    call.inputs.forEach((input, inputIndex) => {
      const source = byName.get(input.layer);
      if (source === undefined) {
        push(entry, `its input ${quote(input.layer)} is not a layer of this model`);
        return;
      }
      if (input.nodeIndex !== 0) {
        if ((callCounts.get(source.name) ?? 0) <= 1) push(entry, `its input is call ${input.nodeIndex} of layer ${quote(source.name)}, which has no such call`);
        return;
      }
      if (input.tensorIndex !== 0) {
        push(entry, `its input is output ${input.tensorIndex} of layer ${quote(source.name)}; LayerLab layers have a single output`);
        return;
      }
      const edge: GraphEdge = { id: edgeId(source.id, entry.id, inputIndex), source: source.id, target: entry.id, inputIndex };
      edges.push(edge);
      if (input.shape !== null) edgeShapes.set(edge.id, input.shape);
    });
  }

  const ids = entries.map((e) => e.id);
  const sorted = topologicalSort(ids, edges);
  if (sorted.remaining.size > 0) {
    const incoming = new Map<string, string[]>();
    for (const edge of edges) append(incoming, edge.target, edge.source);
    const names = new Map(entries.map((e) => [e.id, e.name]));
    const cycle = findCycle(sorted.remaining, incoming).map((id) => names.get(id) ?? id);
    const path = [...cycle, cycle[0] ?? ''].map(quote).join(' → ');
    problems.push({
      layer: cycle[0] ?? null,
      message: `layers ${listNames(cycle)} take their inputs from each other in a loop (${path}); in a Keras model data flows one way`,
    });
    return { order: [], edges, edgeShapes, synthesizedInput: null };
  }

  const inputRefs = modelRefs(config, 'input_layers');
  const outputRefs = modelRefs(config, 'output_layers');
  const inputLayers = entries.filter((e) => e.className === 'InputLayer');
  const consumers = new Map<string, string[]>();
  for (const edge of edges) append(consumers, edge.source, edge.target);
  const nameOf = new Map(entries.map((e) => [e.id, e.name]));

  const checkRefs = (refs: LayerRef[], what: 'input' | 'output'): LayerEntry[] => {
    const listed: LayerEntry[] = [];
    for (const ref of refs) {
      const entry = byName.get(ref.layer);
      if (entry === undefined) {
        problems.push({ layer: null, message: `the model ${what} ${quote(ref.layer)} is not a layer of this model` });
      } else if (listed.includes(entry)) {
        push(entry, `it is listed twice among the model's ${what}s`);
      } else if (ref.nodeIndex !== 0 || ref.tensorIndex !== 0) {
        push(entry, `the model ${what} is call ${ref.nodeIndex}, output ${ref.tensorIndex} of it; LayerLab layers have one call and one output`);
      } else {
        listed.push(entry);
      }
    }
    return listed;
  };

  const inputs = inputRefs === null ? inputLayers : checkRefs(inputRefs, 'input');
  for (const entry of inputs) {
    if (entry.className !== 'InputLayer') push(entry, `it is a model input but a ${entry.className.slice(0, 80)}, not an InputLayer`);
  }
  for (const entry of inputLayers) {
    if (!inputs.includes(entry)) push(entry, "it is an InputLayer but not one of the model's inputs");
  }
  const terminal = entries.filter((e) => e.className !== 'InputLayer' && (consumers.get(e.id) ?? []).length === 0);
  const outputs = outputRefs === null ? terminal : checkRefs(outputRefs, 'output');
  for (const entry of outputs) {
    const feeds = consumers.get(entry.id) ?? [];
    if (entry.className === 'InputLayer') {
      push(entry, 'it is both a model input and a model output; LayerLab needs a layer between them');
    } else if (feeds.length > 0) {
      push(
        entry,
        `it is a model output but also feeds ${listNames(feeds.map((id) => nameOf.get(id) ?? id))}; in LayerLab a model's outputs are the layers whose output goes nowhere`,
      );
    }
  }
  for (const entry of terminal) {
    if (!outputs.includes(entry)) push(entry, 'it is not a model output, but nothing uses its output, so LayerLab would make it an extra output');
  }
  if (outputs.length === 0 && problems.length === 0) problems.push({ layer: null, message: 'the model has no outputs' });

  // Graph order: file order, except that model inputs and outputs take the places of their kind in the order
  // Keras lists them (LayerLab reads a model's inputs and outputs in graph order).
  const order = entries.map((e) => e.id);
  const permute = (listed: LayerEntry[]): void => {
    const listedIds = new Set(listed.map((e) => e.id));
    const slots = order.map((id, i) => (listedIds.has(id) ? i : -1)).filter((i) => i >= 0);
    slots.forEach((slot, k) => {
      const entry = listed[k];
      if (entry !== undefined) order[slot] = entry.id;
    });
  };
  if (problems.length === 0) {
    permute(inputs);
    permute(outputs);
  }
  return { order, edges, edgeShapes, synthesizedInput: null };
}

// ---- layout, graph and checks ------------------------------------------------------------------------------

function makeNode<K extends LayerKind>(id: string, kind: K, params: LayerParamsByKind[K], position: { x: number; y: number }): GraphNode {
  return { id, kind, params, position } as GraphNode;
}

/** Recorded Keras shapes (build_config, tensor shapes) against LayerLab's inferred ones: any difference is a problem. */
function shapesAgree(recorded: KerasBatchShape, actual: Shape): boolean {
  return recorded.length === actual.length + 1 && actual.every((d, i) => {
    const keras = recorded[i + 1];
    return keras === null || keras === d;
  });
}

function recordedInputShapes(entry: LayerEntry, kind: LayerKind): KerasBatchShape[] | null {
  const buildConfig = own(entry.raw, 'build_config');
  if (!isRecord(buildConfig)) return null;
  const value = own(buildConfig, 'input_shape');
  if (LAYER_REGISTRY[kind].inputs.max > 1) {
    if (!Array.isArray(value)) return null;
    const shapes = (value as unknown[]).map(readBatchShape);
    return shapes.every((s): s is KerasBatchShape => s !== null) ? shapes : null;
  }
  const shape = readBatchShape(value);
  return shape === null ? null : [shape];
}

function checkGraph(graph: Graph, layers: readonly ConvertedLayer[], wiring: Wiring, nameOf: ReadonlyMap<string, string>): KerasImportProblem[] {
  const problems: KerasImportProblem[] = [];
  const inference = inferShapes(graph);
  const named = (id: string | undefined): string | null => (id === undefined ? null : (nameOf.get(id) ?? id));
  for (const diagnostic of inference.diagnostics) {
    if (diagnostic.severity !== 'error') continue;
    const id = diagnostic.nodeIds[0];
    const layer = named(id);
    const text = id !== undefined && diagnostic.message.startsWith(`${id}: `) ? diagnostic.message.slice(id.length + 2) : diagnostic.message;
    problems.push({ layer, message: layer === null ? text : `layer ${quote(layer)}: ${text}` });
  }
  if (problems.length > 0) return problems;
  for (const layer of layers) {
    const info = inference.nodes.get(layer.entry.id);
    const recorded = recordedInputShapes(layer.entry, layer.kind);
    if (info?.status !== 'ok' || recorded === null) continue;
    recorded.forEach((shape, i) => {
      const actual = info.inputShapes[i];
      if (actual !== undefined && !shapesAgree(shape, actual)) {
        problems.push({
          layer: layer.entry.name,
          message: `layer ${quote(layer.entry.name)}: Keras built it for input ${formatBatchShape(shape)}, but LayerLab computes ${formatShape(actual)}`,
        });
      }
    });
  }
  for (const edge of graph.edges) {
    const recorded = wiring.edgeShapes.get(edge.id);
    const source = inference.nodes.get(edge.source);
    if (recorded === undefined || source?.status !== 'ok' || shapesAgree(recorded, source.shape)) continue;
    const layer = named(edge.source);
    problems.push({
      layer,
      message: `layer ${quote(layer ?? edge.source)}: Keras records its output as ${formatBatchShape(recorded)}, but LayerLab computes ${formatShape(source.shape)}`,
    });
  }
  return problems;
}

function detectDialect(source: ModelSource, layers: readonly unknown[]): Dialect {
  const version = source.kerasVersion;
  if (version !== undefined) {
    if (version.startsWith('tfjs')) return 'tfjs';
    if (/^[12]\./.test(version)) return 'keras2';
    if (/^3\./.test(version)) return 'keras3';
  }
  if (hasOwn(source.model, 'module')) return 'keras3';
  const legacy = layers.some((layer) => {
    if (!isRecord(layer)) return false;
    const config = own(layer, 'config');
    return isLegacyInbound(own(layer, 'inbound_nodes')) || (isRecord(config) && hasOwn(config, 'batch_input_shape'));
  });
  if (legacy) return source.fromTfjs ? 'tfjs' : 'keras2';
  return source.fromTfjs ? 'tfjs' : 'keras3';
}

function importModel(json: unknown): KerasImportResult {
  const source = unwrapModel(json);
  const { model } = source;
  const className = own(model, 'class_name') as string;
  if (!MODEL_CLASSES.has(className)) {
    throw fileProblem(
      `the model is a ${quote(className)}, not a Sequential or Functional model; LayerLab imports only those (a subclassed model's architecture is Python code, not configuration)`,
    );
  }
  const rawConfig = own(model, 'config');
  // Keras 1 / early Keras 2 wrote a Sequential config as the bare list of layers.
  const config = isRecord(rawConfig) ? rawConfig : null;
  const layers = Array.isArray(rawConfig) && className === 'Sequential' ? (rawConfig as unknown[]) : config === null ? undefined : own(config, 'layers');
  if (config === null && layers === undefined) throw fileProblem('the model has no "config" object');
  if (!Array.isArray(layers)) throw fileProblem('the model config has no "layers" list');
  const layerList = layers as unknown[];
  if (layers.length > KERAS_IMPORT_LIMITS.maxLayers) {
    throw fileProblem(`the model has ${layers.length} layers; LayerLab imports at most ${KERAS_IMPORT_LIMITS.maxLayers}`);
  }
  if (layers.length === 0) throw fileProblem('the model has no layers');
  const nameValue = config === null ? undefined : own(config, 'name');
  const modelName = typeof nameValue === 'string' ? nameValue : 'model';

  const dialect = detectDialect(source, layers);
  const warnings: string[] = [];
  const problems: KerasImportProblem[] = [];
  const entries = readEntries(layerList);
  const taken = assignIds(entries, warnings);

  const converted: ConvertedLayer[] = [];
  for (const entry of entries) {
    const layer = convertLayer(entry, dialect, problems, warnings);
    if (layer !== null) converted.push(layer);
  }
  const wiring =
    className === 'Sequential'
      ? wireSequential(entries, config, model, dialect, taken, problems, warnings)
      : wireFunctional(entries, config ?? {}, problems, warnings);
  if (problems.length > 0) return { ok: false, problems };

  const byId = new Map(converted.map((layer) => [layer.entry.id, layer]));
  const nodes: GraphNode[] = [];
  for (const id of wiring.order) {
    const position = { x: 0, y: 0 };
    const synthesized = wiring.synthesizedInput;
    if (synthesized !== null && synthesized.id === id) {
      nodes.push(makeNode(id, 'Input', { shape: synthesized.shape }, position));
      continue;
    }
    const layer = byId.get(id);
    if (layer !== undefined) nodes.push(makeNode(id, layer.kind, layer.params, position));
  }
  const graph: Graph = { nodes, edges: wiring.edges };
  const nameOf = new Map(entries.map((e) => [e.id, e.name]));
  const graphProblems = checkGraph(graph, converted, wiring, nameOf);
  if (graphProblems.length > 0) return { ok: false, problems: graphProblems };
  return { ok: true, graph: layoutGraph(graph), modelName, warnings };
}

/**
 * Imports a Keras model architecture: a parsed (or unparsed) `model.to_json()`, a `.keras` file's config.json, or a
 * TensorFlow.js model.json. Never throws.
 */
export function importKerasConfig(json: unknown): KerasImportResult {
  try {
    return importModel(json);
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, problems: error.problems };
    return { ok: false, problems: [{ layer: null, message: 'the model could not be read: its JSON is not a Keras model config' }] };
  }
}
