/**
 * Compiles a LayerLab graph into a tf.LayersModel (functional API), one tfjs layer per node, named by node id.
 *
 * - Core's inferShapes runs first; a graph with an error is refused with core's own message, before any tensor
 *   exists. compileGraph never throws.
 * - Layers are built in topological order; a merge takes its inputs in edge inputIndex order.
 * - Model inputs: the Input nodes in graph order. Outputs: core's `outputs` (nodes whose output goes nowhere).
 * - Kinds, parameters and activations map to tfjs with Keras 3's formulas. Where tfjs cannot express a parameter,
 *   a small registered layer or activation class stands in (see customLayers.ts and customActivations.ts).
 * - Starting weights are core's (core/weights/initialWeights.ts: graphInitialWeights for `seed`), loaded into every
 *   layer that has weights, so the engine, the canvas and the Python export start from the same numbers: the same
 *   graph and seed give bit-identical weights. Dropout masks are seeded the same way.
 * - A node id starting with "_" becomes the layer name "0_..." (see layerNames.ts); every other name is the id.
 * - Two tfjs 4.22 bugs are stepped around in the config: Reshape gets core's resolved target shape (no -1), and
 *   Concatenate a positive axis (see the comments at those cases).
 */
import * as tf from '@tensorflow/tfjs';
import './tfjsEnvironment.ts';
import { incomingEdges } from '../core/graph/topology.ts';
import type { Graph, GraphNode } from '../core/graph/types.ts';
import { INITIALIZER_FORMATS } from '../core/keras/initializerFormats.ts';
import type { InitializerName, Shape } from '../core/layers/index.ts';
import { resolveAxis } from '../core/layers/index.ts';
import { inferShapes } from '../core/shapes/inferShapes.ts';
import { tfjsActivation } from './customActivations.ts';
import {
  LayerLabBatchNormalization,
  LayerLabDropout,
  LayerLabELU,
  LayerLabFlatten,
  LayerLabReLU,
  LayerLabSoftmax,
} from './customLayers.ts';
import { graphInitialWeights, layerSeed } from '../core/weights/initialWeights.ts';
import { layerNameOf } from './layerNames.ts';
import { setLayerWeights } from './weights.ts';

export interface CompileOptions {
  /** Base seed of the starting weights and dropout masks (default 0). */
  seed?: number;
}

export type CompileResult =
  | { ok: true; model: tf.LayersModel; inputs: string[]; outputs: string[] }
  | { ok: false; message: string; nodeIds: string[] };

type DenseArgs = NonNullable<Parameters<typeof tf.layers.dense>[0]>;
type TfjsInitializer = NonNullable<DenseArgs['kernelInitializer']>;

/** tfjs's identifier of a Keras initializer (core's table). The values are overwritten by LayerLab's own (see initialWeights.ts). */
const tfjsInitializer = (name: InitializerName): TfjsInitializer => INITIALIZER_FORMATS[name].tfjsIdentifier as TfjsInitializer;

/**
 * tfjs's own BatchNormalization is used only where it is right: last axis (over any other axis its inference
 * output is wrong), rank <= 4 with the batch (its kernels stop there), center and scale on (it cannot train
 * without gamma or beta). LayerLabBatchNormalization covers the rest.
 */
const TFJS_BATCH_NORM_MAX_RANK = 4;

