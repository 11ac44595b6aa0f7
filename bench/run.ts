/**
 * LayerLab benchmarks: `npm run bench`. Prints a table of medians (milliseconds per call, or samples per second for
 * the training rows); targets are in the last column. `npm run bench -- --json` prints one JSON object instead, with
 * the training figures as w1_samples_per_s, w1_reference_samples_per_s, w2_samples_per_s, w3_ms, w3_reference_ms.
 * Run on an idle machine.
 */
import { inferShapes } from '../src/core/shapes/inferShapes.ts';
import { validateNetwork } from '../src/core/validation/validateNetwork.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserEditingRows } from './browserEditing.ts';
import { residualGraph } from './graphs.ts';
import { trainingBenchmarks } from './training.ts';

/** `npm run bench -- --json` prints one JSON object (the training figures by name, and every row) instead of the table. */
const json = process.argv.includes('--json');

interface Row {
  name: string;
  medianMs: number;
  p95Ms: number;
  target: string;
  pass: boolean;
}

function measure(run: () => unknown, iterations: number): { median: number; p95: number } {
  for (let i = 0; i < Math.min(50, iterations); i += 1) run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, p95: times[Math.floor(times.length * 0.95)] ?? 0 };
}

const rows: Row[] = [];
for (const size of [20, 200, 1000]) {
  const graph = residualGraph(size);
  if (graph.nodes.length !== size || !inferShapes(graph).ok) throw new Error(`benchmark graph of ${size} nodes is not valid`);
  const { median, p95 } = measure(() => inferShapes(graph), size >= 1000 ? 200 : 1000);
  const target = size === 200 ? 5 : null;
  rows.push({
    name: `inferShapes, ${size}-node graph (${graph.edges.length} edges)`,
    medianMs: median,
    p95Ms: p95,
    target: target === null ? '-' : `< ${target} ms`,
    pass: target === null || p95 < target,
  });
}
{
  const graph = residualGraph(200);
  const dataset = { title: 'bench', numFeatures: 32, numClasses: 8, featureNames: [] };
  const { median, p95 } = measure(() => validateNetwork(graph, { dataset, loss: 'categorical_crossentropy' }), 1000);
  rows.push({ name: 'validateNetwork (shapes + dataset fit), 200 nodes', medianMs: median, p95Ms: p95, target: '< 5 ms', pass: p95 < 5 });
}

// Training through the engine the worker and the CLI use, against plain typed-array loops in this process.
const training = await trainingBenchmarks();
rows.push(
  {
    name: `W1 spiral 2-8-8-1 SGD batch 10, samples/s (${training.w1_path}; reference loop ${Math.round(training.w1_reference_samples_per_s).toLocaleString('en-US')})`,
    medianMs: training.w1_samples_per_s,
    p95Ms: training.w1_samples_per_s,
    target: '>= 100,000/s',
    pass: training.w1_samples_per_s >= 100_000,
  },
  {
    name: `W2 MNIST 784-128-64-10 Adam batch 64, samples/s (${training.w2_path})`,
    medianMs: training.w2_samples_per_s,
    p95Ms: training.w2_samples_per_s,
    target: '>= 15,000/s',
    pass: training.w2_samples_per_s >= 15_000,
  },
  {
    name: `W3 100×100 grid, every layer of the W1 net, ms (${training.w3_path}; reference loop ${training.w3_reference_ms.toFixed(2)} ms)`,
    medianMs: training.w3_ms,
    p95Ms: training.w3_ms,
    target: '<= 2 ms',
    pass: training.w3_ms <= 2,
  },
);

// The app in Chromium: editing a 200-node network, and what a first visit downloads.
{
  const root = fileURLToPath(new URL('../', import.meta.url));
  // A build of its own, so a concurrent build of dist/ (or the browser tests) cannot change what is measured.
  const dist = mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  // Targets: a drag is an animation and must keep 60 fps; a keystroke or undo must respond well inside the 100 ms a
  // person perceives as instant (the RAIL model), even when it changes the shapes of half of a 200-layer network.
  for (const row of await browserEditingRows(dist)) {
    const target = row.name.includes('drag') ? 16.7 : 100;
    rows.push({ ...row, target: `p95 < ${target} ms`, pass: row.p95Ms < target });
  }
  const bundle = JSON.parse(execFileSync('node', [join(root, 'scripts', 'initial-bundle.mjs'), dist, '--json'], { encoding: 'utf8' })) as {
    files: unknown[];
    total: { gzip: number };
    tfjsIn: string[];
  };
  const kb = bundle.total.gzip / 1024;
  rows.push({
    name: `initial JavaScript, gzip kB (${bundle.files.length} files; TensorFlow.js ${bundle.tfjsIn.length === 0 ? 'not in it' : 'IN IT'})`,
    medianMs: kb,
    p95Ms: kb,
    target: '< 250 kB, no tfjs',
    pass: kb < 250 && bundle.tfjsIn.length === 0,
  });
  rmSync(dist, { recursive: true, force: true });
}

if (json) {
  console.log(JSON.stringify({ ...training, rows }));
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
  process.exit();
}

const header = ['benchmark', 'median', 'p95', 'target', 'ok'];
const figure = (v: number): string => (v >= 1000 ? Math.round(v).toLocaleString('en-US') : v.toFixed(3));
const cells = rows.map((r) => [r.name, figure(r.medianMs), figure(r.p95Ms), r.target, r.pass ? 'yes' : 'NO']);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
const line = (c: string[]) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const c of cells) console.log(line(c));
if (rows.some((r) => !r.pass)) {
  console.error('A benchmark missed its target.');
  process.exitCode = 1;
}
