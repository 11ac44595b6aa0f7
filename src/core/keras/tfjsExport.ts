/**
 * Exports a LayerLab graph and its weights in the TensorFlow.js Layers format: `model.json` plus one `weights.bin`,
 * what `tf.loadLayersModel` reads and what tfjs's own `model.save()` writes.
 *
 * The topology is the Keras-2-style JSON tfjs-layers 4.22 writes (`class_name: "Model"`, `batch_input_shape`,
 * `inbound_nodes` as `[[name, 0, 0, {}], ...]`, snake_case config keys, tfjs's class and initializer names), so the
 * file loads in STOCK TensorFlow.js: no LayerLab class is needed. Where the engine stands in a custom layer or
 * activation for something tfjs lacks or computes differently from Keras 3, the export either writes a stock layer
 * that computes exactly the same function, or refuses the node:
 *
 * | LayerLab                                        | written as (exactly the same function)               |
 * |-------------------------------------------------|------------------------------------------------------|
 * | activation `silu`                               | tfjs activation `swish`                               |
 * | Activation layer `leaky_relu`                   | LeakyReLU layer, alpha 0.2 (Keras's default slope)    |
 * | ReLU with negative_slope (no threshold/max)     | LeakyReLU layer, alpha = negative_slope               |
 * | ReLU with max_value                             | tfjs ReLU with max_value                              |
 * | ELU with alpha 0                                | ReLU layer                                            |
 * | Flatten of a 1-D input (identity)               | Reshape to the same shape                             |
 * | Reshape with a -1                               | Reshape to the resolved shape (tfjs loses the -1)     |
 * | Concatenate along a negative axis but the last  | the same axis counted from the front (tfjs joins      |
 * |                                                 | along the last axis for every negative axis)          |
 * | BatchNormalization with center or scale off     | center and scale on, beta 0 / gamma 1 (tfjs cannot    |
 * |                                                 | train a BatchNormalization without them)              |
 *
 * Refused, one problem per node: activations `exponential`, `step` and `hard_sigmoid` (tfjs's is Keras 2's
 * formula), `leaky_relu` as a Dense activation, ReLU with a threshold or with both negative_slope and max_value,
 * ELU with alpha other than 0 or 1, Softmax along an axis but the last, BatchNormalization along an axis but the
 * last or on inputs of more than 3 dimensions besides the batch.
 *
 * Layer names are node ids, except that an id starting with "_" gets a leading "0" (tfjs names must start with a
 * letter or digit), as in the engine; tfjsImport.ts undoes it. Weights are float32 little-endian in manifest order,
 * named "<layer>/<weight>" with Keras's weight names. Pure TypeScript (no tfjs import), so the browser can call it.
 */
import { expectedWeights } from '../shapes/expectedWeights.ts';
import type { ExpectedWeight } from '../shapes/expectedWeights.ts';
import { capitalized, sentence } from '../problems/sentence.ts';
import { ProblemsByLayer } from './problemsByLayer.ts';
import { TFJS_ACTIVATIONS } from './activationFormats.ts';
import { tfjsInitializerConfig } from './initializerFormats.ts';
import { tfjsLayerName } from './import/layerNames.ts';
import { incomingEdges } from '../graph/topology.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import type { ActivationName, InitializerName, Regularizer, Shape } from '../layers/index.ts';
import { elementCount, formatShape, formatShapeNoBatch, isLayerKind, resolveAxis, shapesEqual } from '../layers/index.ts';
import type { ProjectWeights, WeightTensor } from '../project/types.ts';
import { inferShapes } from '../shapes/inferShapes.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';
import type { ResolvedEnds } from '../graph/modelEnds.ts';
import { describeEndsForm, modelEnds } from '../graph/modelEnds.ts';

export interface TfjsExportProblem {
  /** The node at fault, or null for a problem with the whole network. */
  layer: string | null;
  /** One or more plain sentences; never starts with "<node id>: " (renderers show `layer` beside it). */
  message: string;
}

/** One serialized tfjs object: a layer config's initializer, regularizer, ... */
export interface TfjsSerialized {
  class_name: string;
  config: Record<string, unknown>;
}

/** `[layer name, node index, tensor index, call kwargs]`. */
export type TfjsInboundEntry = [string, number, number, Record<string, unknown>];

export interface TfjsLayerJson {
  name: string;
  class_name: string;
  config: Record<string, unknown>;
  inbound_nodes: TfjsInboundEntry[][];
}

