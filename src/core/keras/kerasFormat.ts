/**
 * The Keras model-architecture wire format (snake_case, as written by `model.to_json()`, the `config.json` inside a
 * `.keras` file, Keras 2 / tf.keras and TensorFlow.js `model.json`), and small guards that read it from parsed JSON.
 *
 * The interfaces document what a well-formed file holds. Parsed JSON is never trusted: the importer treats it as
 * `unknown` and narrows it with the readers below, which only look at an object's own properties (so keys such as
 * `__proto__` or `constructor` never reach Object.prototype) and never recurse without a bound.
 */

// ---- the wire format ---------------------------------------------------------------------------------------

/** A Keras 3 serialized object: layers, initializers, regularizers, dtype policies. */
export interface KerasSerializedObject<C = Record<string, unknown>> {
  /** e.g. "keras.layers", "keras.initializers"; absent in Keras 2 / tfjs files. */
  module?: string;
  class_name: string;
  config: C;
  /** null for built-in Keras classes; "package>Name" for registered custom ones. */
  registered_name?: string | null;
}

/** A batch shape with the batch dimension first: `[null, 4]`. Unknown sizes are null. */
export type KerasBatchShape = (number | null)[];

/** `[layer name, node index, tensor index]`: one output of one call of a layer. */
export type KerasLayerRef = [layerName: string, nodeIndex: number, tensorIndex: number];

/** Keras 3: a symbolic tensor inside `inbound_nodes[i].args`. */
export interface Keras3TensorArg {
  class_name: '__keras_tensor__';
  config: { shape?: KerasBatchShape; dtype?: string; keras_history: KerasLayerRef };
}

/** Keras 3: one call of a layer. Merge layers take a list of tensors as their first argument. */
export interface Keras3InboundNode {
  args: (Keras3TensorArg | Keras3TensorArg[])[];
  kwargs: Record<string, unknown>;
}

/** Keras 2 / tfjs: one input of one call, `[layer name, node index, tensor index, call kwargs]`. */
export type LegacyInboundEntry = [layerName: string, nodeIndex: number, tensorIndex: number, kwargs?: Record<string, unknown>];

/** Keras 2 / tfjs: one call of a layer, a list of its inputs. */
export type LegacyInboundNode = LegacyInboundEntry[];

/** One layer in a model's `config.layers`. */
export interface KerasLayerJson extends KerasSerializedObject {
  /** Functional models name each layer here too; Sequential layers only in `config.name`. */
  name?: string;
  /** Keras 3: the input shape(s) the layer was built with, batch dimension included. */
  build_config?: { input_shape?: KerasBatchShape | KerasBatchShape[] };
  /** Functional models only. */
  inbound_nodes?: Keras3InboundNode[] | LegacyInboundNode[];
}

/** Keras 3 InputLayer config. Keras 2 / tfjs write `batch_input_shape` instead of `batch_shape`. */
export interface KerasInputLayerConfig {
  name: string;
  batch_shape?: KerasBatchShape;
  batch_input_shape?: KerasBatchShape;
  dtype?: string;
  sparse?: boolean;
  ragged?: boolean;
  optional?: boolean;
}

export interface KerasSequentialConfig {
  name?: string;
  layers: KerasLayerJson[];
  /** Keras 3: set when the model was built without an InputLayer. */
  build_input_shape?: KerasBatchShape;
}

/**
 * A model's inputs or outputs: one bare reference (a single tensor), a list of them (even of one), or, in Keras 3, a
 * dict of named references. The three are different models to Keras: `predict` returns an array, a list or a dict.
 */
export type KerasModelRefs = KerasLayerRef | KerasLayerRef[] | Record<string, KerasLayerRef>;

export interface KerasFunctionalConfig {
  name?: string;
  layers: KerasLayerJson[];
  input_layers: KerasModelRefs;
  output_layers: KerasModelRefs;
}

/** `model.to_json()`, or the `config.json` inside a `.keras` file (which adds compile_config). */
export type KerasModelJson = (
  | (KerasSerializedObject<KerasSequentialConfig> & { class_name: 'Sequential' })
  | (KerasSerializedObject<KerasFunctionalConfig> & { class_name: 'Functional' | 'Model' })
) & {
  build_config?: { input_shape?: unknown };
  compile_config?: unknown;
  /** Keras 2 / tfjs: "2.15.0", "tfjs-layers 4.22.0". */
  keras_version?: string;
  backend?: string;
};

