/**
 * The training benchmarks of issue 8, through the engine the worker and `layerlab train` use (createTrainer picks
 * the path; TrainingRun shuffles, batches and steps, as in the app):
 *   W1  2-D spiral, 500 points, 2-8-8-1 tanh/tanh/sigmoid, SGD 0.03, batch 10        -> training samples/s (>= 100,000)
 *   W2  MNIST-shaped MLP 784-128-64-10 relu/relu/softmax, Adam 1e-3, batch 64 on the
 *       real MNIST digits                                                            -> training samples/s (>= 15,000)
 *   W3  the W1 network over the 100×100 decision-boundary grid, every layer's output  -> ms per grid (<= 2)
 * and their references, plain typed-array loops in this process (bench/referenceLoop.ts), so engine/reference is a
 * ratio that holds on any machine. Each warms up, then takes the median of several timed windows.
 */
import { nodeDatasetAssets } from '../src/cli/mnistAssetNode.ts';
import { nodeWasmPaths } from '../src/cli/tfjsBackendNode.ts';
import { generateDataset, loadDataset } from '../src/core/datasets/index.ts';
import type { Dataset } from '../src/core/datasets/types.ts';
import { connect, createNode } from '../src/core/graph/build.ts';
import type { Graph } from '../src/core/graph/types.ts';
import type { ActivationName } from '../src/core/layers/index.ts';
import type { EnginePath } from '../src/core/training/enginePaths.ts';
import { DEFAULT_TRAINING } from '../src/core/training/settings.ts';
import type { TrainingSettings } from '../src/core/training/settings.ts';
import { createTrainer, initEngine } from '../src/engine/createTrainer.ts';
import { fromProjectWeights, initialProjectWeights } from '../src/engine/projectWeights.ts';
import type { NetworkTrainer } from '../src/engine/trainer.ts';
import { TrainingRun } from '../src/engine/trainingRun.ts';
import { gridInputs } from '../src/worker/grid.ts';
import { referenceGrid, referenceNet, referenceTrain } from './referenceLoop.ts';

export interface TrainingBenchResult {
  w1_samples_per_s: number;
  w1_reference_samples_per_s: number;
  w1_path: EnginePath;
  w2_samples_per_s: number;
  w2_path: EnginePath;
  w3_ms: number;
  w3_reference_ms: number;
  w3_path: EnginePath;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Samples per second: `work` is run for `windowMs` (after a warm-up), `windows` times; the median window counts. */
function rate(work: () => number, windowMs: number, windows = 5): number {
  const warmEnd = performance.now() + windowMs / 2;
  while (performance.now() < warmEnd) work();
  const rates: number[] = [];
  for (let w = 0; w < windows; w += 1) {
    let samples = 0;
    const start = performance.now();
    let now = start;
    while (now - start < windowMs) {
      samples += work();
      now = performance.now();
    }
    rates.push((samples * 1000) / (now - start));
  }
  return median(rates);
}

/** Milliseconds per call: the median of `calls` timed calls after as many warm-up calls. */
function perCall(work: () => void, calls: number): number {
  for (let i = 0; i < calls; i += 1) work();
  const times: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

function mlp(inputs: number, layers: readonly (readonly [number, ActivationName])[]): Graph {
  const nodes = [createNode('x', 'Input', { shape: [inputs] }), ...layers.map(([units, activation], i) => createNode(`d${i + 1}`, 'Dense', { units, activation }))];
  return { nodes, edges: nodes.slice(1).map((n, i) => connect(nodes[i]?.id ?? '', n.id)) };
}

function trainerFor(graph: Graph, dataset: Dataset, settings: TrainingSettings): NetworkTrainer {
  const initial = initialProjectWeights(graph, settings.seed);
  if (!initial.ok) throw new Error(initial.message);
  const made = createTrainer({ graph, weights: fromProjectWeights(initial.weights), settings, options: { task: dataset.task } });
  if (!made.ok) throw new Error(made.message);
  return made.trainer;
}

function dataset(made: ReturnType<typeof generateDataset>): Dataset {
  if (!made.ok) throw new Error(made.message);
  return made.dataset;
}

const W1_NET = mlp(2, [
  [8, 'tanh'],
  [8, 'tanh'],
  [1, 'sigmoid'],
]);
const W2_NET = mlp(784, [
  [128, 'relu'],
  [64, 'relu'],
  [10, 'softmax'],
]);

export async function trainingBenchmarks(windowMs = 1500): Promise<TrainingBenchResult> {
  await initEngine({ wasmPaths: nodeWasmPaths() });

  // W1: the spiral through the engine, as the worker trains it (batches gathered from a shuffled order each epoch).
  const spiral = dataset(generateDataset({ kind: 'builtin', name: 'spiral', samples: 500, noise: 0.1, seed: 1, classes: 2 }));
  const w1Settings: TrainingSettings = { ...DEFAULT_TRAINING, optimizer: 'sgd', learningRate: 0.03, batchSize: 10, loss: 'binary_crossentropy', validationSplit: 0 };
  const w1Trainer = trainerFor(W1_NET, spiral, w1Settings);
  const w1Run = new TrainingRun(spiral, w1Trainer, w1Settings);
  const w1 = rate(() => {
    let samples = 0;
    for (let i = 0; i < 50; i += 1) {
      samples += Math.min(10, w1Run.numTrain - w1Run.cursor);
      w1Run.step();
    }
    return samples;
  }, windowMs);
  const labels = Float32Array.from(spiral.labels);
  const reference = referenceNet();
  const w1Reference = rate(() => referenceTrain(reference, spiral.features, labels, spiral.numSamples, 10, 0.03, 1), windowMs);

  // W3: every layer of the W1 network over the 100×100 grid (the decision boundary and every neuron's map).
  const grid = gridInputs(100, 6);
  const w3 = perCall(() => void w1Trainer.layerOutputs(grid, 10_000), 200);
  const out = { h1: new Float32Array(80_000), h2: new Float32Array(80_000), p: new Float32Array(10_000) };
  const w3Reference = perCall(() => referenceGrid(reference, grid, 10_000, out), 200);

  // W2: the MNIST-shaped MLP on the real digits.
  const digits = await loadDataset({ kind: 'mnist', samples: 10_000, seed: 1 }, nodeDatasetAssets());
  const mnist = dataset(digits);
  const w2Settings: TrainingSettings = { ...DEFAULT_TRAINING, optimizer: 'adam', learningRate: 0.001, batchSize: 64, loss: 'sparse_categorical_crossentropy', validationSplit: 0 };
  const w2Trainer = trainerFor(W2_NET, mnist, w2Settings);
  const w2Run = new TrainingRun(mnist, w2Trainer, w2Settings);
  const w2 = rate(() => {
    let samples = 0;
    for (let i = 0; i < 4; i += 1) {
      samples += Math.min(64, w2Run.numTrain - w2Run.cursor);
      w2Run.step();
    }
    return samples;
  }, windowMs * 2);

  const result: TrainingBenchResult = {
    w1_samples_per_s: w1,
    w1_reference_samples_per_s: w1Reference,
    w1_path: w1Trainer.path,
    w2_samples_per_s: w2,
    w2_path: w2Trainer.path,
    w3_ms: w3,
    w3_reference_ms: w3Reference,
    w3_path: w1Trainer.path,
  };
  w1Trainer.dispose();
  w2Trainer.dispose();
  return result;
}
