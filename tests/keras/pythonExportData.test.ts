/**
 * The Python exports for every kind of data: the new seeded sets (moons, sine, plane, points added by clicking)
 * regenerated bit for bit, Iris written into the script, a CSV file and MNIST written beside it as data files that
 * numpy reads back bit for bit; compile with the project's optimizer (momentum), loss, metric (accuracy or mae) and
 * L2 penalty. Under real Keras (.keras-venv), the exported script of an Iris, a CSV, an MNIST and a sine project
 * runs as `python model.py` with the network switched off, and trains.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeDatasetAssets } from '../../src/cli/mnistAssetNode.ts';
import { generateDataset, loadDataset } from '../../src/core/datasets/load.ts';
import type { CsvDatasetConfig, Dataset, ProjectDataset } from '../../src/core/datasets/types.ts';
import { chainGraph, createNode } from '../../src/core/graph/build.ts';
import { exportNotebook, exportPythonScript, float32Literal, pythonDataset } from '../../src/core/keras/python/index.ts';
import type { GeneratedDatasetConfig } from '../../src/core/keras/python/index.ts';
import { createProject, parseProject, serializeProject } from '../../src/core/project/index.ts';
import type { LayerLabProject } from '../../src/core/project/index.ts';
import type { TrainingSettings } from '../../src/core/training/settings.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import { unzipSync } from 'fflate';
import { exportProject } from '../../src/interop/exportFiles.ts';
import type { ExportedFile } from '../../src/interop/exportFiles.ts';
import { runCliInProcess } from '../cli/runCli.ts';
import { describeKeras, pool, runKerasScript, runPython } from '../support/keras.ts';
import type { PythonRun } from '../support/keras.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATASET_CHECK = path.join(REPO_ROOT, 'tests/keras/python_dataset_check.py');
const KERAS_LOAD_CHECK = path.join(REPO_ROOT, 'tests/interop/keras_load_check.py');

// ---- projects ------------------------------------------------------------------------------------------------

function training(overrides: Partial<TrainingSettings>): TrainingSettings {
  return { ...DEFAULT_TRAINING, epochs: 30, ...overrides };
}

function loadExample(file: string): LayerLabProject {
  const result = parseProject(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));
  if (!result.ok) throw new Error(`cannot load ${file}`);
  return result.project;
}

/** A fruit table with a comma in a header, written row by row from a formula (no randomness). */
function fruitCsv(): string {
  const lines = ['weight (g),"diameter, cm",colour score,fruit'];
  const fruits = ['apple', 'cherry', 'melon'];
  for (let i = 0; i < 60; i += 1) {
    const kind = i % 3;
    const weight = [150, 8, 1200][kind] ?? 0;
    lines.push(`${weight + (i % 7) * 3.5},${[7, 2, 18][kind] ?? 0}.${i % 10},${((i * 37) % 100) / 100},${fruits[kind] ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Flats: price from size and rooms, with a wobble (regression). */
function flatsCsv(): string {
  const lines = ['size;rooms;price'];
  for (let i = 0; i < 50; i += 1) lines.push(`${30 + i * 2};${1 + (i % 4)};${(100 + i * 4.25 + (i % 4) * 10).toFixed(2)}`);
  return `${lines.join('\n')}\n`;
}

const FRUIT: CsvDatasetConfig = {
  kind: 'csv',
  fileName: 'fruit.csv',
  text: fruitCsv(),
  features: ['weight (g)', 'diameter, cm', 'colour score'],
  label: 'fruit',
  task: 'classification',
  normalization: 'standardize',
  seed: 3,
};

const FLATS: CsvDatasetConfig = { kind: 'csv', fileName: 'flats.csv', text: flatsCsv(), features: ['size', 'rooms'], label: 'price', task: 'regression', normalization: 'minmax', seed: 2 };

function irisProject(): LayerLabProject {
  const project = loadExample('iris-softmax.layerlab.json');
  return { ...project, training: { ...project.training, validationSplit: 0.2 } };
}

function fruitProject(): LayerLabProject {
  const graph = chainGraph([
    createNode('measures', 'Input', { shape: [3] }),
    createNode('hidden', 'Dense', { units: 6, activation: 'relu' }),
    createNode('fruit', 'Dense', { units: 3, activation: 'softmax' }),
  ]);
  return createProject('Fruit from a CSV', graph, FRUIT, training({ optimizer: 'adam', learningRate: 0.05, loss: 'sparse_categorical_crossentropy' }));
}

function flatsProject(): LayerLabProject {
  const graph = chainGraph([
    createNode('flat', 'Input', { shape: [2] }),
    createNode('hidden', 'Dense', { units: 4, activation: 'relu' }),
    createNode('price', 'Dense', { units: 1, activation: 'linear' }),
  ]);
  return createProject('Flat prices', graph, FLATS, training({ optimizer: 'adam', learningRate: 0.05, loss: 'mean_squared_error' }));
}

/** The digits as 28×28 images (a Flatten after the Input), 100 of them. */
function mnistProject(): LayerLabProject {
  const graph = chainGraph([
    createNode('image', 'Input', { shape: [28, 28] }),
    createNode('flat', 'Flatten', {}),
    createNode('hidden', 'Dense', { units: 16, activation: 'relu' }),
    createNode('digit', 'Dense', { units: 10, activation: 'softmax' }),
  ]);
  return createProject('Digits, small', graph, { kind: 'mnist', samples: 100, seed: 4 }, training({ optimizer: 'adam', learningRate: 0.01, loss: 'categorical_crossentropy', batchSize: 32, validationSplit: 0.1 }));
}

/** Sine: momentum, an L2 penalty on top of a layer's own, a held-out split. */
function sineProject(): LayerLabProject {
  const graph = chainGraph([
    createNode('x', 'Input', { shape: [1] }),
    createNode('hidden', 'Dense', { units: 16, activation: 'tanh', kernel_regularizer: { l1: 0, l2: 0.01 } }),
    createNode('y', 'Dense', { units: 1, activation: 'linear' }),
  ]);
  return createProject(
    'Sine fit',
    graph,
    { kind: 'regression', name: 'sine', samples: 200, noise: 0.1, seed: 5 },
    training({ optimizer: 'momentum', learningRate: 0.01, loss: 'mean_squared_error', validationSplit: 0.2, l2: 0.001, batchSize: 16 }),
  );
}

function scriptOf(project: LayerLabProject, dataset?: Dataset): { text: string; dataFile: unknown } {
  const result = exportPythonScript(project, dataset === undefined ? {} : { dataset });
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.problems)}`);
  return result;
}

const NO_DEPS = { datasetAssets: nodeDatasetAssets() };

async function exportedFiles(project: LayerLabProject, format: 'python' | 'notebook', fileName: string): Promise<ExportedFile[]> {
  const result = await exportProject(project, format, NO_DEPS, { fileName });
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.problems)}`);
  return result.files;
}

function made(config: ProjectDataset): Dataset {
  const result = generateDataset(config);
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

// ---- text --------------------------------------------------------------------------------------------------

describe('the script for each kind of data', () => {
  it('regression: mean absolute error, targets as a column, momentum and the L2 penalty added to the layer\'s own', () => {
    const { text, dataFile } = scriptOf(sineProject());
    expect(dataFile).toBeNull();
    for (const line of [
      'x, targets = make_sine(samples=200, noise=0.1, seed=5)',
      'y = targets.reshape(-1, 1)',
      '    optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9),',
      '    loss="mean_squared_error",',
      '    metrics=["mae"],',
      '        layers.Dense(1, kernel_regularizer=keras.regularizers.L2(l2=0.001), name="y"),',
      `print(f"Final validation mean absolute error: {final['val_mae'][-1]:.4f} (loss {final['val_loss'][-1]:.4f})")`,
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).toContain('            kernel_regularizer=keras.regularizers.L2(l2=0.01 + 0.001),\n');
    expect(text.replace(/\n# /g, ' ')).toContain("The project's L2 weight penalty (0.001) is added to every Dense layer's kernel: training also shrinks the weights");
    expect(text.replace(/\n# /g, ' ')).toContain('LayerLab keeps the last 20% of the examples out of training');
    expect(text).toContain('validation_data=(x_test, y_test)');
    expect(text).not.toContain('accuracy');
  });

  it('Iris: the 150 flowers written in, in the order the seed shuffled them, with no data file', () => {
    const project = irisProject();
    const { text, dataFile } = scriptOf(project);
    expect(dataFile).toBeNull();
    const rows = text.split('\n').filter((line) => /^ {4}\((\d|\.|, )+\), {2}# (setosa|versicolor|virginica)$/.test(line));
    expect(rows).toHaveLength(150);
    const iris = made(project.dataset);
    const first = Array.from(iris.features.subarray(0, 4), float32Literal).join(', ');
    expect(rows[0]).toBe(`    (${first}, ${String(iris.labels[0])}),  # ${iris.classNames[iris.labels[0] ?? 0] ?? ''}`);
    expect(text).toContain('x, labels = load_iris()');
    expect(text).not.toMatch(/keras\.datasets|urllib|requests/);
  });

  it('a CSV file: the prepared examples in a CSV data file named after the script, and where it must be', () => {
    const project = fruitProject();
    const result = exportPythonScript(project, { dataFileStem: 'fruit' });
    if (!result.ok) throw new Error('refused');
    expect(result.dataFile?.name).toBe('fruit_data.csv');
    expect(result.text).toContain('DATA_FILE = "fruit_data.csv"');
    expect(result.text).toContain('# The examples are in fruit_data.csv, which LayerLab wrote next to this script');
    expect(result.text).toContain('CLASS_NAMES = ["apple", "cherry", "melon"]');
    expect(result.text).toContain('x, labels = load_examples(DATA_FILE)');
    if (result.dataFile?.format !== 'csv') throw new Error('not a CSV file');
    const lines = result.dataFile.text.trim().split('\n');
    expect(lines[0]).toBe('weight (g),"diameter, cm",colour score,fruit');
    expect(lines).toHaveLength(61);
    const data = made(FRUIT);
    expect(lines[1]).toBe(`${Array.from(data.features.subarray(0, 3), float32Literal).join(',')},${String(data.labels[0])}`);
  });

  it('MNIST: needs the loaded digits, then writes them as an .npz beside the script and reshapes them for a 28×28 Input', async () => {
    const project = mnistProject();
    expect(exportPythonScript(project)).toEqual({
      ok: false,
      problems: [{ layer: null, message: 'The MNIST digits are not loaded, so they cannot be written beside the script; try the export again once they have loaded.' }],
    });
    const loaded = await loadDataset(project.dataset, nodeDatasetAssets());
    if (!loaded.ok) throw new Error(loaded.message);
    const result = exportPythonScript(project, { dataset: loaded.dataset });
    if (!result.ok) throw new Error('refused');
    expect(result.dataFile).toMatchObject({ format: 'npz', name: 'model_data.npz' });
    expect(result.text).toContain('x = x.reshape(-1, 28, 28)');
    expect(result.text).toContain('features = data["pixels"].astype(np.float32) / 255');
    expect(result.text).not.toMatch(/keras\.datasets|mnist\.load_data/);
  });

  it('exportProject writes the data file beside the script or notebook, named after it, and says to keep them together', async () => {
    const files = await exportedFiles(mnistProject(), 'python', 'digits.py');
    expect(files.map((f) => [f.name, f.mime])).toEqual([
      ['digits.py', 'text/x-python'],
      ['digits_data.npz', 'application/octet-stream'],
    ]);
    const npz = files[1]?.data;
    expect(npz instanceof Uint8Array && [...npz.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // a zip
    const notebook = await exportedFiles(fruitProject(), 'notebook', 'fruit.ipynb');
    expect(notebook.map((f) => f.name)).toEqual(['fruit.ipynb', 'fruit_data.csv']);
    expect(JSON.stringify(JSON.parse(String(notebook[0]?.data)))).toContain('DATA_FILE = \\"fruit_data.csv\\"');
    expect((await exportedFiles(sineProject(), 'python', 'sine.py')).map((f) => f.name)).toEqual(['sine.py']);
  });

  it('layerlab export --format python writes the data file beside the script, and says to keep them together', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-export-data-'));
    try {
      const projectPath = path.join(dir, 'fruit.layerlab.json');
      writeFileSync(projectPath, serializeProject(fruitProject()));
      const script = path.join(dir, 'out', 'fruit.py');
      mkdirSync(path.dirname(script));
      const run = await runCliInProcess(['export', projectPath, '--format', 'python', '-o', script]);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(`Wrote ${script} and ${path.join(dir, 'out', 'fruit_data.csv')} (Python script). Load it with: python fruit.py`);
      expect(run.stderr.trim()).toBe('note: Keep fruit_data.csv in the same folder as fruit.py: it holds the data.');
      expect(readFileSync(path.join(dir, 'out', 'fruit_data.csv'), 'utf8').split('\n')[0]).toBe('weight (g),"diameter, cm",colour score,fruit');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a notebook says what the data and the metric are for regression', () => {
    const result = exportNotebook(sineProject());
    if (!result.ok) throw new Error('refused');
    const markdown = (JSON.parse(result.text) as { cells: { cell_type: string; source: string[] }[] }).cells
      .filter((c) => c.cell_type === 'markdown')
      .map((c) => c.source.join(''))
      .join('\n');
    for (const phrase of ['**Sine wave**', '`SGD` (momentum 0.9) with learning rate 0.01', '`mae`, the mean absolute error', '**Weight penalty**', '**Loss and error.**']) {
      expect(markdown).toContain(phrase);
    }
  });
});

