/**
 * `.keras` files: reading what real Keras 3.15 wrote (tests/fixtures/keras), writing files real Keras loads, and
 * refusing damaged or hostile files with a clear message.
 *
 * - Every fixture reads to exactly the weights Keras saved (NAME.weights.json), at the HDF5 groups Keras used, and
 *   the imported network, compiled by the engine with those weights, predicts what Keras predicted.
 * - Written files (every fixture after reading it, and random graphs with the engine's starting weights) load in
 *   real Keras with `keras.models.load_model`, with no warning, compiled with the project's settings, and predict
 *   what the engine predicts. Keras then saves the loaded model itself; its model.weights.h5, config.json and zip
 *   entries must equal ours. All Keras work runs in one Python process (keras_load_check.py).
 * - Writing then reading gives back the network and the weights.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/datasets/rng.ts';
import type { Graph, GraphNode } from '../../src/core/graph/types.ts';
import { elementCount } from '../../src/core/layers/index.ts';
import { createProject } from '../../src/core/project/load.ts';
import type { LayerLabProject, ProjectWeights } from '../../src/core/project/types.ts';
import type { LossName, OptimizerName, TrainingSettings } from '../../src/core/training/settings.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { getLayerWeights, setLayerWeights } from '../../src/engine/weights.ts';
import type { LayerWeight } from '../../src/engine/weights.ts';
import { loadH5wasmBuild } from '../../src/interop/h5wasmLoader.ts';
import type { InteropProblem, KerasFileReadResult } from '../../src/interop/kerasFile.ts';
import { KERAS_FILE_LIMITS, pythonJsonDumps, readKerasFile, writeKerasFile } from '../../src/interop/kerasFile.ts';
import { kerasSnakeCase, kerasWeightLayout, readKerasWeightsH5, writeKerasWeightsH5 } from '../../src/interop/kerasWeightsH5.ts';
import { describeKeras, runKerasScript } from '../support/keras.ts';
import { arbitraryValidGraph, withoutStep } from '../support/randomGraph.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./keras_load_check.py', import.meta.url));
const RANDOM_GRAPHS = 32;
const BATCH = 4;

interface FixtureWeights {
  layer: string;
  class_name: string;
  h5_group: string;
  weights: { name: string; shape: number[]; values: number[] }[];
}

interface FixtureIo {
  /** One nested array (batch first) per model input / output. */
  inputs: unknown[];
  outputs: unknown[];
}

function flatDeep(value: unknown): number[] {
  return Array.isArray(value) ? (value as unknown[]).flatMap(flatDeep) : typeof value === 'number' ? [value] : [];
}

const FIXTURE_NAMES: string[] = (JSON.parse(readFileSync(`${FIXTURES}index.json`, 'utf8')) as { fixtures: { name: string }[] }).fixtures.map(
  (f) => f.name,
);

const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURES}${name}.keras`));
const fixtureJson = <T>(file: string): T => JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')) as T;

async function readOk(bytes: Uint8Array): Promise<Extract<KerasFileReadResult, { ok: true }>> {
  const result = await readKerasFile(bytes);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
}

async function problemsOf(bytes: Uint8Array): Promise<InteropProblem[]> {
  const result = await readKerasFile(bytes);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

function projectFrom(name: string, graph: Graph, training: Partial<TrainingSettings> = {}): LayerLabProject {
  return createProject(name, graph, undefined, { ...DEFAULT_TRAINING, ...training });
}

function engineWeights(weights: ProjectWeights): Map<string, LayerWeight[]> {
  return new Map(
    Object.entries(weights.layers).map(([id, list]) => [id, list.map((w) => ({ name: w.name, shape: w.shape, values: Float32Array.from(w.values) }))]),
  );
}

/** The engine's predictions for `inputs` (one flat row-major array per model Input), one flat array per output. */
function enginePredict(graph: Graph, weights: ProjectWeights, inputs: readonly (readonly number[])[], batch: number): number[][] {
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new Error(compiled.message);
  const { model } = compiled;
  try {
    const problems = setLayerWeights(model, engineWeights(weights));
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const tensors = model.inputs.map((t, i) => tf.tensor(inputs[i] ?? [], [batch, ...(t.shape.slice(1) as number[])]));
    const predicted = model.predict(tensors.length === 1 ? (tensors[0] as tf.Tensor) : tensors);
    const outputs = Array.isArray(predicted) ? predicted : [predicted];
    const values = outputs.map((t) => Array.from(t.dataSync()));
    tf.dispose([...tensors, ...outputs]);
    return values;
  } finally {
    model.dispose();
  }
}

/** Largest |a - b| / (atol + rtol |b|); above 1 means "not close". Non-finite values must match. */
function closeness(actual: readonly (number | null)[], expected: readonly (number | null)[], atol: number, rtol: number): number {
  if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  actual.forEach((a, i) => {
    const b = expected[i] ?? null;
    if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)) {
      if (!((a === null || !Number.isFinite(a)) && (b === null || !Number.isFinite(b)))) worst = Number.POSITIVE_INFINITY;
      return;
    }
    worst = Math.max(worst, Math.abs(a - b) / (atol + rtol * Math.abs(b)));
  });
  return worst;
}

/** Nodes (id, kind, params) and edges (source, target, inputIndex), order-free (activation names as they are: swish stays swish). */
function canonicalGraph(graph: Graph): unknown {
  const nodes = graph.nodes
    .map((n) => ({ id: n.id, kind: n.kind, params: n.params }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const edges = graph.edges.map((e) => `${e.source} -> ${e.target} #${e.inputIndex}`).sort();
  return { nodes, edges };
}

