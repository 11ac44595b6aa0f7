/**
 * Keras's fit() loop over the engine (TrainingRun + createTrainer), as the worker and `layerlab train` run it: real
 * networks learn real data on both numeric paths, held-out data is measured, runs repeat exactly for a seed, and a
 * diverging run is caught with the last good weights kept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/core/datasets/index.ts';
import type { Dataset, ProjectDataset } from '../../src/core/datasets/types.ts';
import type { Graph } from '../../src/core/graph/types.ts';
import type { ActivationName } from '../../src/core/layers/index.ts';
import type { EnginePath } from '../../src/core/training/enginePaths.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import type { TrainingSettings } from '../../src/core/training/settings.ts';
import { nodeWasmPaths } from '../../src/cli/tfjsBackendNode.ts';
import { createTrainer, initEngine } from '../../src/engine/createTrainer.ts';
import { fromProjectWeights, initialProjectWeights } from '../../src/engine/projectWeights.ts';
import type { EpochResult } from '../../src/engine/trainingRun.ts';
import { TrainingRun } from '../../src/engine/trainingRun.ts';
import { chain, node } from './helpers.ts';

beforeAll(async () => {
  await initEngine({ wasmPaths: nodeWasmPaths() });
});

function mlp(inputs: number, layers: readonly (readonly [number, ActivationName])[]): Graph {
  return chain([node('x', 'Input', { shape: [inputs] }), ...layers.map(([units, activation], i) => node(`d${i + 1}`, 'Dense', { units, activation }))]);
}

function data(config: ProjectDataset): Dataset {
  const made = generateDataset(config);
  if (!made.ok) throw new Error(made.message);
  return made.dataset;
}

const XOR: ProjectDataset = { kind: 'builtin', name: 'xor', samples: 400, noise: 0.1, seed: 1, classes: 2 };

function run(graph: Graph, dataset: Dataset, settings: Partial<TrainingSettings>, path?: EnginePath): { run: TrainingRun; path: EnginePath } {
  const full: TrainingSettings = { ...DEFAULT_TRAINING, ...settings };
  const initial = initialProjectWeights(graph, full.seed);
  if (!initial.ok) throw new Error(initial.message);
  const made = createTrainer({ graph, weights: fromProjectWeights(initial.weights), settings: full, options: { task: dataset.task, ...(path === undefined ? {} : { path }) } });
  if (!made.ok) throw new Error(made.message);
  return { run: new TrainingRun(dataset, made.trainer, full), path: made.trainer.path };
}

function epochs(training: TrainingRun, count: number): EpochResult[] {
  const out: EpochResult[] = [];
  while (out.length < count) {
    const step = training.step();
    if (step.epochEnded !== null) out.push(step.epochEnded);
    if (step.diverged !== null) break;
  }
  return out;
}

describe('TrainingRun', () => {
  // The XOR preset's network (layer ids seed the starting weights).
  const xor = chain([node('x', 'Input', { shape: [2] }), node('hidden', 'Dense', { units: 4, activation: 'tanh' }), node('out', 'Dense', { units: 1, activation: 'sigmoid' })]);

  it.each(['typed', 'tfjs-wasm'] as const)('teaches a 2-4-1 tanh/sigmoid network XOR to 95% test accuracy within 100 epochs (%s path)', (path) => {
    const { run: training, path: used } = run(xor, data(XOR), { optimizer: 'sgd', learningRate: 0.5, batchSize: 16, validationSplit: 0.2, loss: 'binary_crossentropy' }, path);
    expect(used).toBe(path);
    const history = epochs(training, 100);
    expect(training.numTest).toBe(80);
    const last = history[history.length - 1];
    expect(last?.testMetric).toBeGreaterThanOrEqual(0.95);
    expect(last?.loss).toBeLessThan((history[0]?.loss ?? 0) / 2);
    training.trainer.dispose();
  });

  it('picks the typed-array path for a small network, and says why', () => {
    const { run: training, path } = run(xor, data(XOR), {});
    expect(path).toBe('typed');
    expect(training.trainer.pathReason).toMatch(/small/);
  });

  it('learns 3 Gaussian blobs with softmax and categorical crossentropy to over 90%', () => {
    const blobs = data({ kind: 'builtin', name: 'gauss', samples: 300, noise: 0.1, seed: 2, classes: 3 });
    const graph = mlp(2, [
      [8, 'relu'],
      [3, 'softmax'],
    ]);
    const { run: training } = run(graph, blobs, { optimizer: 'adam', learningRate: 0.05, batchSize: 16, loss: 'categorical_crossentropy' });
    const history = epochs(training, 40);
    expect(history[history.length - 1]?.metric).toBeGreaterThan(0.9);
  });

  it('fits the sine curve (regression, mean absolute error as its metric)', () => {
    const sine = data({ kind: 'regression', name: 'sine', samples: 400, noise: 0.05, seed: 1 });
    const graph = mlp(1, [
      [16, 'tanh'],
      [16, 'tanh'],
      [1, 'linear'],
    ]);
    const { run: training } = run(graph, sine, { optimizer: 'adam', learningRate: 0.02, batchSize: 16, loss: 'mean_squared_error' });
    expect(training.trainer.metric).toBe('mae');
    const history = epochs(training, 150);
    expect(history[history.length - 1]?.metric).toBeLessThan(0.1);
  });

  it('repeats a run exactly with the same seed, and differs with another', () => {
    const a = epochs(run(xor, data(XOR), { seed: 3, batchSize: 8 }).run, 5);
    const b = epochs(run(xor, data(XOR), { seed: 3, batchSize: 8 }).run, 5);
    const c = epochs(run(xor, data(XOR), { seed: 4, batchSize: 8 }).run, 5);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('catches a diverging run (learning rate 10 on a linear network) and keeps the last good weights', () => {
    const graph = mlp(2, [
      [4, 'linear'],
      [1, 'linear'],
    ]);
    const { run: training } = run(graph, data(XOR), { optimizer: 'sgd', learningRate: 10, batchSize: 4, loss: 'mean_squared_error' });
    const good = training.lastGood;
    let diverged: string | null = null;
    for (let i = 0; i < 10_000 && diverged === null; i += 1) diverged = training.step().diverged;
    expect(diverged).not.toBeNull();
    training.restoreLastGood();
    const restored = training.trainer.getWeights();
    for (const [id, tensors] of training.lastGood) {
      tensors.forEach((t, i) => expect(Array.from(restored.get(id)?.[i]?.values ?? [])).toEqual(Array.from(t.values)));
    }
    expect(training.lastGood === good || training.lastGoodEpoch > 0).toBe(true);
    for (const tensors of restored.values()) for (const t of tensors) expect(t.values.every(Number.isFinite)).toBe(true);
  });
});
