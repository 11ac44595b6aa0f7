/**
 * A LayerLab project as a readable, runnable tf.keras training script (`python model.py`).
 *
 * The script has, in order: a header comment, the imports and `EPOCHS`, the project's data (regenerated exactly by
 * pythonDataset.ts), the model (keras.Sequential for a straight chain, the functional API otherwise), compile,
 * labels prepared for the loss, fit, and the final accuracy. Layer names are node ids and only arguments that differ
 * from Keras's own defaults are written, so the code reads like code a person would write.
 *
 * The same steps, split into cells with explanations, make the notebook (notebook.ts): both are built from one
 * {@link PythonProgram}, so the script and the notebook always run the same code.
 *
 * Pure and browser-safe (no Node APIs, no tfjs). Never throws for a project that loaded: problems come back as
 * `{ ok: false, problems }`, each naming the layer at fault.
 */
import { summarizeDataset } from '../../validation/datasetSummary.ts';
import { kerasModelName } from '../exportConfig.ts';
import { BUILTIN_DATASETS, validateBuiltinDatasetConfig } from '../../datasets/builtin.ts';
import { normaliseSeed } from '../../datasets/rng.ts';
import type { BuiltinDatasetConfig } from '../../datasets/types.ts';
import { chainOrder } from '../../graph/chain.ts';
import { incomingEdges, topologicalOrder } from '../../graph/topology.ts';
import type { GraphNode } from '../../graph/types.ts';
import { LAYER_REGISTRY } from '../../layers/index.ts';
import type { Regularizer } from '../../layers/index.ts';
import type { LayerLabProject } from '../../project/types.ts';
import type { GraphInference } from '../../shapes/inferShapes.ts';
import type { LossName } from '../../training/settings.ts';
import { KERAS_OPTIMIZER_CLASS } from '../../training/settings.ts';
import { validateNetwork } from '../../validation/validateNetwork.ts';
import { pythonDataset, pythonNumber, wrapText } from './pythonDataset.ts';

/** Why a project cannot be exported, tied to the layer (node id) at fault, or null for the whole project. */
export interface PythonExportProblem {
  layer: string | null;
  /** Plain sentences that do not start with the node id: renderers show `layer` beside them. */
  message: string;
}

export type PythonExportResult = { ok: true; text: string } | { ok: false; problems: PythonExportProblem[] };

export type PythonStepId = 'setup' | 'data-code' | 'data' | 'model' | 'compile' | 'train' | 'result';

/** One step of the exported program: a part of the script, a code cell of the notebook. */
export interface PythonStep {
  id: PythonStepId;
  /** Starts a new numbered part of the script ("1. The data"), or null to continue the one before. */
  heading: string | null;
  /** Python code, without a trailing newline. */
  code: string;
}

/** Everything the script and the notebook are made of. */
export interface PythonProgram {
  /** The project's name, on one line. */
  title: string;
  /** Header comment lines of the script, without "# ". */
  header: string[];
  steps: PythonStep[];
  /** The value EPOCHS is set to. */
  epochs: number;
  /** Core's shapes and parameter counts of the network. */
  inference: GraphInference;
  /** Node ids in the order the layers are built. */
  layerOrder: string[];
  /** True when the network is one straight chain, written as keras.Sequential. */
  sequential: boolean;
  /** The Keras model name. */
  modelName: string;
  /** Number of values the output layer gives per example. */
  outputUnits: number;
  /** One or two sentences on how the labels are prepared for the loss. */
  labelsNote: string;
}

export type PythonProgramResult = { ok: true; program: PythonProgram } | { ok: false; problems: PythonExportProblem[] };

/** The file name the header tells the student to run. */
export const PYTHON_SCRIPT_FILE_NAME = 'model.py';

/** Comment lines are wrapped to this many characters (after "# "). */
const COMMENT_WIDTH = 88;

/** Lines longer than this are split, one argument per line (as the Black formatter would). */
const MAX_LINE = 99;

