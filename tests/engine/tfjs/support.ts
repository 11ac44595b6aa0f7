/** Shared pieces of the tfjs trainer tests: small networks, their specs, seeded batches and a relative distance. */
import type { Graph } from '../../../src/core/graph/types.ts';
import { createRng } from '../../../src/core/datasets/rng.ts';
import type { ActivationName } from '../../../src/core/layers/index.ts';
import type { LossName, OptimizerName } from '../../../src/core/training/settings.ts';
import { initialProjectWeights, fromProjectWeights } from '../../../src/engine/projectWeights.ts';
import type { TrainerSpec } from '../../../src/engine/trainer.ts';
import type { LayerWeights } from '../../../src/engine/weights.ts';
import { createTfjsTrainer } from '../../../src/engine/tfjs/index.ts';
import type { TfjsTrainer, TfjsTrainerTuning } from '../../../src/engine/tfjs/index.ts';
import { chain, node } from '../helpers.ts';

export { chain, graph, node } from '../helpers.ts';

/** Input(inputs) -> Dense per entry of `layers` ([units, activation]). */
export function denseChain(inputs: number, layers: readonly (readonly [number, ActivationName])[]): Graph {
  return chain([
    node('x', 'Input', { shape: [inputs] }),
    ...layers.map(([units, activation], i) => node(`d${i + 1}`, 'Dense', { units, activation })),
  ]);
}

/** The starting weights LayerLab gives `graph` for `seed`. */
export function startingWeights(graph: Graph, seed = 3): LayerWeights {
  const initial = initialProjectWeights(graph, seed);
  if (!initial.ok) throw new Error(initial.message);
  return fromProjectWeights(initial.weights);
}

export interface SpecOptions {
  optimizer?: OptimizerName;
  learningRate?: number;
  loss?: LossName;
  l2?: number;
  task?: 'classification' | 'regression';
  weights?: LayerWeights;
  seed?: number;
}

export function specFor(graph: Graph, options: SpecOptions = {}): TrainerSpec {
  return {
    graph,
    weights: options.weights ?? startingWeights(graph),
    settings: {
      optimizer: options.optimizer ?? 'sgd',
      learningRate: options.learningRate ?? 0.1,
      loss: options.loss ?? 'binary_crossentropy',
      l2: options.l2 ?? 0,
      seed: options.seed ?? 1,
    },
    options: { task: options.task ?? 'classification' },
  };
}

/** A trainer, or the test fails with the trainer's own message. */
export function trainerFor(spec: TrainerSpec, tuning: TfjsTrainerTuning = {}): TfjsTrainer {
  const created = createTfjsTrainer(spec, tuning);
  if (!created.ok) throw new Error(created.message);
  return created.trainer;
}

export interface Batch {
  x: Float32Array;
  y: Float32Array;
  count: number;
}

/**
 * `count` examples of `inputs` features in [-1, 1] with targets for `targetWidth` (1 for class labels in
 * [0, classes), else regression values in [-1, 1]), from a seeded generator.
 */
export function seededBatch(seed: number, count: number, inputs: number, classes: number, targetWidth = 1): Batch {
  const rng = createRng(seed);
  const x = new Float32Array(count * inputs);
  for (let i = 0; i < x.length; i += 1) x[i] = rng.next() * 2 - 1;
  const y = new Float32Array(count * targetWidth);
  for (let i = 0; i < y.length; i += 1) y[i] = classes > 0 ? Math.floor(rng.next() * classes) : rng.next() * 2 - 1;
  return { x, y, count };
}

/** ||a - b|| / ||b|| over all values (0 when both are zero). */
export function relativeDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < b.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    diff += d * d;
    norm += (b[i] ?? 0) ** 2;
  }
  if (norm === 0) return Math.sqrt(diff);
  return Math.sqrt(diff / norm);
}

/** The largest relative distance between two sets of weights, tensor by tensor. */
export function weightsDistance(a: LayerWeights, b: LayerWeights): number {
  let worst = 0;
  for (const [id, list] of b) {
    const other = a.get(id);
    if (other === undefined) return Number.POSITIVE_INFINITY;
    list.forEach((w, i) => {
      worst = Math.max(worst, relativeDistance(other[i]?.values ?? [], w.values));
    });
  }
  return worst;
}
