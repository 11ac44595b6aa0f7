/**
 * TensorFlow.js layers-model interop: exportTfjsModel (src/core/keras/tfjsExport.ts) and importTfjsModel
 * (src/core/keras/tfjsImport.ts).
 *
 * - Random valid graphs and the Keras fixtures are compiled with the engine, exported with the engine's weights and
 *   loaded by STOCK TensorFlow.js (a child `node` process that imports only @tensorflow/tfjs, so none of LayerLab's
 *   custom layers or activations is registered there); its predictions must equal the engine's.
 * - A graph that cannot be exported is refused exactly at the nodes that use what stock tfjs lacks.
 * - Export -> import gives back the same graph (positions and edge ids aside; documented stand-ins mapped) and the
 *   same weights; the fixtures, with Keras's own weights, predict in stock tfjs what Keras predicted.
 * - Hostile manifests and files are refused with clear messages, and the importer never throws.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../src/core/graph/types.ts';
import { importKerasConfig } from '../../src/core/keras/importConfig.ts';
import type { TfjsModelJsonFile } from '../../src/core/keras/tfjsExport.ts';
import { exportTfjsModel, tfjsLayerName } from '../../src/core/keras/tfjsExport.ts';
import { importTfjsModel } from '../../src/core/keras/tfjsImport.ts';
import type { ActivationName, Shape } from '../../src/core/layers/index.ts';
import { elementCount, resolveAxis } from '../../src/core/layers/index.ts';
import type { ProjectWeights } from '../../src/core/project/types.ts';
import { inferShapes } from '../../src/core/shapes/inferShapes.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { getLayerWeights } from '../../src/engine/weights.ts';
import { arbitraryValidGraph } from '../support/randomGraph.ts';
import { asList, chain, closeness, graph, node } from './helpers.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));
const RANDOM_GRAPHS = 150;
/**
 * Stock tfjs must agree with the engine to 1e-5 (relative above 1: |stock - engine| <= 1e-5 * (1 + |engine|)).
 * Both run the same tfjs kernels, so most outputs are bit-identical; a BatchNormalization exported with gamma 1 /
 * beta 0 in place of scale/center off runs tfjs's fused batchNorm instead of the engine's ops, 1 float32 ulp apart.
 */
const ATOL = 1e-5;

// ---- stock TensorFlow.js in a child process ----------------------------------------------------------------

/** Runs in `node --input-type=module` with the repository as working directory: stock tfjs and nothing else. */
const STOCK_TFJS_SCRIPT = `
import { readFileSync, writeFileSync } from 'node:fs';
const tf = await import('@tensorflow/tfjs');
tf.env().set('PROD', true);
const [jobPath, outPath] = process.argv.slice(-2);
const jobs = JSON.parse(readFileSync(jobPath, 'utf8'));
const registry = Object.keys(tf.serialization.SerializationMap.getMap().classNameMap);
const results = [];
for (const job of jobs) {
  try {
    const bytes = Buffer.from(job.weightsBase64, 'base64');
    const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const weightSpecs = job.modelJson.weightsManifest.flatMap((group) => group.weights);
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: job.modelJson.modelTopology, weightSpecs, weightData }));
    const xs = job.inputs.map((x) => tf.tensor(x.values, x.shape, 'float32'));
    const out = model.predict(xs.length === 1 ? xs[0] : xs);
    const outs = Array.isArray(out) ? out : [out];
    results.push({
      id: job.id,
      ok: true,
      layers: model.layers.map((l) => [l.name, l.getClassName()]),
      outputs: outs.map((t) => ({ shape: t.shape, values: Array.from(t.dataSync()) })),
    });
    tf.dispose([...xs, ...outs]);
    model.dispose();
  } catch (error) {
    results.push({ id: job.id, ok: false, error: String(error && error.message ? error.message : error) });
  }
}
writeFileSync(outPath, JSON.stringify({ registry, version: tf.version.tfjs, results }));
`;

interface StockJob {
  id: string;
  modelJson: TfjsModelJsonFile;
  weightsBase64: string;
  inputs: { shape: number[]; values: number[] }[];
}

interface StockResult {
  id: string;
  ok: boolean;
  error?: string;
  layers?: [string, string][];
  outputs?: { shape: number[]; values: (number | null)[] }[];
}

interface StockRun {
  registry: string[];
  version: string;
  results: Map<string, StockResult>;
}

