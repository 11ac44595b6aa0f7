/**
 * A project as the files of one export format, in memory, with the one line that loads them: what the app's Export
 * menu downloads and what `layerlab export` writes to disk. The starting weights of an untrained network are core's
 * (core/weights/initialWeights.ts, the ones the engine starts training from), so this module never loads TensorFlow.js. A Python script or notebook of a CSV or MNIST project comes with a data file to keep beside it.
 *
 * The training settings' L2 weight penalty goes into every Dense layer's kernel_regularizer of the Keras and TF.js
 * models (withProjectL2), so a model trained further in Keras is penalised as in LayerLab.
 */
import { loadDataset } from '../core/datasets/load.ts';
import type { Dataset, DatasetAssets } from '../core/datasets/types.ts';
import { exportKerasCompileConfig, withProjectL2 } from '../core/keras/export/compileConfig.ts';
import { exportKerasModel, kerasJsonText } from '../core/keras/exportConfig.ts';
import { npzBytes } from '../core/keras/python/npzFile.ts';
import { pythonString } from '../core/keras/python/pythonText.ts';
import { initialProjectWeights } from '../core/weights/initialWeights.ts';
import type { PythonDataFile } from '../core/keras/python/index.ts';
import { exportNotebook, exportPythonScript } from '../core/keras/python/index.ts';
import { exportTfjsModel } from '../core/keras/tfjsExport.ts';
import { problemFromDiagnostic, problemsFromLayerProblems } from '../core/problems/index.ts';
import type { Problem } from '../core/problems/index.ts';
import type { LayerLabProject, ProjectWeights } from '../core/project/index.ts';
import { validateProjectNetwork } from '../core/validation/validateProject.ts';
import { exportBlockers } from '../core/validation/exportBlockers.ts';
import { writeKerasFile } from './kerasFile.ts';
import { projectMetric } from '../core/training/metric.ts';

export type ExportFormat = 'keras' | 'keras-json' | 'tfjs' | 'python' | 'notebook';

export interface ExportFormatInfo {
  format: ExportFormat;
  /** The menu entry. */
  label: string;
  /** One line under the label, for a student. */
  description: string;
  /** The file extension(s) written, as shown in the menu. */
  extension: string;
  /** What `loadLine` is written in: Python code, JavaScript code, or a command to type in a terminal. */
  loadLanguage: 'python' | 'javascript' | 'shell';
}

/** The export formats, in menu order. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = Object.freeze({
  keras: {
    format: 'keras',
    label: 'Keras model',
    description: 'The network with its weights and training settings, ready to use or keep training in Python.',
    extension: '.keras',
    loadLanguage: 'python',
  },
  'keras-json': {
    format: 'keras-json',
    label: 'Keras architecture (JSON)',
    description: 'Only the layers and how they connect, without weights: Keras rebuilds the untrained network from it.',
    extension: '.json',
    loadLanguage: 'python',
  },
  tfjs: {
    format: 'tfjs',
    label: 'TensorFlow.js',
    description: 'The network and its weights for a web page: keep the two files together in one folder.',
    extension: '.json + .bin',
    loadLanguage: 'javascript',
  },
  python: {
    format: 'python',
    label: 'Python script',
    description: 'A program that makes the same data, builds this network in Keras and trains it with your settings.',
    extension: '.py',
    loadLanguage: 'shell',
  },
  notebook: {
    format: 'notebook',
    label: 'Jupyter notebook',
    description: 'The same program as a notebook you run step by step, with every step explained.',
    extension: '.ipynb',
    loadLanguage: 'shell',
  },
});

export function isExportFormat(value: string): value is ExportFormat {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, value);
}

export interface ExportedFile {
  name: string;
  /** Text files as a string (UTF-8 when saved), binary files as bytes. */
  data: Uint8Array | string;
  mime: string;
}

export type ExportResult =
  | {
      ok: true;
      files: ExportedFile[];
      /** The one line of Python, JavaScript or shell (see ExportFormatInfo.loadLanguage) that loads the export. */
      loadLine: string;
      /** Set when the project had no trained weights and the export holds the network's starting weights. */
      note?: string;
      /**
       * What the files do differently from what the project asks, in plain sentences: a Keras Sequential pick the
       * network cannot take (written functional), a dict the TF.js format cannot express. Absent when there is none.
       */
      warnings?: string[];
    }
  | { ok: false; problems: Problem[] };