// ---- real Keras ----------------------------------------------------------------------------------------------

interface DatasetCheckResult {
  ok: boolean;
  error?: string;
  features_bits: number[];
  features_shape: number[];
  features_dtype: string;
  labels: number[];
  labels_dtype: string;
}

/**
 * Runs `python <script>` in `cwd` with every network connection refused: a script that tried to download its data
 * (keras.datasets, urllib) fails instead of passing on a machine that happens to be online.
 */
function runOffline(script: string, cwd: string): Promise<PythonRun> {
  const guard = [
    'import runpy, socket, sys',
    'def refuse(*args, **kwargs):',
    '    raise OSError("this test runs the exported script without a network")',
    'socket.socket.connect = refuse',
    'socket.create_connection = refuse',
    `sys.argv = [${JSON.stringify(script)}]`,
    `runpy.run_path(${JSON.stringify(script)}, run_name="__main__")`,
  ].join('\n');
  return runPython(['-c', guard], cwd, 180_000, { KERAS_HOME: path.join(cwd, 'keras-home') });
}

/** Float32 values as the 32-bit patterns Python reports: unsigned for features, signed through the int32 view for targets. */
const bitsOf = (values: Float32Array): number[] => Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
const signedBitsOf = (values: Float32Array): number[] => Array.from(new Int32Array(values.buffer, values.byteOffset, values.length));

