import { writeFile } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import type { Graph } from '../../core/graph/types.ts';
import { importKerasConfig } from '../../core/keras/importConfig.ts';
import { importTfjsModel } from '../../core/keras/tfjsImport.ts';
import { formatProblem, formatProblems, problemsFromLayerProblems, problemsFromWarnings } from '../../core/problems/index.ts';
import type { LayerProblemLike } from '../../core/problems/index.ts';
import { projectFromImportedModel } from '../../core/project/fromImportedModel.ts';
import { serializeProject } from '../../core/project/index.ts';
import type { ProjectWeights } from '../../core/project/index.ts';
import type { TrainingSettings } from '../../core/training/settings.ts';
import { noDatasetNote } from '../../core/validation/suggestDataset.ts';
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

function refuse(path: string, problems: readonly LayerProblemLike[]): never {
  throw new CliError(`Cannot import ${path}; nothing was written:\n${formatProblems(problemsFromLayerProblems(problems, 'import'))}`, EXIT.badInput);
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;


async function importTfjs(path: string, json: Record<string, unknown>): Promise<Imported> {
  const manifest = Array.isArray(json.weightsManifest) ? (json.weightsManifest as unknown[]) : [];
  const folder = dirname(resolve(path));
  const shards: Uint8Array[] = [];
  for (const group of manifest) {
    const paths = typeof group === 'object' && group !== null && Array.isArray((group as { paths?: unknown }).paths) ? (group as { paths: unknown[] }).paths : [];
    for (const shard of paths) {
      if (typeof shard !== 'string') refuse(path, [{ layer: null, message: 'The weights manifest has a path that is not a string.' }]);
      const shardPath = resolve(folder, shard);
      if (!shardPath.startsWith(folder + sep)) {
        refuse(path, [{ layer: null, message: `The weights manifest names the file '${shard}', which is not a file next to model.json; weight paths must stay inside the model's folder.` }]);
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
  for (const warning of problemsFromWarnings(imported.warnings, 'import')) io.err(formatProblem(warning));
  const { project, suggested } = projectFromImportedModel(imported, basename(modelPath));
  const dataset = project.dataset;
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
  if (dataset.kind === 'none') io.out(`No built-in dataset fits this network, so the project has ${noDatasetNote(suggested)}`);
  return EXIT.ok;
}


