/**
 * Exports a LayerLab Graph as the Keras 3 model architecture JSON that `model.to_json()` writes, the inverse of
 * importConfig.ts, and the `compile_config` that a `.keras` file's config.json holds.
 *
 * The goal is byte-for-byte agreement after parsing: for the same model, Keras 3.15 (TensorFlow backend) writes
 * exactly this JSON, so `keras.models.model_from_json(text).to_json()` gives back what we wrote. That means every
 * argument Keras writes is present (at LayerLab's value or Keras's default), the layer order follows Keras's own
 * graph traversal, `build_config` and the recorded tensor shapes are what Keras records when it builds the layers,
 * and call arguments Keras fills in by itself (`training=False` for Dropout, `mask=None` for BatchNormalization and
 * Softmax) are written too. Either the whole model exports or nothing does, with one problem per offending layer.
 * Pure and browser-safe; never throws for a graph.
 */
import { ProblemsByLayer } from './problemsByLayer.ts';
import { chainOrder } from '../graph/chain.ts';
import { incomingEdges } from '../graph/topology.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import { NODE_ID_PATTERN } from '../graph/types.ts';
import type { ActivationName, InitializerName, LayerKind, LayerParamsByKind, LayerSpec, Regularizer, Shape } from '../layers/index.ts';
import { isLayerKind, LAYER_REGISTRY } from '../layers/index.ts';
import { inferShapes } from '../shapes/inferShapes.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';
import type { LossName, OptimizerName, TrainingSettings } from '../training/settings.ts';
import type {
  Keras3InboundNode,
  Keras3TensorArg,
  KerasBatchShape,
  KerasFunctionalConfig,
  KerasLayerJson,
  KerasLayerRef,
  KerasModelJson,
  KerasSequentialConfig,
  KerasSerializedObject,
} from './kerasFormat.ts';

export interface KerasExportProblem {
  /** The node (Keras layer name) at fault, or null for a problem with the whole graph. */
  layer: string | null;
  message: string;
}

export type KerasExportResult =
  /** `text` is kerasJsonText(model): JSON.parse(text) equals model; Keras's float arguments keep their ".0". */
  | { ok: true; model: KerasModelJson; text: string }
  | { ok: false; problems: KerasExportProblem[] };

export interface KerasExportOptions {
  /** The model's name, usually the project name; sanitized (see kerasModelName). Default "layerlab_model". */
  name?: string;
  /**
   * When given, the model is written as compiled with these settings: `compile_config` is
   * exportKerasCompileConfig(training), as in a compiled model's to_json() or a .keras file's config.json.
   * Otherwise `compile_config` is `{}`, what Keras writes for a model that was never compiled.
   */
  training?: TrainingSettings;
  /**
   * Write a Functional model even when the graph is one chain, as Keras writes `keras.Model(inputs, outputs)` built on
   * a chain. Default false: a chain is written as the Sequential model it is.
   */
  functional?: boolean;
}

/** The model name used when the project has none, or none that survives sanitizing. */
export const DEFAULT_KERAS_MODEL_NAME = 'layerlab_model';

/** The Keras version whose output this module reproduces. */
export const KERAS_EXPORT_VERSION = '3.15.1';

// ---- names -------------------------------------------------------------------------------------------------

/**
 * A Keras model name from a project name: runs of characters other than letters, digits, '_', '.' and '-' become
 * one '_' (accents are dropped first, so "Über net!" gives "Uber_net"), at most 64 characters; "layerlab_model"
 * when nothing is left.
 */
export function kerasModelName(projectName: string | undefined): string {
  if (projectName === undefined) return DEFAULT_KERAS_MODEL_NAME;
  const parts = projectName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9_.-]+/)
    .filter((part) => part.length > 0);
  const name = parts.join('_').slice(0, 64);
  return name.length > 0 ? name : DEFAULT_KERAS_MODEL_NAME;
}

// ---- JSON text -------------------------------------------------------------------------------------------

