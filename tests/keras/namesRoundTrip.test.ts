/**
 * Golden test of names: every activation and initializer a student can write in Keras survives Keras JSON ->
 * LayerLab -> Keras JSON, .keras, Python script and TF.js with the name the student wrote, and real Keras (and real
 * TensorFlow.js) loads each file into the function or initializer that name means.
 *
 * The source is a model real Keras built (tests/keras/names_round_trip.py) with each activation's own name in its
 * JSON: Keras itself writes "swish" back as "silu", so a student's hand-written or Keras 2 "swish" is exactly what
 * LayerLab must not rename.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../src/core/graph/types.ts';
import { exportKerasModel, kerasJsonText } from '../../src/core/keras/exportConfig.ts';
import { importKerasConfig } from '../../src/core/keras/importConfig.ts';
import { exportPythonScript } from '../../src/core/keras/python/index.ts';
import { exportTfjsModel } from '../../src/core/keras/tfjsExport.ts';
import { importTfjsModel } from '../../src/core/keras/tfjsImport.ts';
import type { ActivationName } from '../../src/core/layers/index.ts';
import { ACTIVATION_INFO, ACTIVATIONS, INITIALIZERS } from '../../src/core/layers/index.ts';
import { createProject } from '../../src/core/project/index.ts';
import type { ProjectWeights } from '../../src/core/project/index.ts';
import { expectedWeights } from '../../src/core/shapes/expectedWeights.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import { writeKerasFile } from '../../src/interop/kerasFile.ts';
import { describeKeras, runKerasScript } from '../support/keras.ts';

const HELPER = 'tests/keras/names_round_trip.py';

interface Names {
  activation: string;
  kernel: string;
  bias: string;
}

interface Made {
  json: string;
  layers: Record<string, Names>;
  keras_function: Record<string, string>;
  keras_class: Record<string, string>;
  serialized_activation: Record<string, string>;
}

type Report = Record<string, { written: Names | null; loaded: Names }>;

interface Checked {
  json: Report;
  keras: Report;
  script: Report;
  warnings: string[];
}

/** Every activation Keras has (all of LayerLab's but step). */
const KERAS_ACTIVATIONS = ACTIVATIONS.filter((a) => ACTIVATION_INFO[a].notInKeras === null);

/** The activations a TF.js file cannot hold, and the one TF.js knows by its other name. */
const NOT_IN_TFJS = ['leaky_relu', 'hard_sigmoid', 'exponential'];
const TFJS_NAME: Partial<Record<string, string>> = { silu: 'swish' };

function denseNodes(graph: Graph): Extract<GraphNode, { kind: 'Dense' }>[] {
  return graph.nodes.filter((n): n is Extract<GraphNode, { kind: 'Dense' }> => n.kind === 'Dense');
}

/** Small, distinct weights of the right shapes (the names, not the numbers, are under test here). */
function someWeights(graph: Graph): ProjectWeights {
  const layers: ProjectWeights['layers'] = {};
  let k = 0;
  for (const [id, wanted] of expectedWeights(graph)) {
    layers[id] = wanted.map((w) => ({
      name: w.name,
      shape: [...w.shape],
      values: Array.from({ length: w.shape.reduce((p, d) => p * d, 1) }, () => ((k++ % 7) - 3) / 16),
    }));
  }
  return { layers };
}

