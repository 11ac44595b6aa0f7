/** The app's Import menu: models from files picked together, as `layerlab import` reads them from paths. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { layoutGraph } from '../../src/core/graph/layout.ts';
import { importKerasConfig } from '../../src/core/keras/importConfig.ts';
import { exportTfjsModel } from '../../src/core/keras/tfjsExport.ts';
import { MAX_PROJECT_FILE_BYTES, parseProject } from '../../src/core/project/index.ts';
import type { LayerLabProject } from '../../src/core/project/index.ts';
import { initialProjectWeights } from '../../src/engine/projectWeights.ts';
import { KERAS_FILE_LIMITS, readKerasFile } from '../../src/interop/kerasFile.ts';
import type { ModelImportResult, PickedFile } from '../../src/interop/modelFiles.ts';
import { importModelFiles } from '../../src/interop/modelFiles.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/xor.layerlab.json', import.meta.url));
const FIXTURE_NAMES = (JSON.parse(readFileSync(`${FIXTURES}index.json`, 'utf8')) as { fixtures: { name: string }[] }).fixtures.map((f) => f.name);

/** A picked file; `read` counts how often its bytes were read. */
function picked(name: string, data: Uint8Array | string, size?: number): PickedFile & { read: ReturnType<typeof vi.fn> } {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const read = vi.fn(async () => bytes);
  return { name, bytes: read, read, ...(size === undefined ? {} : { size }) };
}

const fixture = (file: string): PickedFile => picked(file, new Uint8Array(readFileSync(`${FIXTURES}${file}`)));

