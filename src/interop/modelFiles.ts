/**
 * A model from its files, for the app's Import menu (files picked or dropped together) and for `layerlab import` (a
 * path, with the TF.js weight files found beside it through `findWeightFile`):
 *
 * - a `.keras` file (architecture, weights and compile settings; readKerasFile),
 * - a TF.js `model.json` with its weight files, found by name among the other picked files (importTfjsModel),
 * - Keras JSON, what `model.to_json()` writes (architecture only; importKerasConfig).
 *
 * A legacy `.h5` file is refused with the CLI's advice. A LayerLab project file is not a model: it gets its own result
 * (`isProjectFile: true`, with its text) so the app can open it as a project instead. Files above the interop size
 * limits are refused before their bytes are read. The imported graph comes laid out left to right (importKerasConfig
 * lays it out); which dataset and loss the new project gets is the caller's choice.
 */
import type { Graph } from '../core/graph/types.ts';
import { importKerasConfig } from '../core/keras/importConfig.ts';
import { importTfjsModel } from '../core/keras/tfjsImport.ts';
import { problemsFromLayerProblems, problemsFromWarnings } from '../core/problems/index.ts';
import type { Problem } from '../core/problems/index.ts';
import { MAX_PROJECT_FILE_BYTES, PROJECT_FORMAT } from '../core/project/index.ts';
import type { ProjectWeights } from '../core/project/index.ts';
import { listNames } from '../core/shapes/diagnostic.ts';
import type { TrainingSettings } from '../core/training/settings.ts';
import { megabytes } from './interopProblem.ts';
import { KERAS_FILE_LIMITS, readKerasFile } from './kerasFile.ts';

/** A picked or dropped file: a browser `File` fits (`{ name, size, bytes: () => file.bytes() }`). */
export interface PickedFile {
  name: string;
  /** The size in bytes, when known before reading: larger files are refused without reading them. */
  size?: number;
  bytes(): Promise<Uint8Array>;
}

export interface ModelFilesOptions {
  /**
   * Finds a TF.js weight file that was not picked, by the path model.json's manifest gives it (the CLI looks beside
   * model.json on disk). A Problem refuses that path (e.g. it leaves the model's folder); null: not found.
   */
  findWeightFile?: (manifestPath: string) => PickedFile | Problem | null;
}

const isProblem = (value: PickedFile | Problem): value is Problem => 'severity' in value;

export interface ImportedModel {
  /** Laid out left to right. */
  graph: Graph;
  /** null for an architecture-only file (Keras JSON). */
  weights: ProjectWeights | null;
  /** The model's name in the file ("" when it has none). */
  modelName: string;
  /** The compile settings the file holds (a .keras file), {} otherwise. */
  training: Partial<TrainingSettings>;
  /** Keras arguments LayerLab ignores, picked files that were not used, ... */
  warnings: Problem[];
  /** The name of the model file (the .keras file, model.json, ...). */
  sourceName: string;
}

export type ModelImportResult =
  | { ok: true; model: ImportedModel }
  /** Nothing was imported; every problem is listed. */
  | { ok: false; isProjectFile: false; problems: Problem[] }
  /** The file is a LayerLab project, not a model: open `text` as a project (problems say so, for a caller that cannot). */
  | { ok: false; isProjectFile: true; projectFile: { name: string; text: string }; problems: Problem[] };

/** The size caps, in bytes (the interop limits; JSON files as the project loader caps them). */
export const IMPORT_FILE_LIMITS = {
  /** A .keras file, or any file before it is known to be JSON. */
  maxModelFileBytes: KERAS_FILE_LIMITS.maxFileBytes,
  /** A JSON file (Keras JSON, model.json, a project file). */
  maxJsonFileBytes: MAX_PROJECT_FILE_BYTES,
  /** A TF.js model's weight files together. */
  maxWeightFilesBytes: KERAS_FILE_LIMITS.maxUnpackedBytes,
} as const;

/** Same advice as `layerlab import` gives. */
const LEGACY_H5_FIX = 'In Python, save the model as .keras (model.save("model.keras")) and import that.';

function problem(message: string, fix?: string): Problem {
  return { severity: 'error', nodeId: null, message, source: 'import', ...(fix === undefined ? {} : { fix }) };
}

function warning(message: string): Problem {
  return { severity: 'warning', nodeId: null, message, source: 'import' };
}

type Failure = { ok: false; isProjectFile: false; problems: Problem[] };
const refuse = (...problems: Problem[]): Failure => ({ ok: false, isProjectFile: false, problems });