describeKeras('activation and initializer names survive Keras JSON -> LayerLab -> Keras JSON, .keras, Python and TF.js', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-names-'));
  let made: Made;
  let checked: Checked;
  let graph: Graph;
  let weights: ProjectWeights;
  let script = '';

  beforeAll(async () => {
    made = await runKerasScript<Made>(HELPER, { mode: 'make', dir, activations: KERAS_ACTIVATIONS, initializers: INITIALIZERS }, 180_000);
    const imported = importKerasConfig(readFileSync(made.json, 'utf8'));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    graph = imported.graph;
    weights = someWeights(graph);

    const json = exportKerasModel(graph, { name: 'names' });
    if (!json.ok) throw new Error(JSON.stringify(json.problems));
    const jsonPath = path.join(dir, 'out.json');
    writeFileSync(jsonPath, kerasJsonText(json.model));

    const project = createProject('names', graph, undefined, { ...DEFAULT_TRAINING, epochs: 1 });
    const keras = await writeKerasFile(project, weights);
    if (!keras.ok) throw new Error(JSON.stringify(keras.problems));
    const kerasPath = path.join(dir, 'out.keras');
    writeFileSync(kerasPath, keras.bytes);

    const python = exportPythonScript(project);
    if (!python.ok) throw new Error(JSON.stringify(python.problems));
    script = python.text;
    const scriptPath = path.join(dir, 'model.py');
    writeFileSync(scriptPath, script.replace(/^EPOCHS = \d+$/m, 'EPOCHS = 1'));

    checked = await runKerasScript<Checked>(HELPER, { mode: 'check', json: jsonPath, keras: kerasPath, script: scriptPath }, 240_000);
  }, 480_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('covers every Keras activation and every initializer, and Keras itself writes swish as silu', () => {
    expect(Object.values(made.layers).map((l) => l.activation)).toEqual(KERAS_ACTIVATIONS);
    expect(KERAS_ACTIVATIONS).toHaveLength(ACTIVATIONS.length - 1);
    const initializers = new Set(Object.values(made.layers).flatMap((l) => [l.kernel, l.bias]));
    expect([...INITIALIZERS].filter((i) => !initializers.has(i))).toEqual([]);
    // Why this test exists: Keras writes the function's name, not the one the student wrote.
    expect(made.serialized_activation.swish).toBe('silu');
    expect(made.keras_function.swish).toBe('silu');
    const renamedByKeras = KERAS_ACTIVATIONS.filter((a) => made.serialized_activation[a] !== a);
    expect(renamedByKeras).toEqual(['swish']);
  });

  it('imports each layer with the names it was written with', () => {
    const dense = new Map(denseNodes(graph).map((n) => [n.id, n.params]));
    for (const [layer, names] of Object.entries(made.layers)) {
      expect(dense.get(layer), layer).toMatchObject({ activation: names.activation, kernel_initializer: names.kernel, bias_initializer: names.bias });
    }
  });

  for (const route of ['json', 'keras'] as const) {
    it(`${route === 'json' ? 'the Keras JSON' : 'the .keras file'} writes the names as written, and Keras loads them into the functions they name`, () => {
      const report = checked[route];
      for (const [layer, names] of Object.entries(made.layers)) {
        const kernelClass = made.keras_class[names.kernel];
        const biasClass = made.keras_class[names.bias];
        expect(report[layer]?.written, layer).toEqual({ activation: names.activation, kernel: kernelClass, bias: biasClass });
        expect(report[layer]?.loaded, layer).toEqual({ activation: made.keras_function[names.activation], kernel: kernelClass, bias: biasClass });
      }
    });
  }

  it('the Python script writes the names as written (leaving out only Keras defaults), and Keras builds what they name', () => {
    for (const [layer, names] of Object.entries(made.layers)) {
      // The layer's call, on one line or one argument per line; its name is its last argument.
      const at = script.indexOf(`name="${layer}"`);
      expect(at, layer).toBeGreaterThan(0);
      const line = script.slice(script.lastIndexOf('layers.Dense(', at), at);
      if (names.activation === 'linear') expect(line, layer).not.toContain('activation=');
      else expect(line, layer).toContain(`activation="${names.activation}"`);
      if (names.kernel === 'glorot_uniform') expect(line, layer).not.toContain('kernel_initializer=');
      else expect(line, layer).toContain(`kernel_initializer="${names.kernel}"`);
      if (names.bias === 'zeros') expect(line, layer).not.toContain('bias_initializer=');
      else expect(line, layer).toContain(`bias_initializer="${names.bias}"`);
      expect(checked.script[layer]?.loaded, layer).toEqual({
        activation: made.keras_function[names.activation],
        kernel: made.keras_class[names.kernel],
        bias: made.keras_class[names.bias],
      });
    }
  });

  it('Keras says nothing while loading the files or running the script', () => {
    expect(checked.warnings).toEqual([]);
  });

  it('TF.js refuses the activations it lacks, layer by layer, and writes the rest under tfjs names that tfjs loads and LayerLab reads back', async () => {
    const refused = exportTfjsModel(graph, weights);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map((p) => p.layer).sort()).toEqual(NOT_IN_TFJS.map((a) => `act_${a}`).sort());

    const exportable: Graph = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.kind === 'Dense' && NOT_IN_TFJS.includes(n.params.activation) ? { ...n, params: { ...n.params, activation: 'linear' as ActivationName } } : n,
      ),
    };
    const result = exportTfjsModel(exportable, weights);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const model = await tf.models.modelFromJSON({ modelTopology: JSON.parse(JSON.stringify(result.modelJson.modelTopology)) as tf.io.ModelJSON['modelTopology'] });
    // What stock tfjs writes back for each layer is exactly what LayerLab wrote: activation and both initializers.
    const ours = result.modelJson.modelTopology.config.layers;
    const theirs = (model.toJSON(null, false) as unknown as { config: { layers: { config: Record<string, unknown> }[] } }).config.layers;
    model.dispose();
    const pick = (config: Record<string, unknown>) => ({ activation: config.activation, kernel: config.kernel_initializer, bias: config.bias_initializer });
    const dense = ours.map((l, i) => ({ l, i })).filter(({ l }) => l.class_name === 'Dense');
    for (const { l, i } of dense) expect(pick(theirs[i]?.config ?? {}), l.name).toEqual(pick(l.config));

    const back = importTfjsModel(result.modelJson, result.weightsBin);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    const backParams = new Map(denseNodes(back.graph).map((n) => [n.id, n.params]));
    for (const [layer, names] of Object.entries(made.layers)) {
      const inTfjs = NOT_IN_TFJS.includes(names.activation) ? 'linear' : (TFJS_NAME[names.activation] ?? names.activation);
      expect(ours.find((l) => l.name === layer)?.config.activation, layer).toBe(inTfjs);
      expect(backParams.get(layer), layer).toMatchObject({ activation: inTfjs, kernel_initializer: names.kernel, bias_initializer: names.bias });
    }
  });
});