function model(result: ModelImportResult) {
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problems)}`);
  return result.model;
}

function refused(result: ModelImportResult) {
  if (result.ok) throw new Error('the import was expected to be refused');
  return result;
}

function xor(): LayerLabProject {
  const loaded = parseProject(readFileSync(EXAMPLE, 'utf8'));
  if (!loaded.ok) throw new Error('examples/xor.layerlab.json does not load');
  return loaded.project;
}

/** The XOR network as tfjs's model.json + weights.bin, with its starting weights. */
function tfjsXor() {
  const project = xor();
  const weights = initialProjectWeights(project.graph, 1);
  if (!weights.ok) throw new Error(weights.message);
  const exported = exportTfjsModel(project.graph, weights.weights, { name: project.name });
  if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
  return { project, weights: weights.weights, modelJson: exported.modelJson, weightsBin: exported.weightsBin };
}

describe('importModelFiles: real Keras files', () => {
  it.each(FIXTURE_NAMES)('%s.keras imports with its weights and compile settings, laid out left to right', async (name) => {
    const result = await importModelFiles([fixture(`${name}.keras`)]);
    const imported = model(result);
    const direct = await readKerasFile(new Uint8Array(readFileSync(`${FIXTURES}${name}.keras`)));
    if (!direct.ok) throw new Error(JSON.stringify(direct.problems));
    expect(imported.graph).toEqual(layoutGraph(direct.graph));
    expect(imported.weights).toEqual(direct.weights);
    expect(imported.training).toEqual(direct.training);
    expect(imported.modelName).toBe(direct.modelName);
    expect(imported.sourceName).toBe(`${name}.keras`);
    expect(imported.warnings).toEqual(direct.warnings.map((message) => ({ severity: 'warning', nodeId: null, message, source: 'import' })));
    // Laid out: no two boxes at the same place, inputs left of what they feed.
    const at = new Map(imported.graph.nodes.map((n) => [n.id, n.position]));
    expect(new Set(imported.graph.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(imported.graph.nodes.length);
    for (const e of imported.graph.edges) expect(at.get(e.source)!.x).toBeLessThan(at.get(e.target)!.x);
  });

  it.each(FIXTURE_NAMES)('%s.json (model.to_json()) imports as an architecture without weights', async (name) => {
    const imported = model(await importModelFiles([fixture(`${name}.json`)]));
    const direct = importKerasConfig(JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')));
    if (!direct.ok) throw new Error(JSON.stringify(direct.problems));
    expect(imported.graph).toEqual(layoutGraph(direct.graph));
    expect(imported.weights).toBeNull();
    expect(imported.training).toEqual({});
  });
});

describe('importModelFiles: TF.js model.json with its weight files', () => {
  it('imports model.json picked together with weights.bin, with the weights', async () => {
    const { project, weights, modelJson, weightsBin } = tfjsXor();
    const imported = model(await importModelFiles([picked('weights.bin', weightsBin), picked('model.json', JSON.stringify(modelJson))]));
    expect(imported.weights).toEqual(weights);
    expect(imported.graph.nodes.map((n) => [n.id, n.kind])).toEqual(project.graph.nodes.map((n) => [n.id, n.kind]));
    expect(imported.sourceName).toBe('model.json');
    expect(imported.warnings).toEqual([]);
  });

  it('refuses model.json without its weight file, naming the file to pick', async () => {
    const { modelJson } = tfjsXor();
    const result = refused(await importModelFiles([picked('model.json', JSON.stringify(modelJson))]));
    expect(result.isProjectFile).toBe(false);
    expect(result.problems).toEqual([
      { severity: 'error', nodeId: null, message: 'model.json needs weights.bin: pick it together with model.json.', source: 'import' },
    ]);
  });

  it('finds shards by name (paths in the manifest may have folders) and lists every missing one', async () => {
    const { weights, modelJson, weightsBin } = tfjsXor();
    const half = Math.floor(weightsBin.length / 8) * 4;
    const sharded = {
      ...modelJson,
      weightsManifest: modelJson.weightsManifest.map((g) => ({ ...g, paths: ['shards/group1-shard1of2.bin', 'group1-shard2of2.bin'] })),
    };
    const json = JSON.stringify(sharded);
    const one = picked('group1-shard1of2.bin', weightsBin.slice(0, half));
    const two = picked('group1-shard2of2.bin', weightsBin.slice(half));
    expect(model(await importModelFiles([picked('model.json', json), two, one])).weights).toEqual(weights);

    expect(refused(await importModelFiles([picked('model.json', json), one])).problems[0]?.message).toBe(
      'model.json needs group1-shard2of2.bin: pick it together with model.json.',
    );
    expect(refused(await importModelFiles([picked('my-model.json', json)])).problems[0]?.message).toBe(
      'my-model.json needs group1-shard1of2.bin and group1-shard2of2.bin: pick them together with my-model.json.',
    );
  });

  it('the brief\'s example: a single group1-shard1of1.bin', async () => {
    const { modelJson } = tfjsXor();
    const json = JSON.stringify({ ...modelJson, weightsManifest: modelJson.weightsManifest.map((g) => ({ ...g, paths: ['group1-shard1of1.bin'] })) });
    expect(refused(await importModelFiles([picked('model.json', json)])).problems[0]?.message).toBe(
      'model.json needs group1-shard1of1.bin: pick it together with model.json.',
    );
  });

  it('warns about picked files the model does not use', async () => {
    const { modelJson, weightsBin } = tfjsXor();
    const imported = model(await importModelFiles([picked('model.json', JSON.stringify(modelJson)), picked('weights.bin', weightsBin), picked('extra.bin', weightsBin)]));
    expect(imported.warnings).toEqual([
      { severity: 'warning', nodeId: null, message: 'extra.bin was picked too, but it is not part of the model, so it was ignored.', source: 'import' },
    ]);
  });

  it('refuses weight files picked without model.json', async () => {
    const { weightsBin } = tfjsXor();
    const result = refused(await importModelFiles([picked('weights.bin', weightsBin)]));
    expect(result.problems[0]?.message).toBe('Only weight files were picked (weights.bin).');
    expect(result.problems[0]?.fix).toBe('Pick the TF.js model.json together with its weight files.');
  });
});

describe('importModelFiles: what is not a model LayerLab imports', () => {
  it('refuses a legacy .h5 file with the CLI\'s advice, without reading it', async () => {
    const file = picked('old_model.h5', new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]));
    const result = refused(await importModelFiles([file]));
    expect(result.problems).toEqual([
      {
        severity: 'error',
        nodeId: null,
        message: 'old_model.h5 is a legacy .h5 model file, which LayerLab cannot read.',
        fix: 'In Python, save the model as .keras (model.save("model.keras")) and import that.',
        source: 'import',
      },
    ]);
    expect(file.read).not.toHaveBeenCalled();
  });

  it('recognises an HDF5 file by its bytes under another name', async () => {
    const result = refused(await importModelFiles([picked('model', new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))]));
    expect(result.problems[0]?.message).toBe('model is a legacy .h5 model file, which LayerLab cannot read.');
  });

  it('recognises a LayerLab project file and hands back its text to open as a project', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const result = refused(await importModelFiles([picked('xor.layerlab.json', text)]));
    expect(result.isProjectFile).toBe(true);
    if (!result.isProjectFile) return;
    expect(result.projectFile).toEqual({ name: 'xor.layerlab.json', text });
    expect(result.problems).toEqual([
      { severity: 'error', nodeId: null, message: 'xor.layerlab.json is a LayerLab project, not a model.', fix: 'Open it as a project instead of importing it.', source: 'import' },
    ]);
  });

  it('refuses a file above the size limit before reading it', async () => {
    const big = picked('huge.keras', new Uint8Array(4), KERAS_FILE_LIMITS.maxFileBytes + 1);
    const result = refused(await importModelFiles([big]));
    expect(result.problems).toEqual([{ severity: 'error', nodeId: null, message: 'huge.keras is 200 MB; LayerLab imports files of at most 200 MB.', source: 'import' }]);
    expect(big.read).not.toHaveBeenCalled();

    const json = picked('model.json', '{}', MAX_PROJECT_FILE_BYTES + 1);
    expect(refused(await importModelFiles([json])).problems[0]?.message).toBe('model.json is 50 MB; LayerLab imports files of at most 50 MB.');
    expect(json.read).not.toHaveBeenCalled();

    const shard = picked('weights.bin', new Uint8Array(4), KERAS_FILE_LIMITS.maxFileBytes + 10);
    const model = picked('model.json', JSON.stringify(tfjsXor().modelJson));
    expect(refused(await importModelFiles([model, shard])).problems[0]?.message).toMatch(/^weights\.bin is 200 MB; /);
    expect(model.read).not.toHaveBeenCalled();
    expect(shard.read).not.toHaveBeenCalled();
  });

  it('refuses a file whose bytes are larger than the limit even when its size was not given', async () => {
    const bytes = new Uint8Array(MAX_PROJECT_FILE_BYTES + 1).fill(0x20);
    expect(refused(await importModelFiles([picked('spaces.json', bytes)])).problems[0]?.message).toBe('spaces.json is 50 MB; LayerLab imports files of at most 50 MB.');
  });

  it('refuses two models picked together, an empty pick, and files that are neither .keras nor JSON', async () => {
    expect(refused(await importModelFiles([fixture('seq_mlp.keras'), fixture('seq_mlp.json')])).problems[0]?.message).toBe(
      'seq_mlp.keras and seq_mlp.json were picked together, but LayerLab imports one model at a time.',
    );
    expect(refused(await importModelFiles([])).problems[0]?.message).toBe('No file was picked.');
    expect(refused(await importModelFiles([picked('notes.txt', 'hello')])).problems[0]?.message).toMatch(/^notes\.txt is neither a \.keras file nor valid JSON: /);
    expect(refused(await importModelFiles([picked('bytes.bin.x', new Uint8Array([0xff, 0xfe, 0x00]))])).problems[0]?.message).toBe(
      'bytes.bin.x is neither a .keras file nor a JSON file.',
    );
  });

  it('passes on the importer\'s problems for JSON that is not a Keras model, and for a damaged .keras file', async () => {
    const notModel = refused(await importModelFiles([picked('config.json', '{"hello": 1}')]));
    expect(notModel.isProjectFile).toBe(false);
    expect(notModel.problems.length).toBeGreaterThan(0);
    expect(notModel.problems.every((p) => p.severity === 'error' && p.source === 'import')).toBe(true);

    const bytes = new Uint8Array(readFileSync(`${FIXTURES}seq_mlp.keras`));
    const cut = refused(await importModelFiles([picked('cut.keras', bytes.slice(0, bytes.length >> 1))]));
    expect(cut.problems.length).toBeGreaterThan(0);
  });

  it('reports a file that cannot be read', async () => {
    const file: PickedFile = { name: 'gone.keras', bytes: () => Promise.reject(new Error('NotReadableError: the file was moved')) };
    expect(refused(await importModelFiles([file])).problems[0]?.message).toBe('gone.keras could not be read: NotReadableError: the file was moved');
  });
});

describe('importModelFiles: what is wrong with a TF.js manifest or its weight files', () => {
  const MB = 1024 * 1024;
  /** The XOR model.json with its weight manifest's paths replaced (one group). */
  function withPaths(paths: unknown): string {
    const { modelJson } = tfjsXor();
    return JSON.stringify({ ...modelJson, weightsManifest: modelJson.weightsManifest.map((g) => ({ ...g, paths })) });
  }

  it.each([
    ['a path that is not a string', () => [picked('model.json', withPaths(['weights.bin', 7]))], 'weightsManifest has a path that is not a string.'],
    [
      'two weight files of the same name in different folders',
      () => [picked('model.json', withPaths(['a/weights.bin', 'b/weights.bin']))],
      'model.json names two weight files called weights.bin (a/weights.bin and b/weights.bin); picked files cannot be told apart by folder.',
    ],
    [
      'weight files whose declared sizes are above the limit together',
      () => [picked('model.json', withPaths(['one.bin', 'two.bin'])), picked('one.bin', new Uint8Array(), 150 * MB), picked('two.bin', new Uint8Array(), 150 * MB)],
      'The weight files of model.json are more than 200 MB together; LayerLab imports at most that.',
    ],
    [
      'a weight file that cannot be read',
      () => [picked('model.json', withPaths(['weights.bin'])), { name: 'weights.bin', bytes: () => Promise.reject(new Error('the file was moved')) }],
      'weights.bin could not be read: the file was moved',
    ],
    [
      'a weight file that fails with something that is not an Error',
      () => [picked('model.json', withPaths(['weights.bin'])), { name: 'weights.bin', bytes: () => Promise.reject('permission denied') }],
      'weights.bin could not be read: permission denied',
    ],
  ] as [string, () => PickedFile[], string][])('%s', async (_, files, message) => {
    const result = refused(await importModelFiles(files()));
    expect(result.problems.map((p) => p.message)).toEqual([message]);
  });

  it('weight files whose bytes are above the limit together, when no size was declared', async () => {
    const half = new Uint8Array(101 * MB);
    const files = [picked('model.json', withPaths(['one.bin', 'two.bin'])), picked('one.bin', half), picked('two.bin', half)];
    expect(refused(await importModelFiles(files)).problems.map((p) => p.message)).toEqual([
      'The weight files of model.json are more than 200 MB together; LayerLab imports at most that.',
    ]);
  });

  it("passes on the TF.js importer's problem when the weights do not fit the model", async () => {
    const files = [picked('model.json', withPaths(['weights.bin'])), picked('weights.bin', new Uint8Array(4))];
    const result = refused(await importModelFiles(files));
    expect(result.problems.map((p) => p.message)).toEqual([
      "The weight file 'weights.bin' holds 4 bytes, but the manifest's weights for it need 68 bytes (17 float32 numbers).",
    ]);
  });

  it('layerlab import finds weight files beside model.json, or refuses the path it is given a problem for', async () => {
    const { weights, modelJson, weightsBin } = tfjsXor();
    const json = JSON.stringify(modelJson);
    const found = await importModelFiles([picked('model.json', json)], { findWeightFile: (path) => (path.endsWith('weights.bin') ? picked('weights.bin', weightsBin) : null) });
    expect(model(found).weights).toEqual(weights);

    const outside = { severity: 'error', nodeId: null, message: 'The weight file ../secret.bin is outside the model folder.', source: 'import' } as const;
    const result = refused(await importModelFiles([picked('model.json', json)], { findWeightFile: () => outside }));
    expect(result.problems).toEqual([outside]);
  });
});
