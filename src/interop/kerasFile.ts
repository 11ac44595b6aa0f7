/**
 * `.keras` files (Keras 3's `model.save("name.keras")`): a zip archive of
 *
 *     metadata.json      {"keras_version": "3.15.1", "date_saved": "2026-11-25@19:47:26"}
 *     config.json        the model config (as `model.to_json()`) plus "compile_config"
 *     model.weights.h5   the weights, see kerasWeightsH5.ts
 *
 * written as Keras writes them: stored (not compressed), in that order, Unix permissions 0600, the two JSON files
 * dated 1980-01-01 00:00 and the weights file dated when it was saved, JSON with Python's `json.dumps` spacing.
 *
 * Reading is all or nothing: a file that is not a zip, is damaged or cut short, would unpack to more than
 * {@link KERAS_FILE_LIMITS}, holds an architecture LayerLab cannot import, or weights that do not fit the network
 * gives a list of problems in plain words, never an exception and never half an import.
 *
 * Browser-safe: core, h5wasm (lazily) and fflate only.
 *
 * The pieces: zipReader.ts and kerasArchive.ts (opening the zip), pythonJson.ts (JSON as Keras writes it),
 * networkWeights.ts (the weights a network needs), kerasLayerNodeIds.ts and trainingFromCompileConfig.ts (what an
 * import maps), kerasWeightsH5.ts (the weights file).
 */
import { zipSync } from 'fflate';
import type { Graph } from '../core/graph/types.ts';
import { exportKerasCompileConfig, exportKerasModel, KERAS_EXPORT_VERSION } from '../core/keras/exportConfig.ts';
import { projectMetric } from '../core/training/metric.ts';
import { importKerasConfig } from '../core/keras/importConfig.ts';
import { isRecord } from '../core/keras/kerasFormat.ts';
import type { LayerLabProject, ProjectWeights } from '../core/project/types.ts';
import type { TrainingSettings } from '../core/training/settings.ts';
import type { InteropProblem } from './interopProblem.ts';
import { errorText, quote, sentence } from './interopProblem.ts';
import type { KerasArchive } from './kerasArchive.ts';
import { CONFIG_FILE, METADATA_FILE, parseJsonFile, readArchive, WEIGHTS_FILE } from './kerasArchive.ts';
import { nodeIdsByLayerName } from './kerasLayerNodeIds.ts';
import { readKerasWeightsH5 } from './kerasWeightsH5Reader.ts';
import { KerasWeightsError, writeKerasWeightsH5 } from './kerasWeightsH5Writer.ts';
import { weightProblems } from './networkWeights.ts';
import { pythonJsonDumps } from './pythonJson.ts';
import { readTraining } from './trainingFromCompileConfig.ts';
import { ZipFailure } from './zipReader.ts';

export type { InteropProblem } from './interopProblem.ts';
export { KERAS_FILE_LIMITS } from './kerasArchive.ts';
export { pythonJsonDumps } from './pythonJson.ts';

/** `warnings`: what the file does differently from what the project asks (a Sequential pick on a branching graph). */
export type KerasFileWriteResult = { ok: true; bytes: Uint8Array; warnings: string[] } | { ok: false; problems: InteropProblem[] };

export type KerasFileReadResult =
  | {
      ok: true;
      graph: Graph;
      /** By node id, with Keras's weight names and shapes (Dense kernel (in, out), ...). */
      weights: ProjectWeights;
      modelName: string;
      /** The compile settings that map to LayerLab's (optimizer, learning rate, loss); {} for an uncompiled model. */
      training: Partial<TrainingSettings>;
      warnings: string[];
    }
  | { ok: false; problems: InteropProblem[] };

export interface KerasFileWriteOptions {
  /** When the file is saved (metadata.json's date_saved and the weights file's zip date); default now. */
  date?: Date;
}

const fileProblem = (message: string): { ok: false; problems: InteropProblem[] } => ({ ok: false, problems: [{ layer: null, message: sentence(message) }] });

// ---- reading -----------------------------------------------------------------------------------------------