const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'adam', 'rmsprop', 'adagrad'];

function cycle<T>(items: readonly T[], i: number): T {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('empty cycle');
  return item;
}


/** The engine's freshly initialised weights for `graph` (seeded), as ProjectWeights. */
function freshWeights(graph: Graph, seed: number): ProjectWeights {
  const compiled = compileGraph(graph, { seed });
  if (!compiled.ok) throw new Error(compiled.message);
  try {
    const layers: ProjectWeights['layers'] = {};
    for (const [id, list] of getLayerWeights(compiled.model)) {
      layers[id] = list.map((w) => ({ name: w.name, shape: [...w.shape], values: Array.from(w.values) }));
    }
    return { layers };
  } finally {
    compiled.model.dispose();
  }
}

/** Seeded inputs for every Input of `graph`, in graph order: one flat array of batch x shape values each. */
function randomInputs(graph: Graph, seed: number, batch: number): number[][] {
  const rng = createRng(seed);
  return graph.nodes
    .filter((n) => n.kind === 'Input')
    .map((n) => Array.from({ length: batch * elementCount(n.kind === 'Input' ? n.params.shape : []) }, () => Math.fround(rng.normal())));
}

/** Rebuilds a zip with entries replaced (stored, as Keras does). */
function rezip(bytes: Uint8Array, replace: Record<string, Uint8Array | null>): Uint8Array {
  const entries: Record<string, Uint8Array> = unzipSync(bytes);
  for (const [name, data] of Object.entries(replace)) {
    if (data === null) delete entries[name];
    else entries[name] = data;
  }
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { level: 0 }]])));
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function fixtureConfig(name: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(unzipSync(fixtureBytes(name))['config.json'])) as Record<string, unknown>;
}

// ---- reading what Keras wrote ------------------------------------------------------------------------------