/** The generated configs checked bit for bit: moons, both regression sets, and points added among the rows. */
function generatedConfigs(): GeneratedDatasetConfig[] {
  const configs: GeneratedDatasetConfig[] = [];
  for (const seed of [0, 7, -3, 2 ** 32 + 5]) {
    for (const noise of [0, 0.25, 0.5]) {
      configs.push({ kind: 'builtin', name: 'moons', samples: 97 + Math.round(noise * 100), noise, seed, classes: 2 });
      configs.push({ kind: 'regression', name: 'sine', samples: 150, noise, seed });
      configs.push({ kind: 'regression', name: 'plane', samples: 120, noise, seed });
    }
  }
  const added = [
    { x1: 6, x2: -6, label: 1 },
    { x1: 0.1, x2: 2.2, label: 0 },
    { x1: -3.3, x2: 1e-7, label: 2 },
    { x1: 5.999, x2: 0, label: 1 },
  ];
  configs.push({ kind: 'builtin', name: 'gauss', samples: 30, noise: 0.2, seed: 9, classes: 3, added });
  configs.push({ kind: 'builtin', name: 'xor', samples: 10, noise: 0, seed: 1, classes: 2, added: added.map((p) => ({ ...p, label: p.label % 2 })) });
  configs.push({ kind: 'builtin', name: 'moons', samples: 400, noise: 0.1, seed: 3, classes: 2, added: Array.from({ length: 50 }, (_, i) => ({ x1: (i % 13) - 6, x2: i / 10 - 2.5, label: i % 2 })) });
  return configs;
}

