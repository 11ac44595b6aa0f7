/**
 * A LayerLab project as a readable, runnable tf.keras training script (`python model.py`).
 *
 * The script has, in order: a header comment, the imports and `EPOCHS`, the project's data (pythonData.ts: the
 * seeded sets regenerated exactly, Iris written in, a CSV file or MNIST read from a data file written beside the
 * script), the model (keras.Sequential for a straight chain, the functional API otherwise), compile (the project's
 * optimizer, loss, metric and L2 penalty), labels or targets prepared for the loss, fit with the project's held-out
 * split, and the final accuracy (or mean absolute error). Layer names are node ids and only arguments that differ
 * from Keras's own defaults are written, so the code reads like code a person would write.
 *
 * The same steps, split into cells with explanations, make the notebook (notebook.ts): both are built from one
 * {@link PythonProgram}, so the script and the notebook always run the same code.
 *
 * Pure and browser-safe (no Node APIs, no tfjs). Never throws for a project that loaded: problems come back as
 * `{ ok: false, problems }`, each naming the layer at fault.
 */
import { kerasModelName } from '../exportConfig.ts';
import { combinedKernelRegularizer } from '../export/compileConfig.ts';
import { generateDataset } from '../../datasets/load.ts';
import { normaliseSeed } from '../../datasets/rng.ts';
import type { Dataset } from '../../datasets/types.ts';
import type { KerasApiChoice } from '../../graph/kerasApi.ts';
import { kerasApiFor } from '../../graph/kerasApi.ts';
import type { ResolvedEnds, ResolvedModelEnds } from '../../graph/modelEnds.ts';
import { modelEnds } from '../../graph/modelEnds.ts';
import { incomingEdges, topologicalOrder } from '../../graph/topology.ts';
import type { GraphNode } from '../../graph/types.ts';
import { LAYER_REGISTRY } from '../../layers/index.ts';
import type { ActivationName, Regularizer } from '../../layers/index.ts';
import { kerasActivationName } from '../activationFormats.ts';
import { KERAS_DEFAULTS } from '../kerasDefaults.ts';
import type { LayerLabProject } from '../../project/types.ts';
import type { GraphInference } from '../../shapes/inferShapes.ts';
import type { LossName, MetricName, TrainingSettings } from '../../training/settings.ts';
import { KERAS_OPTIMIZER_CLASS, SGD_MOMENTUM } from '../../training/settings.ts';
import { validateProjectNetwork } from '../../validation/validateProject.ts';
import type { PythonDataFile } from './pythonData.ts';
import { pythonDataSection } from './pythonData.ts';
import { BATCHES_NAMES, pythonTrainingBatches } from './pythonBatches.ts';
import { pythonNumber, rngDefinitions, wrapText } from './pythonRng.ts';
import { pythonStartingWeights, startingWeightsNeedNormal } from './pythonWeights.ts';
import { hidesPythonBuiltin, pythonCommentText, pythonString } from './pythonText.ts';

/** Why a project cannot be exported, tied to the layer (node id) at fault, or null for the whole project. */
export interface PythonExportProblem {
  layer: string | null;
  /** Plain sentences that do not start with the node id: renderers show `layer` beside them. */
  message: string;
}

/**
 * The script (or notebook) text, and the data file to write beside it (a CSV file's or MNIST's data), or null when
 * the script makes or holds its data itself.
 */
export type PythonExportResult = { ok: true; text: string; dataFile: PythonDataFile | null } | { ok: false; problems: PythonExportProblem[] };

/** How to export: where the data file goes and the data itself, when the caller has loaded it. */
export interface PythonExportOptions {
  /** The data file is named "<stem>_data.csv" or "<stem>_data.npz", after the script ("model" for model.py). */
  dataFileStem?: string;
  /**
   * The project's data as LayerLab made it: required for MNIST (its digits come from an asset the caller loads,
   * e.g. with loadDataset), made here for Iris and a CSV file when left out, not needed for the seeded sets.
   */
  dataset?: Dataset;
}

