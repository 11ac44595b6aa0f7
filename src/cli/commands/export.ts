import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { formatProblems } from '../../core/problems/index.ts';
import { EXPORT_FORMATS, exportProject, isExportFormat } from '../../interop/exportFiles.ts';
import type { ExportNames } from '../../interop/exportFiles.ts';
import type { CliIO } from '../io.ts';
import { CliError, EXIT } from '../io.ts';
import { nodeDatasetAssets } from '../mnistAssetNode.ts';
import { readProject } from '../readProject.ts';

async function writeOut(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    throw new CliError(`Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`, EXIT.badInput);
  }
}

/** Where the files go: PATH itself, or for TF.js the path of the model's JSON (PATH ending in .json) or a folder. */
function destination(format: string, outPath: string): { folder: string; names: ExportNames } {
  if (format !== 'tfjs') return { folder: dirname(outPath), names: { fileName: basename(outPath) } };
  const folder = outPath.toLowerCase().endsWith('.json') ? dirname(outPath) : outPath;
  const modelJson = outPath.toLowerCase().endsWith('.json') ? basename(outPath) : 'model.json';
  return { folder, names: { fileName: modelJson, tfjsWeightsFile: 'weights.bin' } };
}

/**
 * `layerlab export`: the same files as the app's Export menu (interop/exportFiles.ts), written to disk. A project that
 * cannot be exported (its network has errors, a layer Keras cannot express, no data for a training script) gets every
 * problem and nothing is written.
 */
export async function runExport(path: string, format: string, outPath: string | undefined, io: CliIO): Promise<number> {
  if (!isExportFormat(format)) {
    throw new CliError(`Unknown export format "${format}". Choose one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`, EXIT.badInput);
  }
  if (outPath === undefined) throw new CliError('export needs -o PATH: where to write the exported model.', EXIT.badInput);
  const { project } = await readProject(path);
  const { folder, names } = destination(format, outPath);
  const result = await exportProject(project, format, { datasetAssets: nodeDatasetAssets() }, names);
  if (!result.ok) {
    io.err(`Cannot export ${path} to ${format}; nothing was written:`);
    io.err(formatProblems(result.problems));
    return EXIT.invalid;
  }
  if (format === 'tfjs') await mkdir(folder, { recursive: true }).catch(() => undefined);
  const written: string[] = [];
  for (const file of result.files) {
    const target = join(folder, file.name);
    await writeOut(target, file.data);
    written.push(target);
  }
  if (result.note !== undefined) io.err(`note: ${result.note}`);
  for (const warning of result.warnings ?? []) io.err(`warning: ${warning}`);
  io.out(`Wrote ${written.join(' and ')} (${EXPORT_FORMATS[format].label}). Load it with: ${result.loadLine}`);
  return EXIT.ok;
}