describeKeras('Python exports of every kind of data, under real Keras', () => {
  const generated = generatedConfigs();
  let workDir = '';
  let generatedResults: DatasetCheckResult[] = [];
  let fileResults: DatasetCheckResult[] = [];
  const fileExpected: { label: string; data: Dataset; regression: boolean }[] = [];
  let runs: { label: string; project: LayerLabProject; process: PythonRun; samples: number }[] = [];

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'layerlab-python-data-'));
    const mnist = await loadDataset(mnistProject().dataset, nodeDatasetAssets());
    if (!mnist.ok) throw new Error(mnist.message);

    // 1. The generated sets, bit for bit. Regression targets are float32: reported through an int32 view of their bits.
    const generatedCases = generated.map((config) => {
      const code = pythonDataset(config);
      const call = config.kind === 'regression' ? `(lambda f, t: (f, t.view(np.int32)))(*${code.call})` : code.call;
      return { code: `${code.imports.join('\n')}\n\n\n${code.definitions}`, call };
    });

    // 2. The data files (and Iris's rows in the script) read back by the script's own loader.
    const fileProjects: { label: string; project: LayerLabProject; data: Dataset; loader: string }[] = [
      { label: 'iris', project: irisProject(), data: made(irisProject().dataset), loader: 'load_iris()' },
      { label: 'fruit csv', project: fruitProject(), data: made(FRUIT), loader: 'load_examples(DATA_FILE)' },
      { label: 'flats csv', project: flatsProject(), data: made(FLATS), loader: 'load_examples(DATA_FILE)' },
      { label: 'mnist', project: mnistProject(), data: mnist.dataset, loader: 'load_digits(DATA_FILE)' },
    ];
    const fileCases: { code: string; call: string }[] = [];
    for (const [i, job] of fileProjects.entries()) {
      const dir = path.join(workDir, `data${String(i)}`);
      mkdirSync(dir);
      const files = await exportedFiles(job.project, 'python', 'model.py');
      for (const file of files) writeFileSync(path.join(dir, file.name), file.data);
      const script = String(files[0]?.data ?? '');
      // The script's imports and data definitions, with DATA_FILE made absolute (the checker runs elsewhere).
      const setup = script.slice(0, script.indexOf('# How many times training'));
      const definitions = script.slice(script.indexOf('# 1. The data'), script.indexOf('\nx, '));
      const regression = job.data.task === 'regression';
      const call = regression ? `(lambda f, t: (f, t.view(np.int32)))(*${job.loader})` : job.loader;
      fileCases.push({ code: `${setup}\n${definitions.replace(/^DATA_FILE = "(.*)"$/m, (_, name: string) => `DATA_FILE = ${JSON.stringify(path.join(dir, name))}`)}`, call });
      fileExpected.push({ label: job.label, data: job.data, regression });
    }
    const checks = runKerasScript<{ results: DatasetCheckResult[] }>(DATASET_CHECK, { cases: [...generatedCases, ...fileCases] });

    // 3. The exported scripts, run as `python model.py` offline, 2 epochs.
    const scriptJobs = [
      { label: 'iris script', project: irisProject(), samples: 150 },
      { label: 'fruit csv script', project: fruitProject(), samples: 60 },
      { label: 'mnist script', project: mnistProject(), samples: 100 },
      { label: 'sine script', project: sineProject(), samples: 200 },
    ];
    const scripts = pool(
      scriptJobs.map((job, i) => async () => {
        const dir = path.join(workDir, `run${String(i)}`);
        mkdirSync(dir);
        for (const file of await exportedFiles(job.project, 'python', 'model.py')) {
          const data = file.name === 'model.py' ? String(file.data).replace(/^EPOCHS = \d+$/m, 'EPOCHS = 2') : file.data;
          writeFileSync(path.join(dir, file.name), data);
        }
        return { ...job, process: await runOffline('model.py', dir) };
      }),
      2,
    );
    const [checked, ran] = await Promise.all([checks, scripts]);
    generatedResults = checked.results.slice(0, generated.length);
    fileResults = checked.results.slice(generated.length);
    runs = ran;
  }, 400_000);

  afterAll(() => {
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
  });

  it('regenerates moons, sine, plane and sets with added points bit for bit', () => {
    expect(generatedResults).toHaveLength(generated.length);
    const mismatches: string[] = [];
    generated.forEach((config, i) => {
      const result = generatedResults[i];
      const where = `${config.kind}/${'name' in config ? config.name : ''} ${JSON.stringify(config).slice(0, 120)}`;
      if (result === undefined || !result.ok) {
        mismatches.push(`${where}: Python failed: ${result?.error ?? 'no result'}`);
        return;
      }
      const ts = made(config);
      if (JSON.stringify(result.features_bits) !== JSON.stringify(bitsOf(ts.features))) mismatches.push(`${where}: features differ`);
      const second = config.kind === 'regression' ? signedBitsOf(ts.targets) : Array.from(ts.labels);
      if (JSON.stringify(result.labels) !== JSON.stringify(second)) mismatches.push(`${where}: ${config.kind === 'regression' ? 'targets' : 'labels'} differ`);
      expect(result.features_shape).toEqual([ts.numSamples, ts.numFeatures]);
    });
    expect(mismatches).toEqual([]);
  });

  it('reads Iris, the CSV data files and the MNIST .npz back as exactly the data LayerLab trains on', () => {
    expect(fileResults).toHaveLength(fileExpected.length);
    fileExpected.forEach(({ label, data, regression }, i) => {
      const result = fileResults[i];
      expect(result?.error, label).toBeUndefined();
      expect(result?.features_dtype, label).toBe('float32');
      expect(result?.features_shape, label).toEqual([data.numSamples, data.numFeatures]);
      expect(result?.features_bits, label).toEqual(bitsOf(data.features));
      expect(result?.labels, label).toEqual(regression ? signedBitsOf(data.targets) : Array.from(data.labels));
    });
  });

  it.each(['iris script', 'fruit csv script', 'mnist script', 'sine script'])('%s runs as `python model.py` without a network, and trains', (label) => {
    const run = runs.find((r) => r.label === label);
    if (run === undefined) throw new Error(`no run ${label}`);
    const why = `${label} exited ${String(run.process.code)}\n--- stdout ---\n${run.process.stdout.slice(-3000)}\n--- stderr ---\n${run.process.stderr.slice(-3000)}`;
    expect(run.process.code, why).toBe(0);
    expect(run.process.stdout).toMatch(new RegExp(`^Data: ${String(run.samples)} `, 'm'));
    expect(run.process.stdout).toContain('Epoch 2/2');
    const metric = label === 'sine script' ? /Final training mean absolute error: \d+\.\d{4} \(loss \d+\.\d{4}\)/ : /Final training accuracy: \d\.\d{3} \(loss \d+\.\d{4}\)/;
    expect(run.process.stdout).toMatch(metric);
    // Keras's per-epoch loss is a finite number: the data reached the network and training ran.
    const losses = [...run.process.stdout.matchAll(/ loss: (\d+\.\d+)/g)].map((m) => Number(m[1]));
    expect(losses.length).toBeGreaterThanOrEqual(2);
    expect(losses.every(Number.isFinite)).toBe(true);
  });
});