export interface TfjsModelTopology {
  class_name: 'Model';
  config: {
    name: string;
    layers: TfjsLayerJson[];
    input_layers: [string, number, number][];
    output_layers: [string, number, number][];
  };
  keras_version: string;
  backend: string;
}

export interface TfjsWeightEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
}

export interface TfjsWeightsGroup {
  paths: string[];
  weights: TfjsWeightEntry[];
}

/** The `model.json` of a TensorFlow.js layers model. */
export interface TfjsModelJsonFile {
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
  modelTopology: TfjsModelTopology;
  weightsManifest: TfjsWeightsGroup[];
}

export type TfjsExportResult =
  /** `warnings`: what the TF.js format could not keep of the model (a dict or a list of one as its inputs or outputs). */
  | { ok: true; modelJson: TfjsModelJsonFile; weightsBin: Uint8Array; warnings: string[] }
  | { ok: false; problems: TfjsExportProblem[] };

export interface TfjsExportOptions {
  /** The model's name (usually the project name). Default "layerlab". */
  name?: string;
  /** The weights file the manifest names, to be saved beside the model's JSON. Default {@link TFJS_WEIGHTS_FILE}. */
  weightsFileName?: string;
}

/** The tfjs-layers version whose format this module writes (and the version LayerLab's tests load it with). */
export const TFJS_LAYERS_VERSION = '4.22.0';
/** The one weights file the manifest names. */
export const TFJS_WEIGHTS_FILE = 'weights.bin';
export const DEFAULT_TFJS_MODEL_NAME = 'layerlab';

// ---- names -------------------------------------------------------------------------------------------------

/** The tfjs layer name of a node: its id, with a leading "0" when the id starts with "_" (as the engine does). */
export { tfjsLayerName };

// ---- weights a graph has -----------------------------------------------------------------------------------

// ---- activations and initializers --------------------------------------------------------------------------

/** tfjs's serialization of an initializer (what `model.toJSON()` writes; see initializerFormats.ts). */
function tfjsInitializer(name: InitializerName): TfjsSerialized {
  const { className, config } = tfjsInitializerConfig(name);
  return { class_name: className, config };
}

function regularizer(value: Regularizer | null): TfjsSerialized | null {
  return value === null ? null : { class_name: 'L1L2', config: { l1: value.l1, l2: value.l2 } };
}

// ---- one layer ---------------------------------------------------------------------------------------------

/** How one node is written: a stock tfjs class and config, and how its weights are written. */
interface LayerPlan {
  className: string;
  config: Record<string, unknown>;
  /** The weights as tfjs's layer holds them, from the node's own (already checked against expectedWeights). */
  weights?: (own: readonly WeightTensor[]) => WeightTensor[];
}

type PlanResult = LayerPlan | { refuse: string[] };

function activationName(activation: ActivationName, refusals: string[]): string {
  const mapped = TFJS_ACTIVATIONS[activation];
  if ('refuse' in mapped) {
    refusals.push(mapped.refuse);
    return 'linear';
  }
  return mapped.name;
}

const num = (value: number): string => String(value);

