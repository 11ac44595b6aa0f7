/**
 * Trains a graph on the typed path and on another trainer side by side — LayerLab's TensorFlow.js path (the other
 * numeric path the engine may pick) or the independent autodiff reference (kerasReference.ts) — with the same
 * weights and the same 100 batches, and reports how far apart the losses, metrics and final weights end up.
 */
import { createRng } from '../../../src/core/datasets/rng.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { LossName, OptimizerName } from '../../../src/core/training/settings.ts';
import type { NetworkTrainer } from '../../../src/engine/trainer.ts';
import { createTfjsTrainer } from '../../../src/engine/tfjs/index.ts';
import { createTypedTrainer } from '../../../src/engine/typed/index.ts';
import type { LayerWeights } from '../../../src/engine/weights.ts';
import { KerasReference } from './kerasReference.ts';
import type { Batch } from './networks.ts';
import { LOSS_SETUPS, randomBatch, randomWeights, relativeDifference } from './networks.ts';

const STEPS = 100;
export const TOLERANCE = 1e-5;

/** Learning rates that move the weights a good deal in 100 steps without diverging. */
const LEARNING_RATE: { readonly [O in OptimizerName]: number } = {
  sgd: 0.05,
  momentum: 0.02,
  adam: 0.01,
  rmsprop: 0.005,
  adagrad: 0.05,
};

function typedTrainer(graph: Graph, optimizer: OptimizerName, loss: LossName, l2: number, learningRate: number, weightScale: number): NetworkTrainer {
  const setup = LOSS_SETUPS[loss];
  const created = createTypedTrainer({
    graph,
    weights: randomWeights(graph, 7, weightScale),
    settings: { optimizer, learningRate, loss, l2, seed: 1 },
    options: { path: 'typed', task: setup.task },
  });
  if (!created.ok) throw new Error(created.message);
  return created.trainer;
}

export interface Comparison {
  worstLoss: number;
  worstMetric: number;
  /** Node id and weight name of the tensor that differs most, with its relative difference. */
  worstWeight: { name: string; difference: number };
  movedBy: number;
  /** How many outputs of the first batch, before training, lie outside the losses' clip range [1e-7, 1 - 1e-7]. */
  clippedOutputs: number;
}

/** What the typed path is compared with: LayerLab's TensorFlow.js path, or the autodiff reference. */
export type Against = 'tfjs-path' | 'reference';

interface Other {
  step(x: Float32Array, y: Float32Array, count: number): { loss: number; metric: number };
  weights(): LayerWeights;
  dispose(): void;
}

function other(against: Against, graph: Graph, start: LayerWeights, optimizer: OptimizerName, loss: LossName, l2: number, learningRate: number): Other {
  const task = LOSS_SETUPS[loss].task;
  if (against === 'reference') return new KerasReference(graph, start, { optimizer, learningRate, loss, l2, task });
  const created = createTfjsTrainer({ graph, weights: start, settings: { optimizer, learningRate, loss, l2, seed: 1 }, options: { path: 'tfjs-cpu', task } });
  if (!created.ok) throw new Error(created.message);
  const tfjs = created.trainer;
  return { step: (x, y, count) => tfjs.trainBatch(x, y, count), weights: () => tfjs.getWeights(), dispose: () => tfjs.dispose() };
}

/** Trains both on the same 100 batches and reports the largest differences. */
export function compare(
  graph: Graph,
  optimizer: OptimizerName,
  loss: LossName,
  l2 = 0,
  learningRate = LEARNING_RATE[optimizer],
  weightScale = 0.6,
  against: Against = 'tfjs-path',
): Comparison {
  const setup = LOSS_SETUPS[loss];
  const trainer = typedTrainer(graph, optimizer, loss, l2, learningRate, weightScale);
  const start = trainer.getWeights();
  const reference = other(against, graph, start, optimizer, loss, l2, learningRate);
  const rng = createRng(11);
  const batches: Batch[] = Array.from({ length: 8 }, () => randomBatch(rng, 8, trainer.inputSize, setup.task, setup.units));
  let worstLoss = 0;
  let worstMetric = 0;
  const first = batches[0] as Batch;
  const clippedOutputs = trainer.predict(first.x, first.count).filter((p) => p < 1e-7 || p > 1 - 1e-7).length;
  try {
    for (let step = 0; step < STEPS; step += 1) {
      const batch = batches[step % batches.length] as Batch;
      const ours = trainer.trainBatch(batch.x, batch.y, batch.count);
      const theirs = reference.step(batch.x, batch.y, batch.count);
      worstLoss = Math.max(worstLoss, Math.abs(ours.loss - theirs.loss) / Math.abs(theirs.loss));
      worstMetric = Math.max(worstMetric, Math.abs(ours.metric - theirs.metric) / Math.max(Math.abs(theirs.metric), 1e-3));
    }
    const expected = reference.weights();
    let worstWeight = { name: '', difference: 0 };
    let movedBy = 0;
    for (const [id, tensors] of trainer.getWeights()) {
      for (const tensor of tensors) {
        const other = expected.get(id)?.find((w) => w.name === tensor.name);
        const difference = other === undefined ? Number.POSITIVE_INFINITY : relativeDifference(tensor.values, other.values);
        if (!(difference <= worstWeight.difference)) worstWeight = { name: `${id}/${tensor.name}`, difference };
        const initial = start.get(id)?.find((w) => w.name === tensor.name);
        if (initial !== undefined) movedBy = Math.max(movedBy, relativeDifference(tensor.values, initial.values));
      }
    }
    return { worstLoss, worstMetric, worstWeight, movedBy, clippedOutputs };
  } finally {
    reference.dispose();
    trainer.dispose();
  }
}
