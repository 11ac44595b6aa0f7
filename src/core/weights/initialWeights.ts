/**
 * The weights a network starts training from, computed by LayerLab itself from a seed, with Keras 3's initializer
 * formulas. The engine loads exactly these (engine/compileGraph.ts), and the Python export recomputes them in the
 * student's script (core/keras/python/pythonWeights.ts ports this file line by line), so the app and Keras start
 * from the same numbers.
 *
 * Why not TensorFlow.js's initializers: they are seeded per call rather than per layer, and two of them differ
 * from Keras (tfjs's *_normal variance-scaling initializers leave out Keras's 0.8796 truncation correction).
 * Computing the values here makes them (1) bit-identical for the same graph and seed on every machine and
 * browser (core's sfc32 generator and its portable log/sin/cos), and (2) distributed exactly as Keras draws them.
 *
 * Each layer draws from its own stream, seeded from the base seed and its node id (see {@link layerSeed}), so
 * adding or removing one layer does not change the starting weights of the others.
 *
 * Pure: no tfjs, so the canvas and the exporters can have fresh weights without the engine.
 */
import { createRng, normaliseSeed } from '../datasets/rng.ts';
import type { Rng } from '../datasets/rng.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import type { ProjectWeights } from '../project/types.ts';
import type { InitializerDistribution, InitializerName, Shape } from '../layers/index.ts';
import { INITIALIZER_DISTRIBUTIONS, resolveAxis } from '../layers/index.ts';
import { inferShapes } from '../shapes/inferShapes.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';

/** One weight of a layer: Keras's name ("kernel", "moving_mean"), its shape, and its row-major values. */
export interface InitialWeight {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** Starting weights by node id, each layer's list in Keras's get_weights() order; layers without weights are left out. */
export type InitialWeights = Map<string, InitialWeight[]>;

/** Keras's correction so a normal truncated at two standard deviations has the requested variance. */
export const TRUNCATION_STDDEV_CORRECTION = 0.87962566103423978;

/** Seed of one layer's random stream: a 32-bit hash (FNV-1a, then a murmur3 finaliser) of the base seed and id. */
export function layerSeed(seed: number, nodeId: string): number {
  let h = (0x811c9dc5 ^ normaliseSeed(seed)) >>> 0;
  for (let i = 0; i < nodeId.length; i += 1) {
    h ^= nodeId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Keras's compute_fans: (in, out) for a Dense kernel; both equal the length for a bias. */
function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0] ?? 1, fanOut: shape[0] ?? 1 };
  const receptive = shape.slice(0, -2).reduce((p, d) => p * d, 1);
  return { fanIn: (shape[shape.length - 2] ?? 1) * receptive, fanOut: (shape[shape.length - 1] ?? 1) * receptive };
}

function truncatedNormal(rng: Rng, stddev: number): number {
  let z = rng.normal();
  while (Math.abs(z) > 2) z = rng.normal();
  return z * stddev;
}

type Draw = (rng: Rng) => number;

function varianceScaling(scale: number, mode: 'fan_in' | 'fan_avg', distribution: 'uniform' | 'truncated_normal', shape: readonly number[]): Draw {
  const { fanIn, fanOut } = fans(shape);
  const n = Math.max(1, mode === 'fan_in' ? fanIn : (fanIn + fanOut) / 2);
  if (distribution === 'uniform') {
    const limit = Math.sqrt((3 * scale) / n);
    return (rng) => -limit + 2 * limit * rng.next();
  }
  const stddev = Math.sqrt(scale / n) / TRUNCATION_STDDEV_CORRECTION;
  return (rng) => truncatedNormal(rng, stddev);
}

/** How one value of `name` is drawn (a number when every value is that constant), from the initializer table. */
function drawFor(name: InitializerName, shape: readonly number[]): Draw | number {
  const d: InitializerDistribution = INITIALIZER_DISTRIBUTIONS[name];
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'variance_scaling':
      return varianceScaling(d.scale, d.mode, d.distribution, shape);
    case 'random_uniform': {
      const width = d.maxval - d.minval;
      return (rng) => d.minval + width * rng.next();
    }
    // A zero mean is left out rather than added, so a draw of -0 stays -0 (the Python port writes it the same way).
    case 'random_normal':
      return d.mean === 0 ? (rng) => d.stddev * rng.normal() : (rng) => d.mean + d.stddev * rng.normal();
    case 'truncated_normal':
      return d.mean === 0 ? (rng) => truncatedNormal(rng, d.stddev) : (rng) => d.mean + truncatedNormal(rng, d.stddev);
  }
}

/** True when the initializer draws normal numbers (so the Python port needs the normal draw and the portable log). */
export function drawsNormal(name: InitializerName): boolean {
  const d: InitializerDistribution = INITIALIZER_DISTRIBUTIONS[name];
  return d.kind === 'random_normal' || d.kind === 'truncated_normal' || (d.kind === 'variance_scaling' && d.distribution === 'truncated_normal');
}

