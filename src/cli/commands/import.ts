import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { formatProblem, formatProblems } from '../../core/problems/index.ts';
import type { Problem } from '../../core/problems/index.ts';
import { projectFromImportedModel } from '../../core/project/fromImportedModel.ts';
import { serializeProject } from '../../core/project/index.ts';
import { noDatasetNote } from '../../core/validation/suggestDataset.ts';
import { importModelFiles } from '../../interop/modelFiles.ts';
import type { ImportedModel } from '../../interop/modelFiles.ts';
import type { CliIO } from '../io.ts';
import { CliError, EXIT } from '../io.ts';
import { readBinaryFile } from '../readProject.ts';

const importProblem = (message: string): Problem => ({ severity: 'error', nodeId: null, message, source: 'import' });

function refuse(path: string, problems: readonly Problem[]): never {
  throw new CliError(`Cannot import ${path}; nothing was written:\n${formatProblems(problems)}`, EXIT.badInput);
}

/**
 * Reads the model at `path` with the same reader as the app's Import menu (interop/modelFiles.ts); a TF.js
 * model.json's weight files are looked for beside it, and never outside its folder.
 */
async function readModel(path: string): Promise<ImportedModel> {
  const bytes = await readBinaryFile(path);
  const folder = dirname(resolve(path));
  const result = await importModelFiles([{ name: basename(path), size: bytes.length, bytes: async () => bytes }], {
    findWeightFile: (manifestPath) => {
      const shardPath = resolve(folder, manifestPath);
      if (!shardPath.startsWith(folder + sep)) {
        return importProblem(`The weights manifest names the file '${manifestPath}', which is not a file next to ${basename(path)}; weight paths must stay inside the model's folder.`);
      }
      if (!existsSync(shardPath)) return importProblem(`${basename(path)} needs the weight file ${manifestPath}, which is not in ${folder}.`);
      return { name: basename(shardPath), bytes: () => readBinaryFile(shardPath) };
    },
  });
  if (!result.ok) refuse(path, result.isProjectFile ? [importProblem(`${path} is a LayerLab project, not a model: use it as it is (layerlab validate, train, export).`)] : result.problems);
  return result.model;
}

export async function runImport(modelPath: string, outPath: string | undefined, io: CliIO): Promise<number> {
  if (outPath === undefined) throw new CliError('import needs -o PROJECT: the .layerlab.json file to write.', EXIT.badInput);
  const imported = await readModel(modelPath);
  for (const warning of imported.warnings) io.err(formatProblem(warning));
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