describe('readKerasFile on the files real Keras 3.15 saved', () => {
  it.each(FIXTURE_NAMES)('%s: the weights are exactly what Keras saved, from the HDF5 groups Keras used', async (name) => {
    const result = await readOk(fixtureBytes(name));
    const saved = fixtureJson<FixtureWeights[]>(`${name}.weights.json`);
    const expected = Object.fromEntries(saved.filter((l) => l.weights.length > 0).map((l) => [l.layer, l.weights.map(({ name: n, shape, values }) => ({ name: n, shape, values }))]));
    expect(result.weights.layers).toEqual(expected);
    expect(Object.keys(result.weights.layers).sort()).toEqual(Object.keys(expected).sort());

    // Our path rule (Sequential leaves out its InputLayer, Functional keeps it; class name in snake case, _N).
    const layout = kerasWeightLayout(fixtureConfig(name));
    if (!layout.ok) throw new Error('layout');
    const paths = new Map(layout.slots.map((s) => [s.layerName, `layers/${s.groupName}`]));
    expect(saved.map((l) => [l.layer, paths.get(l.layer)])).toEqual(saved.map((l) => [l.layer, l.h5_group]));
    const inputs = layout.slots.filter((s) => s.className === 'InputLayer').map((s) => s.groupName);
    expect(inputs).toEqual(fixtureConfig(name).class_name === 'Functional' ? inputs.map((_, i) => (i === 0 ? 'input_layer' : `input_layer_${i}`)) : []);
    expect(result.modelName).toBe((fixtureConfig(name).config as { name: string }).name);
  });

  it.each(FIXTURE_NAMES)('%s: the imported network with those weights predicts what Keras predicted (within 1e-4)', async (name) => {
    const result = await readOk(fixtureBytes(name));
    const io = fixtureJson<FixtureIo>(`${name}.io.json`);
    const first = io.inputs[0];
    const batch = Array.isArray(first) ? first.length : 0;
    const outputs = enginePredict(result.graph, result.weights, io.inputs.map(flatDeep), batch);
    expect(outputs).toHaveLength(io.outputs.length);
    outputs.forEach((values, i) => {
      expect(closeness(values, flatDeep(io.outputs[i]), 1e-4, 0)).toBeLessThanOrEqual(1);
    });
  });

  it("reads seq_trained_compiled's compile settings (Adam, learning rate 0.01, categorical crossentropy) and says its optimizer state is not imported", async () => {
    const result = await readOk(fixtureBytes('seq_trained_compiled'));
    expect(result.training).toEqual({ optimizer: 'adam', learningRate: 0.01, loss: 'categorical_crossentropy' });
    expect(result.warnings).toEqual([
      "The optimizer's saved state (after 12 training steps) is not imported: training in LayerLab starts the optimizer afresh.",
    ]);
  });

  it('uncompiled models have no compile settings to read', async () => {
    expect((await readOk(fixtureBytes('seq_mlp'))).training).toEqual({});
  });

  it('maps compile settings it can, warns about the rest', async () => {
    const config = fixtureConfig('seq_mlp');
    const withCompile = (compile: unknown): Uint8Array =>
      rezip(fixtureBytes('seq_mlp'), { 'config.json': text(JSON.stringify({ ...config, compile_config: compile })) });
    const sgd = await readOk(
      withCompile({
        optimizer: { module: 'keras.optimizers', class_name: 'SGD', config: { name: 'SGD', learning_rate: 0.30000001192092896, momentum: 0.9, nesterov: false } },
        loss: { module: 'keras.losses', class_name: 'MeanSquaredError', config: { name: 'mean_squared_error', reduction: 'sum_over_batch_size' } },
      }),
    );
    // SGD with momentum 0.9 is LayerLab's "momentum" optimizer; another momentum is not.
    expect(sgd.training).toEqual({ optimizer: 'momentum', learningRate: 0.3, loss: 'mean_squared_error' });
    expect(sgd.warnings).toEqual([]);
    const slow = await readOk(
      withCompile({ optimizer: { class_name: 'SGD', config: { name: 'SGD', learning_rate: 0.30000001192092896, momentum: 0.5, nesterov: false } }, loss: 'mse' }),
    );
    expect(slow.training).toEqual({ optimizer: 'sgd', learningRate: 0.3, loss: 'mean_squared_error' });
    expect(slow.warnings).toEqual(["The optimizer's momentum=0.5 is ignored: LayerLab's SGD uses Keras's default (0)."]);

    const other = await readOk(withCompile({ optimizer: { class_name: 'Nadam', config: { learning_rate: 0.001 } }, loss: 'huber' }));
    expect(other.training).toEqual({});
    expect(other.warnings.join('\n')).toContain("The model was compiled with the 'Nadam' optimizer, which LayerLab does not have");
    expect(other.warnings.join('\n')).toContain('The model was compiled with the loss "huber", which LayerLab does not have');
  });

  it('gives the weights of a layer the importer renames to its new node id', async () => {
    const config = fixtureConfig('seq_mlp');
    const renamed = JSON.parse(JSON.stringify(config).replaceAll('"hidden1"', '"hidden 1"')) as unknown;
    const result = await readOk(rezip(fixtureBytes('seq_mlp'), { 'config.json': text(JSON.stringify(renamed)) }));
    expect(result.graph.nodes.map((n) => n.id)).toEqual(['features', 'hidden_1', 'hidden2', 'probs']);
    expect(Object.keys(result.weights.layers).sort()).toEqual(['hidden2', 'hidden_1', 'probs']);
    expect(result.weights.layers.hidden_1).toEqual((await readOk(fixtureBytes('seq_mlp'))).weights.layers.hidden1);
  });

  it("points a weights-file problem of a renamed layer at the layer's node id", async () => {
    const config = fixtureConfig('seq_mlp');
    const renamed = JSON.parse(JSON.stringify(config).replaceAll('"hidden1"', '"hidden 1"').replace('"use_bias":true', '"use_bias":false')) as unknown;
    expect(JSON.stringify(renamed)).toContain('"use_bias":false');
    const problems = await problemsOf(rezip(fixtureBytes('seq_mlp'), { 'config.json': text(JSON.stringify(renamed)) }));
    expect(problems).toEqual([{ layer: 'hidden_1', message: 'model.weights.h5 holds 2 weight arrays at layers/dense/vars, but a Dense with this config has 1 (kernel).' }]);
  });

  it("reads tf.keras 2.13-2.15's layout (_layer_checkpoint_dependencies instead of layers)", async () => {
    const { weights } = await readOk(fixtureBytes('seq_mlp'));
    const h5wasm = await loadH5wasmBuild('node');
    const file = h5wasm.scratchPath();
    try {
      const out = new h5wasm.h5.File(file, 'w');
      const root = out.create_group('_layer_checkpoint_dependencies');
      (['hidden1', 'hidden2', 'probs'] as const).forEach((id, i) => {
        const vars = root.create_group(i === 0 ? 'dense' : `dense_${i}`).create_group('vars');
        (weights.layers[id] ?? []).forEach((t, k) => vars.create_dataset({ name: String(k), data: Float32Array.from(t.values), shape: t.shape, dtype: '<f' }));
      });
      out.close();
      const result = await readOk(rezip(fixtureBytes('seq_mlp'), { 'model.weights.h5': new Uint8Array(h5wasm.readFile(file)) }));
      expect(result.weights).toEqual(weights);
    } finally {
      h5wasm.remove(file);
    }
  });

  it('writes Python json.dumps text for config.json and metadata.json', () => {
    expect(pythonJsonDumps({ a: [1, 2.5, null, true], 'é"\n': { epsilon: 1e-7, momentum: 0, rate: 0.5, units: 4, stddev: 0.05, x: 1e21 } })).toBe(
      '{"a": [1, 2.5, null, true], "\\u00e9\\"\\n": {"epsilon": 1e-07, "momentum": 0.0, "rate": 0.5, "units": 4, "stddev": 0.05, "x": 1e+21}}',
    );
    expect(kerasSnakeCase('PReLU')).toBe('p_re_lu');
    expect(kerasSnakeCase('BatchNormalization')).toBe('batch_normalization');
    expect(kerasSnakeCase('LeakyReLU')).toBe('leaky_re_lu');
    expect(kerasSnakeCase('ELU')).toBe('elu');
    expect(kerasSnakeCase('RMSprop')).toBe('rm_sprop');
  });
});

