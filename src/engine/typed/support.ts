/**
 * Which networks the typed-array path runs, and, for the others, the one sentence a student reads saying why
 * TensorFlow.js runs them instead.
 *
 * Supported: one Input and one output; Dense, Activation, ReLU, LeakyReLU, ELU, PReLU, Softmax, Dropout, Add,
 * Multiply and Concatenate on flat data (batch, n). Flatten and Reshape only rename the dimensions of values that stay
 * in the same order in memory, so they are free, and an Input of any shape may be flattened before the first layer.
 */
import type { Graph, GraphNode } from '../../core/graph/types.ts';
import { formatShapeNoBatch } from '../../core/layers/index.ts';
import type { GraphInference } from '../../core/shapes/inferShapes.ts';
import { inferShapes } from '../../core/shapes/inferShapes.ts';

/**
 * Above this many weights, TensorFlow.js's WebAssembly backend trains faster than plain JavaScript. Measured with
 * `npx tsx tests/engine/typed/benchmark.ts --sizes` (Node 20, 2 cores, wasm SIMD single-threaded, Adam, both paths
 * through their NetworkTrainer): the two break even at about 30,000 weights with batches of 16 (LayerLab's default),
 * 50,000 with batches of 10, 15,000 with 32 and 8,000 with 64. At 12,730 weights (784-16-10) and batch 16 plain
 * JavaScript does 43k samples/s and wasm 18k; at 50,890 (784-64-10) 5.7k and 7.0k.
 */
export const TYPED_PATH_MAX_WEIGHTS = 20_000;

export type TypedSupport = { ok: true } | { ok: false; reason: string };

/** Layer kinds that work on any shape because they only rename dimensions (row-major order is unchanged). */
const SHAPE_ONLY = new Set<GraphNode['kind']>(['Input', 'Flatten', 'Reshape']);

const SUPPORTED = new Set<GraphNode['kind']>([
  'Input',
  'Dense',
  'Activation',
  'ReLU',
  'LeakyReLU',
  'ELU',
  'PReLU',
  'Softmax',
  'Dropout',
  'Add',
  'Multiply',
  'Concatenate',
  'Flatten',
  'Reshape',
]);

function quoteList(ids: readonly string[]): string {
  const quoted = ids.map((id) => `'${id}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}

/**
 * The first reason the typed path cannot (or, above the size limit, should not) run an already shape-checked network,
 * or null when it can.
 */
function unsupportedReason(graph: Graph, inference: GraphInference, sizeLimit: boolean): string | null {
  const inputs = graph.nodes.filter((n) => n.kind === 'Input').map((n) => n.id);
  if (inputs.length !== 1) {
    return `The network has ${inputs.length} Inputs (${quoteList(inputs)}); the plain JavaScript path takes exactly one, so TensorFlow.js runs it.`;
  }
  if (inference.outputs.length !== 1) {
    return `The network has ${inference.outputs.length} outputs (${quoteList(inference.outputs)}); the plain JavaScript path takes exactly one, so TensorFlow.js runs it.`;
  }
  for (const node of graph.nodes) {
    if (!SUPPORTED.has(node.kind)) return `Layer '${node.id}' (${node.kind}) needs TensorFlow.js.`;
    if (SHAPE_ONLY.has(node.kind)) continue;
    const info = inference.nodes.get(node.id);
    if (info?.status !== 'ok') continue;
    const multi = info.inputShapes.find((shape) => shape.length !== 1);
    if (multi !== undefined) {
      return `Layer '${node.id}' (${node.kind}) works on a ${formatShapeNoBatch(multi)} input; the plain JavaScript path handles only flat inputs such as (n,), so TensorFlow.js runs this network.`;
    }
  }
  const total = inference.totalParams ?? 0;
  if (sizeLimit && total > TYPED_PATH_MAX_WEIGHTS) {
    return `The network has ${total.toLocaleString('en-US')} weights; above ${TYPED_PATH_MAX_WEIGHTS.toLocaleString('en-US')} TensorFlow.js's WebAssembly backend is faster.`;
  }
  return null;
}

/**
 * Shape inference plus the support check, for the network builder (which needs the shapes too). With `sizeLimit`
 * false, a large network passes: the limit is a preference for speed, not something the typed path cannot do.
 */
export function checkTypedSupport(graph: Graph, sizeLimit = true): { ok: true; inference: GraphInference } | { ok: false; reason: string } {
  let inference: GraphInference;
  try {
    inference = inferShapes(graph);
  } catch (error) {
    // Only parameters of the wrong type (a hand-edited file that skipped parseParams) get here.
    return { ok: false, reason: `LayerLab could not check this network: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!inference.ok) {
    const first = inference.diagnostics.find((d) => d.severity === 'error');
    return { ok: false, reason: first?.message ?? 'The network has a problem.' };
  }
  const reason = unsupportedReason(graph, inference, sizeLimit);
  return reason === null ? { ok: true, inference } : { ok: false, reason };
}

/**
 * Whether the typed-array path can run `graph`, or why not in one plain sentence naming the layer (e.g.
 * "Layer 'bn' (BatchNormalization) needs TensorFlow.js."). Never throws.
 */
export function typedPathSupport(graph: Graph): TypedSupport {
  const checked = checkTypedSupport(graph);
  return checked.ok ? { ok: true } : { ok: false, reason: checked.reason };
}
