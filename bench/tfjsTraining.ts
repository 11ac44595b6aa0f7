/**
 * Benchmarks of the TensorFlow.js training path in Node, on the backend `layerlab train` uses (wasm with SIMD),
 * through the NetworkTrainer API the app and the CLI call (so each step includes uploading its batch):
 *   W1  2-D spiral, 500 points, 2-8-8-1 tanh/tanh/sigmoid, SGD 0.03, batch 10        -> training samples/s
 *   W2  MNIST-shaped MLP 784-128-64-10 relu/relu/softmax, Adam 1e-3, batch 64         -> training samples/s
 *   W3  the W1 network over a 100×100 grid, one batch: predict and layerOutputs       -> ms per grid
 * Each warms up, then measures three windows of steady work (2 s each by default) and reports the median window.
 * `npx tsx bench/tfjsTraining.ts` prints them; `npm run bench` calls the functions.
 */
import { pathToFileURL } from 'node:url';
import { createRng } from '../src/core/datasets/rng.ts';
import type { Graph } from '../src/core/graph/types.ts';
import type { ActivationName } from '../src/core/layers/index.ts';
import { createNode } from '../src/core/graph/build.ts';
import { nodeWasmPaths } from '../src/cli/tfjsBackendNode.ts';
import { fromProjectWeights, initialProjectWeights } from '../src/engine/projectWeights.ts';
import type { TrainerSettings } from '../src/engine/trainer.ts';
import { createTfjsTrainer, initBackend } from '../src/engine/tfjs/index.ts';
import type { BackendChoice, TfjsTrainer } from '../src/engine/tfjs/index.ts';

export interface BenchOptions {
  /** Length of each of the three measured windows (default 2000 ms). */
  windowMs?: number;
  /** false measures the generic autodiff path instead of the Dense fast path (W1, W2). */
  denseFastPath?: boolean;
}

export interface TrainingBench {
  samplesPerSecond: number;
  /**
   * Samples per second of this process's CPU time in the same windows: on a machine busy with other work, this
   * is what wall-clock time would show on an idle one (tfjs-wasm in Node runs on one thread).
   */
  cpuSamplesPerSecond: number;
  /** Which backend and step ran, e.g. "tfjs-wasm, dense-fast-path". */
  ran: string;
}

export interface GridBench {
  predictMs: number;
  layerOutputsMs: number;
  /** The same in CPU time of this process (see TrainingBench). */
  predictCpuMs: number;
  layerOutputsCpuMs: number;
  ran: string;
}

let backend: Promise<BackendChoice> | null = null;

function ensureBackend(): Promise<BackendChoice> {
  backend ??= initBackend({ wasmPaths: nodeWasmPaths() });
  return backend;
}

function denseNetwork(inputs: number, layers: readonly (readonly [number, ActivationName])[]): Graph {
  const nodes = [createNode('x', 'Input', { shape: [inputs] }), ...layers.map(([units, activation], i) => createNode(`d${i + 1}`, 'Dense', { units, activation }))];
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]?.id ?? '', target: n.id, inputIndex: 0 }));
  return { nodes, edges };
}