/**
 * Keras's own defaults, where they are not LayerLab's: only arguments that differ from these are written.
 * (LayerLab's Dense starts with relu, but Keras's Dense has no activation.)
 */
const KERAS_DEFAULTS = {
  Dense: { activation: 'linear', use_bias: true, kernel_initializer: 'glorot_uniform', bias_initializer: 'zeros' },
  BatchNormalization: { axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true },
  Concatenate: { axis: -1 },
  Softmax: { axis: -1 },
  ReLU: { negative_slope: 0, threshold: 0 },
  LeakyReLU: { negative_slope: 0.3 },
  ELU: { alpha: 1 },
} as const;

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield match case type'
  ).split(' '),
);

/** Builtins a student's script might use after the model is built; a layer variable must not hide them. */
const PYTHON_BUILTINS = new Set(
  (
    'abs all any bool dict divmod enumerate filter float format getattr input int isinstance iter len list map max ' +
    'min next object open pow print range repr reversed round set sorted str sum tuple vars zip id exec eval help'
  ).split(' '),
);

/** Names the script itself uses. */
const SCRIPT_NAMES = ['x', 'y', 'labels', 'model', 'history', 'final', 'inputs', 'EPOCHS', 'np', 'math', 'keras', 'layers', 'tf'];

// ---- Python literals ---------------------------------------------------------------------------------------

/** A Python string literal (JSON's escapes are valid Python). */
function pyString(value: string): string {
  return JSON.stringify(value);
}

function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A float argument: 0.5, 1e-07, and whole numbers as 6.0 so they read as floats. */
export function pythonFloat(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e16 ? `${String(value)}.0` : pythonNumber(value);
}

function pyTuple(values: readonly number[]): string {
  return values.length === 1 ? `(${String(values[0])},)` : `(${values.join(', ')})`;
}

function pyRegularizer(reg: Regularizer): string {
  if (reg.l1 === 0 && reg.l2 !== 0) return `keras.regularizers.L2(l2=${pythonFloat(reg.l2)})`;
  if (reg.l2 === 0 && reg.l1 !== 0) return `keras.regularizers.L1(l1=${pythonFloat(reg.l1)})`;
  return `keras.regularizers.L1L2(l1=${pythonFloat(reg.l1)}, l2=${pythonFloat(reg.l2)})`;
}

/** `prefix + callee(args) + suffix`, on one line when it fits, otherwise one argument per line. */
function formatCall(indent: string, prefix: string, callee: string, args: readonly string[], suffix: string): string {
  const oneLine = `${indent}${prefix}${callee}(${args.join(', ')})${suffix}`;
  if (oneLine.length <= MAX_LINE || args.length === 0) return oneLine;
  return [`${indent}${prefix}${callee}(`, ...args.map((a) => `${indent}    ${a},`), `${indent})${suffix}`].join('\n');
}