export interface ExportNames {
  /**
   * The name of the file written (for TF.js, the model's JSON), which the load line uses. Default: named after the
   * project, e.g. "xor-2-4-1.keras".
   */
  fileName?: string;
  /** TF.js: the weights file the model's JSON names. Default "<project>.weights.bin". */
  tfjsWeightsFile?: string;
}

export interface ExportDeps {
  /**
   * Where the MNIST digits come from (the browser's asset, or nodeDatasetAssets in Node): needed only for the
   * Python script and notebook of an MNIST project, which write the digits beside the script.
   */
  datasetAssets?: DatasetAssets;
}

/** The file name stem for a project name: "XOR 2-4-1" gives "xor-2-4-1"; "model" when nothing is left. */
export function exportFileStem(projectName: string): string {
  const slug = projectName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'model' : slug;
}

const failed = (problems: Problem[]): ExportResult => ({ ok: false, problems });

function exportProblem(message: string): Problem {
  return { severity: 'error', nodeId: null, message, source: 'export' };
}

type WeightsFor = { ok: true; weights: ProjectWeights; fresh: boolean } | { ok: false; problems: Problem[] };

/**
 * The project's trained weights, or the weights a fresh network starts with for the project's seed (core's, the ones
 * the engine starts training from). exportProject refuses a network whose shapes are unknown first, so core can always
 * make them here.
 */
function weightsFor(project: LayerLabProject): WeightsFor {
  if (project.weights !== null) return { ok: true, weights: project.weights, fresh: false };
  const initial = initialProjectWeights(project.graph, project.training.seed);
  return initial.ok ? { ok: true, weights: initial.weights, fresh: true } : { ok: false, problems: [exportProblem(initial.message)] };
}

/** The project with its L2 weight penalty moved into the Dense layers, as Keras and TF.js models carry it. */
function withPenaltyInLayers(project: LayerLabProject): LayerLabProject {
  return project.training.l2 === 0 ? project : { ...project, graph: withProjectL2(project.graph, project.training.l2) };
}

/** Accuracy for classification, mean absolute error (mae) for regression: what Keras reports next to the loss. */
type ScriptData = { ok: true; dataset: Dataset | undefined } | { ok: false; problems: Problem[] };

/** MNIST's digits for a script (they come from an asset); undefined for the other kinds, which core makes itself. */
async function scriptData(project: LayerLabProject, deps: ExportDeps): Promise<ScriptData> {
  if (project.dataset.kind !== 'mnist') return { ok: true, dataset: undefined };
  if (deps.datasetAssets === undefined) {
    return { ok: false, problems: [exportProblem('The MNIST digits cannot be loaded here, so they cannot be written beside the script.')] };
  }
  const loaded = await loadDataset(project.dataset, deps.datasetAssets);
  return loaded.ok ? { ok: true, dataset: loaded.dataset } : { ok: false, problems: [exportProblem(loaded.message)] };
}

/** A script's data file as bytes or text to save. */
function dataFileToExport(file: PythonDataFile): ExportedFile {
  return file.format === 'npz'
    ? { name: file.name, data: npzBytes(file.arrays), mime: 'application/octet-stream' }
    : { name: file.name, data: file.text, mime: 'text/csv' };
}

function warningsOf(warnings: readonly string[]): { warnings?: string[] } {
  return warnings.length === 0 ? {} : { warnings: [...warnings] };
}

function freshNote(project: LayerLabProject, holder: string): string {
  return `The network has not been trained yet: ${holder} its starting weights (seed ${project.training.seed}).`;
}

