/**
 * Initial weights computed by LayerLab itself, from a seed, with Keras 3's initializer formulas.
 *
 * Why not TensorFlow.js's initializers: they are seeded per call rather than per layer, and two of them differ
 * from Keras (tfjs's *_normal variance-scaling initializers leave out Keras's 0.8796 truncation correction).
 * Computing the values here makes them (1) bit-identical for the same graph and seed on every machine and
 * browser (core's sfc32 generator and its portable log/sin/cos), and (2) distributed exactly as Keras draws them.
 *
 * Each layer draws from its own stream, seeded from the base seed and its node id (see {@link layerSeed}), so
 * adding or removing one layer does not change the starting weights of the others.
 */
import { createRng, normaliseSeed } from '../core/datasets/rng.ts';
import type { Rng } from '../core/datasets/rng.ts';
import type { InitializerName } from '../core/layers/index.ts';

/** Keras's correction so a normal truncated at two standard deviations has the requested variance. */
const TRUNCATION_STDDEV_CORRECTION = 0.87962566103423978;

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

function drawFor(name: InitializerName, shape: readonly number[]): Draw | number {
  switch (name) {
    case 'zeros':
      return 0;
    case 'ones':
      return 1;
    case 'glorot_uniform':
      return varianceScaling(1, 'fan_avg', 'uniform', shape);
    case 'glorot_normal':
      return varianceScaling(1, 'fan_avg', 'truncated_normal', shape);
    case 'he_uniform':
      return varianceScaling(2, 'fan_in', 'uniform', shape);
    case 'he_normal':
      return varianceScaling(2, 'fan_in', 'truncated_normal', shape);
    case 'lecun_uniform':
      return varianceScaling(1, 'fan_in', 'uniform', shape);
    case 'lecun_normal':
      return varianceScaling(1, 'fan_in', 'truncated_normal', shape);
    case 'random_uniform':
      return (rng) => -0.05 + 0.1 * rng.next();
    case 'random_normal':
      return (rng) => 0.05 * rng.normal();
    case 'truncated_normal':
      return (rng) => truncatedNormal(rng, 0.05);
  }
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
