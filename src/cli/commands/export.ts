import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exportKerasModel, kerasJsonText } from '../../core/keras/exportConfig.ts';
import { exportNotebook, exportPythonScript } from '../../core/keras/python/index.ts';
import { exportTfjsModel } from '../../core/keras/tfjsExport.ts';
import { formatProblem, formatProblems, problemFromDiagnostic, problemsFromLayerProblems } from '../../core/problems/index.ts';
import type { LayerProblemLike } from '../../core/problems/index.ts';
import type { LayerLabProject, ProjectWeights } from '../../core/project/index.ts';
import { initialProjectWeights } from '../../engine/projectWeights.ts';
import { writeKerasFile } from '../../interop/kerasFile.ts';
import type { CliIO } from '../io.ts';
import { CliError, EXIT } from '../io.ts';
import { readProject } from '../readProject.ts';
import { exportBlockers } from '../../core/validation/exportBlockers.ts';
import { validateProject } from './validate.ts';

export const EXPORT_FORMATS = {
  'keras-json': 'Keras 3 model.to_json() architecture (load with keras.models.model_from_json)',
  keras: '.keras file with the current weights and compile settings (load with keras.models.load_model)',
  tfjs: 'TensorFlow.js model.json + weights.bin (load with tf.loadLayersModel)',
  python: 'a runnable tf.keras training script',
  notebook: 'a Jupyter notebook (.ipynb) that rebuilds and trains the network',
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, value);
}

function refuse(format: ExportFormat, problems: readonly LayerProblemLike[]): never {
  throw new CliError(`Cannot export to ${format}; nothing was written:\n${formatProblems(problemsFromLayerProblems(problems, 'export'))}`, EXIT.invalid);
}

async function writeOut(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    throw new CliError(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`, EXIT.badInput);
  }
}

/** The project's trained weights, or the weights a fresh network starts with for the project's seed. */
function weightsFor(project: LayerLabProject): { weights: ProjectWeights; fresh: boolean } {
  if (project.weights !== null) return { weights: project.weights, fresh: false };
  const initial = initialProjectWeights(project.graph, project.training.seed);
  if (!initial.ok) throw new CliError(`Cannot build the network: ${initial.message}`, EXIT.invalid);
  return { weights: initial.weights, fresh: true };
}

function freshNote(project: LayerLabProject, io: CliIO): void {
  io.err(`note: the project has no trained weights; exported freshly initialised weights (seed ${project.training.seed}).`);
}

/** Where the two TF.js files go: PATH is model.json's path when it ends in .json, otherwise a folder. */
function tfjsPaths(outPath: string): { folder: string; modelJson: string } {
  return outPath.toLowerCase().endsWith('.json')
    ? { folder: dirname(outPath), modelJson: outPath }
    : { folder: outPath, modelJson: join(outPath, 'model.json') };
}

export async function runExport(path: string, format: string, outPath: string | undefined, io: CliIO): Promise<number> {
  if (!isExportFormat(format)) {
    throw new CliError(`Unknown export format "${format}". Choose one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`, EXIT.badInput);
  }
  if (outPath === undefined) throw new CliError('export needs -o PATH: where to write the exported model.', EXIT.badInput);
  const { project } = await readProject(path);
  const validation = validateProject(project);
  const blocking = exportBlockers(validation);
  if (blocking.length > 0) {
    // A layer Keras cannot express is only a warning while building, but it stops an export.
    for (const d of blocking) io.err(formatProblem({ ...problemFromDiagnostic(d), severity: 'error' }));
    io.err(`Cannot export ${path}: fix the problem${blocking.length === 1 ? '' : 's'} above first.`);
    return EXIT.invalid;
  }
  switch (format) {
    case 'keras-json': {
      const result = exportKerasModel(project.graph, { name: project.name, training: project.training });
      if (!result.ok) refuse(format, result.problems);
      // Keras needs its float arguments written as floats (6.0, not 6), which kerasJsonText does.
      await writeOut(outPath, `${kerasJsonText(result.model, 2)}\n`);
      break;
    }
    case 'keras': {
      const { weights, fresh } = weightsFor(project);
      const result = await writeKerasFile(project, weights);
      if (!result.ok) refuse(format, result.problems);
      await writeOut(outPath, result.bytes);
      if (fresh) freshNote(project, io);
      break;
    }
    case 'tfjs': {
      const { weights, fresh } = weightsFor(project);
      const result = exportTfjsModel(project.graph, weights, { name: project.name });
      if (!result.ok) refuse(format, result.problems);
      const { folder, modelJson } = tfjsPaths(outPath);
      await mkdir(folder, { recursive: true }).catch(() => undefined);
      await writeOut(join(folder, 'weights.bin'), result.weightsBin);
      await writeOut(modelJson, `${JSON.stringify(result.modelJson)}\n`);
      io.out(`Wrote ${modelJson} and ${join(folder, 'weights.bin')} (${format}: ${EXPORT_FORMATS[format]}).`);
      if (fresh) freshNote(project, io);
      return EXIT.ok;
    }
    case 'python': {
      const result = exportPythonScript(project);
      if (!result.ok) refuse(format, result.problems);
      await writeOut(outPath, result.text);
      break;
    }
    case 'notebook': {
      const result = exportNotebook(project);
      if (!result.ok) refuse(format, result.problems);
      await writeOut(outPath, result.text);
      break;
    }
  }
  io.out(`Wrote ${outPath} (${format}: ${EXPORT_FORMATS[format]}).`);
  return EXIT.ok;
}