// ---- hostile and damaged files -----------------------------------------------------------------------------

describe('readKerasFile refuses damaged and hostile files with a clear message, never a throw', () => {
  const good = fixtureBytes('func_concat_add');
  const only = async (bytes: Uint8Array): Promise<string> => {
    const problems = await problemsOf(bytes);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.layer).toBeNull();
    return problems[0]?.message ?? '';
  };

  it('random bytes', async () => {
    const rng = createRng(5);
    const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(rng.next() * 256));
    expect(await only(bytes)).toBe(
      'This is not a .keras file: a .keras file is a zip archive (of config.json, metadata.json and model.weights.h5), and this file is not one.',
    );
    expect(await only(new Uint8Array(0))).toBe('The file is empty.');
  });

  it('an HDF5 file or a JSON file instead of a .keras file', async () => {
    expect(await only(unzipSync(good)['model.weights.h5'] ?? new Uint8Array())).toMatch(/^This is an HDF5 file \(a Keras 2 \.h5 model or a weights file\), not a \.keras file/);
    expect(await only(new Uint8Array(readFileSync(`${FIXTURES}seq_mlp.json`)))).toBe(
      'This is a JSON file, not a .keras file; import it as a Keras model architecture (model.to_json()) instead.',
    );
  });

  it('a truncated zip, cut anywhere', async () => {
    expect(await only(good.subarray(0, Math.floor(good.length / 2)))).toBe(
      'The .keras file is incomplete or damaged: it starts as a zip archive, but the directory at the end of the archive is missing (the file was probably cut short while copying or downloading).',
    );
    for (let cut = 1; cut < good.length; cut += 997) {
      const result = await readKerasFile(good.subarray(0, cut));
      expect(result.ok).toBe(false);
    }
  });

  it('a zip without entries, without config.json, without model.weights.h5', async () => {
    expect(await only(zipSync({}))).toBe('The .keras file is an empty zip archive; a .keras file holds config.json, metadata.json and model.weights.h5.');
    expect(await only(rezip(good, { 'config.json': null }))).toBe(
      'The .keras file has no config.json; a .keras file holds config.json, metadata.json and model.weights.h5.',
    );
    expect(await only(rezip(good, { 'model.weights.h5': null }))).toBe(
      'The .keras file has no model.weights.h5; a .keras file holds config.json, metadata.json and model.weights.h5.',
    );
  });

  it('config.json that is not JSON, or not a model', async () => {
    expect(await only(rezip(good, { 'config.json': text('{"module": "keras", "class_name": ') }))).toMatch(/^config\.json in the \.keras file is not valid JSON \(/);
    expect(await only(rezip(good, { 'config.json': Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]) }))).toBe('config.json in the .keras file is not UTF-8 text.');
    expect(await only(rezip(good, { 'config.json': text('[1, 2, 3]') }))).toBe('config.json in the .keras file does not hold a Keras model config.');
    expect(await only(rezip(good, { 'config.json': text('{"class_name": "MyModel", "config": {}}') }))).toMatch(/not a Sequential or Functional model/);
  });

  it('a huge declared size (a zip bomb) is refused before anything is unpacked', async () => {
    const bomb = good.slice();
    const view = new DataView(bomb.buffer);
    // Patch the central directory: model.weights.h5 claims to unpack to 3 GB.
    for (let at = bomb.length - 22; at >= 0; at -= 1) {
      if (view.getUint32(at, true) !== 0x06054b50) continue;
      let entry = view.getUint32(at + 16, true);
      for (let i = 0; i < view.getUint16(at + 10, true); i += 1) {
        const nameLength = view.getUint16(entry + 28, true);
        const name = new TextDecoder().decode(bomb.subarray(entry + 46, entry + 46 + nameLength));
        if (name === 'model.weights.h5') view.setUint32(entry + 24, 3_000_000_000, true);
        entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
      }
      break;
    }
    expect(await only(bomb)).toBe(
      'The .keras file would unpack to 2861 MB (model.weights.h5 alone to 2861 MB); LayerLab unpacks at most 200 MB, so it was not opened.',
    );
    expect(KERAS_FILE_LIMITS.maxUnpackedBytes).toBe(200 * 1024 * 1024);
  });

  it('a deflated entry that unpacks to more than it declares, or a changed byte, is refused as damaged', async () => {
    const entries = unzipSync(good);
    const deflated = zipSync({
      'config.json': [entries['config.json'] ?? new Uint8Array(), { level: 6 }],
      'model.weights.h5': [entries['model.weights.h5'] ?? new Uint8Array(), { level: 6 }],
    });
    expect((await readOk(deflated)).graph.nodes).toHaveLength(9);
    const view = new DataView(deflated.buffer);
    for (let at = deflated.length - 22; at >= 0; at -= 1) {
      if (view.getUint32(at, true) !== 0x06054b50) continue;
      const entry = view.getUint32(at + 16, true); // config.json: claims 100 bytes
      view.setUint32(entry + 24, 100, true);
      break;
    }
    // Unpacking stops at the declared size (a zip bomb is not unpacked to the end): see tests/fuzz/regressions.test.ts.
    expect(await only(deflated)).toBe('The .keras file is damaged: config.json unpacks to more than the 100 bytes its zip directory gives.');

    const flipped = good.slice();
    const index = Buffer.from(flipped).indexOf('"units": 8');
    flipped[index + 9] = '9'.charCodeAt(0);
    expect(await only(flipped)).toBe('The .keras file is damaged: config.json does not match its checksum.');
  });

  it('a damaged or foreign model.weights.h5', async () => {
    const h5 = unzipSync(good)['model.weights.h5'] ?? new Uint8Array();
    const header = h5.slice(0, 2048);
    expect(await only(rezip(good, { 'model.weights.h5': header }))).toMatch(/^model\.weights\.h5 is damaged and cannot be read \(HDF5: /);
    expect(await only(rezip(good, { 'model.weights.h5': text('not hdf5 at all') }))).toBe('model.weights.h5 is not an HDF5 file, so its weights cannot be read.');
    const scrambled = h5.slice();
    for (let i = 96; i < 4096; i += 7) scrambled[i] = (scrambled[i] ?? 0) ^ 0x5a;
    const result = await readKerasFile(rezip(good, { 'model.weights.h5': scrambled }));
    expect(result.ok).toBe(false);
    // Weights of another model: a file whose groups hold no weights for these layers.
    const other = unzipSync(fixtureBytes('seq_flatten_reshape'))['model.weights.h5'] ?? new Uint8Array();
    const problems = await problemsOf(rezip(good, { 'model.weights.h5': other }));
    expect(problems.map((p) => p.message)).toContain(
      'model.weights.h5 has no weights for this layer, but a Dense with this config has 2 (kernel, bias).',
    );
  });

  it('weights that do not fit the network', async () => {
    const config = fixtureConfig('seq_mlp');
    const layers = ((config.config as Record<string, unknown>).layers as Record<string, unknown>[]).map((layer) => {
      const layerConfig = layer.config as Record<string, unknown>;
      if (layerConfig.name === 'hidden2') return { ...layer, config: { ...layerConfig, units: 9 }, build_config: undefined };
      if (layerConfig.name === 'probs') return { ...layer, build_config: undefined };
      return layer;
    });
    const changed = { ...config, config: { ...(config.config as Record<string, unknown>), layers } };
    const problems = await problemsOf(rezip(fixtureBytes('seq_mlp'), { 'config.json': text(JSON.stringify(changed)) }));
    expect(problems).toEqual([
      { layer: 'hidden2', message: 'The kernel weights have shape (16, 8), but the layer needs (16, 9).' },
      { layer: 'hidden2', message: 'The bias weights have shape (8,), but the layer needs (9,).' },
      { layer: 'probs', message: 'The kernel weights have shape (8, 3), but the layer needs (9, 3).' },
    ]);

    const noBias = {
      ...config,
      config: {
        ...(config.config as Record<string, unknown>),
        layers: ((config.config as Record<string, unknown>).layers as Record<string, unknown>[]).map((layer) => {
          const layerConfig = layer.config as Record<string, unknown>;
          return layerConfig.name === 'probs' ? { ...layer, config: { ...layerConfig, use_bias: false } } : layer;
        }),
      },
    };
    const countProblems = await problemsOf(rezip(fixtureBytes('seq_mlp'), { 'config.json': text(JSON.stringify(noBias)) }));
    expect(countProblems).toContainEqual({ layer: 'probs', message: 'model.weights.h5 holds 2 weight arrays at layers/dense_2/vars, but a Dense with this config has 1 (kernel).' });
  });

  it('layers LayerLab cannot import: the importer names each one', async () => {
    const config = fixtureConfig('seq_mlp');
    const layers = [...((config.config as Record<string, unknown>).layers as Record<string, unknown>[])];
    layers.splice(2, 0, { module: 'keras.layers', class_name: 'Conv1D', config: { name: 'conv', filters: 2 }, registered_name: null });
    const changed = { ...config, config: { ...(config.config as Record<string, unknown>), layers } };
    const problems = await problemsOf(rezip(fixtureBytes('seq_mlp'), { 'config.json': text(JSON.stringify(changed)) }));
    expect(problems).toContainEqual({ layer: 'conv', message: 'Conv1D is not a LayerLab layer kind.' });
  });

  it('readKerasWeightsH5 on its own: a layer named __proto__, a class whose weights LayerLab does not know', async () => {
    const h5 = unzipSync(fixtureBytes('seq_mlp'))['model.weights.h5'] ?? new Uint8Array();
    const config = fixtureConfig('seq_mlp');
    const hostile = JSON.parse(JSON.stringify(config).replace('"name":"hidden1"', '"name":"__proto__"')) as unknown;
    expect(await readKerasWeightsH5(h5, hostile)).toEqual({
      ok: false,
      problems: [{ layer: '__proto__', message: "'__proto__' is reserved in JavaScript and cannot name a layer's weights." }],
    });
    // Conv1D layers would live at layers/conv1d, ...: this file's layers/dense groups belong to no layer.
    const conv = JSON.parse(JSON.stringify(config).replaceAll('"class_name":"Dense"', '"class_name":"Conv1D"')) as unknown;
    const ignored = await readKerasWeightsH5(h5, conv);
    expect(ignored.ok && ignored.weights).toEqual({ layers: {} });
    expect(ignored.ok && ignored.warnings[0]).toBe('model.weights.h5 holds weights at layers/dense, which belong to no layer of the model; they were ignored.');
    // A class whose group (snake case "dense") holds weights LayerLab cannot name.
    const unknown = JSON.parse(JSON.stringify(config).replace('"class_name":"Dense"', '"class_name":"DENSE"')) as unknown;
    expect(await readKerasWeightsH5(h5, unknown)).toEqual({
      ok: false,
      problems: [
        {
          layer: 'hidden1',
          message: 'This layer is a DENSE, whose weights LayerLab does not know (it reads Dense, BatchNormalization and PReLU weights).',
        },
      ],
    });
  });

  it('something that is not bytes at all', async () => {
    expect(await only('a string' as unknown as Uint8Array)).toBe('The .keras file was not given as bytes.');
  });
});

