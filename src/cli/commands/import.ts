import { writeFile } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import type { BuiltinDatasetConfig } from '../../core/datasets/index.ts';
import type { Graph } from '../../core/graph/types.ts';
import { importKerasConfig } from '../../core/keras/importConfig.ts';
import { importTfjsModel } from '../../core/keras/tfjsImport.ts';
import { createProject, DEFAULT_PROJECT_DATASET, serializeProject } from '../../core/project/index.ts';
import type { ProjectWeights } from '../../core/project/index.ts';
import { inferShapes } from '../../core/shapes/inferShapes.ts';
import type { LossName, TrainingSettings } from '../../core/training/settings.ts';
import { DEFAULT_TRAINING } from '../../core/training/settings.ts';
import { readKerasFile } from '../../interop/kerasFile.ts';
import type { CliIO } from '../io.ts';
import { CliError, EXIT } from '../io.ts';
import { readBinaryFile, readTextFile } from '../readProject.ts';

interface Imported {
  graph: Graph;
  weights: ProjectWeights | null;
  modelName: string;
  training: Partial<TrainingSettings>;
  warnings: string[];
}

interface Problem {
  layer: string | null;
  message: string;
}

function refuse(path: string, problems: readonly Problem[]): never {
  // Most problem messages already name their layer; add the name only where they do not.
  const lines = problems.map((p) => `  ${p.layer === null || p.message.includes(p.layer) ? '' : `layer ${p.layer}: `}${p.message}`);
  throw new CliError(`Cannot import ${path}; nothing was written:\n${lines.join('\n')}`, EXIT.badInput);
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * A classroom dataset and loss shaped like the imported network's output, so the project opens ready to adjust:
 * spiral with k classes for a k-unit output (k = 3..5), otherwise XOR; binary crossentropy for one unit.
 */
export function suggestTraining(graph: Graph): { dataset: BuiltinDatasetConfig; loss: LossName } {
  const inference = inferShapes(graph);
  const output = inference.outputs.length === 1 ? inference.nodes.get(inference.outputs[0] ?? '') : undefined;
  const units = output?.status === 'ok' ? (output.shape[output.shape.length - 1] ?? 1) : 1;
  return {
    dataset: units >= 3 && units <= 5 ? { ...DEFAULT_PROJECT_DATASET, name: 'spiral', classes: units } : { ...DEFAULT_PROJECT_DATASET },
    loss: units === 1 ? 'binary_crossentropy' : 'categorical_crossentropy',
  };
}

async function importTfjs(path: string, json: Record<string, unknown>): Promise<Imported> {
  const manifest = Array.isArray(json.weightsManifest) ? (json.weightsManifest as unknown[]) : [];
  const folder = dirname(resolve(path));
  const shards: Uint8Array[] = [];
  for (const group of manifest) {
    const paths = typeof group === 'object' && group !== null && Array.isArray((group as { paths?: unknown }).paths) ? (group as { paths: unknown[] }).paths : [];
    for (const shard of paths) {
      if (typeof shard !== 'string') refuse(path, [{ layer: null, message: 'weightsManifest has a path that is not a string.' }]);
      const shardPath = resolve(folder, shard);
      if (!shardPath.startsWith(folder + sep)) {
        refuse(path, [{ layer: null, message: `weightsManifest points outside the model's folder (${shard}).` }]);
      }
      shards.push(await readBinaryFile(shardPath));
    }
  }
  const result = importTfjsModel(json, shards);
  if (!result.ok) refuse(path, result.problems);
  return { graph: result.graph, weights: result.weights, modelName: result.modelName, training: {}, warnings: result.warnings };
}

async function readModel(path: string): Promise<Imported> {
  const lower = path.toLowerCase();
  if (lower.endsWith('.h5') || lower.endsWith('.hdf5')) {
    throw new CliError(
      `Cannot import ${path}: legacy .h5 model files are not supported. In Python, save the model as .keras (model.save("model.keras")) and import that.`,
      EXIT.badInput,
    );
  }
  const bytes = await readBinaryFile(path);
  if (isZip(bytes)) {
    const result = await readKerasFile(bytes);
    if (!result.ok) refuse(path, result.problems);
    return { graph: result.graph, weights: result.weights, modelName: result.modelName, training: result.training, warnings: result.warnings };
  }
  const text = await readTextFile(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is neither a .keras file nor valid JSON: ${error instanceof Error ? error.message : String(error)}`, EXIT.badInput);
  }
  if (typeof json === 'object' && json !== null && 'weightsManifest' in json && 'modelTopology' in json) {
    return importTfjs(path, json as Record<string, unknown>);
  }
  const result = importKerasConfig(json);
  if (!result.ok) refuse(path, result.problems);
  return { graph: result.graph, weights: null, modelName: result.modelName, training: {}, warnings: result.warnings };
}

export async function runImport(modelPath: string, outPath: string | undefined, io: CliIO): Promise<number> {
  if (outPath === undefined) throw new CliError('import needs -o PROJECT: the .layerlab.json file to write.', EXIT.badInput);
  const imported = await readModel(modelPath);
  for (const warning of imported.warnings) io.err(`warning: ${warning}`);
  const { dataset, loss } = suggestTraining(imported.graph);
  const training: TrainingSettings = { ...DEFAULT_TRAINING, loss, ...imported.training };
  const project = { ...createProject(imported.modelName || basename(modelPath), imported.graph, dataset, training), weights: imported.weights };
  try {
    await writeFile(outPath, serializeProject(project));
  } catch (error) {
    throw new CliError(`Cannot write ${outPath}: ${error instanceof Error ? error.message : String(error)}`, EXIT.badInput);
  }
  const weightCount = imported.weights === null ? 0 : Object.values(imported.weights.layers).reduce((n, list) => n + list.reduce((m, w) => m + w.values.length, 0), 0);
  io.out(
    `Imported ${imported.graph.nodes.length} layers from ${modelPath} into ${outPath}` +
      (imported.weights === null ? ' (architecture only: this file has no weights).' : ` with ${weightCount.toLocaleString('en-US')} weights.`),
  );
  return EXIT.ok;
}