/** A TensorFlow.js layers-model `model.json`. Older files wrap the model in `model_config`. */
export interface TfjsModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: KerasModelJson | { model_config: KerasModelJson; keras_version?: string; backend?: string; training_config?: unknown };
  weightsManifest?: unknown;
}

// ---- guards and readers ------------------------------------------------------------------------------------

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a parsed JSON object, never one inherited from Object.prototype. */
export function own(record: JsonRecord, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function hasOwn(record: JsonRecord, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

export function ownString(record: JsonRecord, key: string): string | undefined {
  const value = own(record, key);
  return typeof value === 'string' ? value : undefined;
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isNonNegativeInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A batch shape (`[null, 4]`): a list of sizes or nulls. Null when it is anything else. */
export function readBatchShape(value: unknown): KerasBatchShape | null {
  if (!Array.isArray(value)) return null;
  const shape: KerasBatchShape = [];
  for (const dim of value as unknown[]) {
    if (dim === null || isFiniteNumber(dim)) shape.push(dim);
    else return null;
  }
  return shape;
}

/** A reference written as `[name, nodeIndex, tensorIndex]` (a 4th element, legacy call kwargs, is allowed). */
export interface LayerRef {
  layer: string;
  nodeIndex: number;
  tensorIndex: number;
}

export function readLayerRef(value: unknown): LayerRef | null {
  if (!Array.isArray(value) || value.length < 3 || value.length > 4) return null;
  const [layer, nodeIndex, tensorIndex] = value as unknown[];
  if (typeof layer !== 'string' || !isNonNegativeInt(nodeIndex) || !isNonNegativeInt(tensorIndex)) return null;
  return { layer, nodeIndex, tensorIndex };
}

/** A model's `input_layers` / `output_layers` with their structure: the form, and each reference with its dict key. */
export interface StructuredRefs {
  form: 'single' | 'list' | 'dict';
  refs: { key: string | null; ref: LayerRef }[];
}

/** `input_layers` / `output_layers` with their form and dict keys kept (in file order). Null when malformed. */
export function readStructuredRefs(value: unknown, limit: number): StructuredRefs | null {
  const single = readLayerRef(value);
  if (single !== null) return { form: 'single', refs: [{ key: null, ref: single }] };
  if (Array.isArray(value) || isRecord(value)) {
    const keys: (string | null)[] = Array.isArray(value) ? (value as unknown[]).map(() => null) : Object.keys(value);
    if (keys.length > limit) return null;
    const refs: StructuredRefs['refs'] = [];
    for (const [i, key] of keys.entries()) {
      const ref = readLayerRef(key === null ? (value as unknown[])[i] : own(value as JsonRecord, key));
      if (ref === null) return null;
      refs.push({ key, ref });
    }
    return { form: Array.isArray(value) ? 'list' : 'dict', refs };
  }
  return null;
}

/** One input of one call of a layer, in either format. `shape` is the Keras 3 tensor's recorded batch shape. */
export interface InboundTensor extends LayerRef {
  shape: KerasBatchShape | null;
}

/** One call of a layer: its input tensors in order and its call arguments. */
export interface InboundCall {
  inputs: InboundTensor[];
  kwargs: JsonRecord;
}

export type InboundReadResult = { ok: true; calls: InboundCall[] } | { ok: false; message: string };

function readKeras3Tensor(value: unknown): InboundTensor | null | 'not-a-tensor' {
  if (!isRecord(value) || own(value, 'class_name') !== '__keras_tensor__') return 'not-a-tensor';
  const config = own(value, 'config');
  if (!isRecord(config)) return null;
  const ref = readLayerRef(own(config, 'keras_history'));
  if (ref === null) return null;
  return { ...ref, shape: readBatchShape(own(config, 'shape')) };
}

function readKeras3Call(node: JsonRecord, limit: number): InboundCall | string {
  const args = own(node, 'args');
  const kwargs = own(node, 'kwargs') ?? {};
  if (!Array.isArray(args)) return 'an inbound node has no "args" list';
  if (!isRecord(kwargs)) return 'an inbound node has "kwargs" that is not an object';
  const inputs: InboundTensor[] = [];
  for (const arg of args as unknown[]) {
    const items: unknown[] = Array.isArray(arg) ? (arg as unknown[]) : [arg];
    if (inputs.length + items.length > limit) return `an inbound node has more than ${limit} inputs`;
    for (const item of items) {
      const tensor = readKeras3Tensor(item);
      if (tensor === null) return 'an inbound tensor has no valid "keras_history" [layer name, node index, tensor index]';
      if (tensor === 'not-a-tensor') {
        return 'an inbound node passes an argument that is not a tensor (LayerLab layers take only tensors)';
      }
      inputs.push(tensor);
    }
  }
  for (const value of Object.values(kwargs)) {
    if (readKeras3Tensor(value) !== 'not-a-tensor') return 'an inbound node passes a tensor as a keyword argument';
  }
  return { inputs, kwargs };
}

function readLegacyCall(node: unknown[], limit: number): InboundCall | string {
  if (node.length > limit) return `an inbound node has more than ${limit} inputs`;
  const inputs: InboundTensor[] = [];
  let kwargs: JsonRecord = {};
  for (const entry of node) {
    const ref = readLayerRef(entry);
    if (ref === null) return 'an inbound entry is not [layer name, node index, tensor index, kwargs]';
    const extra = (entry as unknown[])[3];
    if (extra !== undefined && extra !== null) {
      if (!isRecord(extra)) return 'an inbound entry has call arguments that are not an object';
      kwargs = { ...kwargs, ...extra };
    }
    inputs.push({ ...ref, shape: null });
  }
  return { inputs, kwargs };
}

/**
 * A layer's `inbound_nodes`, in the Keras 3 form (`[{"args": [...], "kwargs": {}}]`) or the Keras 2 / tfjs form
 * (`[[[name, node, tensor, kwargs], ...]]`). Each element is one call of the layer.
 */
export function readInboundNodes(value: unknown, limit: number): InboundReadResult {
  if (value === undefined || value === null) return { ok: true, calls: [] };
  if (!Array.isArray(value)) return { ok: false, message: '"inbound_nodes" is not a list' };
  const calls: InboundCall[] = [];
  for (const node of value as unknown[]) {
    if (calls.length >= limit) return { ok: false, message: `"inbound_nodes" has more than ${limit} entries` };
    const call = isRecord(node) ? readKeras3Call(node, limit) : Array.isArray(node) ? readLegacyCall(node as unknown[], limit) : null;
    if (call === null) return { ok: false, message: 'an inbound node is neither {"args", "kwargs"} nor a list of [layer, node, tensor]' };
    if (typeof call === 'string') return { ok: false, message: call };
    calls.push(call);
  }
  return { ok: true, calls };
}

/** True when `inbound_nodes` is in the Keras 2 / tfjs list form. */
export function isLegacyInbound(value: unknown): boolean {
  return Array.isArray(value) && (value as unknown[]).some((node) => Array.isArray(node));
}

/** A Keras 3 / Keras 2 serialized object's class name and config: `{"class_name": "L2", "config": {...}}`. */
export function readSerialized(value: unknown): { className: string; config: JsonRecord } | null {
  if (!isRecord(value)) return null;
  const className = own(value, 'class_name');
  const config = own(value, 'config') ?? {};
  if (typeof className !== 'string' || !isRecord(config)) return null;
  return { className, config };
}

/**
 * A short, bounded description of a JSON value for messages: never throws, whatever the nesting.
 * Objects and lists are cut after a few entries and a few levels.
 */
export function describeValue(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'nothing';
  if (depth >= 2) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const items = (value as unknown[]).slice(0, 4).map((v) => describeValue(v, depth + 1));
    return `[${items.join(', ')}${value.length > 4 ? ', …' : ''}]`;
  }
  if (isRecord(value)) {
    const serialized = readSerialized(value);
    if (serialized !== null && hasOwn(value, 'class_name')) {
      const entries = Object.entries(serialized.config)
        .filter(([, v]) => v !== null)
        .slice(0, 4)
        .map(([k, v]) => `${k}=${describeValue(v, depth + 1)}`);
      // A class name or key is the file's text: shortened like any string, so a hostile file cannot flood a message.
      const className = serialized.className.length > 40 ? `${serialized.className.slice(0, 40)}…` : serialized.className;
      return `${className}(${entries.join(', ')})`;
    }
    const keys = Object.keys(value);
    const entries = keys.slice(0, 4).map((k) => `${describeValue(k)}: ${describeValue(own(value, k), depth + 1)}`);
    return `{${entries.join(', ')}${keys.length > 4 ? ', …' : ''}}`;
  }
  return typeof value;
}
