/**
 * Speed of the typed-array path (run: npx tsx tests/engine/typed/benchmark.ts [--sizes]):
 *   W1  2-D spiral, 500 points, 2-8-8-1 tanh/tanh/sigmoid, SGD 0.03, batch 10 → training samples/s (trainBatch)
 *   W3  the W1 network over a 100×100 grid, one call → ms per layerOutputs (every layer) and per predict
 * --sizes also trains Dense networks of growing size on both the typed path and TensorFlow.js's WebAssembly backend
 * (the TensorFlow.js path's own trainer), to place TYPED_PATH_MAX_WEIGHTS where WebAssembly starts to win.
 * Each figure is the median of 3 windows of steady work after a warm-up, timed in CPU time (see rate()). Not a test:
 * timings belong in benchmarks.
 */
import { createRng } from '../../../src/core/datasets/rng.ts';
import { generateBuiltinDataset } from '../../../src/core/datasets/index.ts';
import { createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { ActivationName } from '../../../src/core/layers/index.ts';
import type { NetworkTrainer, TrainerSettings } from '../../../src/engine/trainer.ts';
import { createTypedTrainer } from '../../../src/engine/typed/index.ts';
import { randomWeights } from './networks.ts';

function denseNetwork(inputs: number, layers: readonly (readonly [number, ActivationName])[]): Graph {
  const nodes = [createNode('x', 'Input', { shape: [inputs] }), ...layers.map(([units, activation], i) => createNode(`d${i + 1}`, 'Dense', { units, activation }))];
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]?.id ?? '', target: n.id, inputIndex: 0 }));
  return { nodes, edges };
}

const W1_GRAPH = denseNetwork(2, [
  [8, 'tanh'],
  [8, 'tanh'],
  [1, 'sigmoid'],
]);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Median over 3 windows of `windowMs` of work units per second, after a warm-up window. By default per second of this
 * process's CPU time (user + system), which stays honest when other processes share the cores; LAYERLAB_BENCH_WALL=1
 * measures wall-clock time instead.
 */
