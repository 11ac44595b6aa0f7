import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Graph } from '../../src/core/graph/types.ts';
import { exportKerasModel, kerasJsonText } from '../../src/core/keras/exportConfig.ts';
import { importKerasConfig } from '../../src/core/keras/importConfig.ts';
import { createProject } from '../../src/core/project/index.ts';
import type { ProjectWeights } from '../../src/core/project/index.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import { readKerasFile, writeKerasFile } from '../../src/interop/kerasFile.ts';
import { describeKeras, runKerasScript } from '../support/keras.ts';

const FIXTURES = 'tests/fixtures/keras';
const index = JSON.parse(readFileSync(`${FIXTURES}/index.json`, 'utf8')) as { fixtures: { name: string; params: number }[] };

interface Io {
  inputs: unknown[];
  outputs: unknown[];
}

interface Case {
  name: string;
  keras: string;
  json: string;
  weights: Record<string, number[][]>;
  inputs: unknown[];
  outputs: unknown[];
}

interface CheckResult {
  name: string;
  keras_diff: number;
  json_diff: number;
  warnings: string[];
  compiled: boolean;
  optimizer: string | null;
  loss: string | null;
  params: number;
}

const withoutPositions = (graph: Graph) => ({
  nodes: graph.nodes.map(({ id, kind, params }) => ({ id, kind, params })),
  edges: [...graph.edges].map(({ source, target, inputIndex }) => ({ source, target, inputIndex })).sort((a, b) => `${a.target}${a.inputIndex}`.localeCompare(`${b.target}${b.inputIndex}`)),
});

describeKeras('round trips through real Keras: import → export (.keras and JSON) → Keras loads and predicts the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-roundtrip-'));
  const cases: Case[] = [];
  const reimported = new Map<string, { graph: Graph; weights: ProjectWeights; original: { graph: Graph; weights: ProjectWeights } }>();
  let results: CheckResult[] = [];
  let extraNames: string[] = [];

  beforeAll(async () => {
    ({ names: extraNames } = await runKerasScript<{ names: string[] }>('tests/keras/round_trip.py', { mode: 'make', dir }, 180_000));
    const sources = [
      ...index.fixtures.map((f) => ({ name: f.name, folder: FIXTURES })),
      ...extraNames.map((name) => ({ name, folder: dir })),
    ];
    for (const { name, folder } of sources) {
      const read = await readKerasFile(new Uint8Array(readFileSync(`${folder}/${name}.keras`)));
      if (!read.ok) throw new Error(`${name}: ${JSON.stringify(read.problems)}`);
      // The JSON route must agree with the .keras route.
      const fromJson = importKerasConfig(JSON.parse(readFileSync(`${folder}/${name}.json`, 'utf8')));
      if (!fromJson.ok) throw new Error(`${name}: ${JSON.stringify(fromJson.problems)}`);
      expect(withoutPositions(fromJson.graph), name).toEqual(withoutPositions(read.graph));

      const project = createProject(name, read.graph, undefined, { ...DEFAULT_TRAINING, ...read.training });
      const written = await writeKerasFile(project, read.weights);
      if (!written.ok) throw new Error(`${name}: ${JSON.stringify(written.problems)}`);
      const kerasPath = join(dir, `${name}.out.keras`);
      writeFileSync(kerasPath, written.bytes);
      const json = exportKerasModel(read.graph, { name });
      if (!json.ok) throw new Error(`${name}: ${JSON.stringify(json.problems)}`);
      const jsonPath = join(dir, `${name}.out.json`);
      writeFileSync(jsonPath, kerasJsonText(json.model));

      const again = await readKerasFile(written.bytes);
      if (!again.ok) throw new Error(`${name}: ${JSON.stringify(again.problems)}`);
      reimported.set(name, { graph: again.graph, weights: again.weights, original: { graph: read.graph, weights: read.weights } });

      const io = JSON.parse(readFileSync(`${folder}/${name}.io.json`, 'utf8')) as Io;
      const weights: Record<string, number[][]> = {};
      for (const [id, list] of Object.entries(read.weights.layers)) weights[id] = list.map((w) => w.values);
      cases.push({ name, keras: kerasPath, json: jsonPath, weights, inputs: io.inputs, outputs: io.outputs });
    }
    ({ results } = await runKerasScript<{ results: CheckResult[] }>('tests/keras/round_trip.py', { mode: 'check', cases }, 300_000));
  }, 600_000);

  it('covers every fixture and three more models written by real Keras', () => {
    expect(extraNames).toEqual(['three_inputs', 'regularised', 'trained_rmsprop']);
    expect(results.map((r) => r.name)).toEqual([...index.fixtures.map((f) => f.name), ...extraNames]);
  });

  it('the exported .keras loads in Keras and predicts what the original Keras model predicted (within 1e-4)', () => {
    const off = results.filter((r) => !(r.keras_diff <= 1e-4)).map((r) => `${r.name}: ${r.keras_diff}`);
    expect(off).toEqual([]);
  });

  it('the exported JSON loads in Keras and, with the same weights, predicts the same (within 1e-4)', () => {
    const off = results.filter((r) => !(r.json_diff <= 1e-4)).map((r) => `${r.name}: ${r.json_diff}`);
    expect(off).toEqual([]);
    for (const fixture of index.fixtures) expect(results.find((r) => r.name === fixture.name)?.params).toBe(fixture.params);
  });

  it('Keras loads everything without a warning, compiled with the original compile settings', () => {
    expect(results.filter((r) => r.warnings.length > 0).map((r) => `${r.name}: ${r.warnings.join(' | ')}`)).toEqual([]);
    expect(results.every((r) => r.compiled)).toBe(true);
    expect(results.find((r) => r.name === 'seq_trained_compiled')).toMatchObject({ optimizer: 'Adam', loss: 'categorical_crossentropy' });
    expect(results.find((r) => r.name === 'trained_rmsprop')).toMatchObject({ optimizer: 'RMSprop', loss: 'sparse_categorical_crossentropy' });
  });

  it('import → export → import gives the same project (positions aside) and the same weights', () => {
    expect(reimported.size).toBe(results.length);
    for (const [name, { graph, weights, original }] of reimported) {
      expect(withoutPositions(graph), name).toEqual(withoutPositions(original.graph));
      expect(weights, name).toEqual(original.weights);
    }
  });
});