function planLayer(node: GraphNode, inputShapes: readonly Shape[], outputShape: Shape): PlanResult {
  const input = inputShapes[0] ?? [];
  const refusals: string[] = [];
  const result = (plan: LayerPlan): PlanResult => (refusals.length > 0 ? { refuse: refusals } : plan);
  switch (node.kind) {
    case 'Input':
      return { className: 'InputLayer', config: { batch_input_shape: [null, ...node.params.shape], dtype: 'float32', sparse: false } };
    case 'Dense': {
      const p = node.params;
      const activation = activationName(p.activation, refusals);
      return result({
        className: 'Dense',
        config: {
          units: p.units,
          activation,
          use_bias: p.use_bias,
          kernel_initializer: tfjsInitializer(p.kernel_initializer),
          bias_initializer: tfjsInitializer(p.bias_initializer),
          kernel_regularizer: regularizer(p.kernel_regularizer),
          bias_regularizer: null,
          activity_regularizer: null,
          kernel_constraint: null,
          bias_constraint: null,
        },
      });
    }
    case 'Activation': {
      if (node.params.activation === 'leaky_relu') return { className: 'LeakyReLU', config: { alpha: 0.2 } };
      const activation = activationName(node.params.activation, refusals);
      return result({ className: 'Activation', config: { activation } });
    }
    case 'Dropout':
      return { className: 'Dropout', config: { rate: node.params.rate, noise_shape: null, seed: null } };
    case 'BatchNormalization': {
      const p = node.params;
      const last = resolveAxis(p.axis, input.length) === input.length - 1;
      if (!last) {
        refusals.push(
          `TensorFlow.js's BatchNormalization computes wrong values along an axis other than the last, and this one normalises axis ${p.axis} of an input of shape ${formatShape(input)}`,
        );
      }
      if (input.length > 3) {
        refusals.push(
          `TensorFlow.js's BatchNormalization works on inputs of at most 3 dimensions besides the batch, and this one gets ${formatShape(input)}`,
        );
      }
      return result({
        className: 'BatchNormalization',
        config: {
          axis: p.axis,
          momentum: p.momentum,
          epsilon: p.epsilon,
          // tfjs cannot train a BatchNormalization without gamma and beta; gamma 1 and beta 0 compute the same.
          center: true,
          scale: true,
          beta_initializer: tfjsInitializer('zeros'),
          gamma_initializer: tfjsInitializer('ones'),
          moving_mean_initializer: tfjsInitializer('zeros'),
          moving_variance_initializer: tfjsInitializer('ones'),
          beta_regularizer: null,
          gamma_regularizer: null,
          beta_constraint: null,
          gamma_constraint: null,
        },
        weights: (own) => {
          const byName = new Map(own.map((w) => [w.name, w]));
          const channels = byName.get('moving_mean')?.shape ?? [0];
          const filled = (name: string, value: number): WeightTensor =>
            byName.get(name) ?? { name, shape: [...channels], values: new Array<number>(elementCount(channels)).fill(value) };
          return [filled('gamma', 1), filled('beta', 0), filled('moving_mean', 0), filled('moving_variance', 1)];
        },
      });
    }
    case 'Flatten':
      // tfjs's Flatten refuses a 1-D input, which Keras passes through unchanged: a Reshape to the same shape.
      return input.length <= 1 ? { className: 'Reshape', config: { target_shape: [...outputShape] } } : { className: 'Flatten', config: {} };
    case 'Reshape':
      // The resolved shape: tfjs's Reshape loses the size of a -1 dimension in its symbolic output shape.
      return { className: 'Reshape', config: { target_shape: [...outputShape] } };
    case 'Concatenate': {
      const axis = node.params.axis;
      // At run time tfjs joins along the LAST axis for every negative axis; count other axes from the front.
      const written = axis >= 0 || axis === -1 ? axis : (resolveAxis(axis, input.length) ?? 0) + 1;
      return { className: 'Concatenate', config: { axis: written } };
    }
    case 'Add':
      return { className: 'Add', config: {} };
    case 'Multiply':
      return { className: 'Multiply', config: {} };
    case 'Softmax': {
      const axis = node.params.axis;
      if (resolveAxis(axis, input.length) !== input.length - 1) {
        refusals.push(
          `TensorFlow.js's Softmax works only along the last axis, and this one works along axis ${axis} of an input of shape ${formatShape(input)}`,
        );
      }
      return result({ className: 'Softmax', config: { axis } });
    }
    case 'ReLU': {
      const { max_value: maxValue, negative_slope: slope, threshold } = node.params;
      if (threshold !== 0) {
        refusals.push(`TensorFlow.js's ReLU layer has no threshold, and this one has threshold ${num(threshold)}`);
      } else if (slope !== 0 && maxValue !== null) {
        refusals.push(
          `TensorFlow.js's ReLU layer has no negative slope and its LeakyReLU layer no max value, and this ReLU has both (negative slope ${num(slope)}, max value ${num(maxValue)})`,
        );
      }
      if (slope !== 0) return result({ className: 'LeakyReLU', config: { alpha: slope } });
      return result({ className: 'ReLU', config: { max_value: maxValue } });
    }
    case 'LeakyReLU':
      return { className: 'LeakyReLU', config: { alpha: node.params.negative_slope } };
    case 'ELU': {
      const alpha = node.params.alpha;
      if (alpha === 1) return { className: 'ELU', config: { alpha } };
      // alpha 0: x if x > 0 else 0, which is ReLU.
      if (alpha === 0) return { className: 'ReLU', config: { max_value: null } };
      return { refuse: [`TensorFlow.js's ELU layer only supports alpha 1, and this one has alpha ${num(alpha)}`] };
    }
    case 'PReLU':
      return {
        className: 'PReLU',
        config: {
          alpha_initializer: tfjsInitializer('zeros'),
          alpha_regularizer: null,
          alpha_constraint: null,
          shared_axes: node.params.shared_axes === null ? null : [...node.params.shared_axes],
        },
      };
  }
}

// ---- the model ---------------------------------------------------------------------------------------------