/** One line of text for a comment or a markdown heading: no line breaks or control characters. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

// ---- layers --------------------------------------------------------------------------------------------------

/** The Keras constructor and its arguments (the name last) for one node. */
function layerCall(node: GraphNode): { callee: string; args: string[] } {
  const args: string[] = [];
  switch (node.kind) {
    case 'Input':
      return { callee: 'keras.Input', args: [`shape=${pyTuple(node.params.shape)}`, `name=${pyString(node.id)}`] };
    case 'Dense': {
      const p = node.params;
      const d = KERAS_DEFAULTS.Dense;
      args.push(String(p.units));
      if (p.activation !== d.activation) args.push(`activation=${pyString(p.activation)}`);
      if (p.use_bias !== d.use_bias) args.push(`use_bias=${pyBool(p.use_bias)}`);
      if (p.kernel_initializer !== d.kernel_initializer) args.push(`kernel_initializer=${pyString(p.kernel_initializer)}`);
      if (p.bias_initializer !== d.bias_initializer) args.push(`bias_initializer=${pyString(p.bias_initializer)}`);
      if (p.kernel_regularizer !== null) args.push(`kernel_regularizer=${pyRegularizer(p.kernel_regularizer)}`);
      break;
    }
    case 'Activation':
      args.push(pyString(node.params.activation));
      break;
    case 'Dropout':
      args.push(pythonFloat(node.params.rate));
      break;
    case 'BatchNormalization': {
      const p = node.params;
      const d = KERAS_DEFAULTS.BatchNormalization;
      if (p.axis !== d.axis) args.push(`axis=${String(p.axis)}`);
      if (p.momentum !== d.momentum) args.push(`momentum=${pythonFloat(p.momentum)}`);
      if (p.epsilon !== d.epsilon) args.push(`epsilon=${pythonFloat(p.epsilon)}`);
      if (p.center !== d.center) args.push(`center=${pyBool(p.center)}`);
      if (p.scale !== d.scale) args.push(`scale=${pyBool(p.scale)}`);
      break;
    }
    case 'Flatten':
    case 'Add':
    case 'Multiply':
      break;
    case 'Reshape':
      args.push(pyTuple(node.params.target_shape));
      break;
    case 'Concatenate':
      if (node.params.axis !== KERAS_DEFAULTS.Concatenate.axis) args.push(`axis=${String(node.params.axis)}`);
      break;
    case 'Softmax':
      if (node.params.axis !== KERAS_DEFAULTS.Softmax.axis) args.push(`axis=${String(node.params.axis)}`);
      break;
    case 'ReLU': {
      const p = node.params;
      if (p.max_value !== null) args.push(`max_value=${pythonFloat(p.max_value)}`);
      if (p.negative_slope !== KERAS_DEFAULTS.ReLU.negative_slope) args.push(`negative_slope=${pythonFloat(p.negative_slope)}`);
      if (p.threshold !== KERAS_DEFAULTS.ReLU.threshold) args.push(`threshold=${pythonFloat(p.threshold)}`);
      break;
    }
    case 'LeakyReLU':
      if (node.params.negative_slope !== KERAS_DEFAULTS.LeakyReLU.negative_slope) {
        args.push(`negative_slope=${pythonFloat(node.params.negative_slope)}`);
      }
      break;
    case 'ELU':
      if (node.params.alpha !== KERAS_DEFAULTS.ELU.alpha) args.push(`alpha=${pythonFloat(node.params.alpha)}`);
      break;
    case 'PReLU': {
      const shared = node.params.shared_axes;
      if (shared !== null && shared.length > 0) args.push(`shared_axes=[${shared.join(', ')}]`);
      break;
    }
  }
  args.push(`name=${pyString(node.id)}`);
  return { callee: `layers.${node.kind}`, args };
}

