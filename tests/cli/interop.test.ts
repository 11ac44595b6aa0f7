import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/core/project/index.ts';
import { runCli } from './runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-interop-'));

function loadProject(path: string) {
  const result = parseProject(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.project;
}

describe('layerlab export', () => {
  it('writes Keras 3 JSON: a Sequential for a chain, with the layer names and units of the project', async () => {
    const out = join(dir, 'xor.json');
    const run = await runCli(['export', 'examples/xor.layerlab.json', '--format', 'keras-json', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`Wrote ${out} (Keras architecture (JSON)). Load it with: keras.models.model_from_json(open("xor.json").read())`);
    const model = JSON.parse(readFileSync(out, 'utf8')) as { class_name: string; config: { layers: { class_name: string; config: { name: string; units?: number } }[] } };
    expect(model.class_name).toBe('Sequential');
    expect(model.config.layers.map((l) => [l.class_name, l.config.name, l.config.units])).toEqual([
      ['InputLayer', 'x', undefined],
      ['Dense', 'hidden', 4],
      ['Dense', 'out', 1],
    ]);
  });

  it('writes a .keras file that imports back with the same weights', async () => {
    const trained = join(dir, 'trained.layerlab.json');
    expect((await runCli(['train', 'examples/xor.layerlab.json', '--epochs', '5', '--out', trained])).code).toBe(0);
    const kerasPath = join(dir, 'xor.keras');
    const run = await runCli(['export', trained, '--format', 'keras', '-o', kerasPath]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(readFileSync(kerasPath).subarray(0, 2).toString('latin1')).toBe('PK');
    const back = join(dir, 'back.layerlab.json');
    const imported = await runCli(['import', kerasPath, '-o', back]);
    expect(imported.code).toBe(0);
    expect(imported.stdout.trim()).toBe(`Imported 3 layers from ${kerasPath} into ${back} with 17 weights.`);
    const original = loadProject(trained);
    const roundTripped = loadProject(back);
    expect(roundTripped.weights).toEqual(original.weights);
    expect(roundTripped.training).toMatchObject({ optimizer: 'sgd', learningRate: 0.5, loss: 'binary_crossentropy' });
  }, 60_000);

  it('a project without trained weights exports fresh ones and says so', async () => {
    const run = await runCli(['export', 'examples/xor.layerlab.json', '--format', 'keras', '-o', join(dir, 'fresh.keras')]);
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe('note: The network has not been trained yet: the file holds its starting weights (seed 1).');
  });

  it('writes TF.js model.json + weights.bin into a folder, which imports back', async () => {
    const folder = join(dir, 'tfjs-model');
    const run = await runCli(['export', 'examples/xor.layerlab.json', '--format', 'tfjs', '-o', folder]);
    expect(run.code).toBe(0);
    expect(existsSync(join(folder, 'model.json'))).toBe(true);
    expect(readFileSync(join(folder, 'weights.bin')).length).toBe(17 * 4);
    const back = join(dir, 'from-tfjs.layerlab.json');
    const imported = await runCli(['import', join(folder, 'model.json'), '-o', back]);
    expect(imported.code).toBe(0);
    expect(Object.keys(loadProject(back).weights?.layers ?? {})).toEqual(['hidden', 'out']);
  });

  it('refuses TF.js for an activation TensorFlow.js lacks, naming the layer (exit 1)', async () => {
    const project = JSON.parse(readFileSync('examples/xor.layerlab.json', 'utf8')) as { graph: { nodes: { params: Record<string, unknown> }[] } };
    const hidden = project.graph.nodes[1];
    if (hidden !== undefined) hidden.params.activation = 'exponential';
    const path = join(dir, 'exp.layerlab.json');
    writeFileSync(path, JSON.stringify(project));
    const run = await runCli(['export', path, '--format', 'tfjs', '-o', join(dir, 'never')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`Cannot export ${path} to tfjs; nothing was written:\nerror [hidden]: The activation 'exponential' does not exist in TensorFlow.js.`);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('writes a Python script and a notebook', async () => {
    const script = join(dir, 'model.py');
    expect((await runCli(['export', 'examples/xor.layerlab.json', '--format', 'python', '-o', script])).code).toBe(0);
    const text = readFileSync(script, 'utf8');
    expect(text).toContain('model = keras.Sequential(');
    expect(text).toContain('layers.Dense(4, activation="tanh", name="hidden"),');
    expect(text).toContain('optimizer=keras.optimizers.SGD(learning_rate=0.5),');
    const notebookPath = join(dir, 'model.ipynb');
    expect((await runCli(['export', 'examples/xor.layerlab.json', '--format', 'notebook', '-o', notebookPath])).code).toBe(0);
    const notebook = JSON.parse(readFileSync(notebookPath, 'utf8')) as { nbformat: number; cells: { cell_type: string }[] };
    expect(notebook.nbformat).toBe(4);
    expect(notebook.cells.some((c) => c.cell_type === 'code')).toBe(true);
  });
});

describe('layerlab import', () => {
  it('reads a real Keras .keras file with its weights and compile settings', async () => {
    const out = join(dir, 'trained_compiled.layerlab.json');
    const run = await runCli(['import', 'tests/fixtures/keras/seq_trained_compiled.keras', '-o', out]);
    expect(run.code).toBe(0);
    const project = loadProject(out);
    expect(project.training).toMatchObject({ optimizer: 'adam', loss: 'categorical_crossentropy' });
    // 4 features and 3 classes: the Iris flowers fit, so the project trains on them.
    expect(project.dataset).toEqual({ kind: 'iris', seed: 1 });
    const validated = await runCli(['validate', out, '--json']);
    expect(validated.code).toBe(0);
    expect((JSON.parse(validated.stdout) as { totalParams: number }).totalParams).toBe(67);
  });

  it('refuses a legacy .h5 file with what to do instead (exit 2)', async () => {
    const path = join(dir, 'old.h5');
    writeFileSync(path, 'not really');
    const run = await runCli(['import', path, '-o', join(dir, 'x.layerlab.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `Cannot import ${path}; nothing was written:\nerror: old.h5 is a legacy .h5 model file, which LayerLab cannot read.\n  fix: In Python, save the model as .keras (model.save("model.keras")) and import that.`,
    );
  });

  it('refuses a damaged .keras file (exit 2) and writes nothing', async () => {
    const bytes = readFileSync('tests/fixtures/keras/seq_mlp.keras');
    const path = join(dir, 'damaged.keras');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const out = join(dir, 'damaged.layerlab.json');
    const run = await runCli(['import', path, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Cannot import ${path}; nothing was written:`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a tfjs model.json whose weight file is not beside it (exit 2), naming the file', async () => {
    const path = join(dir, 'lonely-model.json');
    writeFileSync(path, JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }] }));
    const run = await runCli(['import', path, '-o', join(dir, 'lonely.layerlab.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `Cannot import ${path}; nothing was written:\nerror: lonely-model.json needs the weight file group1-shard1of1.bin, which is not in ${dir}.`,
    );
  });

  it('refuses a tfjs model.json whose weights point outside its folder (exit 2)', async () => {
    const path = join(dir, 'evil-model.json');
    writeFileSync(path, JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['../../etc/passwd'], weights: [] }] }));
    const run = await runCli(['import', path, '-o', join(dir, 'evil.layerlab.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `Cannot import ${path}; nothing was written:\nerror: The weights manifest names the file '../../etc/passwd', which is not a file next to evil-model.json; weight paths must stay inside the model's folder.`,
    );
  });
});

describe('layerlab train continues from saved weights', () => {
  it('starts where the saved project left off, unless --fresh', async () => {
    const trained = join(dir, 'resume.layerlab.json');
    expect((await runCli(['train', 'examples/xor.layerlab.json', '--epochs', '20', '--out', trained])).code).toBe(0);
    const resumed = await runCli(['train', trained, '--epochs', '1']);
    expect(resumed.stdout.split('\n')[0]).toBe('Continuing from the weights saved in the project (add --fresh to start over).');
    const fresh = await runCli(['train', trained, '--epochs', '1', '--fresh', '--json']);
    const freshLoss = (JSON.parse(fresh.stdout.split('\n')[0] ?? '{}') as { loss: number }).loss;
    const resumedLoss = Number(/loss (\d\.\d+)/.exec(resumed.stdout)?.[1]);
    expect(resumedLoss).toBeLessThan(freshLoss / 2);
  }, 60_000);
});

describe('command-line mistakes get a clear message', () => {
  it('export without --format, import without -o, a folder as a project, an unknown help topic (exit 2)', async () => {
    const [noFormat, noOut, folder, topic] = await Promise.all([
      runCli(['export', 'examples/xor.layerlab.json', '-o', join(dir, 'x.json')]),
      runCli(['import', 'tests/fixtures/keras/seq_mlp.keras']),
      runCli(['validate', 'examples']),
      runCli(['help', 'deploy']),
    ]);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr.split('\n')[0]).toBe('export needs --format.');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr.trim()).toBe('import needs -o PROJECT: the .layerlab.json file to write.');
    expect(folder.code).toBe(2);
    expect(folder.stderr.trim()).toBe('Cannot read examples: it is a folder, not a project file.');
    expect(topic.code).toBe(2);
    expect(topic.stderr.split('\n')[0]).toBe('There is no command "deploy".');
  });

  it('saved weights that no longer fit the network stop training (exit 1) and point to --fresh', async () => {
    const trained = join(dir, 'changed.layerlab.json');
    expect((await runCli(['train', 'examples/xor.layerlab.json', '--epochs', '1', '--out', trained])).code).toBe(0);
    const project = JSON.parse(readFileSync(trained, 'utf8')) as { graph: { nodes: { params: Record<string, unknown> }[] } };
    const hidden = project.graph.nodes[1];
    if (hidden !== undefined) hidden.params.units = 5;
    writeFileSync(trained, JSON.stringify(project));
    const run = await runCli(['train', trained, '--epochs', '1']);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('The saved weights do not fit the network:');
    expect(lines[1]).toBe(
      "error: hidden's kernel weights have shape (2, 5) in this network, but the weights given have shape (2, 4), so hidden keeps its current weights.",
    );
    expect(lines[lines.length - 1]).toBe('Run again with --fresh to start from new weights.');
    const fresh = await runCli(['train', trained, '--epochs', '1', '--fresh']);
    expect(fresh.code).toBe(0);
  });
});