// ---- the .keras export of the same settings ----------------------------------------------------------------


interface KerasConfig {
  config: { layers: { config: { name: string; kernel_regularizer?: { class_name: string; config: { l2: number } } | null } }[] };
  compile_config: { optimizer: { class_name: string; config: { momentum: number } }; metrics: string[]; loss: string };
}

describe('the .keras export carries momentum and the L2 penalty', () => {
  it('writes SGD(momentum=0.9) and the penalty added to each Dense kernel\'s own', async () => {
    const result = await exportProject(sineProject(), 'keras', {});
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const bytes = result.files[0]?.data;
    if (!(bytes instanceof Uint8Array)) throw new Error('no .keras bytes');
    const config = JSON.parse(new TextDecoder().decode(unzipSync(bytes)['config.json'])) as KerasConfig;
    expect(config.compile_config.optimizer.class_name).toBe('SGD');
    expect(config.compile_config.optimizer.config.momentum).toBe(0.9);
    expect(config.compile_config.loss).toBe('mean_squared_error');
    const l2 = Object.fromEntries(config.config.layers.map((l) => [l.config.name, l.config.kernel_regularizer?.config.l2]));
    expect(l2).toMatchObject({ hidden: 0.01 + 0.001, y: 0.001 });
  });

  describeKeras('under real Keras', () => {
    it('loads with its SGD optimizer, and Keras saves the same config back', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-keras-settings-'));
      try {
        const result = await exportProject(sineProject(), 'keras', {});
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const file = path.join(dir, 'sine.keras');
        writeFileSync(file, result.files[0]?.data ?? '');
        const checked = await runKerasScript<{ results: { ok: boolean; error?: string; optimizer: string; config_differences: string[] }[] }>(KERAS_LOAD_CHECK, {
          cases: [{ path: file, inputs: [[0.5, -1]], batch: 2, resave: path.join(dir, 'resaved.keras'), fixture: null }],
        });
        const [loaded] = checked.results;
        expect(loaded?.error).toBeUndefined();
        expect(loaded?.optimizer).toBe('SGD');
        expect(loaded?.config_differences).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