export type PythonStepId = 'setup' | 'data-code' | 'data' | 'model' | 'weights' | 'compile' | 'train' | 'fit' | 'result';

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
  /** True when the model is written as keras.Sequential (the project's Keras API; see kerasApi.ts). */
  sequential: boolean;
  /** The project's Keras API as the script uses it, and why Sequential is not possible where it is not. */
  api: KerasApiChoice;
  /** The Keras model name. */
  modelName: string;
  /** Number of values the output layer gives per example. */
  outputUnits: number;
  /** One or two sentences on how the labels are prepared for the loss. */
  labelsNote: string;
  /** What the notebook says before the starting weights, the held-out split and batches, and the fit call. */
  weightsMarkdown: string;
  batchesMarkdown: string;
  fitMarkdown: string;
  /** What the notebook says before the data code and before the data step. */
  dataMarkdown: string;
  dataCallMarkdown: string;
  /** Accuracy for classification, mean absolute error for regression. */
  metric: MetricName;
  /** The file written beside the script, or null. */
  dataFile: PythonDataFile | null;
}

export type PythonProgramResult = { ok: true; program: PythonProgram } | { ok: false; problems: PythonExportProblem[] };

/** The file name the header tells the student to run. */
export const PYTHON_SCRIPT_FILE_NAME = 'model.py';

/** Comment lines are wrapped to this many characters (after "# "). */
const COMMENT_WIDTH = 88;

/** Lines longer than this are split, one argument per line (as the Black formatter would). */
const MAX_LINE = 99;

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
const SCRIPT_NAMES = ['x', 'y', 'labels', 'targets', 'model', 'history', 'final', 'inputs', 'EPOCHS', 'np', 'math', 'os', 'keras', 'layers', 'tf'];

// ---- Python literals ---------------------------------------------------------------------------------------