function trainer(graph: Graph, settings: Omit<TrainerSettings, 'l2' | 'seed'>, denseFastPath: boolean): TfjsTrainer {
  const initial = initialProjectWeights(graph, 1);
  if (!initial.ok) throw new Error(initial.message);
  const created = createTfjsTrainer(
    { graph, weights: fromProjectWeights(initial.weights), settings: { ...settings, l2: 0, seed: 1 }, options: { task: 'classification' } },
    { denseFastPath },
  );
  if (!created.ok) throw new Error(created.message);
  return created.trainer;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Rate {
  /** Units per second of wall-clock time, and per second of this process's CPU time. */
  wall: number;
  cpu: number;
}

/** Runs `work` (which does `unitsPerCall` units) for three windows; the median rates. */
function unitsPerSecond(work: () => void, unitsPerCall: number, windowMs: number, warmupCalls: number): Rate {
  for (let i = 0; i < warmupCalls; i += 1) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let window = 0; window < 3; window += 1) {
    let calls = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let elapsed = 0;
    while (elapsed < windowMs) {
      work();
      calls += 1;
      elapsed = performance.now() - start;
    }
    const used = process.cpuUsage(cpuStart);
    wall.push((calls * unitsPerCall * 1000) / elapsed);
    cpu.push((calls * unitsPerCall * 1e6) / (used.user + used.system));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

interface Batches {
  x: Float32Array[];
  y: Float32Array[];
}

/** `batches` batches of `size` rows drawn from `examples` (x: features, y: labels), cut once up front. */
function cutBatches(features: Float32Array, labels: Float32Array, inputs: number, size: number): Batches {
  const count = Math.floor(labels.length / size);
  const x: Float32Array[] = [];
  const y: Float32Array[] = [];
  for (let b = 0; b < count; b += 1) {
    x.push(features.subarray(b * size * inputs, (b + 1) * size * inputs));
    y.push(labels.subarray(b * size, (b + 1) * size));
  }
  return { x, y };
}

function trainingRate(net: TfjsTrainer, batches: Batches, size: number, windowMs: number): Rate {
  let next = 0;
  const step = (): void => {
    const i = next % batches.x.length;
    next += 1;
    net.trainBatch(batches.x[i] ?? new Float32Array(0), batches.y[i] ?? new Float32Array(0), size);
  };
  return unitsPerSecond(step, size, windowMs, 30);
}

/** Two interleaved spiral arms of 250 points each in [-6, 6]², labels 0 and 1 (Playground's spiral, no noise). */
function spiral(): { features: Float32Array; labels: Float32Array } {
  const n = 250;
  const features = new Float32Array(2 * n * 2);
  const labels = new Float32Array(2 * n);
  for (let arm = 0; arm < 2; arm += 1) {
    for (let i = 0; i < n; i += 1) {
      const r = (i / n) * 5;
      const t = (1.75 * i * 2 * Math.PI) / n + arm * Math.PI;
      const row = arm * n + i;
      features[2 * row] = r * Math.sin(t);
      features[2 * row + 1] = r * Math.cos(t);
      labels[row] = arm;
    }
  }
  return { features, labels };
}

const W1_GRAPH = (): Graph =>
  denseNetwork(2, [
    [8, 'tanh'],
    [8, 'tanh'],
    [1, 'sigmoid'],
  ]);

export async function benchW1(options: BenchOptions = {}): Promise<TrainingBench> {
  const choice = await ensureBackend();
  const fast = options.denseFastPath ?? true;
  const net = trainer(W1_GRAPH(), { optimizer: 'sgd', learningRate: 0.03, loss: 'binary_crossentropy' }, fast);
  try {
    const { features, labels } = spiral();
    const rate = trainingRate(net, cutBatches(features, labels, 2, 10), 10, options.windowMs ?? 2000);
    return { samplesPerSecond: rate.wall, cpuSamplesPerSecond: rate.cpu, ran: `${choice.path}, ${net.engine}` };
  } finally {
    net.dispose();
  }
}

export async function benchW2(options: BenchOptions = {}): Promise<TrainingBench> {
  const choice = await ensureBackend();
  const fast = options.denseFastPath ?? true;
  const graph = denseNetwork(784, [
    [128, 'relu'],
    [64, 'relu'],
    [10, 'softmax'],
  ]);
  const net = trainer(graph, { optimizer: 'adam', learningRate: 1e-3, loss: 'sparse_categorical_crossentropy' }, fast);
  try {
    // MNIST-shaped data (values in [0, 1), ten classes): the speed does not depend on the pixels.
    const rng = createRng(7);
    const examples = 2048;
    const features = new Float32Array(examples * 784);
    for (let i = 0; i < features.length; i += 1) features[i] = rng.next();
    const labels = new Float32Array(examples);
    for (let i = 0; i < examples; i += 1) labels[i] = rng.int(10);
    const rate = trainingRate(net, cutBatches(features, labels, 784, 64), 64, options.windowMs ?? 2000);
    return { samplesPerSecond: rate.wall, cpuSamplesPerSecond: rate.cpu, ran: `${choice.path}, ${net.engine}` };
  } finally {
    net.dispose();
  }
}

export async function benchW3(options: BenchOptions = {}): Promise<GridBench> {
  const choice = await ensureBackend();
  const net = trainer(W1_GRAPH(), { optimizer: 'sgd', learningRate: 0.03, loss: 'binary_crossentropy' }, options.denseFastPath ?? true);
  try {
    const side = 100;
    const grid = new Float32Array(side * side * 2);
    for (let i = 0; i < side; i += 1) {
      for (let j = 0; j < side; j += 1) {
        grid[2 * (i * side + j)] = -6 + (12 * j) / (side - 1);
        grid[2 * (i * side + j) + 1] = -6 + (12 * i) / (side - 1);
      }
    }
    const windowMs = (options.windowMs ?? 2000) / 2;
    const predict = unitsPerSecond(() => net.predict(grid, side * side), 1, windowMs, 20);
    const layers = unitsPerSecond(() => net.layerOutputs(grid, side * side), 1, windowMs, 20);
    return {
      predictMs: 1000 / predict.wall,
      layerOutputsMs: 1000 / layers.wall,
      predictCpuMs: 1000 / predict.cpu,
      layerOutputsCpuMs: 1000 / layers.cpu,
      ran: `${choice.path}, ${net.engine}`,
    };
  } finally {
    net.dispose();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const windowMs = Number(process.env['BENCH_WINDOW_MS'] ?? 2000);
  const training = (label: string, r: TrainingBench): string =>
    `${label}: ${Math.round(r.samplesPerSecond)} samples/s wall, ${Math.round(r.cpuSamplesPerSecond)} per CPU second (${r.ran})`;
  console.log(training('W1 2-8-8-1 SGD batch 10', await benchW1({ windowMs })));
  console.log(training('W1 generic path', await benchW1({ windowMs, denseFastPath: false })));
  console.log(training('W2 784-128-64-10 Adam batch 64 (target >= 15000)', await benchW2({ windowMs })));
  console.log(training('W2 generic path', await benchW2({ windowMs, denseFastPath: false })));
  const w3 = await benchW3({ windowMs });
  console.log(
    `W3 100x100 grid (target ~2 ms): predict ${w3.predictMs.toFixed(2)} ms wall, ${w3.predictCpuMs.toFixed(2)} ms CPU; ` +
      `layerOutputs ${w3.layerOutputsMs.toFixed(2)} ms wall, ${w3.layerOutputsCpuMs.toFixed(2)} ms CPU (${w3.ran})`,
  );
}