/** Readable, unique Python variable names for the layers of a functional model. */
function variableNames(order: readonly string[], byId: ReadonlyMap<string, GraphNode>, reserved: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set(reserved);
  for (const id of order) {
    const node = byId.get(id);
    if (node?.kind === 'Input') {
      names.set(id, 'inputs');
      continue;
    }
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (/^[0-9]/.test(base)) base = `layer_${base}`;
    if (taken.has(base) || PYTHON_KEYWORDS.has(base) || PYTHON_BUILTINS.has(base)) base = `${base}_out`;
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base}_${String(n)}`;
    taken.add(name);
    names.set(id, name);
  }
  return names;
}

/** Top-level names (functions, classes, constants) defined by a block of Python code. */
function definedNames(code: string): string[] {
  const names: string[] = [];
  for (const match of code.matchAll(/^(?:(?:def|class)\s+([A-Za-z_]\w*)|([A-Za-z_]\w*)\s*=)/gm)) {
    const name = match[1] ?? match[2];
    if (name !== undefined) names.push(name);
  }
  return names;
}

function modelCode(
  graphNodes: readonly GraphNode[],
  order: readonly string[],
  sequential: boolean,
  modelName: string,
  incoming: ReturnType<typeof incomingEdges>,
  reserved: ReadonlySet<string>,
): string {
  const byId = new Map(graphNodes.map((n) => [n.id, n]));
  const nodesInOrder = order.map((id) => byId.get(id)).filter((n): n is GraphNode => n !== undefined);
  if (sequential) {
    const items = nodesInOrder.map((node) => {
      const { callee, args } = layerCall(node);
      return formatCall('        ', '', callee, args, ',');
    });
    return ['model = keras.Sequential(', '    [', ...items, '    ],', `    name=${pyString(modelName)},`, ')'].join('\n');
  }
  const names = variableNames(order, byId, reserved);
  const lines = [
    "# The layers branch and merge, so the model uses Keras's functional API: each layer is",
    '# called on the output of the layer (or the list of layers) that feeds it.',
  ];
  let inputsVar = 'inputs';
  let outputVar = 'inputs';
  for (const node of nodesInOrder) {
    const variable = names.get(node.id) ?? node.id;
    const { callee, args } = layerCall(node);
    if (node.kind === 'Input') {
      inputsVar = variable;
      lines.push(formatCall('', `${variable} = `, callee, args, ''));
      continue;
    }
    const sources = (incoming.get(node.id) ?? []).map((e) => names.get(e.source) ?? e.source);
    const merge = LAYER_REGISTRY[node.kind].category === 'merge';
    const argument = merge ? `[${sources.join(', ')}]` : (sources[0] ?? inputsVar);
    lines.push(formatCall('', `${variable} = `, callee, args, `(${argument})`));
    outputVar = variable;
  }
  lines.push('', `model = keras.Model(inputs=${inputsVar}, outputs=${outputVar}, name=${pyString(modelName)})`);
  return lines.join('\n');
}

// ---- checks ------------------------------------------------------------------------------------------------

/** The project's built-in dataset, or null (no dataset chosen, or a kind this exporter reads from a CSV file). */
export function builtinDataset(project: LayerLabProject): BuiltinDatasetConfig | null {
  return project.dataset.kind === 'builtin' ? project.dataset : null;
}

/** Why a project with `{ kind: 'none' }` as its dataset has no Python script or notebook. */
export const NO_DATASET_EXPORT_MESSAGE =
  'This project has no dataset chosen yet, so there is no data to write a training script for. Choose a dataset first, ' +
  'or export the network without training code: as Keras JSON or as a .keras file, which need no data.';

/** Every reason the project cannot become a Keras script, or the network's inference when it can. */
function checkProject(project: LayerLabProject): { problems: PythonExportProblem[]; inference: GraphInference } {
  const problems: PythonExportProblem[] = [];
  if (project.dataset.kind === 'none') problems.push({ layer: null, message: NO_DATASET_EXPORT_MESSAGE });
  const builtin = builtinDataset(project);
  const datasetProblem = builtin === null ? null : validateBuiltinDatasetConfig(builtin);
  if (datasetProblem !== null) problems.push({ layer: null, message: datasetProblem });
  const fit = builtin !== null && datasetProblem === null ? { dataset: summarizeDataset(builtin), loss: project.training.loss } : undefined;
  const validation = validateNetwork(project.graph, fit);
  for (const d of validation.diagnostics) {
    if (d.severity === 'error' || d.code === 'not-in-keras') problems.push({ layer: d.nodeIds[0] ?? null, message: d.message });
  }
  if (problems.length === 0) {
    if (validation.inputs.length !== 1) {
      problems.push({
        layer: validation.inputs[1] ?? null,
        message: `The data gives one input per example, but the network has ${validation.inputs.length} Inputs.`,
      });
    }
    if (validation.outputs.length !== 1) {
      problems.push({
        layer: validation.outputs[1] ?? validation.inputs[0] ?? null,
        message:
          validation.outputs.length === 0
            ? 'The network has no layers after its Input, so there is nothing to compute.'
            : `The network has ${validation.outputs.length} outputs, but the data has one label per example.`,
      });
    }
  }
  return { problems, inference: validation };
}

// ---- the steps -----------------------------------------------------------------------------------------------

function labelsStep(loss: LossName, units: number): { code: string; note: string } {
  if (loss === 'sparse_categorical_crossentropy') {
    return {
      note: 'sparse_categorical_crossentropy takes each label as it is: the class number (0, 1, 2, ...).',
      code: ['# sparse_categorical_crossentropy takes each label as it is: the class number.', 'y = labels'].join('\n'),
    };
  }
  if (units === 1) {
    return {
      note: 'The output is one unit, so each label becomes a column of 0s and 1s.',
      code: '# The output is one unit, so each label becomes a column of 0s and 1s.\ny = labels.reshape(-1, 1).astype("float32")',
    };
  }
  const example = Array.from({ length: units }, (_, k) => (k === 1 ? '1' : '0')).join(', ');
  const note = `The output has ${units} units, one per class, so each label becomes a "one-hot" row: class 1 becomes [${example}].`;
  return {
    note,
    code: [
      `# The output has ${units} units, one per class, so each label becomes a "one-hot" row:`,
      `# class 1 becomes [${example}].`,
      `y = keras.utils.to_categorical(labels, num_classes=${units})`,
    ].join('\n'),
  };
}