// ---- writing -----------------------------------------------------------------------------------------------

describe('writeKerasFile', () => {
  it('refuses, with problems and no bytes, what Keras cannot hold', async () => {
    const { graph, weights } = await readOk(fixtureBytes('seq_mlp'));
    const stepGraph: Graph = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'hidden1' ? ({ ...n, params: { ...n.params, activation: 'step' } } as GraphNode) : n)) };
    const step = await writeKerasFile(projectFrom('step', stepGraph), weights);
    expect(step.ok).toBe(false);
    expect(!step.ok && step.problems[0]?.layer).toBe('hidden1');

    const missing = await writeKerasFile(projectFrom('m', graph), { layers: { ...weights.layers, probs: [] } });
    expect(missing).toEqual({
      ok: false,
      problems: [
        { layer: 'probs', message: 'The kernel weights are missing.' },
        { layer: 'probs', message: 'The bias weights are missing.' },
      ],
    });
    const wrong = await writeKerasFile(projectFrom('w', graph), {
      layers: { ...weights.layers, hidden1: (weights.layers.hidden1 ?? []).map((t) => (t.name === 'kernel' ? { ...t, shape: [16, 4] } : t)), ghost: [{ name: 'kernel', shape: [1], values: [1] }] },
    });
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.message)).toEqual([
      "There are weights for 'ghost', but the network has no layer of that name.",
      'The kernel weights have shape (16, 4), but the layer needs (4, 16).',
    ]);
  });

  it('writes exactly the zip entries Keras writes: metadata.json, config.json, model.weights.h5, stored', async () => {
    const { graph, weights } = await readOk(fixtureBytes('seq_mlp'));
    const date = new Date(2026, 10, 25, 19, 47, 26);
    const written = await writeKerasFile(projectFrom('seq_mlp', graph), weights, { date });
    if (!written.ok) throw new Error('write');
    const entries = unzipSync(written.bytes);
    expect(Object.keys(entries)).toEqual(['metadata.json', 'config.json', 'model.weights.h5']);
    expect(new TextDecoder().decode(entries['metadata.json'])).toBe('{"keras_version": "3.15.1", "date_saved": "2026-11-25@19:47:26"}');
    const config = new TextDecoder().decode(entries['config.json']);
    expect(config.startsWith('{"module": "keras", "class_name": "Sequential", "config": {"name": "seq_mlp", "trainable": true, ')).toBe(true);
    expect(config).toContain('"compile_config": {"optimizer": {"module": "keras.optimizers", "class_name": "SGD", "config": {"name": "sgd", "learning_rate": 0.10000000149011612,');
    expect(config).toContain('"momentum": 0.0, "nesterov": false}');
  });

  it('write -> read gives back the network and the weights: every fixture, and random graphs', async () => {
    for (const name of FIXTURE_NAMES) {
      const first = await readOk(fixtureBytes(name));
      const written = await writeKerasFile(projectFrom(name, first.graph, first.training), first.weights);
      if (!written.ok) throw new Error(`${name}: ${written.problems.map((p) => p.message).join('; ')}`);
      const again = await readOk(written.bytes);
      expect(canonicalGraph(again.graph), name).toEqual(canonicalGraph(first.graph));
      expect(again.weights, name).toEqual(first.weights);
      expect(again.modelName, name).toBe(name);
    }
    const graphs = fc.sample(arbitraryValidGraph(), { numRuns: 40, seed: 20261127 }).map(withoutStep);
    for (const [i, graph] of graphs.entries()) {
      const weights = freshWeights(graph, i);
      const training: Partial<TrainingSettings> = { optimizer: cycle(OPTIMIZERS, i), learningRate: 0.003, loss: 'mean_squared_error' };
      const written = await writeKerasFile(projectFrom(`graph ${i}`, graph, training), weights);
      if (!written.ok) throw new Error(`graph ${i}: ${written.problems.map((p) => p.message).join('; ')}`);
      const again = await readOk(written.bytes);
      expect(canonicalGraph(again.graph), `graph ${i}`).toEqual(canonicalGraph(graph));
      expect(again.weights, `graph ${i}`).toEqual(weights);
      expect(again.training, `graph ${i}`).toEqual(training);
      expect(again.warnings, `graph ${i}`).toEqual([]);
    }
  });

  it("h5wasm's browser build (in-memory files) writes and reads the same weights files as the Node build", async () => {
    const browser = loadH5wasmBuild('browser');
    expect((await browser).build).toBe('browser');
    for (const name of ['func_bn_flatten_reshape', 'seq_activation_layers']) {
      const h5 = unzipSync(fixtureBytes(name))['model.weights.h5'] ?? new Uint8Array();
      const config = fixtureConfig(name);
      const viaBrowser = await readKerasWeightsH5(h5, config, { h5wasm: browser });
      const viaNode = await readKerasWeightsH5(h5, config);
      if (!viaBrowser.ok || !viaNode.ok) throw new Error('read');
      expect(viaBrowser.weights).toEqual(viaNode.weights);
      const written = await writeKerasWeightsH5(config, viaBrowser.weights, { h5wasm: browser });
      const back = await readKerasWeightsH5(written, config);
      expect(back.ok && back.weights).toEqual(viaNode.weights);
    }
  });
});