function rate(work: () => number, windowMs: number): number {
  const wall = process.env['LAYERLAB_BENCH_WALL'] === '1';
  const now = (): number => {
    if (wall) return performance.now();
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const windows: number[] = [];
  for (let w = 0; w < 4; w += 1) {
    let units = 0;
    const start = now();
    while (now() - start < windowMs) units += work();
    if (w > 0) windows.push((units * 1000) / (now() - start));
  }
  return median(windows);
}

function typed(graph: Graph, settings: TrainerSettings, task: 'classification' | 'regression' = 'classification'): NetworkTrainer {
  const created = createTypedTrainer({ graph, weights: randomWeights(graph, 1, 0.3), settings, options: { path: 'typed', task } });
  if (!created.ok) throw new Error(created.message);
  return created.trainer;
}

export function benchTypedW1(windowMs = 1000): number {
  const data = generateBuiltinDataset({ kind: 'builtin', name: 'spiral', samples: 500, noise: 0.1, seed: 1, classes: 2 });
  if (!data.ok) throw new Error(data.message);
  const { features, labels, numSamples } = data.dataset;
  const y = Float32Array.from(labels);
  const batch = 10;
  // Batches as views made once: the measured loop is trainBatch alone.
  const batches = Array.from({ length: numSamples / batch }, (_, i) => ({
    x: features.subarray(i * batch * 2, (i + 1) * batch * 2),
    y: y.subarray(i * batch, (i + 1) * batch),
  }));
  const trainer = typed(W1_GRAPH, { optimizer: 'sgd', learningRate: 0.03, loss: 'binary_crossentropy', l2: 0, seed: 1 });
  return rate(() => {
    for (const b of batches) trainer.trainBatch(b.x, b.y, batch);
    return numSamples;
  }, windowMs);
}

export function benchTypedW3(windowMs = 1000): { layerOutputsMs: number; predictMs: number } {
  const trainer = typed(W1_GRAPH, { optimizer: 'sgd', learningRate: 0.03, loss: 'binary_crossentropy', l2: 0, seed: 1 });
  const grid = new Float32Array(2 * 100 * 100);
  for (let i = 0; i < 100; i += 1) {
    for (let j = 0; j < 100; j += 1) {
      grid[2 * (i * 100 + j)] = -6 + (12 * j) / 99;
      grid[2 * (i * 100 + j) + 1] = -6 + (12 * i) / 99;
    }
  }
  const layerOutputsMs = 1000 / rate(() => (trainer.layerOutputs(grid, 10_000), 1), windowMs);
  const predictMs = 1000 / rate(() => (trainer.predict(grid, 10_000), 1), windowMs);
  return { layerOutputsMs, predictMs };
}

interface SizeCase {
  name: string;
  graph: Graph;
}

const SIZE_CASES: SizeCase[] = [
  { name: '2-32-32-1', graph: denseNetwork(2, [[32, 'relu'], [32, 'relu'], [1, 'sigmoid']]) },
  { name: '16-64-64-4', graph: denseNetwork(16, [[64, 'relu'], [64, 'relu'], [4, 'softmax']]) },
  { name: '64-96-64-10', graph: denseNetwork(64, [[96, 'relu'], [64, 'relu'], [10, 'softmax']]) },
  { name: '784-16-10', graph: denseNetwork(784, [[16, 'relu'], [10, 'softmax']]) },
  { name: '784-32-10', graph: denseNetwork(784, [[32, 'relu'], [10, 'softmax']]) },
  { name: '784-64-10', graph: denseNetwork(784, [[64, 'relu'], [10, 'softmax']]) },
  { name: '784-128-64-10', graph: denseNetwork(784, [[128, 'relu'], [64, 'relu'], [10, 'softmax']]) },
];

function weightCount(graph: Graph): number {
  return [...randomWeights(graph, 1).values()].flat().reduce((sum, w) => sum + w.values.length, 0);
}

/** Samples/s of `trainer` on random batches of `batch` examples. */
function trainingRate(trainer: NetworkTrainer, batch: number, classes: number, windowMs: number): number {
  const rng = createRng(1);
  const x = Float32Array.from({ length: batch * trainer.inputSize }, () => rng.next());
  const y = Float32Array.from({ length: batch }, () => rng.int(classes));
  return rate(() => (trainer.trainBatch(x, y, batch), batch), windowMs);
}

async function benchSizes(windowMs: number): Promise<void> {
  // The TensorFlow.js path is another engineer's module: loaded only here, and only if it loads.
  const tfjsPath = await import('../../../src/engine/tfjs/index.ts').catch(() => null);
  const wasm = await import('../../../src/cli/tfjsBackendNode.ts').catch(() => null);
  if (tfjsPath !== null && wasm !== null) console.log('tfjs backend:', (await tfjsPath.initBackend({ wasmPaths: wasm.nodeWasmPaths() })).path);
  console.log('network        weights  batch  typed samples/s  tfjs samples/s');
  for (const { name, graph } of SIZE_CASES) {
    const units = graph.nodes[graph.nodes.length - 1];
    const classes = units?.kind === 'Dense' ? Math.max(2, units.params.units) : 2;
    const loss = classes > 2 || (units?.kind === 'Dense' && units.params.units > 1) ? 'sparse_categorical_crossentropy' : 'binary_crossentropy';
    const settings: TrainerSettings = { optimizer: 'adam', learningRate: 0.001, loss, l2: 0, seed: 1 };
    for (const batch of [10, 16, 32, 64]) {
      const ours = trainingRate(typed(graph, settings), batch, classes, windowMs);
      let theirs = Number.NaN;
      if (tfjsPath !== null) {
        const created = tfjsPath.createTfjsTrainer({ graph, weights: randomWeights(graph, 1, 0.3), settings, options: { task: 'classification' } });
        if (created.ok) {
          theirs = trainingRate(created.trainer, batch, classes, windowMs);
          created.trainer.dispose();
        }
      }
      console.log(`${name.padEnd(14)} ${String(weightCount(graph)).padStart(7)}  ${String(batch).padStart(5)}  ${ours.toFixed(0).padStart(15)}  ${theirs.toFixed(0).padStart(14)}`);
    }
  }
}

async function main(): Promise<void> {
  const windowMs = 1000;
  console.log(`W1 typed trainBatch: ${benchTypedW1(windowMs).toFixed(0)} samples/s`);
  const w3 = benchTypedW3(windowMs);
  console.log(`W3 typed 100×100 grid: layerOutputs ${w3.layerOutputsMs.toFixed(2)} ms, predict ${w3.predictMs.toFixed(2)} ms`);
  if (process.argv.includes('--sizes')) await benchSizes(windowMs);
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) void main();