/**
 * Arguments that are Python floats in every Keras config LayerLab writes (layers, initializers, regularizers,
 * optimizers). Keras writes them with a decimal point (0.0, 6.0), and some are checked with isinstance(x, float) when
 * a model loads: `SGD(momentum=0)` and `learning_rate=1` are refused as ints. JSON.stringify writes 0 and 1, which
 * Python reads as ints; kerasJsonText writes 0.0 and 1.0. Integer arguments (units, axis, shapes, node indices,
 * steps_per_execution) never use these keys.
 */
export const KERAS_FLOAT_KEYS: ReadonlySet<string> = new Set([
  'alpha',
  'beta_1',
  'beta_2',
  'clipnorm',
  'clipvalue',
  'ema_momentum',
  'epsilon',
  'global_clipnorm',
  'initial_accumulator_value',
  'l1',
  'l2',
  'learning_rate',
  'loss_scale_factor',
  'max_value',
  'maxval',
  'mean',
  'minval',
  'momentum',
  'negative_slope',
  'rate',
  'renorm_momentum',
  'rho',
  'scale',
  'stddev',
  'threshold',
  'weight_decay',
]);

function numberText(value: number, isFloat: boolean): string {
  if (!Number.isFinite(value)) return 'null';
  const text = JSON.stringify(value);
  return isFloat && /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/**
 * Keras JSON as text, as JSON.stringify(value, null, indent) writes it except that whole numbers under
 * KERAS_FLOAT_KEYS are written as floats (`"momentum": 0.0`), so that Python reads them as the floats Keras wrote.
 * Use it (not JSON.stringify) for anything Keras will load: a model, a compile_config, a .keras config.json.
 */
export function kerasJsonText(value: unknown, indent = 0): string {
  const pad = ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent))));
  const write = (item: unknown, key: string | null, depth: string): string => {
    if (item === null || item === undefined) return 'null';
    if (typeof item === 'number') return numberText(item, key !== null && KERAS_FLOAT_KEYS.has(key));
    if (typeof item === 'string' || typeof item === 'boolean') return JSON.stringify(item);
    const inner = pad === '' ? '' : `${depth}${pad}`;
    const open = pad === '' ? '' : `\n${inner}`;
    const close = pad === '' ? '' : `\n${depth}`;
    const separator = pad === '' ? ',' : `,\n${inner}`;
    if (Array.isArray(item)) {
      if (item.length === 0) return '[]';
      // Items of a list of floats (none in Keras configs today) keep their key's type.
      return `[${open}${(item as unknown[]).map((v) => write(v, key, `${depth}${pad}`)).join(separator)}${close}]`;
    }
    if (typeof item === 'object') {
      const entries = Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
      if (entries.length === 0) return '{}';
      const colon = pad === '' ? ':' : ': ';
      const body = entries.map(([k, v]) => `${JSON.stringify(k)}${colon}${write(v, k, `${depth}${pad}`)}`).join(separator);
      return `{${open}${body}${close}}`;
    }
    return 'null';
  };
  return write(value, null, '');
}

// ---- serialized objects Keras writes -----------------------------------------------------------------------

