/** The app's Export menu: every format for the XOR example, the CLI's output and refusal rules, and the load lines. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../src/core/graph/types.ts';
import { exportKerasModel, kerasJsonText } from '../../src/core/keras/exportConfig.ts';
import { exportNotebook, exportPythonScript } from '../../src/core/keras/python/index.ts';
import { importTfjsModel } from '../../src/core/keras/tfjsImport.ts';
import { parseProject } from '../../src/core/project/index.ts';
import type { LayerLabProject, ProjectWeights } from '../../src/core/project/index.ts';
import { initialProjectWeights } from '../../src/engine/projectWeights.ts';
import { readKerasFile } from '../../src/interop/kerasFile.ts';
import type { ExportDeps, ExportFormat, ExportResult } from '../../src/interop/exportFiles.ts';
import { EXPORT_FORMATS, exportFileStem, exportProject } from '../../src/interop/exportFiles.ts';

function xor(): LayerLabProject {
  const loaded = parseProject(readFileSync(new URL('../../examples/xor.layerlab.json', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('examples/xor.layerlab.json does not load');
  return loaded.project;
}

function startingWeights(graph: Graph, seed: number): ProjectWeights {
  const result = initialProjectWeights(graph, seed);
  if (!result.ok) throw new Error(result.message);
  return result.weights;
}

/** Nothing to load: only an MNIST script needs the digits asset. */
const NO_DEPS: ExportDeps = {};

