/**
 * A model's structure survives every round trip: inputs and outputs that are a dict (keys and order), a list of one,
 * or a single tensor, and the Keras API (Sequential or functional). Ground truth: the structure fixtures real Keras
 * 3.15 wrote (tests/fixtures/keras/make_structure_fixtures.py, listed in structure_index.json). Without Keras: the
 * import records the structure, the export writes the fixture back exactly, the project file and a canvas rename
 * keep it, and the TF.js export says by name what it cannot keep. With real Keras: every export loads, is the class
 * the rules say, and predict returns the fixture's structure (dict keys, list or array) and numbers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainGraph, connect, createNode } from '../../src/core/graph/build.ts';
import type { Graph, ModelEnds } from '../../src/core/graph/types.ts';
import { renameInGraph } from '../../src/core/editing/renameNode.ts';
import { removeFromGraph } from '../../src/core/editing/subgraph.ts';
import { exportKerasModel } from '../../src/core/keras/exportConfig.ts';
import { importKerasConfig } from '../../src/core/keras/importConfig.ts';
import { exportTfjsModel } from '../../src/core/keras/tfjsExport.ts';
import { importTfjsModel } from '../../src/core/keras/tfjsImport.ts';
import { exportPythonScript } from '../../src/core/keras/python/index.ts';
import type { LayerLabProject, ProjectWeights } from '../../src/core/project/index.ts';
import { createProject, formatProjectErrors, parseProject, serializeProject } from '../../src/core/project/index.ts';
import { inferShapes } from '../../src/core/shapes/inferShapes.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import { exportProject } from '../../src/interop/exportFiles.ts';
import { readKerasFile } from '../../src/interop/kerasFile.ts';
import { describeKeras, runKerasScript, runPython } from '../support/keras.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));

interface StructureFixture {
  name: string;
  class: string;
  params: number;
  inputs: ModelEnds;
  outputs: ModelEnds;
  predict_returns: 'dict' | 'list' | 'ndarray';
}

type Rows = number[][];
type Structured = Rows | Rows[] | Record<string, Rows>;

const INDEX = JSON.parse(readFileSync(`${FIXTURES}structure_index.json`, 'utf8')) as { keras_version: string; fixtures: StructureFixture[] };
const NAMES = INDEX.fixtures.map((f) => f.name);
const fixture = (name: string): StructureFixture => {
  const found = INDEX.fixtures.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no structure fixture ${name}`);
  return found;
};
const readJson = <T>(file: string): T => JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')) as T;
const io = (name: string): { inputs: Structured; outputs: Structured } => readJson(`${name}.io.json`);

function importJson(name: string): { graph: Graph; modelName: string } {
  const result = importKerasConfig(readFileSync(`${FIXTURES}${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

async function importKeras(name: string): Promise<{ graph: Graph; weights: ProjectWeights; modelName: string }> {
  const result = await readKerasFile(new Uint8Array(readFileSync(`${FIXTURES}${name}.keras`)));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

function exported(graph: Graph, name?: string): { model: Record<string, unknown>; config: Record<string, unknown>; warnings: string[] } {
  const result = exportKerasModel(graph, name === undefined ? {} : { name });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const model = JSON.parse(result.text) as Record<string, unknown>;
  return { model, config: model.config as Record<string, unknown>, warnings: result.warnings };
}

const noData = (name: string, graph: Graph, weights: ProjectWeights | null = null): LayerLabProject => ({
  ...createProject(name, graph, { kind: 'none' }),
  weights,
});

// ---- without Keras -------------------------------------------------------------------------------------------

describe('structure fixtures, imported and exported without Keras', () => {
  it('covers a dict of inputs and outputs, lists of one, and a single input with a dict of one output', () => {
    expect(INDEX.keras_version).toBe('3.15.1');
    expect(INDEX.fixtures.map((f) => [f.inputs.form, f.outputs.form])).toEqual([
      ['dict', 'dict'],
      ['list', 'list'],
      ['single', 'dict'],
    ]);
  });

  it.each(NAMES)('%s: the import records the Keras API and the input and output structure Keras wrote', (name) => {
    const { graph } = importJson(name);
    expect(graph.model).toEqual({ api: 'functional', inputs: fixture(name).inputs, outputs: fixture(name).outputs });
    expect(inferShapes(graph).totalParams).toBe(fixture(name).params); // Keras's count_params()
  });

  it.each(NAMES)('%s: exported again, the JSON is the fixture exactly (keys, their order, list of one, bare reference)', (name) => {
    const { graph, modelName } = importJson(name);
    const { model, warnings } = exported(graph, modelName);
    const keras = readJson<Record<string, unknown>>(`${name}.json`);
    expect(model).toStrictEqual(keras);
    expect(JSON.stringify(model)).toBe(JSON.stringify(keras)); // the dict keys in Keras's order too
    expect(warnings).toEqual([]);
  });

  it.each(NAMES)('%s: the .keras file imports with the same structure, and LayerLab\'s .keras keeps it', async (name) => {
    const first = await importKeras(name);
    expect(first.graph.model).toEqual(importJson(name).graph.model);
    const written = await exportProject(noData(first.modelName, first.graph, first.weights), 'keras', {});
    if (!written.ok) throw new Error(JSON.stringify(written.problems));
    const data = written.files[0]?.data;
    if (!(data instanceof Uint8Array)) throw new Error('no .keras bytes');
    const again = await readKerasFile(data);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.graph.model).toEqual(first.graph.model);
  });

  it.each(NAMES)('%s: a saved project keeps the structure, and opens to the same graph', (name) => {
    const { graph, modelName } = importJson(name);
    const text = serializeProject(noData(modelName, graph));
    const loaded = parseProject(text);
    if (!loaded.ok) throw new Error(formatProjectErrors(loaded.errors));
    expect(loaded.project.graph.model).toEqual(graph.model);
    expect(exported(loaded.project.graph, modelName).model).toStrictEqual(readJson(`${name}.json`));
  });

  it('a saved dict model lists its keys in order in the project file', () => {
    const text = serializeProject(noData('d', importJson('struct_dict_io').graph));
    const keys = [...text.matchAll(/"key": "([^"]+)"/g)].map((m) => m[1]);
    expect(keys).toEqual(['a', 'b', 'out_sum', 'out_prod', 'dense_out']);
  });

  it('renaming a node on the canvas renames it in the model outputs; the dict key stays', () => {
    const { graph } = importJson('struct_dict_io');
    const renamed = renameInGraph(graph, 'sum', 'total');
    expect(exported(renamed).config.output_layers).toEqual({ out_sum: ['total', 0, 0], out_prod: ['prod', 0, 0], dense_out: ['dense', 0, 0] });
  });

  it('a deleted output drops out of the dict; a new output is added under its node id; the order is kept', () => {
    const { graph } = importJson('struct_dict_io');
    const without = removeFromGraph(graph, { nodeIds: ['prod'] });
    expect(exported(without).config.output_layers).toEqual({ out_sum: ['sum', 0, 0], dense_out: ['dense', 0, 0] });
    const extra: Graph = { ...graph, nodes: [...graph.nodes, createNode('extra', 'Dense', { units: 1 })], edges: [...graph.edges, connect('b', 'extra')] };
    expect(Object.entries(exported(extra).config.output_layers as Record<string, unknown>)).toEqual([
      ['out_sum', ['sum', 0, 0]],
      ['out_prod', ['prod', 0, 0]],
      ['dense_out', ['dense', 0, 0]],
      ['extra', ['extra', 0, 0]],
    ]);
  });

  it('a single output that gains a second becomes a list', () => {
    const { graph } = importJson('struct_single_in_dict_out');
    const oneOutput: Graph = { ...graph, model: { ...graph.model, outputs: { form: 'single', ends: [{ node: 'score' }] } } };
    expect(exported(oneOutput).config.output_layers).toEqual(['score', 0, 0]);
    const two: Graph = { ...oneOutput, nodes: [...oneOutput.nodes, createNode('side', 'Dense', { units: 2 })], edges: [...oneOutput.edges, connect('hidden', 'side')] };
    expect(exported(two).config.output_layers).toEqual([
      ['score', 0, 0],
      ['side', 0, 0],
    ]);
  });

  it('TF.js export of the dict model warns by key and says what model.json holds instead; its import gets the list', async () => {
    const { graph, weights } = await importKeras('struct_dict_io');
    const result = exportTfjsModel(graph, weights, { name: 'dict_io' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.modelJson.modelTopology.config.input_layers).toEqual([
      ['a', 0, 0],
      ['b', 0, 0],
    ]);
    expect(result.modelJson.modelTopology.config.output_layers).toEqual([
      ['sum', 0, 0],
      ['prod', 0, 0],
      ['dense', 0, 0],
    ]);
    expect(result.warnings).toEqual([
      `The model's inputs are a dict with the keys "a" and "b", which the TensorFlow.js format cannot express: model.json lists them in that order instead (a for "a", b for "b"), so in TensorFlow.js the model takes a list, not a dict.`,
      `The model's outputs are a dict with the keys "out_sum", "out_prod" and "dense_out", which the TensorFlow.js format cannot express: model.json lists them in that order instead (sum for "out_sum", prod for "out_prod", dense for "dense_out"), so in TensorFlow.js the model gives a list, not a dict.`,
    ]);
    const back = importTfjsModel(result.modelJson, result.weightsBin);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.graph.model).toEqual({
      inputs: { form: 'list', ends: [{ node: 'a' }, { node: 'b' }] },
      outputs: { form: 'list', ends: [{ node: 'sum' }, { node: 'prod' }, { node: 'dense' }] },
    });
  });

  it('the Export menu passes the TF.js warning on; a list of one gets its own', async () => {
    const dict = await importKeras('struct_dict_io');
    const files = await exportProject(noData('dict', dict.graph, dict.weights), 'tfjs', {});
    expect(files.ok && files.warnings?.length).toBe(2);
    const list = await importKeras('struct_list_of_one');
    const result = exportTfjsModel(list.graph, list.weights);
    expect(result.ok && result.warnings).toEqual([
      "The model's inputs are a list of one (x), which the TensorFlow.js format cannot tell from a single tensor: model.json lists x alone, and TensorFlow.js (and a LayerLab import of the file) treat it as a single tensor.",
      "The model's outputs are a list of one (probs), which the TensorFlow.js format cannot tell from a single tensor: model.json lists probs alone, and TensorFlow.js (and a LayerLab import of the file) treat it as a single tensor.",
    ]);
  });
});

// ---- Sequential or functional ----------------------------------------------------------------------------------

const canvasChain = (): Graph =>
  chainGraph([createNode('x', 'Input', { shape: [2] }), createNode('hidden', 'Dense', { units: 3 }), createNode('out', 'Dense', { units: 1, activation: 'sigmoid' })]);

const branching = (): Graph => ({
  nodes: [
    createNode('x', 'Input', { shape: [2] }),
    createNode('left', 'Dense', { units: 3 }),
    createNode('right', 'Dense', { units: 3 }),
    createNode('join', 'Add'),
  ],
  edges: [connect('x', 'left'), connect('x', 'right'), connect('left', 'join', 0), connect('right', 'join', 1)],
});

/** The API cases: the graph, the class its Keras JSON must be, and the warning the export gives. */
const API_CASES: { name: string; graph: () => Graph; expected: 'Sequential' | 'Functional'; warning: string | null }[] = [
  { name: 'a chain built on the canvas', graph: canvasChain, expected: 'Sequential', warning: null },
  { name: 'a canvas chain the student set to functional', graph: () => ({ ...canvasChain(), model: { api: 'functional' } }), expected: 'Functional', warning: null },
  { name: 'an imported Sequential model (seq_mlp)', graph: () => importFixtureGraph('seq_mlp'), expected: 'Sequential', warning: null },
  { name: 'an imported functional chain (func_activation_layers)', graph: () => importFixtureGraph('func_activation_layers'), expected: 'Functional', warning: null },
  { name: 'a branching network', graph: branching, expected: 'Functional', warning: null },
  {
    name: 'a branching network set to Sequential (a file, or a pick before it branched)',
    graph: () => ({ ...branching(), model: { api: 'sequential' } }),
    expected: 'Functional',
    warning:
      'The model was set to Keras Sequential, but it is written with the functional API: Keras Sequential is a straight chain of layers from one Input; this network branches, merges or has more than one Input or output, so only the functional API can build it.',
  },
  {
    name: 'a chain set to Sequential whose output is a dict',
    graph: () => {
      const { graph } = importJson('struct_single_in_dict_out');
      return { ...graph, model: { ...graph.model, api: 'sequential' } };
    },
    expected: 'Functional',
    warning:
      'The model was set to Keras Sequential, but it is written with the functional API: The model\'s outputs are a dict with the key "label", which only Keras\'s functional API can express.',
  },
];