/** Every layer's `dtype` (InputLayer's is the plain string "float32"). */
function dtypePolicy(): KerasSerializedObject<{ name: string }> {
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

function kerasActivation(activation: ActivationName): string {
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

function initializer(name: InitializerName): KerasSerializedObject {
  const spec = INITIALIZER_JSON[name];
  return { module: 'keras.initializers', class_name: spec.className, config: spec.config(), registered_name: null };
}

/**
 * LayerLab's {l1, l2} as the regularizer a Keras user writes: L1(l1) or L2(l2) when only one penalty is set,
 * L1L2(l1, l2) otherwise. Keras's L1 keeps its factor as a float32 tensor, so its config holds the float32 value
 * (L1(0.03) is written 0.029999999329447746); L2 and L1L2 keep Python floats.
 */
function regularizer(value: Regularizer | null): KerasSerializedObject | null {
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

// ---- one layer ---------------------------------------------------------------------------------------------

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

function writerFor(node: GraphNode): KindWriter<LayerKind> {
  // The registry-style map is keyed by kind, so the writer always matches node.params.
  return KIND_WRITERS[node.kind] as unknown as KindWriter<LayerKind>;
}

const batchShape = (shape: Shape): KerasBatchShape => [null, ...shape];

/** The layer object without its functional-only `name` and `inbound_nodes`. */
function layerJson(node: GraphNode, inputShapes: readonly Shape[]): KerasLayerJson {
  const writer = writerFor(node);
  const layer: KerasLayerJson = {
    module: 'keras.layers',
    class_name: writer.className,
    config: writer.config(node.id, node.params),
    registered_name: null,
  };
  if (writer.buildConfig) {
    // One input: its batch shape. Merge layers (built on a list): the list of batch shapes.
    const first = inputShapes[0];
    layer.build_config = {
      input_shape: LAYER_REGISTRY[node.kind].inputs.max > 1 || first === undefined ? inputShapes.map(batchShape) : batchShape(first),
    };
  }
  return layer;
}

// ---- checks ------------------------------------------------------------------------------------------------

/** The registry's reason a node cannot be exported to Keras, or null (also for malformed params, which core reports). */
function notInKeras(node: GraphNode): string | null {
  try {
    return (LAYER_REGISTRY[node.kind] as unknown as LayerSpec<GraphNode['params']>).notInKeras(node.params);
  } catch {
    return null;
  }
}

/** Problems that stop the export: core's errors and layers Keras has no equivalent for, one per offending node. */
function exportProblems(graph: Graph, inference: GraphInference): KerasExportProblem[] {
  const problems = new ProblemsByLayer();
  const add = (layer: string | null, message: string): void => problems.add(layer, message);
  problems.addGraphErrors(graph, inference);
  for (const node of graph.nodes) {
    if (!isLayerKind(node.kind)) continue;
    if (!NODE_ID_PATTERN.test(node.id)) {
      add(
        node.id,
        `${JSON.stringify(node.id)} cannot be a Keras layer name: layer names use only letters, digits, '_', '.' and '-', start with a letter or '_', and have at most 64 characters.`,
      );
    }
    const reason = notInKeras(node);
    if (reason !== null) add(node.id, `${node.id} cannot be exported to Keras: ${reason}`);
  }
  if (problems.size === 0 && inference.outputs.length === 0) {
    add(null, 'The network has no layer after its Input, so there is no model to export. Add a layer and connect the Input to it.');
  }
  return problems.list();
}

// ---- models ------------------------------------------------------------------------------------------------

interface Built {
  node: GraphNode;
  /** Input shapes in input order (inputIndex). */
  inputShapes: Shape[];
  /** Source node ids in input order. */
  sources: string[];
  shape: Shape;
}

function sequentialModel(order: readonly string[], built: ReadonlyMap<string, Built>, name: string): KerasModelJson {
  const layers: KerasLayerJson[] = [];
  let inputShape: KerasBatchShape = [null];
  for (const id of order) {
    const layer = built.get(id);
    if (layer === undefined) continue;
    if (layer.node.kind === 'Input') inputShape = batchShape(layer.shape);
    layers.push(layerJson(layer.node, layer.inputShapes));
  }
  const config: KerasSequentialConfig & { trainable: boolean; dtype: KerasSerializedObject } = {
    name,
    trainable: true,
    dtype: dtypePolicy(),
    layers,
    build_input_shape: inputShape,
  };
  return { module: 'keras', class_name: 'Sequential', config, registered_name: null, build_config: { input_shape: [...inputShape] } };
}

/**
 * The order of Keras's Functional.layers (keras/src/ops/function.py map_graph): a depth-first walk from each output,
 * in output order, through each layer's inputs in call order, numbers the layers as it first meets them; a layer's
 * depth is its longest distance to an output; layers are listed by decreasing depth, then by that number. Model
 * inputs the outputs do not use come at depth 0, before the layers of depth 0.
 */
function functionalOrder(inputs: readonly string[], outputs: readonly string[], built: ReadonlyMap<string, Built>): string[] {
  const traversal = new Map<string, number>();
  const finished = new Set<string>();
  const postOrder: string[] = [];
  for (const output of outputs) {
    const stack: { id: string; next: number }[] = [{ id: output, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) break;
      if (frame.next === 0 && !traversal.has(frame.id)) traversal.set(frame.id, traversal.size);
      const sources = built.get(frame.id)?.sources ?? [];
      const source = sources[frame.next];
      if (source !== undefined) {
        frame.next += 1;
        if (!finished.has(source)) stack.push({ id: source, next: 0 });
        continue;
      }
      stack.pop();
      if (!finished.has(frame.id)) {
        finished.add(frame.id);
        postOrder.push(frame.id);
      }
    }
  }
  const depth = new Map<string, number>();
  for (let i = postOrder.length - 1; i >= 0; i -= 1) {
    const id = postOrder[i] ?? '';
    const own = depth.get(id) ?? 0;
    depth.set(id, own);
    for (const source of built.get(id)?.sources ?? []) depth.set(source, Math.max(own + 1, depth.get(source) ?? 0));
  }
  for (const input of inputs) {
    if (!depth.has(input)) {
      depth.set(input, 0);
      traversal.set(input, -1);
    }
  }
  return [...depth.keys()].sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0) || (traversal.get(a) ?? 0) - (traversal.get(b) ?? 0));
}

function tensorArg(source: string, shape: Shape): Keras3TensorArg {
  return { class_name: '__keras_tensor__', config: { shape: batchShape(shape), dtype: 'float32', keras_history: [source, 0, 0] } };
}

function functionalModel(inputs: readonly string[], outputs: readonly string[], built: ReadonlyMap<string, Built>, name: string): KerasModelJson {
  const layers: KerasLayerJson[] = [];
  for (const id of functionalOrder(inputs, outputs, built)) {
    const layer = built.get(id);
    if (layer === undefined) continue;
    const json = layerJson(layer.node, layer.inputShapes);
    json.name = id;
    if (layer.node.kind === 'Input') {
      json.inbound_nodes = [];
    } else {
      const args = layer.sources.map((source, i) => tensorArg(source, layer.inputShapes[i] ?? []));
      const call: Keras3InboundNode = {
        args: LAYER_REGISTRY[layer.node.kind].inputs.max > 1 ? [args] : args,
        kwargs: writerFor(layer.node).callKwargs(),
      };
      json.inbound_nodes = [call];
    }
    layers.push(json);
  }
  // Keras writes a single model input or output as a bare reference, several as a list.
  const refs = (ids: readonly string[]): KerasLayerRef | KerasLayerRef[] => {
    const list = ids.map((id): KerasLayerRef => [id, 0, 0]);
    const only = list[0];
    return list.length === 1 && only !== undefined ? only : list;
  };
  const config: KerasFunctionalConfig & { trainable: boolean } = {
    name,
    trainable: true,
    layers,
    input_layers: refs(inputs),
    output_layers: refs(outputs),
  };
  return {
    module: 'keras.src.models.functional',
    class_name: 'Functional',
    config,
    registered_name: 'Functional',
    build_config: { input_shape: null },
  };
}

/**
 * The Keras 3 `model.to_json()` of the network: a Sequential model when the graph is one chain from its Input
 * (chainOrder) and `options.functional` is not set, otherwise a Functional model whose inputs are the Input nodes in graph order and whose outputs are
 * core's outputs (the layers whose output goes nowhere), merge inputs in inputIndex order. Layer names are node ids.
 * Refused, with every problem and nothing written, when the graph has errors or a layer Keras cannot express.
 */
export function exportKerasModel(graph: Graph, options: KerasExportOptions = {}): KerasExportResult {
  try {
    return exportModel(graph, options);
  } catch (error) {
    // Not reachable for a graph core accepts; a safety net so that a malformed graph is a problem, not a crash.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ layer: null, message: `The network could not be exported to Keras (${detail}).` }] };
  }
}

function exportModel(graph: Graph, options: KerasExportOptions): KerasExportResult {
  const inference = inferShapes(graph);
  const problems = exportProblems(graph, inference);
  if (problems.length > 0) return { ok: false, problems };

  const incoming = incomingEdges(graph);
  const built = new Map<string, Built>();
  for (const node of graph.nodes) {
    const info = inference.nodes.get(node.id);
    if (info?.status !== 'ok') {
      return { ok: false, problems: [{ layer: node.id, message: `${node.id}: its output shape is unknown, so it cannot be exported.` }] };
    }
    const sources = (incoming.get(node.id) ?? []).map((e) => e.source);
    built.set(node.id, { node, inputShapes: info.inputShapes, sources, shape: info.shape });
  }

  const name = kerasModelName(options.name);
  const chain = options.functional === true ? null : chainOrder(graph);
  const model = chain !== null ? sequentialModel(chain, built, name) : functionalModel(inference.inputs, inference.outputs, built, name);
  model.compile_config = options.training === undefined ? {} : exportKerasCompileConfig(options.training);
  return { ok: true, model, text: kerasJsonText(model) };
}

// ---- compile_config ----------------------------------------------------------------------------------------

/** What `model.get_compile_config()` returns in Keras 3.15 (TensorFlow backend). */
export interface KerasCompileConfig {
  optimizer: KerasSerializedObject;
  loss: LossName;
  loss_weights: null;
  metrics: string[];
  weighted_metrics: null;
  run_eagerly: boolean;
  steps_per_execution: number;
  jit_compile: boolean;
}

/** Each optimizer's class, its default `name` (Keras snake-cases the class name: RMSprop -> rm_sprop) and its own defaults. */
const OPTIMIZER_JSON: { readonly [O in OptimizerName]: { className: string; name: string; extra: () => Record<string, unknown> } } = {
  sgd: { className: 'SGD', name: 'sgd', extra: () => ({ momentum: 0, nesterov: false }) },
  adam: { className: 'Adam', name: 'adam', extra: () => ({ beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false }) },
  rmsprop: { className: 'RMSprop', name: 'rm_sprop', extra: () => ({ rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false }) },
  adagrad: { className: 'Adagrad', name: 'adagrad', extra: () => ({ initial_accumulator_value: 0.1, epsilon: 1e-7 }) },
};

/**
 * The `compile_config` Keras 3.15 writes (in a compiled model's to_json() and in a .keras file's config.json) for
 * `model.compile(optimizer=<Optimizer>(learning_rate=...), loss=<loss>, metrics=['accuracy'])`. The learning rate is
 * the float32 value Keras keeps in its variable (0.01 is written 0.009999999776482582). Keras's loader compiles a
 * model from it with `model.compile_from_config(compile_config)`.
 */
export function exportKerasCompileConfig(training: TrainingSettings): KerasCompileConfig {
  const optimizer = OPTIMIZER_JSON[training.optimizer];
  return {
    optimizer: {
      module: 'keras.optimizers',
      class_name: optimizer.className,
      config: {
        name: optimizer.name,
        learning_rate: Math.fround(training.learningRate),
        weight_decay: null,
        clipnorm: null,
        global_clipnorm: null,
        clipvalue: null,
        use_ema: false,
        ema_momentum: 0.99,
        ema_overwrite_frequency: null,
        loss_scale_factor: null,
        gradient_accumulation_steps: null,
        ...optimizer.extra(),
      },
      registered_name: null,
    },
    loss: training.loss,
    loss_weights: null,
    metrics: ['accuracy'],
    weighted_metrics: null,
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: false,
  };
}