const lower = (name: string): string => name.toLowerCase();
const isWeightFileName = (name: string): boolean => lower(name).endsWith('.bin');
const isLegacyName = (name: string): boolean => lower(name).endsWith('.h5') || lower(name).endsWith('.hdf5');
const isJsonName = (name: string): boolean => lower(name).endsWith('.json');

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const isHdf5 = (bytes: Uint8Array): boolean => HDF5_SIGNATURE.every((b, i) => bytes[i] === b);

function legacyH5(name: string): Failure {
  return refuse(problem(`${name} is a legacy .h5 model file, which LayerLab cannot read.`, LEGACY_H5_FIX));
}

function tooLarge(name: string, size: number, limit: number): Problem {
  return problem(`${name} is ${megabytes(size)}; LayerLab imports files of at most ${megabytes(limit)}.`);
}

function weightFilesTooLarge(modelJson: string): Problem {
  return problem(`The weight files of ${modelJson} are more than ${megabytes(IMPORT_FILE_LIMITS.maxWeightFilesBytes)} together; LayerLab imports at most that.`);
}

function detail(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
}

/** The file's bytes, or why not: over `limit` (by its declared size, before reading, or its real one) or unreadable. */
async function readBytes(file: PickedFile, limit: number): Promise<{ ok: true; bytes: Uint8Array } | Failure> {
  if (file.size !== undefined && file.size > limit) return refuse(tooLarge(file.name, file.size, limit));
  let bytes: Uint8Array;
  try {
    bytes = await file.bytes();
  } catch (error) {
    return refuse(problem(`${file.name} could not be read: ${detail(error)}`));
  }
  if (bytes.length > limit) return refuse(tooLarge(file.name, bytes.length, limit));
  return { ok: true, bytes };
}

function ignoredWarnings(files: readonly PickedFile[], used: ReadonlySet<PickedFile>): Problem[] {
  return files.filter((f) => !used.has(f)).map((f) => warning(`${f.name} was picked too, but it is not part of the model, so it was ignored.`));
}

function imported(
  source: PickedFile,
  result: { graph: Graph; weights: ProjectWeights | null; modelName: string; training: Partial<TrainingSettings>; warnings: readonly string[] },
  extraWarnings: Problem[],
): ModelImportResult {
  return {
    ok: true,
    model: {
      graph: result.graph,
      weights: result.weights,
      modelName: result.modelName,
      training: result.training,
      warnings: [...problemsFromWarnings(result.warnings, 'import'), ...extraWarnings],
      sourceName: source.name,
    },
  };
}

/** The one file that holds the model (not a .bin weight file), or why there is not exactly one. */
function modelFile(files: readonly PickedFile[]): { ok: true; file: PickedFile } | Failure {
  if (files.length === 0) return refuse(problem('No file was picked.', 'Pick a .keras file, a Keras JSON file, or a TF.js model.json with its .bin weight files.'));
  const models = files.filter((f) => !isWeightFileName(f.name));
  const [first] = models;
  if (first === undefined) {
    return refuse(
      problem(
        `Only weight files were picked (${listNames(files.map((f) => f.name))}).`,
        'Pick the TF.js model.json together with its weight files.',
      ),
    );
  }
  if (models.length > 1) {
    return refuse(
      problem(
        `${listNames(models.map((f) => f.name))} were picked together, but LayerLab imports one model at a time.`,
        'Pick one .keras file, one Keras JSON file, or one TF.js model.json with its .bin weight files.',
      ),
    );
  }
  return { ok: true, file: first };
}

function manifestPaths(json: Record<string, unknown>): { ok: true; paths: string[] } | Failure {
  const manifest = Array.isArray(json.weightsManifest) ? (json.weightsManifest as unknown[]) : [];
  const paths: string[] = [];
  for (const group of manifest) {
    const list = typeof group === 'object' && group !== null && Array.isArray((group as { paths?: unknown }).paths) ? (group as { paths: unknown[] }).paths : [];
    for (const path of list) {
      if (typeof path !== 'string') return refuse(problem('weightsManifest has a path that is not a string.'));
      paths.push(path);
    }
  }
  return { ok: true, paths };
}

/** The last part of a manifest path ("./group1-shard1of1.bin" gives "group1-shard1of1.bin"). */
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** A file name from model.json as a message shows it: a hostile manifest's megabyte-long "path" is cut short. */
const shown = (name: string): string => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