/**
 * Node ids in an order where every node comes after its inputs, keeping graph order wherever it allows (so a graph
 * already in data-flow order keeps its order, and an import gives back the same node order). Nodes on a cycle are
 * left out (core reports the cycle first).
 */
function stableTopologicalOrder(graph: Graph): string[] {
  const incoming = incomingEdges(graph);
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const consumers = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  const waiting = new Map<string, number>();
  for (const node of graph.nodes) {
    const sources = incoming.get(node.id) ?? [];
    waiting.set(node.id, sources.length);
    for (const edge of sources) consumers.get(edge.source)?.push(node.id);
  }
  // A binary heap of ready nodes by graph index.
  const heap: number[] = [];
  const push = (i: number): void => {
    heap.push(i);
    let k = heap.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if ((heap[parent] ?? 0) <= (heap[k] ?? 0)) break;
      [heap[parent], heap[k]] = [heap[k] ?? 0, heap[parent] ?? 0];
      k = parent;
    }
  };
  const pop = (): number | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heap.length && (heap[l] ?? 0) < (heap[m] ?? 0)) m = l;
        if (r < heap.length && (heap[r] ?? 0) < (heap[m] ?? 0)) m = r;
        if (m === k) break;
        [heap[m], heap[k]] = [heap[k] ?? 0, heap[m] ?? 0];
        k = m;
      }
    }
    return top;
  };
  graph.nodes.forEach((node, i) => {
    if (waiting.get(node.id) === 0) push(i);
  });
  const order: string[] = [];
  for (let i = pop(); i !== undefined; i = pop()) {
    const id = graph.nodes[i]?.id ?? '';
    order.push(id);
    for (const next of consumers.get(id) ?? []) {
      const left = (waiting.get(next) ?? 0) - 1;
      waiting.set(next, left);
      if (left === 0) push(index.get(next) ?? 0);
    }
  }
  return order;
}

/** Problems with a node's given weights against the weights it has; empty when they fit exactly. */
function weightProblems(id: string, expected: readonly ExpectedWeight[], given: readonly WeightTensor[]): string[] {
  const problems: string[] = [];
  const names = expected.map((w) => w.name);
  const seen = new Set<string>();
  for (const weight of given) {
    if (seen.has(weight.name)) problems.push(`${id} was given ${weight.name} weights twice`);
    seen.add(weight.name);
    if (names.includes(weight.name)) continue;
    problems.push(
      names.length === 0
        ? `${id} has no weights, but ${weight.name} weights were given`
        : `${id} has no ${weight.name} weights (it has ${names.join(', ')}), but they were given`,
    );
  }
  for (const want of expected) {
    const have = given.find((w) => w.name === want.name);
    if (have === undefined) {
      problems.push(`No ${want.name} weights were given for ${id} (it needs shape ${formatShapeNoBatch(want.shape)})`);
    } else if (!shapesEqual(have.shape, want.shape)) {
      problems.push(`${id}'s ${want.name} weights have shape ${formatShapeNoBatch(have.shape)}, but this network needs ${formatShapeNoBatch(want.shape)}`);
    } else if (have.values.length !== elementCount(want.shape)) {
      problems.push(`${id}'s ${want.name} weights of shape ${formatShapeNoBatch(want.shape)} need ${elementCount(want.shape)} numbers, but ${have.values.length} were given`);
    } else if (have.values.some((v) => typeof v !== 'number')) {
      problems.push(`${id}'s ${want.name} weights hold something other than numbers`);
    }
  }
  return problems;
}

function givenWeights(weights: ProjectWeights, id: string): readonly WeightTensor[] {
  const layers = weights.layers;
  return Object.prototype.hasOwnProperty.call(layers, id) ? (layers[id] ?? []) : [];
}

/** Float32 little-endian bytes of `tensors`' values, one after the other. */
function float32Bytes(tensors: readonly WeightTensor[]): Uint8Array {
  const count = tensors.reduce((sum, t) => sum + t.values.length, 0);
  const bytes = new Uint8Array(count * 4);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const tensor of tensors) {
    for (const value of tensor.values) {
      view.setFloat32(offset, value, true);
      offset += 4;
    }
  }
  return bytes;
}

/**
 * The TensorFlow.js layers-model files for `graph` with `weights` (by node id, Keras names and order, as
 * getLayerWeights / the project file hold them), or every reason it cannot be written, one problem per node.
 * Weights of nodes that are not in the graph are ignored. Never throws for a graph.
 */
