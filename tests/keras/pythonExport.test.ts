/**
 * The Python exports (src/core/keras/python): the dataset code regenerates LayerLab's data bit for bit, the script
 * and the notebook run under real Keras (.keras-venv) and build the model core describes, and the text reads as
 * intended. Text-only checks run everywhere; the rest need real Keras (describeKeras).
 *
 * The Keras runs train for 2 epochs (`EPOCHS = N` replaced by `EPOCHS = 2`) and run two processes at a time.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBuiltinDataset } from '../../src/core/datasets/builtin.ts';
import { portableCos, portableLog, portableSin } from '../../src/core/datasets/rng.ts';
import type { BuiltinDatasetConfig, BuiltinDatasetName } from '../../src/core/datasets/types.ts';
import { connect, createNode } from '../../src/core/graph/build.ts';
import type { Graph, GraphEdge, GraphNode } from '../../src/core/graph/types.ts';
import { kerasModelName } from '../../src/core/keras/exportConfig.ts';
import { exportNotebook, exportPythonScript, pythonDataset } from '../../src/core/keras/python/index.ts';
import { createProject, parseProject } from '../../src/core/project/index.ts';
import type { LayerLabProject } from '../../src/core/project/index.ts';
import { inferShapes } from '../../src/core/shapes/inferShapes.ts';
import type { TrainingSettings } from '../../src/core/training/settings.ts';
import { describeKeras, pool, runKerasScript, runPython } from '../support/keras.ts';
import type { PythonRun } from '../support/keras.ts';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUN_EXPORTED = path.join(HERE, 'run_exported.py');
const DATASET_CHECK = path.join(HERE, 'python_dataset_check.py');

// ---- projects ------------------------------------------------------------------------------------------------

function loadProject(file: string): LayerLabProject {
  const result = parseProject(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  if (!result.ok) throw new Error(`cannot load ${file}: ${JSON.stringify(result.errors)}`);
  return result.project;
}

function training(overrides: Partial<TrainingSettings>): TrainingSettings {
  return { optimizer: 'sgd', learningRate: 0.1, batchSize: 16, epochs: 50, loss: 'binary_crossentropy', validationSplit: 0, seed: 1, l2: 0, runUntilStopped: false, ...overrides };
}

function dataset(name: BuiltinDatasetName, classes: number, samples = 300): BuiltinDatasetConfig {
  return { kind: 'builtin', name, samples, noise: 0.1, seed: 7, classes };
}

function chain(nodes: GraphNode[]): Graph {
  return { nodes, edges: nodes.slice(1).map((n, i) => connect(nodes[i]?.id ?? '', n.id)) };
}

/** The README's XOR 2-4-1 example (sgd, binary_crossentropy, one sigmoid unit), training on all the data. */
function xorProject(): LayerLabProject {
  const project = loadProject('examples/xor.layerlab.json');
  return { ...project, training: { ...project.training, validationSplit: 0 } };
}

/** Three spiral arms: softmax + categorical_crossentropy, adam, a validation split. */
function spiralProject(): LayerLabProject {
  const graph = chain([
    createNode('x', 'Input', { shape: [2] }),
    createNode('h1', 'Dense', { units: 16, activation: 'tanh' }),
    createNode('h2', 'Dense', { units: 8, activation: 'relu', kernel_initializer: 'he_normal' }),
    createNode('out', 'Dense', { units: 3, activation: 'softmax' }),
  ]);
  return createProject(
    'Spiral, 3 arms',
    graph,
    dataset('spiral', 3),
    training({ optimizer: 'adam', learningRate: 0.01, batchSize: 32, loss: 'categorical_crossentropy', validationSplit: 0.2, seed: 3 }),
  );
}

/**
 * Branches and merges (functional API): Concatenate with its inputs listed against inputIndex order, Add and
 * Multiply, ids that are not Python names ("b-branch", "lambda"), rmsprop and sparse labels.
 */