// ---- real Keras --------------------------------------------------------------------------------------------

interface LoadResultOk {
  ok: true;
  warnings: string[];
  model_class: string;
  optimizer: string | null;
  learning_rate: number | null;
  loss: string;
  outputs: (number | null)[][];
  h5_differences: string[];
  config_differences: string[];
  zip_differences: string[];
  metadata: Record<string, unknown>;
  fixture_differences: string[];
}

type LoadResult = LoadResultOk | { ok: false; error: string };

interface KerasCase {
  label: string;
  path: string;
  resave: string;
  fixture: string | null;
  inputs: number[][];
  batch: number;
  training: TrainingSettings;
  /** The engine's predictions, one flat array per output. */
  engine: number[][];
}

const OPTIMIZER_CLASS: { readonly [O in OptimizerName]: string } = { sgd: 'SGD', momentum: 'SGD', adam: 'Adam', rmsprop: 'RMSprop', adagrad: 'Adagrad' };
const LOSS_CYCLE: readonly LossName[] = ['binary_crossentropy', 'mean_squared_error', 'categorical_crossentropy', 'sparse_categorical_crossentropy'];
const RATES = [0.1, 0.01, 0.003, 0.5, 0.0007] as const;

describeKeras('real Keras 3.15 loads the .keras files LayerLab writes', () => {
  let folder = '';
  const cases: KerasCase[] = [];
  let results: LoadResult[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'layerlab-keras-'));
    const add = async (label: string, project: LayerLabProject, weights: ProjectWeights, fixture: string | null, seed: number): Promise<void> => {
      const written = await writeKerasFile(project, weights);
      if (!written.ok) throw new Error(`${label}: ${written.problems.map((p) => p.message).join('; ')}`);
      const file = path.join(folder, `${cases.length}.keras`);
      writeFileSync(file, written.bytes);
      // Compare with the fixture's weights file only when LayerLab writes the same model class: a Functional chain
      // is exported as a Sequential model, whose model.layers (and so its groups) leave the InputLayer out.
      const ours = JSON.parse(new TextDecoder().decode(unzipSync(written.bytes)['config.json'])) as { class_name: string };
      const sameClass = fixture !== null && (JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(fixture)))['config.json'])) as { class_name: string }).class_name === ours.class_name;
      const inputs = randomInputs(project.graph, seed, BATCH);
      cases.push({
        label,
        path: file,
        resave: path.join(folder, `${cases.length}.resaved.keras`),
        fixture: sameClass ? fixture : null,
        inputs,
        batch: BATCH,
        training: project.training,
        engine: enginePredict(project.graph, weights, inputs, BATCH),
      });
    };
    for (const [i, name] of FIXTURE_NAMES.entries()) {
      const read = await readOk(fixtureBytes(name));
      const training = { ...DEFAULT_TRAINING, optimizer: cycle(OPTIMIZERS, i), ...read.training };
      await add(name, { ...projectFrom(read.modelName, read.graph), training }, read.weights, `${FIXTURES}${name}.keras`, 1000 + i);
    }
    const graphs = fc.sample(arbitraryValidGraph(), { numRuns: RANDOM_GRAPHS, seed: 20261126 }).map(withoutStep);
    for (const [i, graph] of graphs.entries()) {
      const training: TrainingSettings = {
        ...DEFAULT_TRAINING,
        optimizer: cycle(OPTIMIZERS, i),
        learningRate: cycle(RATES, i),
        loss: cycle(LOSS_CYCLE, Math.floor(i / 4)),
      };
      await add(`random graph ${i}`, projectFrom(`Random graph ${i}`, graph, training), freshWeights(graph, i), null, i);
    }
    const reply = await runKerasScript<{ results: LoadResult[] }>(
      SCRIPT,
      { cases: cases.map(({ path: p, resave, fixture, inputs, batch }) => ({ path: p, resave, fixture, inputs, batch })) },
      300_000,
    );
    results = reply.results;
  }, 320_000);

  afterAll(() => {
    if (folder !== '') rmSync(folder, { recursive: true, force: true });
  });

  function eachResult(check: (c: KerasCase, r: LoadResultOk) => string[]): string[] {
    const found: string[] = [];
    cases.forEach((c, i) => {
      const r = results[i];
      if (r === undefined || !r.ok) {
        found.push(`${c.label}: Keras failed: ${r?.ok === false ? r.error : 'no result'}`);
        return;
      }
      found.push(...check(c, r).map((m) => `${c.label}: ${m}`));
    });
    return found;
  }

  it(`loads every file (${FIXTURE_NAMES.length} fixtures, ${RANDOM_GRAPHS} random graphs) with no warning`, () => {
    expect(cases.length).toBe(FIXTURE_NAMES.length + RANDOM_GRAPHS);
    expect(results).toHaveLength(cases.length);
    expect(eachResult((_c, r) => r.warnings)).toEqual([]);
    expect(cases.filter((c) => c.label.startsWith('random') && c.inputs.length > 1).length).toBeGreaterThan(0);
  });

  it('compiles them with the project settings: optimizer class, learning rate and loss', () => {
    expect(
      eachResult((c, r) => {
        const found: string[] = [];
        if (r.optimizer !== OPTIMIZER_CLASS[c.training.optimizer]) found.push(`optimizer ${r.optimizer}, expected ${OPTIMIZER_CLASS[c.training.optimizer]}`);
        if (r.learning_rate !== Math.fround(c.training.learningRate)) found.push(`learning rate ${r.learning_rate}, expected ${c.training.learningRate}`);
        if (r.loss !== c.training.loss) found.push(`loss ${r.loss}, expected ${c.training.loss}`);
        return found;
      }),
    ).toEqual([]);
  });

  it('predicts what the engine predicts, within 1e-5', () => {
    expect(
      eachResult((c, r) => {
        if (r.outputs.length !== c.engine.length) return [`${r.outputs.length} outputs, the engine ${c.engine.length}`];
        return c.engine.flatMap((ours, k) => {
          const score = closeness(ours, r.outputs[k] ?? [], 1e-5, 0);
          return score <= 1 ? [] : [`output ${k} differs (score ${score}): engine ${ours.slice(0, 6).join(', ')}; Keras ${(r.outputs[k] ?? []).slice(0, 6).join(', ')}`];
        });
      }),
    ).toEqual([]);
  });

  it('model.weights.h5 holds exactly what Keras writes when it saves the loaded model (groups, attributes, types, shapes, values)', () => {
    expect(eachResult((_c, r) => r.h5_differences)).toEqual([]);
  });

  it("the fixtures' /layers and /vars are exactly those of the file Keras saved (when exported as the same model class)", () => {
    expect(cases.filter((c) => c.fixture !== null).length).toBeGreaterThanOrEqual(FIXTURE_NAMES.length - 2);
    expect(eachResult((c, r) => (c.fixture === null ? [] : r.fixture_differences))).toEqual([]);
  });

  it('config.json equals what Keras writes (types and key order included, shared_object_id aside, swish kept as the student wrote it); the zip entries too', () => {
    // LayerLab writes the student's "swish", which Keras reads and writes back as "silu" (the same function).
    const swishAsSilu = (d: string): boolean => /\/activation: ours 'swish', Keras 'silu'$/.test(d);
    expect(eachResult((_c, r) => [...r.config_differences.filter((d) => !swishAsSilu(d)), ...r.zip_differences])).toEqual([]);
  });
});