export function exportTfjsModel(graph: Graph, weights: ProjectWeights, options: TfjsExportOptions = {}): TfjsExportResult {
  let inference: GraphInference;
  try {
    inference = inferShapes(graph);
  } catch (error) {
    return { ok: false, problems: [{ layer: null, message: `LayerLab could not check this network: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const problems = new ProblemsByLayer();
  problems.addGraphErrors(graph, inference);
  if (problems.size > 0) return { ok: false, problems: problems.list() };

  const expected = expectedWeights(graph, inference);
  const incoming = incomingEdges(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const layers: TfjsLayerJson[] = [];
  const manifest: TfjsWeightEntry[] = [];
  const tensors: WeightTensor[] = [];
  for (const id of stableTopologicalOrder(graph)) {
    const node = byId.get(id);
    const info = inference.nodes.get(id);
    if (node === undefined || !isLayerKind(node.kind) || info?.status !== 'ok') continue;
    const plan = planLayer(node, info.inputShapes, info.shape);
    if ('refuse' in plan) {
      problems.add(id, plan.refuse.map((reason) => sentence(capitalized(reason))).join(' '));
      continue;
    }
    const name = tfjsLayerName(id);
    const wanted = expected.get(id) ?? [];
    const given = givenWeights(weights, id);
    const weightIssues = weightProblems(id, wanted, given);
    if (weightIssues.length > 0) {
      problems.add(id, weightIssues.map(sentence).join(' '));
      continue;
    }
    const own = wanted.map((w) => given.find((g) => g.name === w.name)).filter((w): w is WeightTensor => w !== undefined);
    for (const tensor of plan.weights === undefined ? own : plan.weights(own)) {
      manifest.push({ name: `${name}/${tensor.name}`, shape: [...tensor.shape], dtype: 'float32' });
      tensors.push(tensor);
    }
    const inbound: TfjsInboundEntry[] = (incoming.get(id) ?? []).map((edge) => [tfjsLayerName(edge.source), 0, 0, {}]);
    layers.push({
      name,
      class_name: plan.className,
      config: { ...plan.config, name, ...(node.kind === 'Input' ? {} : { trainable: true }) },
      inbound_nodes: node.kind === 'Input' ? [] : [inbound],
    });
  }
  if (problems.size > 0) return { ok: false, problems: problems.list() };

  const ref = (id: string): [string, number, number] => [tfjsLayerName(id), 0, 0];
  // In model order (modelEnds); the format's lists cannot say "dict" or "list of one", so those get a warning.
  const ends = modelEnds(graph);
  const modelJson: TfjsModelJsonFile = {
    format: 'layers-model',
    generatedBy: 'LayerLab',
    convertedBy: null,
    modelTopology: {
      class_name: 'Model',
      config: {
        name: options.name ?? DEFAULT_TFJS_MODEL_NAME,
        layers,
        input_layers: ends.inputs.ends.map((e) => ref(e.node)),
        output_layers: ends.outputs.ends.map((e) => ref(e.node)),
      },
      keras_version: `tfjs-layers ${TFJS_LAYERS_VERSION}`,
      backend: 'tensor_flow.js',
    },
    weightsManifest: [{ paths: [options.weightsFileName ?? TFJS_WEIGHTS_FILE], weights: manifest }],
  };
  const warnings = [structureWarning(ends.inputs, 'inputs'), structureWarning(ends.outputs, 'outputs')].filter((w): w is string => w !== null);
  return { ok: true, modelJson, weightsBin: float32Bytes(tensors), warnings };
}

/**
 * What the TF.js format (Keras 2's: model inputs and outputs are always a list) cannot keep of a model's inputs or
 * outputs, said plainly: a dict is written as a list in key order, a list of one as a single tensor.
 */
function structureWarning(ends: ResolvedEnds, what: 'inputs' | 'outputs'): string | null {
  if (ends.form === 'dict') {
    const written = ends.ends.map((e) => `${e.node} for "${e.key}"`).join(', ');
    return `The model's ${what} are ${describeEndsForm(ends)}, which the TensorFlow.js format cannot express: model.json lists them in that order instead (${written}), so in TensorFlow.js the model ${what === 'inputs' ? 'takes' : 'gives'} a list, not a dict.`;
  }
  if (ends.form === 'list' && ends.ends.length === 1) {
    const only = ends.ends[0]?.node ?? '';
    return `The model's ${what} are a list of one (${only}), which the TensorFlow.js format cannot tell from a single tensor: model.json lists ${only} alone, and TensorFlow.js (and a LayerLab import of the file) treat it as a single tensor.`;
  }
  return null;
}