function functionalProject(): LayerLabProject {
  const nodes: GraphNode[] = [
    createNode('x', 'Input', { shape: [2] }),
    createNode('a', 'Dense', { units: 8, activation: 'relu' }),
    createNode('b-branch', 'Dense', { units: 6, activation: 'tanh', use_bias: false, kernel_initializer: 'he_uniform' }),
    createNode('cat', 'Concatenate', { axis: -1 }),
    createNode('lambda', 'Dense', { units: 4, activation: 'linear', bias_initializer: 'ones' }),
    createNode('skip', 'Dense', { units: 4, activation: 'sigmoid' }),
    createNode('sum', 'Add', {}),
    createNode('gate', 'Multiply', {}),
    createNode('out', 'Dense', { units: 3, activation: 'softmax' }),
  ];
  const edges: GraphEdge[] = [
    connect('x', 'a'),
    connect('x', 'b-branch'),
    connect('a', 'cat', 1),
    connect('b-branch', 'cat', 0),
    connect('cat', 'lambda'),
    connect('x', 'skip'),
    connect('lambda', 'sum', 0),
    connect('skip', 'sum', 1),
    connect('sum', 'gate', 0),
    connect('skip', 'gate', 1),
    connect('gate', 'out'),
  ];
  return createProject(
    'Blobs: branch & merge',
    { nodes, edges },
    dataset('gauss', 3),
    training({ optimizer: 'rmsprop', learningRate: 0.005, loss: 'sparse_categorical_crossentropy', seed: 11 }),
  );
}

/** Every shaping and activation layer in one chain, with L2 and L1L2 weight penalties, adagrad and MSE. */
function layersProject(): LayerLabProject {
  const graph = chain([
    createNode('in', 'Input', { shape: [2] }),
    createNode('dense', 'Dense', { units: 6, activation: 'relu', kernel_regularizer: { l1: 0, l2: 0.01 } }),
    createNode('bn', 'BatchNormalization', { momentum: 0.9 }),
    createNode('act', 'Activation', { activation: 'swish' }),
    createNode('drop', 'Dropout', { rate: 0.25 }),
    createNode('reshape', 'Reshape', { target_shape: [2, -1] }),
    createNode('prelu', 'PReLU', { shared_axes: [1] }),
    createNode('leaky', 'LeakyReLU', { negative_slope: 0.1 }),
    createNode('flat', 'Flatten', {}),
    createNode('relu6', 'ReLU', { max_value: 6 }),
    createNode('elu', 'ELU', { alpha: 0.5 }),
    createNode('logits', 'Dense', { units: 2, activation: 'linear', kernel_regularizer: { l1: 0.001, l2: 0.001 } }),
    createNode('probs', 'Softmax', { axis: -1 }),
  ]);
  return createProject(
    'Every layer',
    graph,
    dataset('circle', 2),
    training({ optimizer: 'adagrad', learningRate: 0.05, batchSize: 20, loss: 'mean_squared_error', seed: 5 }),
  );
}

function withParams(project: LayerLabProject, id: string, params: Record<string, unknown>): LayerLabProject {
  const nodes = project.graph.nodes.map((n) => (n.id === id ? ({ ...n, params: { ...n.params, ...params } } as GraphNode) : n));
  return { ...project, graph: { ...project.graph, nodes } };
}

function scriptOf(project: LayerLabProject): string {
  const result = exportPythonScript(project);
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.problems)}`);
  return result.text;
}

interface NotebookJson {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec?: { name?: string; language?: string } };
  cells: { cell_type: string; id?: string; source: string[]; metadata: object; outputs?: unknown[]; execution_count?: unknown }[];
}

function notebookOf(project: LayerLabProject): NotebookJson {
  const result = exportNotebook(project);
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.problems)}`);
  return JSON.parse(result.text) as NotebookJson;
}

function notebookCode(notebook: NotebookJson): string {
  return `${notebook.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => c.source.join(''))
    .join('\n\n\n')}\n`;
}

function withTwoEpochs(text: string): string {
  expect(text).toMatch(/^EPOCHS = \d+$/m);
  return text.replace(/^EPOCHS = \d+$/m, 'EPOCHS = 2');
}

const STEP_MESSAGE =
  'Keras has no step activation (its slope is zero everywhere, so gradient descent cannot train it); use sigmoid to export.';

// ---- text ----------------------------------------------------------------------------------------------------