/** The tfjs layer for one non-Input node, given the shapes (without batch) of its inputs. */
function makeLayer(
  node: Exclude<GraphNode, { kind: 'Input' }>,
  inputShapes: readonly Shape[],
  outputShape: Shape,
  seed: number,
): tf.layers.Layer {
  const name = layerNameOf(node.id);
  const input = inputShapes[0] ?? [];
  switch (node.kind) {
    case 'Dense': {
      const p = node.params;
      const layer = tf.layers.dense({
        name,
        units: p.units,
        activation: tfjsActivation(p.activation),
        useBias: p.use_bias,
        kernelInitializer: tfjsInitializer(p.kernel_initializer),
        biasInitializer: tfjsInitializer(p.bias_initializer),
        kernelRegularizer: p.kernel_regularizer === null ? undefined : tf.regularizers.l1l2({ l1: p.kernel_regularizer.l1, l2: p.kernel_regularizer.l2 }),
      });
      // tfjs would draw its own random values only for them to be replaced: allocate zeros instead.
      layer.setFastWeightInitDuringBuild(true);
      return layer;
    }
    case 'Activation':
      return tf.layers.activation({ name, activation: tfjsActivation(node.params.activation) });
    case 'Dropout':
      return new LayerLabDropout({ name, rate: node.params.rate, seed: layerSeed(seed, node.id) });
    case 'BatchNormalization': {
      const { axis, momentum, epsilon, center, scale } = node.params;
      const args = { name, axis, momentum, epsilon, center, scale };
      const lastAxis = resolveAxis(axis, input.length) === input.length - 1;
      const tfjsCan = lastAxis && input.length + 1 <= TFJS_BATCH_NORM_MAX_RANK && center && scale;
      return tfjsCan ? tf.layers.batchNormalization(args) : new LayerLabBatchNormalization(args);
    }
    case 'Flatten':
      return input.length <= 1 ? new LayerLabFlatten({ name }) : tf.layers.flatten({ name });
    case 'Reshape':
      // Core's resolved shape, not target_shape: tfjs's Reshape loses the size of a -1 dimension in its symbolic
      // output shape (it sees the unknown batch size and gives up), which breaks the layers after it.
      return tf.layers.reshape({ name, targetShape: [...outputShape] });
    case 'Concatenate':
      // A positive axis: at run time tfjs concatenates along the LAST axis for every negative axis (-2 included).
      return tf.layers.concatenate({ name, axis: (resolveAxis(node.params.axis, input.length) ?? 0) + 1 });
    case 'Add':
      return tf.layers.add({ name });
    case 'Multiply':
      return tf.layers.multiply({ name });
    case 'Softmax': {
      const axis = node.params.axis;
      const last = resolveAxis(axis, input.length) === input.length - 1;
      return last ? tf.layers.softmax({ name, axis }) : new LayerLabSoftmax({ name, axis });
    }
    case 'ReLU': {
      const { max_value: maxValue, negative_slope: negativeSlope, threshold } = node.params;
      if (negativeSlope === 0 && threshold === 0) {
        return tf.layers.reLU(maxValue === null ? { name } : { name, maxValue });
      }
      return new LayerLabReLU({ name, maxValue, negativeSlope, threshold });
    }
    case 'LeakyReLU':
      return tf.layers.leakyReLU({ name, alpha: node.params.negative_slope });
    case 'ELU': {
      const alpha = node.params.alpha;
      return alpha === 1 ? tf.layers.elu({ name, alpha }) : new LayerLabELU({ name, alpha });
    }
    case 'PReLU': {
      const shared = node.params.shared_axes;
      return tf.layers.prelu(shared === null ? { name } : { name, sharedAxes: [...shared] });
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Compiles `graph` into a tf.LayersModel, or says in plain words why it cannot. Never throws. */
export function compileGraph(graph: Graph, options: CompileOptions = {}): CompileResult {
  const seed = options.seed ?? 0;
  let inference: ReturnType<typeof inferShapes>;
  try {
    inference = inferShapes(graph);
  } catch (error) {
    // Only parameters of the wrong type (e.g. a hand-edited file that skipped parseParams) get here.
    return { ok: false, message: `LayerLab could not check this network: ${errorMessage(error)}`, nodeIds: [] };
  }
  if (!inference.ok) {
    const first = inference.diagnostics.find((d) => d.severity === 'error');
    return { ok: false, message: first?.message ?? 'The network has a problem.', nodeIds: first?.nodeIds ?? [] };
  }
  if (inference.outputs.length === 0) {
    return {
      ok: false,
      message: 'The network has no layers after its Input, so there is nothing to compute.',
      nodeIds: [...inference.inputs],
    };
  }

  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = incomingEdges(graph);
  const tensors = new Map<string, tf.SymbolicTensor>();
  const built: tf.layers.Layer[] = [];
  let current = '';
  try {
    for (const id of inference.order) {
      current = id;
      const node = byId.get(id);
      const info = inference.nodes.get(id);
      if (node === undefined || info?.status !== 'ok') throw new Error(`core has no shape for ${id}`);
      if (node.kind === 'Input') {
        tensors.set(id, tf.input({ shape: [...node.params.shape], name: layerNameOf(id) }));
        continue;
      }
      const sources = (incoming.get(id) ?? []).map((edge) => {
        const source = tensors.get(edge.source);
        if (source === undefined) throw new Error(`${edge.source} was not built before ${id}`);
        return source;
      });
      const layer = makeLayer(node, info.inputShapes, info.shape, seed);
      built.push(layer);
      const [only] = sources;
      const output = layer.apply(sources.length === 1 && only !== undefined ? only : sources);
      if (Array.isArray(output) || !(output instanceof tf.SymbolicTensor)) throw new Error(`${id} did not give one symbolic output`);
      tensors.set(id, output);
    }
    current = '';
    // In model order (core's modelEnds, through inference), as Keras would call the model.
    const inputIds = [...inference.inputs];
    const pick = (id: string): tf.SymbolicTensor => {
      const tensor = tensors.get(id);
      if (tensor === undefined) throw new Error(`${id} was never built`);
      return tensor;
    };
    const model = tf.model({ inputs: inputIds.map(pick), outputs: inference.outputs.map(pick), name: 'layerlab' });
    const initial = graphInitialWeights(graph, seed, inference);
    if (!initial.ok) throw new Error(initial.message);
    const problems = setLayerWeights(model, initial.weights);
    if (problems.length > 0) throw new Error(problems.join(' '));
    return { ok: true, model, inputs: inputIds, outputs: [...inference.outputs] };
  } catch (error) {
    for (const layer of built) {
      try {
        if (layer.built) layer.dispose();
      } catch {
        // Already disposed, or never got weights: nothing left to free.
      }
    }
    return {
      ok: false,
      message: `LayerLab could not build ${current === '' ? 'this network' : current} in TensorFlow.js: ${errorMessage(error)}`,
      nodeIds: current === '' ? [] : [current],
    };
  }
}