/** A Python string literal that holds exactly `value`, whatever it holds (pythonText.ts). */
function pyString(value: string): string {
  return pythonString(value);
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

/**
 * A kernel regularizer: the layer's own, with the project's L2 penalty added to its L2 factor when there is one.
 * The sum is written out ("l2=0.01 + 0.001"), so the student sees both and Python adds the same doubles.
 */
function pyRegularizer(reg: Regularizer | null, projectL2: number): string | null {
  const combined = combinedKernelRegularizer(reg, projectL2);
  if (combined === null) return null;
  const l2Text =
    reg === null || projectL2 === 0 ? pythonFloat(combined.l2) : reg.l2 === 0 ? pythonFloat(projectL2) : `${pythonFloat(reg.l2)} + ${pythonFloat(projectL2)}`;
  if (combined.l1 === 0 && combined.l2 !== 0) return `keras.regularizers.L2(l2=${l2Text})`;
  if (combined.l2 === 0 && combined.l1 !== 0) return `keras.regularizers.L1(l1=${pythonFloat(combined.l1)})`;
  return `keras.regularizers.L1L2(l1=${pythonFloat(combined.l1)}, l2=${l2Text})`;
}

/** An activation as the student named it, which Keras accepts ("swish" stays "swish"; see activationFormats.ts). */
function pyActivation(activation: ActivationName): string {
  // `step` never gets here: the script is refused first (see notInKeras).
  return pyString(kerasActivationName(activation) ?? 'linear');
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
function layerCall(node: GraphNode, projectL2: number): { callee: string; args: string[] } {
  const args: string[] = [];
  switch (node.kind) {
    case 'Input':
      return { callee: 'keras.Input', args: [`shape=${pyTuple(node.params.shape)}`, `name=${pyString(node.id)}`] };
    case 'Dense': {
      const p = node.params;
      const d = KERAS_DEFAULTS.Dense;
      args.push(String(p.units));
      if (p.activation !== d.activation) args.push(`activation=${pyActivation(p.activation)}`);
      if (p.use_bias !== d.use_bias) args.push(`use_bias=${pyBool(p.use_bias)}`);
      if (p.kernel_initializer !== d.kernel_initializer) args.push(`kernel_initializer=${pyString(p.kernel_initializer)}`);
      if (p.bias_initializer !== d.bias_initializer) args.push(`bias_initializer=${pyString(p.bias_initializer)}`);
      const regularizer = pyRegularizer(p.kernel_regularizer, projectL2);
      if (regularizer !== null) args.push(`kernel_regularizer=${regularizer}`);
      break;
    }
    case 'Activation':
      args.push(pyActivation(node.params.activation));
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
    if (taken.has(base) || PYTHON_KEYWORDS.has(base) || PYTHON_BUILTINS.has(base) || hidesPythonBuiltin(base)) base = `${base}_out`;
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

/** A model's input or output as `keras.Model` takes it: the variable, `[variable]`, or `{"key": variable}`. */
function endsArgument(ends: ResolvedEnds, names: ReadonlyMap<string, string>): string {
  const variable = (node: string): string => names.get(node) ?? node;
  if (ends.form === 'dict') return `{${ends.ends.map((e) => `${pyString(e.key)}: ${variable(e.node)}`).join(', ')}}`;
  if (ends.form === 'list') return `[${ends.ends.map((e) => variable(e.node)).join(', ')}]`;
  return ends.ends[0] === undefined ? 'None' : variable(ends.ends[0].node);
}

function modelCode(
  graphNodes: readonly GraphNode[],
  order: readonly string[],
  api: KerasApiChoice,
  ends: ResolvedModelEnds,
  modelName: string,
  incoming: ReturnType<typeof incomingEdges>,
  reserved: ReadonlySet<string>,
  projectL2: number,
): string {
  const sequential = api.api === 'sequential';
  const byId = new Map(graphNodes.map((n) => [n.id, n]));
  const nodesInOrder = order.map((id) => byId.get(id)).filter((n): n is GraphNode => n !== undefined);
  if (sequential) {
    const items = nodesInOrder.map((node) => {
      const { callee, args } = layerCall(node, projectL2);
      return formatCall('        ', '', callee, args, ',');
    });
    return ['model = keras.Sequential(', '    [', ...items, '    ],', `    name=${pyString(modelName)},`, ')'].join('\n');
  }
  const names = variableNames(order, byId, reserved);
  const lines =
    api.chain !== null
      ? [
          "# The model uses Keras's functional API: each layer is called on the output of the layer",
          '# that feeds it, and keras.Model joins the input to the output.',
        ]
      : [
          "# The layers branch and merge, so the model uses Keras's functional API: each layer is",
          '# called on the output of the layer (or the list of layers) that feeds it.',
        ];
  if (api.ignored !== null) lines.unshift(...wrapText(api.ignored, COMMENT_WIDTH).map((line) => `# ${line}`));
  const inputsVar = names.get(ends.inputs.ends[0]?.node ?? '') ?? 'inputs';
  for (const node of nodesInOrder) {
    const variable = names.get(node.id) ?? node.id;
    const { callee, args } = layerCall(node, projectL2);
    if (node.kind === 'Input') {
      lines.push(formatCall('', `${variable} = `, callee, args, ''));
      continue;
    }
    const sources = (incoming.get(node.id) ?? []).map((e) => names.get(e.source) ?? e.source);
    const merge = LAYER_REGISTRY[node.kind].category === 'merge';
    const argument = merge ? `[${sources.join(', ')}]` : (sources[0] ?? inputsVar);
    lines.push(formatCall('', `${variable} = `, callee, args, `(${argument})`));
  }
  // The model's inputs and outputs keep their structure (a single tensor, a list or a dict): see modelEnds.ts.
  const call = `model = keras.Model(inputs=${endsArgument(ends.inputs, names)}, outputs=${endsArgument(ends.outputs, names)}, name=${pyString(modelName)})`;
  lines.push('', call.length <= MAX_LINE ? call : ['model = keras.Model(', `    inputs=${endsArgument(ends.inputs, names)},`, `    outputs=${endsArgument(ends.outputs, names)},`, `    name=${pyString(modelName)},`, ')'].join('\n'));
  return lines.join('\n');
}

// ---- checks ------------------------------------------------------------------------------------------------

/** Why a project with `{ kind: 'none' }` as its dataset has no Python script or notebook. */
export const NO_DATASET_EXPORT_MESSAGE =
  'This project has no dataset chosen yet, so there is no data to write a training script for. Choose a dataset first, ' +
  'or export the network without training code: as Keras JSON or as a .keras file, which need no data.';

/**
 * Every reason the project cannot become a Keras script (no data, data that cannot be used, the network's errors
 * against its data, layers Keras cannot express), or the network's inference when it can.
 */
function checkProject(project: LayerLabProject): { problems: PythonExportProblem[]; inference: GraphInference } {
  const problems: PythonExportProblem[] = [];
  if (project.dataset.kind === 'none') problems.push({ layer: null, message: NO_DATASET_EXPORT_MESSAGE });
  const validation = validateProjectNetwork(project);
  for (const d of validation.diagnostics) {
    if (d.severity === 'error' || d.code === 'not-in-keras') problems.push({ layer: d.nodeIds[0] ?? null, message: d.message });
  }
  // With no error left the network has exactly one Input and at most one output: validation reports a network with
  // no Input, and checkDatasetFit one with more Inputs or outputs than the data has, as errors. An Input alone is not.
  if (problems.length === 0 && validation.outputs.length === 0) {
    problems.push({
      layer: validation.inputs[0] ?? null,
      message: 'The network has no layers after its Input, so there is nothing to compute.',
    });
  }
  return { problems, inference: validation };
}

// ---- the steps -----------------------------------------------------------------------------------------------

function labelsStep(loss: LossName, units: number, task: 'classification' | 'regression'): { code: string; note: string } {
  if (task === 'regression') {
    const note = 'The output is one number per example, so the targets become a column: one row, one number, as the output gives them.';
    return { note, code: '# The output is one number per example, so the targets become a column of numbers.\ny = targets.reshape(-1, 1)' };
  }
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

/** The optimizer as Keras builds it: momentum is Keras's SGD with momentum=0.9. */
export function pythonOptimizer(training: TrainingSettings): string {
  const args = [`learning_rate=${pythonFloat(training.learningRate)}`];
  if (training.optimizer === 'momentum') args.push(`momentum=${pythonFloat(SGD_MOMENTUM)}`);
  return `keras.optimizers.${KERAS_OPTIMIZER_CLASS[training.optimizer]}(${args.join(', ')})`;
}

/** The Input's shape when it is not the flat row the data gives (MNIST's 28×28 image): the reshape it needs. */
function reshapeForInput(graph: LayerLabProject['graph'], inference: GraphInference, data: Dataset | null): string | null {
  const inputId = inference.inputs[0];
  const info = inputId === undefined ? undefined : inference.nodes.get(inputId);
  if (info?.status !== 'ok' || info.shape.length <= 1 || data === null) return null;
  const shape = info.shape.join(', ');
  const input = graph.nodes.find((n) => n.id === inputId);
  return [
    `# The network's Input ("${input?.id ?? ''}") takes each example as a (${shape}) array, so each row of ${String(data.numFeatures)} values`,
    '# is laid out that way (row by row, as the image was stored).',
    `x = x.reshape(-1, ${shape})`,
  ].join('\n');
}

function l2Comment(l2: number): string {
  const value = pythonFloat(l2);
  return wrapText(
    `The project's L2 weight penalty (${value}) is added to every Dense layer's kernel: training also shrinks the weights, by adding ${value} × (the sum of their squares) to the loss. A layer with a penalty of its own gets both, and the two L2 factors add up (e.g. L2(l2=0.01 + ${value})).`,
    COMMENT_WIDTH,
  )
    .map((line) => `# ${line}`)
    .join('\n');
}

function resultStep(metric: MetricName, validationSplit: number): string {
  const lines = ['final = history.history'];
  if (metric === 'accuracy') {
    lines.push(`print(f"Final training accuracy: {final['accuracy'][-1]:.3f} (loss {final['loss'][-1]:.4f})")`);
    if (validationSplit > 0) lines.push(`print(f"Final validation accuracy: {final['val_accuracy'][-1]:.3f} (loss {final['val_loss'][-1]:.4f})")`);
  } else {
    lines.push(`print(f"Final training mean absolute error: {final['mae'][-1]:.4f} (loss {final['loss'][-1]:.4f})")`);
    if (validationSplit > 0) lines.push(`print(f"Final validation mean absolute error: {final['val_mae'][-1]:.4f} (loss {final['val_loss'][-1]:.4f})")`);
  }
  return lines.join('\n');
}

/** The project's data as LayerLab makes it, when the script writes rows out (Iris, CSV, MNIST); null otherwise. */
function datasetFor(project: LayerLabProject, given: Dataset | undefined): Dataset | null {
  if (given !== undefined) return given;
  const kind = project.dataset.kind;
  if (kind !== 'iris' && kind !== 'csv') return null;
  const made = generateDataset(project.dataset);
  return made.ok ? made.dataset : null;
}

/** `import math` among the data's imports (the starting weights and the random numbers use it), once. */
function withMathImport(imports: readonly string[]): string[] {
  if (imports.includes('import math')) return [...imports];
  const standard = imports.filter((line) => line.startsWith('import ') && !line.includes('numpy'));
  const others = imports.filter((line) => line !== '' && !standard.includes(line));
  return [...['import math', ...standard].sort(), ...(others.length > 0 ? ['', ...others] : [])];
}

/** How many rows the data step makes, when it is known without running it. */
function sampleCount(project: LayerLabProject, data: Dataset | null): number | null {
  const config = project.dataset;
  if (config.kind === 'builtin') return config.samples + (config.added?.length ?? 0);
  if (config.kind === 'regression') return config.samples;
  return data?.numSamples ?? null;
}

/** The steps and facts of the exported program, or the problems that prevent it. */
export function buildPythonProgram(project: LayerLabProject, options: PythonExportOptions = {}): PythonProgramResult {
  const { problems, inference } = checkProject(project);
  if (problems.length > 0 || project.dataset.kind === 'none') return { ok: false, problems };
  const data = datasetFor(project, options.dataset);
  // Starting weights drawn from a normal distribution need the generator's normal draw: the data step writes it.
  const normal = startingWeightsNeedNormal(project.graph);
  const section = pythonDataSection(project.dataset, data, options.dataFileStem ?? PYTHON_SCRIPT_FILE_NAME.replace(/\.py$/, ''), { normal });
  if ('ok' in section) return { ok: false, problems: [{ layer: null, message: section.message }] };

  const { graph, training } = project;
  const title = oneLine(project.name) || 'LayerLab network';
  const modelName = kerasModelName(project.name);
  // The project's Keras API (graph.model.api, where the network allows it) and its inputs' and outputs' structure.
  const api = kerasApiFor(graph);
  const ends = modelEnds(graph);
  const sequential = api.api === 'sequential';
  const layerOrder = api.chain ?? topologicalOrder(graph);
  const outputId = inference.outputs[0] ?? '';
  const outputInfo = inference.nodes.get(outputId);
  const outputUnits = outputInfo?.status === 'ok' ? (outputInfo.shape[outputInfo.shape.length - 1] ?? 1) : 1;
  const labels = labelsStep(training.loss, outputUnits, section.task);
  const metric: MetricName = section.task === 'regression' ? 'mae' : 'accuracy';
  const epochs = training.epochs;

  const setup = [
    ...withMathImport(section.imports),
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
    '',
    '# How many times training goes through all the data (each pass is one "epoch").',
    ...(training.runUntilStopped ? ['# (In LayerLab this project trains until you press Pause; here it stops after EPOCHS.)'] : []),
    `EPOCHS = ${String(epochs)}`,
  ].join('\n');

  const reshape = reshapeForInput(graph, inference, data);
  const dataCall = reshape === null ? section.call : `${section.call}\n\n${reshape}`;

  // The seeded sets' generator defines LayerLab's Rng; with other data the starting-weights step writes it.
  const dataDefinesRng = project.dataset.kind === 'builtin' || project.dataset.kind === 'regression';
  const weights = pythonStartingWeights({ graph, inference, layerOrder, seed: training.seed, rngCode: dataDefinesRng ? null : rngDefinitions(normal) });
  // A dict of one is fed as a dict under its key (Keras warns about a bare array for a dict input).
  const feedKey = (e: ResolvedEnds): string | null => (e.form === 'dict' ? (e.ends[0]?.key ?? null) : null);
  const batches = pythonTrainingBatches(training, sampleCount(project, data), { x: feedKey(ends.inputs), y: feedKey(ends.outputs) });
  const reserved = new Set([...SCRIPT_NAMES, ...definedNames(section.definitions), ...definedNames(weights.code), ...BATCHES_NAMES]);
  const model = [
    "# Fixing Keras's random seed makes every run the same: Keras draws its own starting weights",
    "# (replaced below by LayerLab's) and Dropout's random choices from it.",
    `keras.utils.set_random_seed(${String(normaliseSeed(training.seed))})`,
    ...(training.l2 > 0 ? ['', l2Comment(training.l2)] : []),
    '',
    modelCode(graph.nodes, layerOrder, api, ends, modelName, incomingEdges(graph), reserved, training.l2),
    'model.summary()',
  ].join('\n');

  const compile = [
    'model.compile(',
    `    optimizer=${pythonOptimizer(training)},`,
    `    loss=${pyString(training.loss)},`,
    `    metrics=[${pyString(metric)}],`,
    ')',
  ].join('\n');

  const train = `${labels.code}\n\n${batches.code}`;

  const header = [
    ...wrapText(`${title}: a neural network from LayerLab, as a Keras (tf.keras) script.`, COMMENT_WIDTH),
    '',
    ...wrapText(
      `Generated by LayerLab. It makes the project's data (${section.description}), builds the same network in Keras, trains it with the project's settings from LayerLab's starting weights, on the same batches, and prints the final ${metric === 'accuracy' ? 'accuracy' : 'mean absolute error'}.`,
      COMMENT_WIDTH,
    ),
    ...(section.dataFile === null ? [] : ['', ...wrapText(`It needs ${section.dataFile.name}, which LayerLab wrote beside it: keep the two files in the same folder.`, COMMENT_WIDTH)]),
    '',
    'How to run it: install TensorFlow (pip install tensorflow), then run',
    `    python ${PYTHON_SCRIPT_FILE_NAME}`,
  ];

  const steps: PythonStep[] = [
    { id: 'setup', heading: null, code: setup },
    { id: 'data-code', heading: '1. The data', code: section.definitions },
    { id: 'data', heading: null, code: dataCall },
    { id: 'model', heading: '2. The network', code: model },
    { id: 'weights', heading: null, code: weights.code },
    { id: 'compile', heading: '3. Compiling: how the network learns', code: compile },
    { id: 'train', heading: '4. Training', code: train },
    { id: 'fit', heading: null, code: batches.fit },
    { id: 'result', heading: '5. The result', code: resultStep(metric, training.validationSplit) },
  ];
  return {
    ok: true,
    program: {
      title,
      header,
      steps,
      epochs,
      inference,
      layerOrder,
      sequential,
      api,
      modelName,
      outputUnits,
      labelsNote: labels.note,
      weightsMarkdown: weights.markdown,
      batchesMarkdown: batches.markdown,
      fitMarkdown: batches.fitMarkdown,
      dataMarkdown: section.markdown,
      dataCallMarkdown: section.callMarkdown,
      metric,
      dataFile: section.dataFile,
    },
  };
}

function headingBox(heading: string): string {
  const rule = `# ${'='.repeat(90)}`;
  return [rule, `# ${heading}`, rule].join('\n');
}

/** The program as one script. */
export function programToScript(program: PythonProgram): string {
  // The header quotes the project's and the data file's names: pythonCommentText keeps each on its comment line and
  // keeps the first two lines from declaring an encoding.
  const parts = [program.header.map((line) => (line === '' ? '#' : `# ${pythonCommentText(line)}`)).join('\n')];
  for (const step of program.steps) {
    parts.push(step.heading === null ? step.code : `${headingBox(step.heading)}\n\n${step.code}`);
  }
  return `${parts.join('\n\n\n')}\n`;
}

/**
 * A runnable tf.keras script that makes (or reads) the project's data, builds the network, trains it with the
 * project's settings and prints the final accuracy or error; with the data file to write beside it for a CSV file or
 * MNIST. Or, when the project cannot be exported, every problem with the layer it concerns (core errors, and
 * LayerLab-only features such as the step activation).
 */
export function exportPythonScript(project: LayerLabProject, options: PythonExportOptions = {}): PythonExportResult {
  const built = buildPythonProgram(project, options);
  return built.ok ? { ok: true, text: programToScript(built.program), dataFile: built.program.dataFile } : { ok: false, problems: built.problems };
}