async function runStockTfjs(jobs: readonly StockJob[]): Promise<StockRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-tfjs-'));
  try {
    const jobPath = path.join(dir, 'jobs.json');
    const outPath = path.join(dir, 'results.json');
    writeFileSync(jobPath, JSON.stringify(jobs));
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', STOCK_TFJS_SCRIPT, jobPath, outPath], { cwd: REPO_ROOT });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`stock tfjs process exited with ${code}: ${err}`))));
    });
    const parsed = JSON.parse(readFileSync(outPath, 'utf8')) as { registry: string[]; version: string; results: StockResult[] };
    if (parsed.results.length !== jobs.length) throw new Error(`stock tfjs answered ${parsed.results.length} of ${jobs.length} jobs: ${stderr}`);
    return { registry: parsed.registry, version: parsed.version, results: new Map(parsed.results.map((r) => [r.id, r])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- helpers -----------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInputs(g: Graph, seed: number, batch = 3): { shape: number[]; values: number[] }[] {
  const rng = mulberry32(seed);
  return g.nodes
    .filter((n): n is Extract<GraphNode, { kind: 'Input' }> => n.kind === 'Input')
    .map((n) => {
      const shape = [batch, ...n.params.shape];
      return { shape, values: Array.from({ length: elementCount(shape) }, () => Math.fround(rng() * 6 - 3)) };
    });
}

function projectWeightsOf(model: tf.LayersModel): ProjectWeights {
  const layers: ProjectWeights['layers'] = {};
  for (const [id, list] of getLayerWeights(model)) {
    layers[id] = list.map((w) => ({ name: w.name, shape: [...w.shape], values: Array.from(w.values) }));
  }
  return { layers };
}

function enginePredict(model: tf.LayersModel, inputs: readonly { shape: number[]; values: number[] }[]): number[][] {
  return tf.tidy(() => {
    const xs = inputs.map((x) => tf.tensor(x.values, x.shape, 'float32'));
    const [only] = xs;
    return asList(model.predict(xs.length === 1 && only !== undefined ? only : xs)).map((t) => Array.from(t.dataSync()));
  });
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * The test's own statement of what stock TensorFlow.js 4.22 cannot compute exactly (independent of the exporter):
 * the feature a node uses, or null.
 */
function stockTfjsLacks(n: GraphNode, input: Shape): string | null {
  const activationLacking = (a: ActivationName, inDense: boolean): boolean =>
    a === 'exponential' || a === 'step' || a === 'hard_sigmoid' || (inDense && a === 'leaky_relu');
  switch (n.kind) {
    case 'Dense':
      return activationLacking(n.params.activation, true) ? n.params.activation : null;
    case 'Activation':
      return activationLacking(n.params.activation, false) ? n.params.activation : null;
    case 'ReLU':
      if (n.params.threshold !== 0) return 'threshold';
      return n.params.negative_slope !== 0 && n.params.max_value !== null ? 'negative slope' : null;
    case 'ELU':
      return n.params.alpha === 0 || n.params.alpha === 1 ? null : 'alpha';
    case 'Softmax':
      return resolveAxis(n.params.axis, input.length) === input.length - 1 ? null : 'axis';
    case 'BatchNormalization':
      if (resolveAxis(n.params.axis, input.length) !== input.length - 1) return 'axis';
      return input.length > 3 ? 'dimensions' : null;
    default:
      return null;
  }
}

function lackingNodes(g: Graph): Map<string, string> {
  const inference = inferShapes(g);
  const out = new Map<string, string>();
  for (const n of g.nodes) {
    const info = inference.nodes.get(n.id);
    const feature = stockTfjsLacks(n, info?.status === 'ok' ? (info.inputShapes[0] ?? []) : []);
    if (feature !== null) out.set(n.id, feature);
  }
  return out;
}

/** The graph with every feature stock tfjs lacks replaced by one it has (so more random graphs reach stock tfjs). */
function makeExportable(g: Graph): Graph {
  const inference = inferShapes(g);
  const nodes = g.nodes.map((n): GraphNode => {
    const info = inference.nodes.get(n.id);
    const input = info?.status === 'ok' ? (info.inputShapes[0] ?? []) : [];
    if (stockTfjsLacks(n, input) === null) return n;
    switch (n.kind) {
      case 'Dense':
        return { ...n, params: { ...n.params, activation: 'tanh' } };
      case 'Activation':
        return { ...n, params: { activation: 'sigmoid' } };
      case 'ReLU':
        return { ...n, params: { ...n.params, threshold: 0, max_value: n.params.negative_slope !== 0 ? null : n.params.max_value } };
      case 'ELU':
        return { ...n, params: { alpha: 1 } };
      case 'Softmax':
        return { ...n, params: { axis: -1 } };
      case 'BatchNormalization':
        return input.length > 3
          ? { id: n.id, kind: 'Activation', params: { activation: 'linear' }, position: n.position }
          : { ...n, params: { ...n.params, axis: -1 } };
      default:
        return n;
    }
  });
  return { nodes, edges: g.edges };
}

interface PlainGraph {
  nodes: { id: string; kind: string; params: unknown }[];
  edges: string[];
}

function plain(g: Graph): PlainGraph {
  return {
    nodes: g.nodes.map((n) => ({ id: n.id, kind: n.kind, params: n.params })),
    edges: g.edges.map((e) => `${e.source} -> ${e.target} #${e.inputIndex}`).sort(),
  };
}

/**
 * What an exported graph reads back as: the graph itself, with the stand-ins the exporter documents (tfjsExport.ts)
 * for what tfjs writes differently. Positions and edge ids are not compared.
 */
function afterTfjs(g: Graph): PlainGraph {
  const inference = inferShapes(g);
  const swish = (a: ActivationName): ActivationName => (a === 'silu' ? 'swish' : a);
  const nodes = g.nodes.map((n) => {
    const info = inference.nodes.get(n.id);
    const input = info?.status === 'ok' ? (info.inputShapes[0] ?? []) : [];
    const output = info?.status === 'ok' ? info.shape : [];
    switch (n.kind) {
      case 'Dense':
        return { id: n.id, kind: n.kind, params: { ...n.params, activation: swish(n.params.activation) } };
      case 'Activation':
        return n.params.activation === 'leaky_relu'
          ? { id: n.id, kind: 'LeakyReLU', params: { negative_slope: 0.2 } }
          : { id: n.id, kind: n.kind, params: { activation: swish(n.params.activation) } };
      case 'ReLU':
        return n.params.negative_slope !== 0
          ? { id: n.id, kind: 'LeakyReLU', params: { negative_slope: n.params.negative_slope } }
          : { id: n.id, kind: n.kind, params: n.params };
      case 'ELU':
        return n.params.alpha === 0
          ? { id: n.id, kind: 'ReLU', params: { max_value: null, negative_slope: 0, threshold: 0 } }
          : { id: n.id, kind: n.kind, params: n.params };
      case 'Flatten':
        return input.length <= 1 ? { id: n.id, kind: 'Reshape', params: { target_shape: [...output] } } : { id: n.id, kind: n.kind, params: n.params };
      case 'Reshape':
        return { id: n.id, kind: n.kind, params: { target_shape: [...output] } };
      case 'Concatenate':
        return { id: n.id, kind: n.kind, params: { axis: n.params.axis < -1 ? (resolveAxis(n.params.axis, input.length) ?? 0) + 1 : n.params.axis } };
      case 'BatchNormalization':
        return { id: n.id, kind: n.kind, params: { ...n.params, center: true, scale: true } };
      default:
        return { id: n.id, kind: n.kind, params: n.params };
    }
  });
  return { nodes, edges: plain(g).edges };
}

/** The weights an exported graph reads back with: BatchNormalization without gamma/beta gets gamma 1 and beta 0. */
function weightsAfterTfjs(g: Graph, weights: ProjectWeights): ProjectWeights {
  const layers: ProjectWeights['layers'] = {};
  for (const n of g.nodes) {
    const own = Object.hasOwn(weights.layers, n.id) ? (weights.layers[n.id] ?? []) : [];
    if (own.length === 0) continue;
    if (n.kind !== 'BatchNormalization') {
      layers[n.id] = own;
      continue;
    }
    const byName = new Map(own.map((w) => [w.name, w]));
    const channels = byName.get('moving_mean')?.shape ?? [];
    const filled = (name: string, value: number) =>
      byName.get(name) ?? { name, shape: [...channels], values: new Array<number>(elementCount(channels)).fill(value) };
    layers[n.id] = [filled('gamma', 1), filled('beta', 0), filled('moving_mean', 0), filled('moving_variance', 1)];
  }
  return { layers };
}

// ---- the cases ---------------------------------------------------------------------------------------------

interface ExportCase {
  id: string;
  graph: Graph;
  weights: ProjectWeights;
  result: ReturnType<typeof exportTfjsModel>;
  /** Inputs and the engine's (or Keras's) outputs, for exported cases. */
  inputs: { shape: number[]; values: number[] }[];
  expected: number[][];
  atol: number;
}

interface FixtureIndex {
  fixtures: { name: string }[];
}

interface FixtureIo {
  inputs: unknown[];
  outputs: unknown[];
  atol: number;
}

function nestedShape(value: unknown): number[] {
  return Array.isArray(value) ? [value.length, ...nestedShape((value as unknown[])[0])] : [];
}

function nestedValues(value: unknown): number[] {
  return Array.isArray(value) ? (value as unknown[]).flatMap(nestedValues) : [Number(value)];
}

interface FixtureWeights {
  layer: string;
  weights: { name: string; shape: number[]; values: number[] }[];
}

function readFixture<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as T;
}

const FIXTURE_NAMES = readFixture<FixtureIndex>('index.json').fixtures.map((f) => f.name);

function fixtureGraph(name: string): Graph {
  const imported = importKerasConfig(readFixture<unknown>(`${name}.json`));
  if (!imported.ok) throw new Error(`${name}: ${imported.problems.map((p) => p.message).join('; ')}`);
  return imported.graph;
}

/** Compiles with the engine, exports with the engine's weights, and predicts with the engine. */
function engineCase(id: string, g: Graph, seed: number): ExportCase {
  const compiled = compileGraph(g, { seed });
  if (!compiled.ok) throw new Error(`${id}: ${compiled.message}`);
  try {
    const weights = projectWeightsOf(compiled.model);
    const result = exportTfjsModel(g, weights, { name: id });
    const inputs = result.ok ? randomInputs(g, seed + 1) : [];
    const expected = result.ok ? enginePredict(compiled.model, inputs) : [];
    return { id, graph: g, weights, result, inputs, expected, atol: ATOL };
  } finally {
    compiled.model.dispose();
  }
}

/** A fixture with Keras's own weights; expected outputs are what Keras predicted. */
function kerasCase(name: string): ExportCase {
  const g = fixtureGraph(name);
  const layers: ProjectWeights['layers'] = {};
  for (const layer of readFixture<FixtureWeights[]>(`${name}.weights.json`)) {
    layers[layer.layer] = layer.weights.map((w) => ({ name: w.name, shape: w.shape, values: w.values }));
  }
  const weights = { layers };
  const io = readFixture<FixtureIo>(`${name}.io.json`);
  const inputs = io.inputs.map((rows) => ({ shape: nestedShape(rows), values: nestedValues(rows) }));
  return { id: `keras:${name}`, graph: g, weights, result: exportTfjsModel(g, weights, { name }), inputs, expected: io.outputs.map(nestedValues), atol: io.atol };
}

function jobOf(c: ExportCase): StockJob | null {
  if (!c.result.ok) return null;
  return { id: c.id, modelJson: c.result.modelJson, weightsBase64: base64(c.result.weightsBin), inputs: c.inputs };
}

describe('TensorFlow.js export and import', () => {
  const randomGraphs = fc.sample(arbitraryValidGraph(), { numRuns: RANDOM_GRAPHS, seed: 31337 });
  const randomCases: ExportCase[] = [];
  const rewrittenCases: ExportCase[] = [];
  const fixtureCases: ExportCase[] = [];
  const kerasCases: ExportCase[] = [];
  let stock: StockRun;

  beforeAll(async () => {
    const started = Date.now();
    randomGraphs.forEach((g, i) => {
      randomCases.push(engineCase(`random-${i}`, g, 1000 + i));
      const rewritten = makeExportable(g);
      if (JSON.stringify(rewritten) !== JSON.stringify(g)) rewrittenCases.push(engineCase(`rewritten-${i}`, rewritten, 2000 + i));
    });
    FIXTURE_NAMES.forEach((name, i) => {
      fixtureCases.push(engineCase(`fixture:${name}`, fixtureGraph(name), 3000 + i));
      kerasCases.push(kerasCase(name));
    });
    const jobs = [...randomCases, ...rewrittenCases, ...fixtureCases, ...kerasCases].map(jobOf).filter((j): j is StockJob => j !== null);
    const compiled = Date.now();
    stock = await runStockTfjs(jobs);
    console.log(
      `tfjs interop: ${randomCases.filter((c) => c.result.ok).length} of ${randomCases.length} random graphs exportable as they are; ` +
        `${rewrittenCases.filter((c) => c.result.ok).length} of ${rewrittenCases.length} rewritten to exportable ones; ` +
        `${fixtureCases.filter((c) => c.result.ok).length} of ${fixtureCases.length} Keras fixtures; ` +
        `${jobs.length} models loaded in stock tfjs ${stock.version} ` +
        `(engine + export ${compiled - started} ms, stock tfjs process ${Date.now() - compiled} ms)`,
    );
  }, 300_000);

  it('loads in a fresh TensorFlow.js where none of LayerLab’s custom classes exists', () => {
    expect(stock.version).toBe('4.22.0');
    expect(stock.registry).toContain('Dense');
    const custom = ['LayerLabReLU', 'LayerLabELU', 'LayerLabSoftmax', 'LayerLabFlatten', 'LayerLabBatchNormalization', 'LayerLabDropout'];
    const activations = ['leakyRelu', 'exponential', 'kerasHardSigmoid', 'step'];
    expect(stock.registry.filter((name) => [...custom, ...activations].includes(name))).toEqual([]);
  });

  it(`exports random graphs (${RANDOM_GRAPHS} as generated, plus those rewritten to be exportable) that stock tfjs predicts exactly as the engine`, () => {
    const exported = [...randomCases, ...rewrittenCases, ...fixtureCases].filter((c) => c.result.ok);
    expect(exported.length).toBeGreaterThanOrEqual(100);
    const failures: string[] = [];
    let worstDifference = 0;
    for (const c of exported) {
      const got = stock.results.get(c.id);
      if (got?.ok !== true || got.outputs === undefined) {
        failures.push(`${c.id}: stock tfjs could not load or run it: ${got?.error ?? 'no result'}`);
        continue;
      }
      expect(new Set(got.layers?.map(([name]) => name))).toEqual(new Set(c.graph.nodes.map((n) => tfjsLayerName(n.id))));
      if (got.outputs.length !== c.expected.length) failures.push(`${c.id}: ${got.outputs.length} outputs, engine has ${c.expected.length}`);
      got.outputs.forEach((output, k) => {
        const want = c.expected[k] ?? [];
        const values = output.values.map((v) => (v === null ? Number.NaN : v));
        const worst = closeness(values, want, c.atol, c.atol);
        worstDifference = Math.max(worstDifference, worst * c.atol);
        if (values.length !== want.length || values.length === 0 || worst > 1) failures.push(`${c.id} output ${k}: off by ${worst * c.atol}`);
      });
    }
    expect(failures).toEqual([]);
    console.log(
      `tfjs interop: ${exported.length} exported engine models; largest |stock tfjs - engine| / (1 + |engine|) = ${worstDifference.toExponential(2)}`,
    );
  });

  it('refuses a graph exactly at the nodes that use something stock tfjs lacks, one problem per node, naming it', () => {
    let refused = 0;
    for (const c of [...randomCases, ...rewrittenCases, ...fixtureCases]) {
      const lacking = lackingNodes(c.graph);
      if (c.result.ok) {
        expect([...lacking.keys()], c.id).toEqual([]);
        continue;
      }
      refused += 1;
      expect(c.result.problems.map((p) => p.layer).sort(), c.id).toEqual([...lacking.keys()].sort());
      for (const problem of c.result.problems) {
        expect(problem.message.startsWith(`${problem.layer ?? ''}: `), problem.message).toBe(false);
        expect(problem.message, c.id).toContain(lacking.get(problem.layer ?? '') ?? '');
        expect(problem.message).toMatch(/TensorFlow\.js/);
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(rewrittenCases.every((c) => c.result.ok)).toBe(true);
  });

  it('gives back the same graph and weights through export -> importTfjsModel', () => {
    let identical = 0;
    const all = [...randomCases, ...rewrittenCases, ...fixtureCases].filter((c) => c.result.ok);
    for (const c of all) {
      if (!c.result.ok) continue;
      // What reaches the importer is plain JSON and bytes, as read from files.
      const modelJson = JSON.parse(JSON.stringify(c.result.modelJson)) as unknown;
      const imported = importTfjsModel(modelJson, c.result.weightsBin.slice());
      if (!imported.ok) throw new Error(`${c.id}: ${imported.problems.map((p) => p.message).join('; ')}`);
      expect(plain(imported.graph), c.id).toEqual(afterTfjs(c.graph));
      expect(imported.weights, c.id).toEqual(weightsAfterTfjs(c.graph, c.weights));
      expect(imported.modelName).toBe(c.id);
      expect(imported.warnings, c.id).toEqual([]);
      for (const n of imported.graph.nodes) expect(Number.isInteger(n.position.x) && Number.isInteger(n.position.y)).toBe(true);
      if (JSON.stringify(plain(imported.graph)) === JSON.stringify(plain(c.graph))) identical += 1;
    }
    console.log(`tfjs round trip: ${identical} of ${all.length} exported graphs came back identical, the rest with the documented stand-ins`);
    expect(identical).toBeGreaterThan(0);
  });

  it("round-trips the Keras fixtures, and stock tfjs with Keras's weights predicts what Keras predicted", () => {
    const exportable = new Set<string>();
    for (const c of kerasCases) {
      const lacking = lackingNodes(c.graph);
      if (!c.result.ok) {
        expect(c.result.problems.map((p) => p.layer).sort()).toEqual([...lacking.keys()].sort());
        continue;
      }
      exportable.add(c.id);
      const got = stock.results.get(c.id);
      expect(got?.ok, `${c.id}: ${got?.error ?? ''}`).toBe(true);
      expect(got?.outputs?.length).toBe(c.expected.length);
      got?.outputs?.forEach((output, k) => {
        const values = output.values.map((v) => (v === null ? Number.NaN : v));
        expect(closeness(values, c.expected[k] ?? [], c.atol), c.id).toBeLessThanOrEqual(1);
      });
      const back = importTfjsModel(c.result.modelJson, [c.result.weightsBin]);
      if (!back.ok) throw new Error(back.problems.map((p) => p.message).join('; '));
      expect(plain(back.graph)).toEqual(afterTfjs(c.graph));
      // Keras's weights (JSON doubles of float32 values) come back as the float32 values weights.bin holds.
      const asFloat32 = Object.entries(c.weights.layers).map(([id, list]) => [id, list.map((w) => ({ ...w, values: w.values.map(Math.fround) }))]);
      expect(back.weights).toEqual(weightsAfterTfjs(c.graph, { layers: Object.fromEntries(asFloat32) as ProjectWeights['layers'] }));
    }
    console.log(`Keras fixtures exportable to stock tfjs: ${[...exportable].join(', ')} (${exportable.size} of ${kerasCases.length})`);
    expect(exportable.size).toBeGreaterThan(0);
  });
});

// ---- the format, refusals and hostile files ----------------------------------------------------------------

const XOR = chain([
  node('x', 'Input', { shape: [2] }),
  node('hidden', 'Dense', { units: 4, activation: 'tanh' }),
  node('out', 'Dense', { units: 1, activation: 'sigmoid' }),
]);

function xorWeights(): ProjectWeights {
  const count = (n: number, start: number): number[] => Array.from({ length: n }, (_, i) => Math.fround((start + i) / 8));
  return {
    layers: {
      hidden: [
        { name: 'kernel', shape: [2, 4], values: count(8, 0) },
        { name: 'bias', shape: [4], values: count(4, 8) },
      ],
      out: [
        { name: 'kernel', shape: [4, 1], values: count(4, 12) },
        { name: 'bias', shape: [1], values: count(1, 16) },
      ],
    },
  };
}

function exportedXor(): { modelJson: TfjsModelJsonFile; weightsBin: Uint8Array } {
  const result = exportTfjsModel(XOR, xorWeights(), { name: 'XOR 2-4-1' });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result;
}

type Json = Record<string, unknown>;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function messages(result: ReturnType<typeof importTfjsModel>): string[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.problems.map((p) => (p.layer === null ? p.message : `[${p.layer}] ${p.message}`));
}

describe('exportTfjsModel: the files', () => {
  it('writes a layers-model model.json and float32 little-endian weights in manifest order', () => {
    const { modelJson, weightsBin } = exportedXor();
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.generatedBy).toBe('LayerLab');
    expect(modelJson.convertedBy).toBeNull();
    expect(modelJson.modelTopology.class_name).toBe('Model');
    expect(modelJson.modelTopology.keras_version).toBe('tfjs-layers 4.22.0');
    expect(modelJson.modelTopology.config.name).toBe('XOR 2-4-1');
    expect(modelJson.modelTopology.config.input_layers).toEqual([['x', 0, 0]]);
    expect(modelJson.modelTopology.config.output_layers).toEqual([['out', 0, 0]]);
    expect(modelJson.modelTopology.config.layers[1]).toEqual({
      name: 'hidden',
      class_name: 'Dense',
      config: {
        units: 4,
        activation: 'tanh',
        use_bias: true,
        kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: null,
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        name: 'hidden',
        trainable: true,
      },
      inbound_nodes: [[['x', 0, 0, {}]]],
    });
    expect(modelJson.weightsManifest).toEqual([
      {
        paths: ['weights.bin'],
        weights: [
          { name: 'hidden/kernel', shape: [2, 4], dtype: 'float32' },
          { name: 'hidden/bias', shape: [4], dtype: 'float32' },
          { name: 'out/kernel', shape: [4, 1], dtype: 'float32' },
          { name: 'out/bias', shape: [1], dtype: 'float32' },
        ],
      },
    ]);
    expect(weightsBin.byteLength).toBe(17 * 4);
    const view = new DataView(weightsBin.buffer, weightsBin.byteOffset, weightsBin.byteLength);
    expect(Array.from({ length: 17 }, (_, i) => view.getFloat32(i * 4, true))).toEqual(Array.from({ length: 17 }, (_, i) => i / 8));
    expect(JSON.parse(JSON.stringify(modelJson))).toEqual(modelJson);
  });

  it("writes what tfjs's own model.toJSON() writes for a model of standard layers", () => {
    const g = graph(
      [
        node('x', 'Input', { shape: [3, 2] }),
        node('y', 'Input', { shape: [3, 4] }),
        node('dense', 'Dense', {
          units: 4,
          activation: 'gelu',
          kernel_initializer: 'he_normal',
          bias_initializer: 'random_uniform',
          kernel_regularizer: { l1: 0.01, l2: 0.02 },
        }),
        node('bn', 'BatchNormalization', { axis: -1, momentum: 0.9, epsilon: 0.01 }),
        node('soft', 'Softmax', { axis: -1 }),
        node('relu', 'ReLU', { max_value: 6 }),
        node('leaky', 'LeakyReLU', { negative_slope: 0.2 }),
        node('elu', 'ELU', { alpha: 1 }),
        node('prelu', 'PReLU', { shared_axes: [1] }),
        node('cat', 'Concatenate', { axis: 2 }),
        node('sum', 'Add'),
        node('prod', 'Multiply'),
        node('flat', 'Flatten'),
        node('grid', 'Reshape', { target_shape: [4, 6] }),
        node('act', 'Activation', { activation: 'mish' }),
        node('out', 'Dense', { units: 2, activation: 'softmax', use_bias: false, kernel_initializer: 'truncated_normal' }),
      ],
      [
        ['x', 'dense'],
        ['dense', 'bn'],
        ['bn', 'soft'],
        ['soft', 'relu'],
        ['relu', 'leaky'],
        ['leaky', 'elu'],
        ['y', 'prelu'],
        ['elu', 'cat'],
        ['prelu', 'cat'],
        ['cat', 'sum'],
        ['cat', 'sum'],
        ['sum', 'prod'],
        ['cat', 'prod'],
        ['prod', 'flat'],
        ['flat', 'grid'],
        ['grid', 'act'],
        ['act', 'out'],
      ],
    );
    const compiled = compileGraph(g);
    if (!compiled.ok) throw new Error(compiled.message);
    // As tfjs's model.save() writes it (JSON drops what is undefined).
    const tfjsOwn = JSON.parse(JSON.stringify(compiled.model.toJSON(undefined, false))) as { config: { layers: { name: string; class_name: string; config: unknown }[] } };
    const result = exportTfjsModel(g, projectWeightsOf(compiled.model));
    compiled.model.dispose();
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
    const ours = result.modelJson.modelTopology;
    expect(ours.config.layers).toHaveLength(tfjsOwn.config.layers.length);
    for (const layer of ours.config.layers) {
      const theirs = tfjsOwn.config.layers.find((l) => l.name === layer.name);
      expect({ name: layer.name, class_name: layer.class_name, config: layer.config }).toEqual(theirs && { name: theirs.name, class_name: theirs.class_name, config: theirs.config });
    }
    expect(tfjsOwn).toMatchObject({ class_name: 'Model', config: { name: ours.config.name, input_layers: ours.config.input_layers, output_layers: ours.config.output_layers } });
  });

  it('names a node starting with "_" "0_..." (tfjs names start with a letter or digit) and reads it back as "_..."', () => {
    const g = chain([node('_in', 'Input', { shape: [3] }), node('_d', 'Dense', { units: 2 })]);
    const weights: ProjectWeights = {
      layers: { _d: [{ name: 'kernel', shape: [3, 2], values: [1, 2, 3, 4, 5, 6] }, { name: 'bias', shape: [2], values: [0, 1] }] },
    };
    const result = exportTfjsModel(g, weights);
    if (!result.ok) throw new Error('not exported');
    expect(result.modelJson.modelTopology.config.layers.map((l) => l.name)).toEqual(['0_in', '0_d']);
    expect(result.modelJson.weightsManifest[0]?.weights.map((w) => w.name)).toEqual(['0_d/kernel', '0_d/bias']);
    const back = importTfjsModel(result.modelJson, result.weightsBin);
    if (!back.ok) throw new Error('not imported');
    expect(back.graph.nodes.map((n) => n.id)).toEqual(['_in', '_d']);
    expect(back.weights).toEqual(weights);
    expect(back.modelName).toBe('layerlab');
  });

  it('refuses each feature stock tfjs lacks with one problem per node, and exports its exact stand-ins', () => {
    const cases: [GraphNode, string | null][] = [
      [node('out', 'Dense', { units: 2, activation: 'exponential' }), "The activation 'exponential' does not exist in TensorFlow.js."],
      [node('out', 'Activation', { activation: 'exponential' }), "The activation 'exponential' does not exist in TensorFlow.js."],
      [node('out', 'Dense', { units: 2, activation: 'step' }), "The activation 'step' does not exist in TensorFlow.js (nor in Keras)."],
      [
        node('out', 'Dense', { units: 2, activation: 'hard_sigmoid' }),
        "The activation 'hard_sigmoid' is a different function in TensorFlow.js (Keras 2's clip(0.2x + 0.5, 0, 1), not Keras 3's clip(x / 6 + 0.5, 0, 1) that LayerLab uses).",
      ],
      [
        node('out', 'Dense', { units: 2, activation: 'leaky_relu' }),
        "The activation 'leaky_relu' does not exist in TensorFlow.js; use activation 'linear' and put a LeakyReLU layer (negative slope 0.2) after this layer.",
      ],
      [node('out', 'ReLU', { threshold: 0.5 }), "TensorFlow.js's ReLU layer has no threshold, and this one has threshold 0.5."],
      [
        node('out', 'ReLU', { negative_slope: 0.1, max_value: 6 }),
        "TensorFlow.js's ReLU layer has no negative slope and its LeakyReLU layer no max value, and this ReLU has both (negative slope 0.1, max value 6).",
      ],
      [node('out', 'ELU', { alpha: 0.5 }), "TensorFlow.js's ELU layer only supports alpha 1, and this one has alpha 0.5."],
      [node('out', 'Softmax', { axis: 1 }), "TensorFlow.js's Softmax works only along the last axis, and this one works along axis 1 of an input of shape (None, 3, 2)."],
      [
        node('out', 'BatchNormalization', { axis: 1 }),
        "TensorFlow.js's BatchNormalization computes wrong values along an axis other than the last, and this one normalises axis 1 of an input of shape (None, 3, 2).",
      ],
      // Exact stand-ins: exported.
      [node('out', 'Dense', { units: 2, activation: 'silu' }), null],
      [node('out', 'Activation', { activation: 'leaky_relu' }), null],
      [node('out', 'ReLU', { negative_slope: 0.1 }), null],
      [node('out', 'ReLU', { max_value: 2.5 }), null],
      [node('out', 'ELU', { alpha: 0 }), null],
      [node('out', 'Softmax', { axis: 2 }), null],
      [node('out', 'BatchNormalization', { axis: 2, center: false, scale: false }), null],
      [node('out', 'Flatten'), null],
    ];
    for (const [layer, message] of cases) {
      const g = chain([node('x', 'Input', { shape: [3, 2] }), layer]);
      const compiled = compileGraph(g);
      if (!compiled.ok) throw new Error(compiled.message);
      const result = exportTfjsModel(g, projectWeightsOf(compiled.model));
      compiled.model.dispose();
      if (message === null) expect(result.ok, JSON.stringify(layer.params)).toBe(true);
      else expect(result).toEqual({ ok: false, problems: [{ layer: 'out', message }] });
    }
    const deep = chain([node('x', 'Input', { shape: [2, 2, 2, 2] }), node('bn', 'BatchNormalization')]);
    expect(exportTfjsModel(deep, { layers: {} })).toEqual({
      ok: false,
      problems: [
        {
          layer: 'bn',
          message: "TensorFlow.js's BatchNormalization works on inputs of at most 3 dimensions besides the batch, and this one gets (None, 2, 2, 2, 2).",
        },
      ],
    });
  });

  it('refuses networks core rejects and weights that do not fit, naming the layer', () => {
    const broken = graph([node('x', 'Input', { shape: [2] }), node('a', 'Dense', { units: 2 }), node('cat', 'Concatenate')], [
      ['x', 'a'],
      ['a', 'cat'],
    ]);
    const refused = exportTfjsModel(broken, { layers: {} });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((p) => p.layer)).toEqual(['cat']);

    const weights = xorWeights();
    const missing = { layers: { ...weights.layers, out: weights.layers.out?.slice(0, 1) ?? [] } };
    expect(exportTfjsModel(XOR, missing)).toEqual({ ok: false, problems: [{ layer: 'out', message: 'No bias weights were given for out (it needs shape (1,)).' }] });
    const wrong = { layers: { ...weights.layers, hidden: [{ name: 'kernel', shape: [4, 2], values: new Array<number>(8).fill(0) }, ...(weights.layers.hidden?.slice(1) ?? [])] } };
    expect(exportTfjsModel(XOR, wrong)).toEqual({
      ok: false,
      problems: [{ layer: 'hidden', message: "hidden's kernel weights have shape (4, 2), but this network needs (2, 4)." }],
    });
    // Weights of nodes that are not in the network are ignored.
    expect(exportTfjsModel(XOR, { layers: { ...weights.layers, gone: [{ name: 'kernel', shape: [1], values: [1] }] } }).ok).toBe(true);
  });
});

describe('importTfjsModel: hostile and broken files', () => {
  it('reads weights split across several files and groups, from one buffer or one per path', () => {
    const { modelJson, weightsBin } = exportedXor();
    const split = clone(modelJson) as unknown as Json;
    const [hiddenKernel, hiddenBias, outKernel, outBias] = modelJson.weightsManifest[0]?.weights ?? [];
    split.weightsManifest = [
      { paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: [hiddenKernel, hiddenBias] },
      { paths: ['sub/group2-shard1of1.bin'], weights: [outKernel, outBias] },
    ];
    const shards = [weightsBin.slice(0, 20), weightsBin.slice(20, 48), weightsBin.slice(48)];
    const fromShards = importTfjsModel(split, shards);
    const fromOne = importTfjsModel(split, new Uint8Array(weightsBin).buffer);
    expect(fromShards.ok && fromOne.ok).toBe(true);
    if (fromShards.ok && fromOne.ok) {
      expect(fromShards.weights).toEqual(xorWeights());
      expect(fromOne.weights).toEqual(xorWeights());
      expect(fromShards.modelName).toBe('XOR 2-4-1');
    }
    expect(messages(importTfjsModel(split, shards.slice(0, 2)))).toEqual(['The weights manifest names 3 files, but 2 files of weights were given.']);
    expect(messages(importTfjsModel(split, [shards[0] ?? new Uint8Array(), shards[1]?.slice(4) ?? new Uint8Array(), shards[2] ?? new Uint8Array()]))).toEqual([
      "The weight files 'group1-shard1of2.bin', 'group1-shard2of2.bin' hold 44 bytes, but the manifest's weights for them need 48 bytes (12 float32 numbers).",
    ]);
  });

  it('refuses missing weights, wrong byte lengths, other dtypes, quantization and paths that escape, with clear messages', () => {
    const { modelJson, weightsBin } = exportedXor();
    const withManifest = (edit: (weights: Json[], group: Json) => void): Json => {
      const copy = clone(modelJson) as unknown as Json;
      const group = (copy.weightsManifest as Json[])[0] as Json;
      edit(group.weights as Json[], group);
      return copy;
    };
    // A weight the network needs is missing (and so are its bytes).
    const missing = withManifest((weights) => weights.splice(3, 1));
    expect(messages(importTfjsModel(missing, weightsBin.slice(0, 64)))).toEqual([
      '[out] The weights manifest has no bias for this layer (the network needs one of shape (1,)).',
    ]);
    // Too few or too many bytes.
    expect(messages(importTfjsModel(modelJson, weightsBin.slice(0, 64)))).toEqual([
      'The weights data holds 64 bytes, but the weights manifest lists 68 bytes (17 float32 numbers).',
    ]);
    expect(messages(importTfjsModel(modelJson, new Uint8Array(72)))).toEqual([
      'The weights data holds 72 bytes, but the weights manifest lists 68 bytes (17 float32 numbers).',
    ]);
    // Integer and quantized weights.
    const int8 = withManifest((weights) => {
      (weights[0] as Json).dtype = 'int8';
    });
    expect(messages(importTfjsModel(int8, weightsBin))).toEqual(["The weight 'hidden/kernel' has dtype 'int8'; LayerLab reads only float32 weights."]);
    const int32 = withManifest((weights) => {
      (weights[1] as Json).dtype = 'int32';
    });
    expect(messages(importTfjsModel(int32, weightsBin))).toEqual(["The weight 'hidden/bias' has dtype 'int32'; LayerLab reads only float32 weights."]);
    const quantized = withManifest((weights) => {
      (weights[0] as Json).quantization = { dtype: 'uint8', scale: 0.1, min: -1 };
    });
    expect(messages(importTfjsModel(quantized, weightsBin))).toEqual([
      "The weight 'hidden/kernel' is quantized to uint8; LayerLab reads only float32 weights (convert the model without quantization).",
    ]);
    // Paths that leave the model's folder.
    for (const escaping of ['../x', '/etc/passwd', 'a/../../b', 'C:\\x.bin', '..', 'https://example.com/w.bin', '']) {
      const bad = withManifest((_weights, group) => {
        group.paths = [escaping];
      });
      expect(messages(importTfjsModel(bad, weightsBin))).toEqual([
        `The weights manifest names the file '${escaping}', which is not a file next to model.json; weight paths must stay inside the model's folder.`,
      ]);
    }
  });

  it('refuses weights that do not fit the network, name unknown layers, or are malformed', () => {
    const { modelJson, weightsBin } = exportedXor();
    const edit = (change: (weights: Json[]) => void): Json => {
      const copy = clone(modelJson) as unknown as Json;
      change(((copy.weightsManifest as Json[])[0] as Json).weights as Json[]);
      return copy;
    };
    const reshaped = edit((weights) => {
      (weights[0] as Json).shape = [4, 2];
    });
    expect(messages(importTfjsModel(reshaped, weightsBin))).toEqual([
      "[hidden] This layer's kernel 'hidden/kernel' has shape (4, 2) in the weights, but the network needs (2, 4).",
    ]);
    const ghost = edit((weights) => {
      (weights[3] as Json).name = 'ghost/bias';
    });
    expect(messages(importTfjsModel(ghost, weightsBin))).toEqual([
      "The weights manifest has 'ghost/bias', but the model has no layer 'ghost'.",
      '[out] The weights manifest has no bias for this layer (the network needs one of shape (1,)).',
    ]);
    const extra = edit((weights) => {
      (weights[3] as Json).name = 'out/gamma';
    });
    expect(messages(importTfjsModel(extra, weightsBin))).toEqual([
      "[out] The weights manifest has 'out/gamma', but this layer has only kernel, bias.",
      '[out] The weights manifest has no bias for this layer (the network needs one of shape (1,)).',
    ]);
    const twice = edit((weights) => {
      (weights[1] as Json).name = 'hidden/kernel';
    });
    expect(messages(importTfjsModel(twice, weightsBin))).toEqual(["The weights manifest lists the weight 'hidden/kernel' twice."]);
    const badShape = edit((weights) => {
      (weights[0] as Json).shape = [2, -4];
    });
    expect(messages(importTfjsModel(badShape, weightsBin))).toEqual(["The weight 'hidden/kernel' has shape [2, -4]; a shape is a list of sizes."]);
    const noManifest = clone(modelJson) as unknown as Json;
    delete noManifest.weightsManifest;
    expect(messages(importTfjsModel(noManifest, weightsBin))).toEqual(['The model.json has no "weightsManifest", so its weights cannot be found.']);
  });

  it('imports nothing when anything is wrong, and lists topology and weight problems together', () => {
    const { modelJson, weightsBin } = exportedXor();
    const copy = clone(modelJson) as unknown as { modelTopology: { config: { layers: Json[] } } };
    const hidden = copy.modelTopology.config.layers[1] as Json;
    hidden.class_name = 'Conv2D';
    const result = importTfjsModel(copy, weightsBin.slice(0, 8));
    expect(messages(result)).toEqual([
      '[hidden] Conv2D is not a LayerLab layer kind.',
      'The weights data holds 8 bytes, but the weights manifest lists 68 bytes (17 float32 numbers).',
    ]);
    expect(messages(importTfjsModel('not json', weightsBin))).toEqual(['The model.json text is not valid JSON.']);
    expect(messages(importTfjsModel([1, 2], weightsBin))).toEqual(['A TensorFlow.js model.json holds a JSON object, but this is [1, 2].']);
    expect(messages(importTfjsModel({ format: 'layers-model' }, weightsBin))).toEqual(['This is not a TensorFlow.js model.json: it has no "modelTopology".']);
    expect(messages(importTfjsModel({ format: 'graph-model', modelTopology: { node: [] }, weightsManifest: [] }, new Uint8Array(0)))).toEqual([
      'This is a TensorFlow.js graph model (a frozen TensorFlow graph), not a layers model; LayerLab can import only Keras layers models.',
    ]);
    expect(importTfjsModel(JSON.stringify(modelJson), weightsBin).ok).toBe(true);
  });

  it('renames layer names LayerLab cannot use, keeping their weights', () => {
    const { modelJson, weightsBin } = exportedXor();
    const text = JSON.stringify(modelJson).replaceAll('"hidden', '"1 hidden layer');
    const result = importTfjsModel(JSON.parse(text) as unknown, weightsBin);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
    expect(result.graph.nodes.map((n) => n.id)).toEqual(['x', '_1_hidden_layer', 'out']);
    expect(result.weights.layers._1_hidden_layer).toEqual(xorWeights().layers.hidden);
    expect(result.warnings).toEqual([
      "Layer '1 hidden layer' was renamed '_1_hidden_layer': LayerLab layer names use only letters, digits, '_', '.' and '-', start with a letter or '_', and have at most 64 characters.",
    ]);
  });

  it('never throws, whatever the input (property)', () => {
    const { modelJson, weightsBin } = exportedXor();
    const mutate = fc.tuple(fc.nat({ max: 400 }), fc.anything()).map(([at, value]) => {
      // Replace one value somewhere in the model.json with anything.
      let k = 0;
      const walk = (v: unknown): unknown => {
        const here = k;
        k += 1;
        if (here === at) return value;
        if (Array.isArray(v)) return v.map(walk);
        if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, walk(x)]));
        return v;
      };
      return walk(clone(modelJson));
    });
    fc.assert(
      fc.property(fc.oneof(mutate, fc.anything()), fc.oneof(fc.constant(weightsBin), fc.uint8Array({ maxLength: 80 })), (json, bytes) => {
        const result = importTfjsModel(json, bytes);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 400, seed: 99 },
    );
  });
});