const CSV_LOADER = `def load_csv(path):
    """Reads examples from a CSV file with a header row: the feature columns first, then the class
    (a whole number from 0) in the last column. Returns (features, labels)."""
    table = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    features = table[:, :-1].astype(np.float32)
    labels = table[:, -1].astype(np.int32)
    return features, labels`;

/** The steps and facts of the exported program, or the problems that prevent it. */
export function buildPythonProgram(project: LayerLabProject): PythonProgramResult {
  const { problems, inference } = checkProject(project);
  if (problems.length > 0) return { ok: false, problems };

  const { graph, training } = project;
  const builtin = builtinDataset(project);
  const dataset = builtin === null ? null : pythonDataset(builtin);
  const title = oneLine(project.name) || 'LayerLab network';
  const modelName = kerasModelName(project.name);
  const chain = chainOrder(graph);
  const sequential = chain !== null;
  const layerOrder = chain ?? topologicalOrder(graph);
  const outputId = inference.outputs[0] ?? '';
  const outputInfo = inference.nodes.get(outputId);
  const outputUnits = outputInfo?.status === 'ok' ? (outputInfo.shape[outputInfo.shape.length - 1] ?? 1) : 1;
  const labels = labelsStep(training.loss, outputUnits);
  const epochs = training.epochs;

  const imports = [...(dataset === null ? ['import numpy as np'] : dataset.imports), 'from tensorflow import keras', 'from tensorflow.keras import layers'];
  const setup = [
    ...imports,
    '',
    '# How many times training goes through all the data (each pass is one "epoch").',
    `EPOCHS = ${String(epochs)}`,
  ].join('\n');

  let dataCode: string;
  let dataCall: string;
  if (dataset !== null && builtin !== null) {
    const config = builtin;
    const intro = wrapText(
      `LayerLab makes its data with its own random numbers. The code below is LayerLab's generator written in Python, so you get exactly the points you saw in LayerLab: the same seed gives the same points. You do not need to read it: the line "x, labels = ${dataset.functionName}(...)" after it makes the data.`,
      COMMENT_WIDTH,
    ).map((line) => `# ${line}`);
    dataCode = `${intro.join('\n')}\n\n\n${dataset.definitions.replace(/\n+$/, '')}`;
    dataCall = [
      `x, labels = ${dataset.call}`,
      `print(f"Data: {len(x)} points with 2 features (x1, x2), in ${String(config.classes)} classes")`,
    ].join('\n');
  } else {
    dataCode = CSV_LOADER;
    dataCall = 'x, labels = load_csv("data.csv")  # the path of your CSV file\nprint(f"Data: {x.shape[0]} examples with {x.shape[1]} features")';
  }

  const reserved = new Set([...SCRIPT_NAMES, ...definedNames(dataCode)]);
  const model = [
    "# Keras picks the starting weights at random; fixing its seed makes every run the same.",
    "# (They are Keras's own random weights, not LayerLab's, so training goes a little differently.)",
    `keras.utils.set_random_seed(${String(normaliseSeed(training.seed))})`,
    '',
    modelCode(graph.nodes, layerOrder, sequential, modelName, incomingEdges(graph), reserved),
    'model.summary()',
  ].join('\n');

  const compile = [
    'model.compile(',
    `    optimizer=keras.optimizers.${KERAS_OPTIMIZER_CLASS[training.optimizer]}(learning_rate=${pythonFloat(training.learningRate)}),`,
    `    loss=${pyString(training.loss)},`,
    '    metrics=["accuracy"],',
    ')',
  ].join('\n');

  const fitCall = formatCall(
    '',
    'history = ',
    'model.fit',
    ['x', 'y', `batch_size=${String(training.batchSize)}`, 'epochs=EPOCHS', `validation_split=${pythonFloat(training.validationSplit)}`, 'shuffle=True'],
    '',
  );
  const train = [labels.code, '', fitCall].join('\n');

  const resultLines = [
    'final = history.history',
    `print(f"Final training accuracy: {final['accuracy'][-1]:.3f} (loss {final['loss'][-1]:.4f})")`,
  ];
  if (training.validationSplit > 0) {
    resultLines.push(`print(f"Final validation accuracy: {final['val_accuracy'][-1]:.3f} (loss {final['val_loss'][-1]:.4f})")`);
  }

  const dataName = builtin !== null ? `the ${BUILTIN_DATASETS[builtin.name].title} dataset, the same points as in LayerLab` : 'your CSV file';
  const header = [
    ...wrapText(`${title}: a neural network from LayerLab, as a Keras (tf.keras) script.`, COMMENT_WIDTH),
    '',
    ...wrapText(
      `Generated by LayerLab. It makes the project's data (${dataName}), builds the same network in Keras, trains it with the project's settings and prints the final accuracy.`,
      COMMENT_WIDTH,
    ),
    '',
    'How to run it: install TensorFlow (pip install tensorflow), then run',
    `    python ${PYTHON_SCRIPT_FILE_NAME}`,
  ];

  const steps: PythonStep[] = [
    { id: 'setup', heading: null, code: setup },
    { id: 'data-code', heading: '1. The data', code: dataCode },
    { id: 'data', heading: null, code: dataCall },
    { id: 'model', heading: '2. The network', code: model },
    { id: 'compile', heading: '3. Compiling: how the network learns', code: compile },
    { id: 'train', heading: '4. Training', code: train },
    { id: 'result', heading: '5. The result', code: resultLines.join('\n') },
  ];
  return {
    ok: true,
    program: { title, header, steps, epochs, inference, layerOrder, sequential, modelName, outputUnits, labelsNote: labels.note },
  };
}

function headingBox(heading: string): string {
  const rule = `# ${'='.repeat(90)}`;
  return [rule, `# ${heading}`, rule].join('\n');
}

/** The program as one script. */
export function programToScript(program: PythonProgram): string {
  const parts = [program.header.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n')];
  for (const step of program.steps) {
    parts.push(step.heading === null ? step.code : `${headingBox(step.heading)}\n\n${step.code}`);
  }
  return `${parts.join('\n\n\n')}\n`;
}

/**
 * A runnable tf.keras script that makes the project's data, builds the network, trains it with the project's
 * settings and prints the final accuracy; or, when the project cannot be exported, every problem with the layer
 * it concerns (core errors, and LayerLab-only features such as the step activation).
 */
export function exportPythonScript(project: LayerLabProject): PythonExportResult {
  const built = buildPythonProgram(project);
  return built.ok ? { ok: true, text: programToScript(built.program) } : { ok: false, problems: built.problems };
}
