import { writeFile } from 'node:fs/promises';
import { importKerasConfig } from '../../core/keras/importConfig.ts';
import { createProject, serializeProject } from '../../core/project/index.ts';
import type { CliIO } from '../io.ts';
import { CliError, EXIT } from '../io.ts';
import { readTextFile } from '../readProject.ts';

export async function runImport(modelPath: string, outPath: string | undefined, io: CliIO): Promise<number> {
  if (outPath === undefined) throw new CliError('import needs -o PROJECT: the .layerlab.json file to write.', EXIT.badInput);
  if (modelPath.toLowerCase().endsWith('.keras') || modelPath.toLowerCase().endsWith('.h5')) {
    io.err(
      `Importing ${modelPath}: .keras and .h5 files (architecture with weights) are not readable in this version of LayerLab yet; ` +
        'it arrives with Keras interop. Meanwhile, import the architecture from model.to_json() output.',
    );
    return EXIT.unavailable;
  }
  const text = await readTextFile(modelPath);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${modelPath} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, EXIT.badInput);
  }
  const result = importKerasConfig(json);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.layer === null ? '' : `layer ${p.layer}: `}${p.message}`);
    throw new CliError(`Cannot import ${modelPath}; nothing was written:\n${lines.join('\n')}`, EXIT.badInput);
  }
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  const project = createProject(result.modelName, result.graph);
  try {
    await writeFile(outPath, serializeProject(project));
  } catch (error) {
    throw new CliError(`Cannot write ${outPath}: ${error instanceof Error ? error.message : String(error)}`, EXIT.badInput);
  }
  io.out(`Imported ${result.graph.nodes.length} layers from ${modelPath} into ${outPath} (architecture only; weights arrive with Keras interop).`);
  return EXIT.ok;
}