function files(result: ExportResult) {
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.problems)}`);
  return result.files;
}

const text = (data: Uint8Array | string): string => (typeof data === 'string' ? data : new TextDecoder().decode(data));

function withActivation(project: LayerLabProject, id: string, activation: string): LayerLabProject {
  const nodes = project.graph.nodes.map((n) => (n.id === id && n.kind === 'Dense' ? { ...n, params: { ...n.params, activation } } : n)) as GraphNode[];
  return { ...project, graph: { ...project.graph, nodes } };
}

const ALL_FORMATS: ExportFormat[] = ['keras', 'keras-json', 'tfjs', 'python', 'notebook'];

describe('exportProject: the XOR example in every format', () => {
  it('keras-json: what the CLI writes, named after the project, with its load line', async () => {
    const project = xor();
        const result = await exportProject(project, 'keras-json', NO_DEPS);
    const [file] = files(result);
    expect(files(result)).toHaveLength(1);
    expect(file?.name).toBe('xor-2-4-1.json');
    expect(file?.mime).toBe('application/json');
    const expected = exportKerasModel(project.graph, { name: project.name, training: project.training });
    if (!expected.ok) throw new Error('xor does not export');
    expect(file?.data).toBe(`${kerasJsonText(expected.model, 2)}\n`);
    expect(result.ok && result.loadLine).toBe('keras.models.model_from_json(open("xor-2-4-1.json").read())');
    expect(result.ok && result.note).toBeUndefined();
  });

  it('keras: a zip that readKerasFile reads back with the starting weights for the training seed, and a note saying so', async () => {
    const project = xor();
        const result = await exportProject(project, 'keras', NO_DEPS);
    const [file] = files(result);
    expect(file?.name).toBe('xor-2-4-1.keras');
    expect(file?.data).toBeInstanceOf(Uint8Array);
    const bytes = file?.data as Uint8Array;
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(result.ok && result.loadLine).toBe('keras.models.load_model("xor-2-4-1.keras")');
    expect(result.ok && result.note).toBe('The network has not been trained yet: the file holds its starting weights (seed 1).');

    const back = await readKerasFile(bytes);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.weights).toEqual(startingWeights(project.graph, 1));
    expect(back.graph.nodes.map((n) => [n.id, n.kind])).toEqual(project.graph.nodes.map((n) => [n.id, n.kind]));
    expect(back.training).toMatchObject({ optimizer: 'sgd', learningRate: 0.5, loss: 'binary_crossentropy' });
  });

  it('keras: a trained project exports its own weights, without a note', async () => {
    const project = xor();
    const trained = { ...project, weights: startingWeights(project.graph, 42) };
        const result = await exportProject(trained, 'keras', NO_DEPS);
    const back = await readKerasFile(files(result)[0]?.data as Uint8Array);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.weights).toEqual(trained.weights);
    expect(result.ok && result.note).toBeUndefined();
  });

  it('tfjs: the model JSON and its weights, named after the project, found beside each other by tf.loadLayersModel', async () => {
    const project = xor();
    const result = await exportProject(project, 'tfjs', NO_DEPS);
    const out = files(result);
    expect(out.map((f) => [f.name, f.mime])).toEqual([
      ['xor-2-4-1.json', 'application/json'],
      ['xor-2-4-1.weights.bin', 'application/octet-stream'],
    ]);
    const modelJson = JSON.parse(text(out[0]!.data)) as { format: string; weightsManifest: { paths: string[] }[] };
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest.flatMap((g) => g.paths)).toEqual(['xor-2-4-1.weights.bin']);
    expect(out[1]?.data).toBeInstanceOf(Uint8Array);
    expect(result.ok && result.loadLine).toBe('await tf.loadLayersModel("xor-2-4-1.json")');
    expect(result.ok && result.note).toBe('The network has not been trained yet: xor-2-4-1.weights.bin holds its starting weights (seed 1).');
    const back = importTfjsModel(modelJson, out[1]!.data as Uint8Array);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.weights).toEqual(startingWeights(project.graph, 1));
  });

  it('exports a network whose loss does not fit its data (only the network itself must be sound)', async () => {
    const project = { ...xor(), training: { ...xor().training, loss: 'categorical_crossentropy' as const } };
    const result = await exportProject(project, 'keras-json', NO_DEPS);
    expect(result.ok).toBe(true);
  });

  it('python: the CLI script, named after the project', async () => {
    const project = xor();
    const result = await exportProject(project, 'python', NO_DEPS);
    const [file] = files(result);
    expect(file?.name).toBe('xor-2-4-1.py');
    expect(file?.mime).toBe('text/x-python');
    const expected = exportPythonScript(project);
    expect(expected.ok && file?.data).toBe(expected.ok ? expected.text : null);
    expect(result.ok && result.loadLine).toBe('python xor-2-4-1.py');
  });

  it('writes a hostile output file name into the load lines as a quoted word, never as code or a shell command', async () => {
    const project = xor();
    const keras = await exportProject(project, 'keras', NO_DEPS, { fileName: 'm"); __import__("os").system("id"); ("\n.keras' });
    expect(keras.ok && keras.loadLine).toBe('keras.models.load_model("m\\"); __import__(\\"os\\").system(\\"id\\"); (\\"\\n.keras")');
    const python = await exportProject(project, 'python', NO_DEPS, { fileName: "$(touch pwned) it's.py" });
    expect(python.ok && python.loadLine).toBe("python '$(touch pwned) it'\\''s.py'");
    const option = await exportProject(project, 'python', NO_DEPS, { fileName: '-c.py' });
    expect(option.ok && option.loadLine).toBe('python ./-c.py');
    const tfjs = await exportProject(project, 'tfjs', NO_DEPS, { fileName: 'a");alert(1);(".json' });
    expect(tfjs.ok && tfjs.loadLine).toBe('await tf.loadLayersModel("a\\");alert(1);(\\".json")');
  });

  it('notebook: the CLI notebook, named after the project', async () => {
    const project = xor();
    const result = await exportProject(project, 'notebook', NO_DEPS);
    const [file] = files(result);
    expect(file?.name).toBe('xor-2-4-1.ipynb');
    const expected = exportNotebook(project);
    expect(expected.ok && file?.data).toBe(expected.ok ? expected.text : null);
    expect((JSON.parse(text(file!.data)) as { nbformat: number }).nbformat).toBe(4);
    expect(result.ok && result.loadLine).toBe('jupyter notebook xor-2-4-1.ipynb');
  });

  it('lists every format in the menu metadata, with a label, a description and an extension', () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual([...ALL_FORMATS].sort());
    for (const format of ALL_FORMATS) {
      const info = EXPORT_FORMATS[format];
      expect(info.format).toBe(format);
      expect(info.label.length).toBeGreaterThan(0);
      expect(info.description).toMatch(/^[A-Z].*\.$/);
      expect(info.extension).toMatch(/^\./);
    }
  });
});

describe('exportProject: what stops an export (the CLI rules)', () => {
  it('refuses every format for a network with an error, naming the node', async () => {
    const project = xor();
    // "out" fed by two layers: a Dense layer takes one input.
    const broken: LayerLabProject = {
      ...project,
      graph: { ...project.graph, edges: [...project.graph.edges, { id: 'e3', source: 'x', target: 'out', inputIndex: 1 }] },
    };
    for (const format of ALL_FORMATS) {
            const result = await exportProject(broken, format, NO_DEPS);
      expect(result.ok, format).toBe(false);
      if (result.ok) continue;
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems[0]).toMatchObject({ severity: 'error', nodeId: 'out', source: 'validation' });
      expect(result.problems[0]?.nodeIds).toEqual(['out', 'hidden', 'x']);
    }
  });

  it('refuses a step activation (not in Keras, only a warning while building) in every format, naming the node', async () => {
    const step = withActivation(xor(), 'hidden', 'step');
    for (const format of ALL_FORMATS) {
      const result = await exportProject(step, format, NO_DEPS);
      expect(result.ok, format).toBe(false);
      if (result.ok) continue;
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ severity: 'error', nodeId: 'hidden' });
      expect(result.problems[0]?.message).toContain('step');
    }
  });

  it('still exports a network that does not fit its dataset (dataset problems do not block)', async () => {
    const project = xor();
    const spiral: LayerLabProject = { ...project, dataset: { kind: 'builtin', name: 'spiral', samples: 400, noise: 0.1, seed: 1, classes: 3 } };
    for (const format of ['keras', 'keras-json', 'tfjs'] as const) {
      const result = await exportProject(spiral, format, NO_DEPS);
      expect(result.ok, format).toBe(true);
    }
  });

  it('refuses what only the format cannot express, with the exporter\'s problem at the node', async () => {
    const exp = withActivation(xor(), 'hidden', 'exponential');
    const result = await exportProject(exp, 'tfjs', NO_DEPS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', nodeId: 'hidden', source: 'export' })]);
    expect((await exportProject(exp, 'keras', NO_DEPS)).ok).toBe(true);
  });

  it('refuses trained weights that no longer fit the network', async () => {
    const project = xor();
    const stale = { ...project, weights: { layers: { hidden: [{ name: 'kernel', shape: [2, 3], values: [0, 0, 0, 0, 0, 0] }] } } };
    const result = await exportProject(stale, 'keras', NO_DEPS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.every((p) => p.severity === 'error' && p.source === 'export')).toBe(true);
  });
});

describe('exportFileStem', () => {
  it.each([
    ['XOR 2-4-1', 'xor-2-4-1'],
    ['  Spiral: deep MLP!  ', 'spiral-deep-mlp'],
    ['Réseau à 3 couches', 'reseau-a-3-couches'],
    ['my_model.v2', 'my-model-v2'],
    ['***', 'model'],
    ['', 'model'],
    ['a'.repeat(100), 'a'.repeat(60)],
  ])('%j gives %j', (name, stem) => {
    expect(exportFileStem(name)).toBe(stem);
  });
});