function importFixtureGraph(name: string): Graph {
  const result = importKerasConfig(readFileSync(`${FIXTURES}${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.graph;
}

describe('the Keras API rules', () => {
  it.each(API_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { model, warnings } = exported(c.graph());
    expect(model.class_name).toBe(c.expected);
    expect(warnings).toEqual(c.warning === null ? [] : [c.warning]);
  });

  it('the Python script uses the project\'s API: a canvas chain set to functional is built with keras.Model', () => {
    const project = { ...createProject('p', { ...canvasChain(), model: { api: 'functional' } }), training: { ...DEFAULT_TRAINING, epochs: 1 } };
    const script = exportPythonScript(project);
    if (!script.ok) throw new Error(JSON.stringify(script.problems));
    expect(script.text).toContain('model = keras.Model(inputs=inputs, outputs=out, name="p")');
    expect(script.text).not.toContain('keras.Sequential(');
    const sequential = exportPythonScript(createProject('p', canvasChain()));
    expect(sequential.ok && sequential.text).toContain('model = keras.Sequential(');
  });
});

// ---- real Keras ------------------------------------------------------------------------------------------------

interface Predicted {
  type: 'dict' | 'list' | 'array';
  value: Structured;
}
interface LoadReport {
  class: string;
  input_layers: unknown;
  output_layers: unknown;
  outputs: Predicted;
}
type CheckResult = { ok: true; keras: LoadReport | null; json: LoadReport | null } | { ok: false; error: string };

const flat = (value: unknown): number[] => (Array.isArray(value) ? (value as unknown[]).flatMap(flat) : [value as number]);

function maxDifference(a: Structured, b: Structured): number {
  const x = flat(Array.isArray(a) ? a : Object.values(a));
  const y = flat(Array.isArray(b) ? b : Object.values(b));
  if (x.length !== y.length) return Infinity;
  return Math.max(0, ...x.map((v, i) => Math.abs(v - (y[i] ?? NaN))));
}

/** What predict's result looks like: a dict's keys in order, a list's length, or "array". */
function shapeOf(predicted: Predicted): unknown {
  if (predicted.type === 'dict') return { dict: Object.keys(predicted.value) };
  if (predicted.type === 'list') return { list: (predicted.value as Rows[]).length };
  return 'array';
}

function fixtureShape(name: string): unknown {
  const outputs = io(name).outputs;
  if (fixture(name).predict_returns === 'dict') return { dict: Object.keys(outputs) };
  if (fixture(name).predict_returns === 'list') return { list: (outputs as Rows[]).length };
  return 'array';
}

describeKeras('real Keras loads every export with its structure and class', () => {
  let dir = '';
  const results = new Map<string, CheckResult>();
  const apiResults = new Map<string, CheckResult>();
  const exportedText = new Map<string, string>();
  const python: { code: number | null; out: string } = { code: null, out: '' };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'layerlab-structure-'));
    const cases = [];
    for (const name of NAMES) {
      const { graph, weights, modelName } = await importKeras(name);
      const project = noData(modelName, graph, weights);
      const deps = {};
      const json = await exportProject(project, 'keras-json', deps);
      const keras = await exportProject(project, 'keras', deps);
      if (!json.ok || !keras.ok) throw new Error(`${name}: ${JSON.stringify([json, keras])}`);
      const jsonPath = path.join(dir, `${name}.json`);
      const kerasPath = path.join(dir, `${name}.keras`);
      writeFileSync(jsonPath, json.files[0]?.data ?? '');
      writeFileSync(kerasPath, keras.files[0]?.data ?? '');
      exportedText.set(name, String(json.files[0]?.data ?? ''));
      const byLayer = Object.fromEntries(Object.entries(weights.layers).map(([id, tensors]) => [id, tensors.map((t) => t.values)]));
      cases.push({ keras: kerasPath, json: jsonPath, weights: byLayer, inputs: io(name).inputs });
    }
    const apiCases = API_CASES.map((c, i) => {
      const file = path.join(dir, `api_${String(i)}.json`);
      const result = exportKerasModel(c.graph());
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      writeFileSync(file, result.text);
      return { keras: null, json: file, weights: null, inputs: null };
    });
    // A Python script for the single-input, dict-output model, trained on the XOR points it fits (2 features, 1 unit).
    const scriptProject: LayerLabProject = {
      ...createProject('dict out', importJson('struct_single_in_dict_out').graph),
      training: { ...DEFAULT_TRAINING, epochs: 2, loss: 'binary_crossentropy' },
    };
    const script = exportPythonScript(scriptProject);
    if (!script.ok) throw new Error(JSON.stringify(script.problems));
    writeFileSync(path.join(dir, 'model.py'), script.text);
    expect(script.text).toContain('model = keras.Model(inputs=inputs, outputs={"label": score}, name="dict_out")');
    expect(script.text).toContain('return self.x[rows], {"label": self.y[rows]}');
    const [checked, apiChecked, run] = await Promise.all([
      runKerasScript<{ results: CheckResult[] }>('tests/keras/structure_check.py', { cases }, 180_000),
      runKerasScript<{ results: CheckResult[] }>('tests/keras/structure_check.py', { cases: apiCases }, 180_000),
      runPython([path.join(dir, 'model.py')], dir, 170_000),
    ]);
    NAMES.forEach((name, i) => {
      const result = checked.results[i];
      if (result !== undefined) results.set(name, result);
    });
    API_CASES.forEach((c, i) => {
      const result = apiChecked.results[i];
      if (result !== undefined) apiResults.set(c.name, result);
    });
    python.code = run.code;
    python.out = `${run.stdout}\n${run.stderr}`;
  }, 300_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it.each(NAMES)('%s: LayerLab\'s .keras and Keras JSON load as Functional, and predict returns the structure and numbers of io.json', (name) => {
    const result = results.get(name);
    if (result === undefined || !result.ok) throw new Error(`${name}: ${result === undefined ? 'no result' : result.error}`);
    const keras = readJson<{ config: { input_layers: unknown; output_layers: unknown } }>(`${name}.json`);
    for (const loaded of [result.keras, result.json]) {
      if (loaded === null) throw new Error('not loaded');
      expect(loaded.class).toBe(fixture(name).class);
      expect(loaded.input_layers).toEqual(keras.config.input_layers);
      expect(JSON.stringify(loaded.output_layers)).toBe(JSON.stringify(keras.config.output_layers));
      expect(shapeOf(loaded.outputs)).toEqual(fixtureShape(name));
      expect(maxDifference(loaded.outputs.value, io(name).outputs)).toBeLessThan(1e-5);
    }
    expect(exportedText.get(name)).toContain('"output_layers"');
  });

  it.each(API_CASES.map((c) => [c.name, c] as const))('%s: Keras builds the class the rule says', (_name, c) => {
    const result = apiResults.get(c.name);
    if (result === undefined || !result.ok || result.json === null) throw new Error(`${c.name}: ${JSON.stringify(result)}`);
    expect(result.json.class).toBe(c.expected);
  });

  it('the Python script of a single-input, dict-output model builds keras.Model(..., outputs={"label": ...}) and trains on y fed as that dict', () => {
    expect(python.out).toContain('Final training accuracy');
    expect(python.code).toBe(0);
  });
});