async function importTfjs(
  source: PickedFile,
  json: Record<string, unknown>,
  files: readonly PickedFile[],
  findWeightFile: ModelFilesOptions['findWeightFile'],
): Promise<ModelImportResult> {
  const listed = manifestPaths(json);
  if (!listed.ok) return listed;
  const byName = new Map<string, PickedFile>();
  for (const file of files) if (file !== source) byName.set(file.name, file);

  const pathOf = new Map<string, string>();
  const missing: string[] = [];
  for (const path of listed.paths) {
    const name = baseName(path);
    const earlier = pathOf.get(name);
    if (earlier !== undefined && earlier !== path) {
      return refuse(problem(`${source.name} names two weight files called ${shown(name)} (${shown(earlier)} and ${shown(path)}); picked files cannot be told apart by folder.`));
    }
    pathOf.set(name, path);
    if (byName.has(name)) continue;
    const found = findWeightFile?.(path) ?? null;
    if (found !== null && isProblem(found)) return refuse(found);
    if (found !== null) byName.set(name, found);
    else if (!missing.includes(name)) missing.push(name);
  }
  if (missing.length > 0) {
    return refuse(problem(`${source.name} needs ${listNames(missing.map(shown))}: pick ${missing.length === 1 ? 'it' : 'them'} together with ${source.name}.`));
  }

  const needed = [...new Set(listed.paths.map((path) => byName.get(baseName(path))))];
  const declared = needed.reduce((sum, file) => sum + (file?.size ?? 0), 0);
  if (declared > IMPORT_FILE_LIMITS.maxWeightFilesBytes) return refuse(weightFilesTooLarge(source.name));

  const used = new Set<PickedFile>([source]);
  const shards: Uint8Array[] = [];
  let total = 0;
  for (const path of listed.paths) {
    const file = byName.get(baseName(path));
    if (file === undefined) continue; // not reached: every name was found above
    const read = await readBytes(file, IMPORT_FILE_LIMITS.maxWeightFilesBytes);
    if (!read.ok) return read;
    total += used.has(file) ? 0 : read.bytes.length;
    if (total > IMPORT_FILE_LIMITS.maxWeightFilesBytes) return refuse(weightFilesTooLarge(source.name));
    used.add(file);
    shards.push(read.bytes);
  }
  const result = importTfjsModel(json, shards);
  if (!result.ok) return refuse(...problemsFromLayerProblems(result.problems, 'import'));
  return imported(source, { ...result, training: {} }, ignoredWarnings(files, used));
}

/**
 * Imports the model in `files` (picked or dropped together). Never throws: on any problem nothing is imported and
 * every problem is listed; a LayerLab project file gives `isProjectFile: true` instead.
 */
export async function importModelFiles(files: readonly PickedFile[], options: ModelFilesOptions = {}): Promise<ModelImportResult> {
  const picked = modelFile(files);
  if (!picked.ok) return picked;
  const source = picked.file;
  if (isLegacyName(source.name)) return legacyH5(source.name);
  // Refuse before reading what no limit allows; a JSON file gets its own, smaller limit once it is known to be JSON.
  for (const file of files) {
    if (file.size !== undefined && file.size > IMPORT_FILE_LIMITS.maxModelFileBytes) {
      return refuse(tooLarge(file.name, file.size, IMPORT_FILE_LIMITS.maxModelFileBytes));
    }
  }
  if (isJsonName(source.name) && source.size !== undefined && source.size > IMPORT_FILE_LIMITS.maxJsonFileBytes) {
    return refuse(tooLarge(source.name, source.size, IMPORT_FILE_LIMITS.maxJsonFileBytes));
  }

  const read = await readBytes(source, IMPORT_FILE_LIMITS.maxModelFileBytes);
  if (!read.ok) return read;
  const { bytes } = read;
  if (isZip(bytes)) {
    const result = await readKerasFile(bytes);
    if (!result.ok) return refuse(...problemsFromLayerProblems(result.problems, 'import'));
    return imported(source, result, ignoredWarnings(files, new Set([source])));
  }
  if (isHdf5(bytes)) return legacyH5(source.name);
  if (bytes.length > IMPORT_FILE_LIMITS.maxJsonFileBytes) return refuse(tooLarge(source.name, bytes.length, IMPORT_FILE_LIMITS.maxJsonFileBytes));

  let text: string;
  let json: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(problem(`${source.name} is neither a .keras file nor a JSON file.`));
  }
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refuse(problem(`${source.name} is neither a .keras file nor valid JSON: ${detail(error)}`));
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === PROJECT_FORMAT) {
    return {
      ok: false,
      isProjectFile: true,
      projectFile: { name: source.name, text },
      problems: [problem(`${source.name} is a LayerLab project, not a model.`, 'Open it as a project instead of importing it.')],
    };
  }
  if (typeof json === 'object' && json !== null && 'weightsManifest' in json && 'modelTopology' in json) {
    return importTfjs(source, json as Record<string, unknown>, files, options.findWeightFile);
  }
  const result = importKerasConfig(json);
  if (!result.ok) return refuse(...problemsFromLayerProblems(result.problems, 'import'));
  return imported(source, { ...result, weights: null, training: {} }, ignoredWarnings(files, new Set([source])));
}