/** The files of `format` for `project`, or every problem that stops the export (then nothing is written). Never throws. */
export async function exportProject(project: LayerLabProject, format: ExportFormat, deps: ExportDeps, names: ExportNames = {}): Promise<ExportResult> {
  if (!isExportFormat(format)) return failed([exportProblem(`LayerLab cannot export to "${String(format)}".`)]);
  const blocking = exportBlockers(validateProjectNetwork(project));
  if (blocking.length > 0) return failed(blocking.map((d) => ({ ...problemFromDiagnostic(d), severity: 'error' })));
  const stem = exportFileStem(project.name);

  switch (format) {
    case 'keras-json': {
      const result = exportKerasModel(withPenaltyInLayers(project).graph, { name: project.name, training: project.training });
      if (!result.ok) return failed(problemsFromLayerProblems(result.problems, 'export'));
      const name = names.fileName ?? `${stem}.json`;
      const model = { ...result.model, compile_config: exportKerasCompileConfig(project.training, projectMetric(project.dataset)) };
      return {
        ok: true,
        files: [{ name, data: `${kerasJsonText(model, 2)}\n`, mime: 'application/json' }],
        loadLine: `keras.models.model_from_json(open(${pythonString(name)}).read())`,
        ...warningsOf(result.warnings),
      };
    }
    case 'keras': {
      const weights = weightsFor(project);
      if (!weights.ok) return failed(weights.problems);
      const result = await writeKerasFile(withPenaltyInLayers(project), weights.weights);
      if (!result.ok) return failed(problemsFromLayerProblems(result.problems, 'export'));
      const name = names.fileName ?? `${stem}.keras`;
      return {
        ok: true,
        files: [{ name, data: result.bytes, mime: 'application/octet-stream' }],
        loadLine: `keras.models.load_model(${pythonString(name)})`,
        ...(weights.fresh ? { note: freshNote(project, 'the file holds') } : {}),
        ...warningsOf(result.warnings),
      };
    }
    case 'tfjs': {
      const weights = weightsFor(project);
      if (!weights.ok) return failed(weights.problems);
      // Both files are named after the project, so two exports in one Downloads folder never mix up their weights
      // (a second weights.bin would be renamed by the browser, and the first model.json would load it).
      const modelName = names.fileName ?? `${stem}.json`;
      const weightsName = names.tfjsWeightsFile ?? `${stem}.weights.bin`;
      const result = exportTfjsModel(withPenaltyInLayers(project).graph, weights.weights, { name: project.name, weightsFileName: weightsName });
      if (!result.ok) return failed(problemsFromLayerProblems(result.problems, 'export'));
      // The manifest names the weights file, which tf.loadLayersModel fetches from beside the model's JSON.
      return {
        ok: true,
        files: [
          { name: modelName, data: `${JSON.stringify(result.modelJson)}\n`, mime: 'application/json' },
          { name: weightsName, data: result.weightsBin, mime: 'application/octet-stream' },
        ],
        loadLine: `await tf.loadLayersModel(${JSON.stringify(modelName)})`,
        ...(weights.fresh ? { note: freshNote(project, `${weightsName} holds`) } : {}),
        ...warningsOf(result.warnings),
      };
    }
    case 'python':
    case 'notebook': {
      const python = format === 'python';
      const name = names.fileName ?? `${stem}.${python ? 'py' : 'ipynb'}`;
      const data = await scriptData(project, deps);
      if (!data.ok) return failed(data.problems);
      // The data file is named after the script: model.py reads model_data.npz.
      const options = { dataFileStem: name.replace(/\.[^.]*$/, '') || stem, ...(data.dataset === undefined ? {} : { dataset: data.dataset }) };
      const result = python ? exportPythonScript(project, options) : exportNotebook(project, options);
      if (!result.ok) return failed(problemsFromLayerProblems(result.problems, 'export'));
      const main: ExportedFile = { name, data: result.text, mime: python ? 'text/x-python' : 'application/x-ipynb+json' };
      return {
        ok: true,
        files: [main, ...(result.dataFile === null ? [] : [dataFileToExport(result.dataFile)])],
        loadLine: python ? `python ${shellWord(name)}` : `jupyter notebook ${shellWord(name)}`,
        ...(result.dataFile === null ? {} : { note: `Keep ${result.dataFile.name} in the same folder as ${name}: it holds the data.` }),
      };
    }
  }
}

/**
 * A file name as one word of a shell command, safe to copy and paste: as it is when it holds only letters, digits and
 * `._-/` (every name LayerLab makes), otherwise in single quotes, where nothing (no `$`, backtick or `;`) is special;
 * a name that starts with `-` gets `./` so the command never reads it as an option.
 */
export function shellWord(name: string): string {
  const word = name.startsWith('-') ? `./${name}` : name; // never read as an option
  if (/^[A-Za-z0-9._/-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}