/** Values of a weight of `shape` (row-major, as tfjs and Keras store them), drawn from `rng` like Keras's initializer. */
export function initialValues(name: InitializerName, shape: readonly number[], rng: Rng): Float32Array {
  const size = shape.reduce((p, d) => p * d, 1);
  const values = new Float32Array(size);
  const draw = drawFor(name, shape);
  if (typeof draw === 'number') {
    values.fill(draw);
    return values;
  }
  for (let i = 0; i < size; i += 1) values[i] = draw(rng);
  return values;
}

/** Initial kernel and bias of a Dense layer: kernel first, then bias, from one stream per layer. */
export function denseInitialWeights(
  seed: number,
  nodeId: string,
  fanIn: number,
  units: number,
  kernelInitializer: InitializerName,
  biasInitializer: InitializerName,
  useBias: boolean,
): { kernel: Float32Array; bias: Float32Array | null } {
  const rng = createRng(layerSeed(seed, nodeId));
  const kernel = initialValues(kernelInitializer, [fanIn, units], rng);
  const bias = useBias ? initialValues(biasInitializer, [units], rng) : null;
  return { kernel, bias };
}

const filled = (name: string, shape: number[], value: number): InitialWeight => ({ name, shape, values: new Float32Array(shape.reduce((p, d) => p * d, 1)).fill(value) });

/**
 * One layer's starting weights, in Keras's get_weights() order, given the shapes (without batch) of its inputs:
 * - Dense: kernel (fan-in × units), then bias, drawn from the layer's own stream;
 * - BatchNormalization: gamma 1 (with scale), beta 0 (with center), moving_mean 0, moving_variance 1, as Keras starts them;
 * - PReLU: alpha 0 (Keras's alpha_initializer), one per value of the input, 1 along each shared axis;
 * - every other kind: none ([]).
 */
export function layerInitialWeights(node: GraphNode, inputShapes: readonly Shape[], seed: number): InitialWeight[] {
  const input = inputShapes[0] ?? [];
  switch (node.kind) {
    case 'Dense': {
      const p = node.params;
      const fanIn = input[input.length - 1] ?? 0;
      const { kernel, bias } = denseInitialWeights(seed, node.id, fanIn, p.units, p.kernel_initializer, p.bias_initializer, p.use_bias);
      const weights: InitialWeight[] = [{ name: 'kernel', shape: [fanIn, p.units], values: kernel }];
      if (bias !== null) weights.push({ name: 'bias', shape: [p.units], values: bias });
      return weights;
    }
    case 'BatchNormalization': {
      const { axis, center, scale } = node.params;
      const index = resolveAxis(axis, input.length);
      const size = index === null ? 0 : (input[index] ?? 0);
      return [
        ...(scale ? [filled('gamma', [size], 1)] : []),
        ...(center ? [filled('beta', [size], 0)] : []),
        filled('moving_mean', [size], 0),
        filled('moving_variance', [size], 1),
      ];
    }
    case 'PReLU': {
      const shared = new Set(node.params.shared_axes ?? []);
      return [filled('alpha', input.map((d, i) => (shared.has(i + 1) ? 1 : d)), 0)];
    }
    default:
      return [];
  }
}

export type GraphInitialWeightsResult = { ok: true; weights: InitialWeights } | { ok: false; message: string; nodeIds: string[] };

/**
 * Every layer's starting weights for `seed`, by node id (in build order, layers without weights left out), or the
 * first error that leaves a layer's shape unknown. `inference` is core's inferShapes of the graph, when the caller
 * already has it.
 */
export function graphInitialWeights(graph: Graph, seed: number, inference: GraphInference = inferShapes(graph)): GraphInitialWeightsResult {
  if (!inference.ok) {
    const first = inference.diagnostics.find((d) => d.severity === 'error');
    return { ok: false, message: first?.message ?? 'The network has a problem.', nodeIds: first?.nodeIds ?? [] };
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const weights: InitialWeights = new Map();
  for (const id of inference.order) {
    const node = byId.get(id);
    const info = inference.nodes.get(id);
    if (node === undefined || info?.status !== 'ok') continue;
    const layer = layerInitialWeights(node, info.inputShapes, seed);
    if (layer.length > 0) weights.set(id, layer);
  }
  return { ok: true, weights };
}

/** Weights by node id as the project file and the exporters hold them (plain number arrays); layers without weights are left out. */
export function toProjectWeights(weights: ReadonlyMap<string, readonly { name: string; shape: readonly number[]; values: ArrayLike<number> }[]>): ProjectWeights {
  const layers: ProjectWeights['layers'] = {};
  for (const [id, tensors] of weights) {
    if (tensors.length === 0) continue;
    layers[id] = tensors.map((t) => ({ name: t.name, shape: [...t.shape], values: Array.from(t.values) }));
  }
  return { layers };
}

/** {@link graphInitialWeights} as the project file and the exporters hold weights. */
export function initialProjectWeights(graph: Graph, seed: number): { ok: true; weights: ProjectWeights } | { ok: false; message: string } {
  const result = graphInitialWeights(graph, seed);
  return result.ok ? { ok: true, weights: toProjectWeights(result.weights) } : { ok: false, message: result.message };
}