async function readFile(bytes: Uint8Array): Promise<KerasFileReadResult> {
  if (!(bytes instanceof Uint8Array)) return fileProblem('The .keras file was not given as bytes.');
  let archive: KerasArchive;
  let config: unknown;
  try {
    archive = readArchive(bytes);
    config = parseJsonFile(archive.config, CONFIG_FILE);
  } catch (error) {
    if (error instanceof ZipFailure) return fileProblem(error.message);
    throw error;
  }
  if (!isRecord(config)) return fileProblem('config.json in the .keras file does not hold a Keras model config');
  const imported = importKerasConfig(config);
  if (!imported.ok) return imported;
  const warnings = [...imported.warnings];

  // The weights file names layers as the file does; the problems point at the node ids the import gave them.
  const ids = nodeIdsByLayerName(config);
  const read = await readKerasWeightsH5(archive.weights, config);
  if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ ...p, layer: p.layer === null ? null : (ids.get(p.layer) ?? p.layer) })) };
  warnings.push(...read.warnings);

  const layers: ProjectWeights['layers'] = {};
  for (const name of Object.keys(read.weights.layers)) {
    const id = ids.get(name);
    const tensors = read.weights.layers[name];
    if (id === undefined || tensors === undefined) return fileProblem(`The weights of layer ${quote(name)} belong to no layer of the imported network.`);
    layers[id] = tensors;
  }
  const weights: ProjectWeights = { layers };
  const problems = weightProblems(imported.graph, weights);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, graph: imported.graph, weights, modelName: imported.modelName, training: readTraining(config, warnings), warnings };
}

/**
 * Reads a Keras 3 `.keras` file: its architecture (importKerasConfig), its weights (by node id, checked against the
 * network's shapes) and the compile settings LayerLab has. Never throws; on any problem nothing is imported.
 */
export async function readKerasFile(bytes: Uint8Array): Promise<KerasFileReadResult> {
  try {
    return await readFile(bytes);
  } catch (error) {
    return fileProblem(`The .keras file could not be read: ${errorText(error)}`);
  }
}

// ---- writing -----------------------------------------------------------------------------------------------

/** datetime.now().strftime("%Y-%m-%d@%H:%M:%S"), in local time as Keras writes it. */
function kerasDate(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}@${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** Python's zipfile: "-rw-------" Unix permissions, made on Unix; stored, not compressed. */
const ZIP_ENTRY = { level: 0, os: 3, attrs: 0o600 << 16 } as const;

/** What Python's zipfile dates an entry written with ZipFile.open(name, "w"): 1980-01-01 00:00 (local time). */
const ZIP_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

async function writeFile(project: LayerLabProject, weights: ProjectWeights, date: Date): Promise<KerasFileWriteResult> {
  const exported = exportKerasModel(project.graph, { name: project.name });
  if (!exported.ok) return { ok: false, problems: exported.problems };
  const config = { ...exported.model, compile_config: exportKerasCompileConfig(project.training, projectMetric(project.dataset)) };
  const problems = weightProblems(project.graph, weights);
  if (problems.length > 0) return { ok: false, problems };

  let h5: Uint8Array;
  try {
    h5 = await writeKerasWeightsH5(config, weights);
  } catch (error) {
    if (error instanceof KerasWeightsError) return { ok: false, problems: error.problems };
    return fileProblem(`model.weights.h5 could not be written: ${errorText(error)}`);
  }
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const metadata = encode(pythonJsonDumps({ keras_version: KERAS_EXPORT_VERSION, date_saved: kerasDate(date) }));
  const bytes = zipSync({
    [METADATA_FILE]: [metadata, { ...ZIP_ENTRY, mtime: ZIP_EPOCH }],
    [CONFIG_FILE]: [encode(pythonJsonDumps(config)), { ...ZIP_ENTRY, mtime: ZIP_EPOCH }],
    [WEIGHTS_FILE]: [h5, { ...ZIP_ENTRY, mtime: date }],
  });
  return { ok: true, bytes, warnings: exported.warnings };
}

/**
 * Writes the project as a Keras 3 `.keras` file that `keras.models.load_model` opens: the architecture
 * (exportKerasModel), compiled with the project's training settings (exportKerasCompileConfig), and `weights` by
 * node id, which must be exactly the weights the network has (names and shapes). Never throws; on any problem
 * nothing is written and every problem is listed.
 */
export async function writeKerasFile(project: LayerLabProject, weights: ProjectWeights, options: KerasFileWriteOptions = {}): Promise<KerasFileWriteResult> {
  try {
    return await writeFile(project, weights, options.date ?? new Date());
  } catch (error) {
    return fileProblem(`The .keras file could not be written: ${errorText(error)}`);
  }
}