describe('Python script export: the text', () => {
  it('writes the XOR example as a short Sequential script with Keras names and non-default arguments only', () => {
    const text = scriptOf(xorProject());
    expect(text.split('\n').slice(0, 8)).toEqual([
      '# XOR 2-4-1: a neural network from LayerLab, as a Keras (tf.keras) script.',
      '#',
      "# Generated by LayerLab. It makes the project's data (the XOR dataset, the same points as",
      "# in LayerLab), builds the same network in Keras, trains it with the project's settings",
      "# from LayerLab's starting weights, on the same batches, and prints the final accuracy.",
      '#',
      '# How to run it: install TensorFlow (pip install tensorflow), then run',
      '#     python model.py',
    ]);
    const expectedInOrder = [
      'import numpy as np\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n',
      '\nEPOCHS = 200\n',
      '# 1. The data',
      "This reproduces LayerLab's XOR dataset exactly; the same seed gives the same points.",
      '\nx, labels = make_xor(samples=400, noise=0.1, seed=1)\n',
      '# 2. The network',
      '\nkeras.utils.set_random_seed(1)\n',
      [
        'model = keras.Sequential(',
        '    [',
        '        keras.Input(shape=(2,), name="x"),',
        '        layers.Dense(4, activation="tanh", name="hidden"),',
        '        layers.Dense(1, activation="sigmoid", name="out"),',
        '    ],',
        '    name="XOR_2-4-1",',
        ')',
        'model.summary()',
      ].join('\n'),
      // LayerLab's starting weights, loaded into the Keras model.
      "# ---- LayerLab's starting weights ----",
      '\nSEED = 1  # ',
      '\ndef layer_seed(seed, name):\n',
      '\nmodel.get_layer("hidden").set_weights(dense_weights("hidden", inputs=2, units=4))\nmodel.get_layer("out").set_weights(dense_weights("out", inputs=4, units=1))\n',
      '# 3. Compiling',
      [
        'model.compile(',
        '    optimizer=keras.optimizers.SGD(learning_rate=0.5),',
        '    loss="binary_crossentropy",',
        '    metrics=["accuracy"],',
        ')',
      ].join('\n'),
      '# 4. Training',
      '\ny = labels.reshape(-1, 1).astype("float32")\n',
      // No split: every example trains, in LayerLab's batches.
      '\nclass ShuffledBatches(keras.utils.PyDataset):\n',
      '\nbatches = ShuffledBatches(x, y, batch_size=16, seed=SEED)\n',
      '\nhistory = model.fit(batches, epochs=EPOCHS, shuffle=False)\n',
      '# 5. The result',
      `print(f"Final training accuracy: {final['accuracy'][-1]:.3f} (loss {final['loss'][-1]:.4f})")`,
    ];
    let from = 0;
    for (const piece of expectedInOrder) {
      const at = text.indexOf(piece, from);
      expect(at, `expected after offset ${from}: ${piece}`).toBeGreaterThanOrEqual(0);
      from = at + piece.length;
    }
    expect(text).not.toContain('val_accuracy');
    expect(text).not.toContain('def portable_sin'); // XOR needs no trigonometry
    expect(text).not.toMatch(/\t| +$/m);
    expect(text.endsWith(')\n')).toBe(true);
    expect(scriptOf(xorProject())).toBe(text);
  });

  it('writes a branching graph with the functional API, merges in inputIndex order and safe variable names', () => {
    const text = scriptOf(functionalProject());
    expect(text).not.toContain('keras.Sequential');
    for (const line of [
      'inputs = keras.Input(shape=(2,), name="x")',
      'a = layers.Dense(8, activation="relu", name="a")(inputs)',
      'cat = layers.Concatenate(name="cat")([b_branch, a])',
      'lambda_out = layers.Dense(4, bias_initializer="ones", name="lambda")(cat)',
      'sum_out = layers.Add(name="sum")([lambda_out, skip])',
      'gate = layers.Multiply(name="gate")([sum_out, skip])',
      'out = layers.Dense(3, activation="softmax", name="out")(gate)',
      'model = keras.Model(inputs=inputs, outputs=out, name="Blobs_branch_merge")',
      'x, labels = make_gauss(samples=300, noise=0.1, seed=7, classes=3)',
      '    optimizer=keras.optimizers.RMSprop(learning_rate=0.005),',
      'y = labels',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    // Too long for one line: one argument per line, as the Black formatter writes it.
    expect(text).toContain(
      [
        'b_branch = layers.Dense(',
        '    6,',
        '    activation="tanh",',
        '    use_bias=False,',
        '    kernel_initializer="he_uniform",',
        '    name="b-branch",',
        ')(inputs)',
      ].join('\n'),
    );
    expect(text).toContain('out = layers.Dense(3, activation="softmax", name="out")(gate)\n\nmodel = keras.Model(');
  });

  it('gives layers unique variable names that never hide the data, the model or Python names', () => {
    const nodes: GraphNode[] = [
      createNode('in', 'Input', { shape: [2] }),
      createNode('x', 'Dense', { units: 3 }),
      createNode('d.1', 'Dense', { units: 3 }),
      createNode('d_1', 'Dense', { units: 3 }),
      createNode('make_xor', 'Dense', { units: 3 }),
      createNode('print', 'Dense', { units: 3 }),
      createNode('_h', 'Add', {}),
      createNode('out', 'Dense', { units: 1, activation: 'sigmoid' }),
    ];
    const edges: GraphEdge[] = [
      ...['x', 'd.1', 'd_1', 'make_xor', 'print'].map((id) => connect('in', id)),
      ...['x', 'd.1', 'd_1', 'make_xor', 'print'].map((id, i) => connect(id, '_h', i)),
      connect('_h', 'out'),
    ];
    const text = scriptOf(createProject('names', { nodes, edges }, dataset('xor', 2), training({})));
    const assigned = [...text.matchAll(/^([A-Za-z_]\w*) = (?:layers\.|keras\.Input)/gm)].map((m) => m[1]);
    expect(assigned).toEqual(['inputs', 'x_out', 'd_1', 'd_1_out', 'make_xor_out', 'print_out', '_h', 'out']);
    expect(text).toContain('_h = layers.Add(name="_h")([x_out, d_1, d_1_out, make_xor_out, print_out])');
  });

  it('writes every other layer kind, weight penalties, softmax labels and validation', () => {
    const text = scriptOf(layersProject());
    for (const line of [
      '        layers.BatchNormalization(momentum=0.9, name="bn"),',
      '        layers.Activation("swish", name="act"),',
      '        layers.Dropout(0.25, name="drop"),',
      '        layers.Reshape((2, -1), name="reshape"),',
      '        layers.PReLU(shared_axes=[1], name="prelu"),',
      '        layers.LeakyReLU(negative_slope=0.1, name="leaky"),',
      '        layers.Flatten(name="flat"),',
      '        layers.ReLU(max_value=6.0, name="relu6"),',
      '        layers.ELU(alpha=0.5, name="elu"),',
      '        layers.Softmax(name="probs"),',
      '    optimizer=keras.optimizers.Adagrad(learning_rate=0.05),',
      '    loss="mean_squared_error",',
      'y = keras.utils.to_categorical(labels, num_classes=2)',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).toContain(
      [
        '        layers.Dense(',
        '            6,',
        '            activation="relu",',
        '            kernel_regularizer=keras.regularizers.L2(l2=0.01),',
        '            name="dense",',
        '        ),',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        '        layers.Dense(',
        '            2,',
        '            kernel_regularizer=keras.regularizers.L1L2(l1=0.001, l2=0.001),',
        '            name="logits",',
        '        ),',
      ].join('\n'),
    );
    const spiral = scriptOf(spiralProject());
    expect(spiral).toContain('y = keras.utils.to_categorical(labels, num_classes=3)');
    expect(spiral).toContain('\nn_train = len(x) - int(len(x) * 0.2)\nx_train, y_train = x[:n_train], y[:n_train]\nx_test, y_test = x[n_train:], y[n_train:]\n');
    expect(spiral).toContain('\nbatches = ShuffledBatches(x_train, y_train, batch_size=32, seed=SEED)\n');
    expect(spiral).toContain('\nhistory = model.fit(batches, epochs=EPOCHS, validation_data=(x_test, y_test), shuffle=False)\n');
    // he_normal draws normal numbers: the data step's generator gets its normal draw (the spiral needs none).
    expect(spiral).toContain('    def normal(self):');
    expect(spiral).toContain('\nmodel.get_layer("h2").set_weights(dense_weights("h2", inputs=16, units=8, kernel="he_normal"))\n');
    expect(spiral).toContain(`print(f"Final validation accuracy: {final['val_accuracy'][-1]:.3f}`);
  });

  it('refuses the step activation, naming each node, with the registry message', () => {
    const oneStep = withParams(xorProject(), 'hidden', { activation: 'step' });
    expect(exportPythonScript(oneStep)).toEqual({
      ok: false,
      problems: [{ layer: 'hidden', message: `hidden cannot be exported to Keras: ${STEP_MESSAGE}` }],
    });
    expect(exportNotebook(oneStep)).toEqual(exportPythonScript(oneStep));
    const activationStep = chain([
      createNode('x', 'Input', { shape: [2] }),
      createNode('h', 'Dense', { units: 3, activation: 'step' }),
      createNode('fire', 'Activation', { activation: 'step' }),
      createNode('out', 'Dense', { units: 1, activation: 'sigmoid' }),
    ]);
    const twoSteps = createProject('perceptron', activationStep, dataset('xor', 2), training({}));
    expect(exportPythonScript(twoSteps)).toEqual({
      ok: false,
      problems: [
        { layer: 'h', message: `h cannot be exported to Keras: ${STEP_MESSAGE}` },
        { layer: 'fire', message: `fire cannot be exported to Keras: ${STEP_MESSAGE}` },
      ],
    });
  });

  it("refuses networks with core errors, with core's messages and the layers at fault", () => {
    const badUnits = exportPythonScript(withParams(xorProject(), 'hidden', { units: 0 }));
    expect(badUnits).toEqual({ ok: false, problems: [{ layer: 'hidden', message: 'Dense units must be at least 1; it is 0.' }] });

    const wrongClasses = exportPythonScript(withParams(spiralProject(), 'out', { units: 4 }));
    expect(wrongClasses.ok).toBe(false);
    if (!wrongClasses.ok) {
      expect(wrongClasses.problems).toEqual([{ layer: 'out', message: 'Your output has 4 units but the Spiral data has 3 classes.' }]);
    }

    const inputOnly = createProject('empty', { nodes: [createNode('x', 'Input', { shape: [2] })], edges: [] });
    expect(exportPythonScript(inputOnly)).toEqual({
      ok: false,
      problems: [{ layer: 'x', message: 'The network has no layers after its Input, so there is nothing to compute.' }],
    });

    const badData = { ...xorProject(), dataset: { ...dataset('xor', 2), samples: 5 } };
    expect(exportPythonScript(badData)).toEqual({
      ok: false,
      problems: [{ layer: null, message: 'Samples must be a whole number from 10 to 10000 (got 5).' }],
    });
  });

  it('refuses a project with no dataset, saying what can be exported instead', () => {
    const none = { ...xorProject(), dataset: { kind: 'none' as const } };
    const result = exportPythonScript(none);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain('no dataset chosen yet');
  });
});

describe('notebook export: the JSON', () => {
  it('is nbformat 4.5 with an id on every cell, explanations and the same code as the script', () => {
    const project = xorProject();
    const notebook = notebookOf(project);
    expect(notebook.nbformat).toBe(4);
    expect(notebook.nbformat_minor).toBe(5);
    expect(notebook.metadata.kernelspec).toEqual({ display_name: 'Python 3', language: 'python', name: 'python3' });
    const ids = notebook.cells.map((c) => c.id ?? '');
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of notebook.cells) {
      expect(['markdown', 'code']).toContain(cell.cell_type);
      expect(cell.metadata).toEqual({});
      expect(Array.isArray(cell.source) && cell.source.every((line) => typeof line === 'string')).toBe(true);
      cell.source.slice(0, -1).forEach((line) => expect(line.endsWith('\n')).toBe(true));
      if (cell.cell_type === 'code') {
        expect(cell.outputs).toEqual([]);
        expect(cell.execution_count).toBeNull();
      } else {
        expect(cell).not.toHaveProperty('outputs');
      }
    }
    const kinds = notebook.cells.map((c) => c.cell_type);
    expect(kinds.filter((k) => k === 'code')).toHaveLength(9);
    expect(kinds.filter((k) => k === 'markdown')).toHaveLength(9);

    const script = scriptOf(project);
    for (const cell of notebook.cells.filter((c) => c.cell_type === 'code')) expect(script).toContain(cell.source.join(''));

    const markdown = notebook.cells
      .filter((c) => c.cell_type === 'markdown')
      .map((c) => c.source.join(''))
      .join('\n\n');
    const inference = inferShapes(project.graph);
    for (const node of project.graph.nodes) {
      const info = inference.nodes.get(node.id);
      if (info?.status !== 'ok') throw new Error(`no shape for ${node.id}`);
      expect(markdown).toContain(`| \`${node.id}\` | ${node.kind} | (None, ${info.shape.join(', ')}) | ${info.params} |`);
    }
    expect(markdown).toContain('| **Total** | | | **17** |');
    for (const phrase of ['## 1. The data', '**XOR**', '## 2. The network', 'keras.Sequential', '`SGD` with learning rate 0.5', '`binary_crossentropy`', '**Loss and accuracy.**', '## 5. The result', "### LayerLab's starting weights", '`ShuffledBatches`']) {
      expect(markdown).toContain(phrase);
    }
  });
});

// ---- real Keras ----------------------------------------------------------------------------------------------


interface FitReport {
  name: string;
  class: string;
  total_params: number;
  epochs_run: number;
  inputs: { name: string; shape: (number | null)[] }[];
  layers: { name: string; class: string; output_shape: (number | null)[]; params: number }[];
}

interface KerasRun {
  label: string;
  project: LayerLabProject;
  process: PythonRun;
  /** null for a plain `python model.py` run. */
  fits: FitReport[] | null;
}

function failureText(run: KerasRun): string {
  return `${run.label} exited ${String(run.process.code)}\n--- stdout (tail) ---\n${run.process.stdout.slice(-3000)}\n--- stderr (tail) ---\n${run.process.stderr.slice(-3000)}`;
}

/** Core's shapes and parameter counts against what Keras built, as a list of differences. */
function compareWithCore(project: LayerLabProject, fit: FitReport): string[] {
  const differences: string[] = [];
  const inference = inferShapes(project.graph);
  const byName = new Map(fit.layers.map((l) => [l.name, l]));
  for (const node of project.graph.nodes) {
    const info = inference.nodes.get(node.id);
    if (info?.status !== 'ok') {
      differences.push(`${node.id}: core has no shape`);
      continue;
    }
    if (node.kind === 'Input') {
      const input = fit.inputs.find((i) => i.name === node.id);
      if (input === undefined || JSON.stringify(input.shape) !== JSON.stringify(info.shape)) {
        differences.push(`${node.id}: core Input ${JSON.stringify(info.shape)}, Keras ${JSON.stringify(fit.inputs)}`);
      }
      continue;
    }
    const layer = byName.get(node.id);
    if (layer === undefined) {
      differences.push(`${node.id}: no Keras layer of that name (Keras has ${[...byName.keys()].join(', ')})`);
      continue;
    }
    if (layer.class !== node.kind || JSON.stringify(layer.output_shape) !== JSON.stringify(info.shape) || layer.params !== info.params) {
      differences.push(
        `${node.id}: core ${node.kind} ${JSON.stringify(info.shape)}/${info.params}, Keras ${layer.class} ${JSON.stringify(layer.output_shape)}/${layer.params}`,
      );
    }
  }
  const kerasOnly = fit.layers.filter((l) => l.class !== 'InputLayer' && !project.graph.nodes.some((n) => n.id === l.name));
  if (kerasOnly.length > 0) differences.push(`Keras layers not in the graph: ${kerasOnly.map((l) => l.name).join(', ')}`);
  if (fit.total_params !== inference.totalParams) differences.push(`total params: core ${String(inference.totalParams)}, Keras ${fit.total_params}`);
  return differences;
}

/** The models run_exported.py recorded, or null when it wrote no report (the script failed before). */
function readFits(reportPath: string): FitReport[] | null {
  try {
    return (JSON.parse(readFileSync(reportPath, 'utf8')) as { fits: FitReport[] }).fits;
  } catch {
    return null;
  }
}

interface DatasetCheckResult {
  ok: boolean;
  error?: string;
  features_bits: number[];
  features_shape: number[];
  features_dtype: string;
  labels: number[];
  labels_dtype: string;
  probes: Record<string, string[]>;
}

/** A double's 64 bits as 16 hex digits (big-endian), as Python's struct.pack(">d", v).hex(). */
function float64Hex(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return Array.from({ length: 8 }, (_, i) => view.getUint8(i).toString(16).padStart(2, '0')).join('');
}

/**
 * Inputs for the portable math, beyond what the datasets reach: exact halves for js_round (Python's round()
 * would send them to the even number), signed zeros, quadrant boundaries, large and tiny values.
 */
const ROUND_PROBES = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, -0.49999999999999994, 4503599627370495.5, -0, 0, 3.7, -3.7, 1e300];
const TRIG_PROBES = [Infinity, NaN, 0, -0, 1e-300, 0.1, -0.1, Math.PI / 4, Math.PI / 2, Math.PI, 2 * Math.PI, 3 * Math.PI / 4, -Math.PI, 10.5, 1000.25, -12345.678, 2 ** 18, 5e5];
const LOG_PROBES = [1, 0.5, 2, Math.SQRT2, Math.SQRT1_2, 1e-300, 5e-324, 0.999999, 1.000001, 2 ** -32, 1e300, 0, -1, Infinity, NaN];
const PROBE_INPUTS: Record<string, number[]> = {
  js_round: ROUND_PROBES,
  portable_sin: TRIG_PROBES,
  portable_cos: TRIG_PROBES,
  portable_log: LOG_PROBES,
};
const PROBE_EXPECTED: Record<string, (x: number) => number> = {
  js_round: Math.round,
  portable_sin: portableSin,
  portable_cos: portableCos,
  portable_log: portableLog,
};

function datasetConfigs(): BuiltinDatasetConfig[] {
  const configs: BuiltinDatasetConfig[] = [];
  const seeds = [0, 1, 42, -3, 2.5, 2 ** 32 + 7];
  const noises = [0, 0.1, 0.5];
  const sampleCounts = [10, 101, 640];
  let i = 0;
  for (const name of ['circle', 'xor', 'gauss', 'spiral', 'moons'] as const) {
    const classCounts = name === 'circle' || name === 'xor' || name === 'moons' ? [2] : [2, 3, 5];
    for (const seed of seeds) {
      for (const noise of noises) {
        for (const classes of classCounts) {
          configs.push({ kind: 'builtin', name, samples: sampleCounts[i % sampleCounts.length] ?? 10, noise, seed, classes });
          i += 1;
        }
      }
    }
  }
  configs.push({ kind: 'builtin', name: 'gauss', samples: 10000, noise: 0.37, seed: 2026, classes: 4 });
  return configs;
}

describeKeras('Python export under real Keras', () => {
  const configs = datasetConfigs();
  let datasetResults: DatasetCheckResult[] = [];
  let runs: KerasRun[] = [];
  let workDir = '';

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'layerlab-python-export-'));
    const cases = configs.map((config) => {
      const code = pythonDataset(config);
      // The gauss code carries every portable function: probe them once, on the first gauss config.
      const probes =
        config === configs.find((c) => c.name === 'gauss')
          ? Object.fromEntries(Object.entries(PROBE_INPUTS).map(([name, values]) => [name, values.map(float64Hex)]))
          : {};
      return { code: `${code.imports.join('\n')}\n\n\n${code.definitions}`, call: code.call, probes };
    });
    const datasetCheck = runKerasScript<{ results: DatasetCheckResult[] }>(DATASET_CHECK, { cases });

    interface Job {
      label: string;
      project: LayerLabProject;
      text: string;
      plain: boolean;
    }
    const jobs: Job[] = [
      { label: 'xor script (python model.py)', project: xorProject(), text: scriptOf(xorProject()), plain: true },
      { label: 'spiral script', project: spiralProject(), text: scriptOf(spiralProject()), plain: false },
      { label: 'functional script', project: functionalProject(), text: scriptOf(functionalProject()), plain: false },
      { label: 'layers script', project: layersProject(), text: scriptOf(layersProject()), plain: false },
      { label: 'xor notebook', project: xorProject(), text: notebookCode(notebookOf(xorProject())), plain: false },
    ];
    const keras = pool(
      jobs.map((job, i) => async (): Promise<KerasRun> => {
        const dir = path.join(workDir, `run${String(i)}`);
        mkdirSync(dir);
        const script = path.join(dir, 'model.py');
        writeFileSync(script, withTwoEpochs(job.text));
        if (job.plain) {
          return { label: job.label, project: job.project, process: await runPython(['model.py'], dir), fits: null };
        }
        const report = path.join(dir, 'report.json');
        const processResult = await runPython([RUN_EXPORTED, script, report], dir);
        return { label: job.label, project: job.project, process: processResult, fits: readFits(report) };
      }),
      2,
    );
    const [datasets, kerasRuns] = await Promise.all([datasetCheck, keras]);
    datasetResults = datasets.results;
    runs = kerasRuns;
  }, 240_000);

  afterAll(() => {
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
  });

  it(`regenerates every built-in dataset bit for bit (${String(configs.length)} configs: 5 sets, seeds, noise levels, class counts)`, () => {
    expect(datasetResults).toHaveLength(configs.length);
    const mismatches: string[] = [];
    configs.forEach((config, i) => {
      const result = datasetResults[i];
      const ts = generateBuiltinDataset(config);
      if (!ts.ok) throw new Error(ts.message);
      const where = JSON.stringify(config);
      if (result === undefined || !result.ok) {
        mismatches.push(`${where}: Python failed: ${result?.error ?? 'no result'}`);
        return;
      }
      const bits = Array.from(new Uint32Array(ts.dataset.features.buffer));
      if (result.features_dtype !== 'float32' || result.labels_dtype !== 'int32') mismatches.push(`${where}: dtypes ${result.features_dtype}/${result.labels_dtype}`);
      if (JSON.stringify(result.features_shape) !== JSON.stringify([config.samples, 2])) mismatches.push(`${where}: shape ${JSON.stringify(result.features_shape)}`);
      const firstBad = bits.findIndex((b, k) => result.features_bits[k] !== b);
      if (firstBad !== -1 || result.features_bits.length !== bits.length) {
        mismatches.push(`${where}: features differ first at value ${firstBad} (TS ${ts.dataset.features[firstBad] ?? '?'})`);
      }
      if (JSON.stringify(result.labels) !== JSON.stringify(Array.from(ts.dataset.labels))) mismatches.push(`${where}: labels differ`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it("ports LayerLab's portable round, sin, cos and log bit for bit, edge cases included", () => {
    const probed = datasetResults.find((r) => Object.keys(r.probes ?? {}).length > 0);
    expect(probed?.probes).toBeDefined();
    const mismatches: string[] = [];
    for (const [name, values] of Object.entries(PROBE_INPUTS)) {
      const expected = PROBE_EXPECTED[name];
      const got = probed?.probes[name] ?? [];
      values.forEach((value, i) => {
        const want = float64Hex(expected?.(value) ?? Number.NaN);
        if (got[i] !== want) mismatches.push(`${name}(${Object.is(value, -0) ? '-0' : String(value)}): Python ${String(got[i])}, TypeScript ${want}`);
      });
    }
    expect(mismatches).toEqual([]);
  });

  const run = (label: string): KerasRun => {
    const found = runs.find((r) => r.label === label);
    if (found === undefined) throw new Error(`no run ${label}`);
    return found;
  };

  it('runs the XOR script as `python model.py` and prints the summary and the final accuracy', () => {
    const xor = run('xor script (python model.py)');
    expect(xor.process.code, failureText(xor)).toBe(0);
    expect(xor.process.stdout).toContain('Data: 400 points with 2 features (x1, x2), in 2 classes');
    expect(xor.process.stdout).toContain('Model: "XOR_2-4-1"');
    expect(xor.process.stdout).toMatch(/Total params: 17\b/);
    expect(xor.process.stdout).toContain('Epoch 2/2');
    expect(xor.process.stdout).toMatch(/Final training accuracy: \d\.\d{3} \(loss \d+\.\d{4}\)/);
  });

  for (const label of ['spiral script', 'functional script', 'layers script', 'xor notebook']) {
    it(`${label}: runs under Keras and builds the layers, shapes and parameter counts core infers`, () => {
      const result = run(label);
      expect(result.process.code, failureText(result)).toBe(0);
      const total = inferShapes(result.project.graph).totalParams;
      expect(result.process.stdout).toMatch(new RegExp(`Total params: ${String(total)}\\b`));
      expect(result.process.stdout).toMatch(/Final training accuracy: \d\.\d{3}/);
      expect(result.fits).not.toBeNull();
      const [fit] = result.fits ?? [];
      expect(result.fits).toHaveLength(1);
      if (fit === undefined) return;
      expect(fit.epochs_run).toBe(2);
      expect(fit.name).toBe(kerasModelName(result.project.name));
      expect(fit.class).toBe(label.startsWith('functional') ? 'Functional' : 'Sequential');
      expect(compareWithCore(result.project, fit)).toEqual([]);
    });
  }

  it('prints validation accuracy when the project holds data back', () => {
    const spiral = run('spiral script');
    expect(spiral.process.stdout).toMatch(/Final validation accuracy: \d\.\d{3}/);
  });
});
