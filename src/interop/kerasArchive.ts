/**
 * The .keras zip archive as LayerLab opens it: size caps, the entry names Keras uses, and the config.json and
 * model.weights.h5 bytes unpacked and checked (see zipReader.ts).
 */
import { errorText, megabytes } from './interopProblem.ts';
import type { ZipEntry } from './zipReader.ts';
import { ZipFailure, ZipReader } from './zipReader.ts';

export const KERAS_FILE_LIMITS = {
  /** Larger files are refused before anything is read. */
  maxFileBytes: 200 * 1024 * 1024,
  /** config.json and model.weights.h5 together may unpack to at most this (a zip bomb is refused unopened). */
  maxUnpackedBytes: 200 * 1024 * 1024,
} as const;

export const CONFIG_FILE = 'config.json';
export const METADATA_FILE = 'metadata.json';
export const WEIGHTS_FILE = 'model.weights.h5';

/** Why `bytes` is not a zip, in words that point at what it is instead. */
function notZipMessage(bytes: Uint8Array, fallback: string): string {
  const hdf5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
  if (hdf5.every((b, i) => bytes[i] === b)) {
    return 'This is an HDF5 file (a Keras 2 .h5 model or a weights file), not a .keras file; in Keras 3, save the model with model.save("name.keras")';
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('{')) return 'This is a JSON file, not a .keras file; import it as a Keras model architecture (model.to_json()) instead';
  return fallback;
}

/** The two entries Keras's loader reads (it never reads metadata.json, and neither does LayerLab). */
export interface KerasArchive {
  config: Uint8Array;
  weights: Uint8Array;
}

export function readArchive(bytes: Uint8Array): KerasArchive {
  if (bytes.length === 0) throw new ZipFailure('The file is empty.');
  if (bytes.length > KERAS_FILE_LIMITS.maxFileBytes) {
    throw new ZipFailure(`The file is ${megabytes(bytes.length)}; LayerLab reads .keras files of at most ${megabytes(KERAS_FILE_LIMITS.maxFileBytes)}`);
  }
  const zip = new ZipReader(bytes);
  let entries: ZipEntry[];
  try {
    entries = zip.entries();
  } catch (error) {
    if (error instanceof ZipFailure && error.message.startsWith('This is not a .keras file')) throw new ZipFailure(notZipMessage(bytes, error.message));
    throw error;
  }
  // Like Python's zipfile (which Keras uses), the last entry of a name wins.
  const byName = new Map(entries.map((e) => [e.name, e]));
  const config = byName.get(CONFIG_FILE);
  const weights = byName.get(WEIGHTS_FILE);
  const holds = 'a .keras file holds config.json, metadata.json and model.weights.h5';
  if (config === undefined) {
    throw new ZipFailure(entries.length === 0 ? `The .keras file is an empty zip archive; ${holds}` : `The .keras file has no config.json; ${holds}`);
  }
  if (weights === undefined) {
    throw new ZipFailure(
      byName.has('model.weights.npz')
        ? 'The .keras file keeps its weights in model.weights.npz; LayerLab reads model.weights.h5, what model.save() writes by default'
        : `The .keras file has no model.weights.h5; ${holds}`,
    );
  }
  const wanted = [config, weights];
  const unpacked = wanted.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > KERAS_FILE_LIMITS.maxUnpackedBytes) {
    const largest = wanted.reduce((a, b) => (b.size > a.size ? b : a));
    throw new ZipFailure(
      `The .keras file would unpack to ${megabytes(unpacked)} (${largest.name} alone to ${megabytes(largest.size)}); LayerLab unpacks at most ${megabytes(KERAS_FILE_LIMITS.maxUnpackedBytes)}, so it was not opened`,
    );
  }
  return { config: zip.extract(config), weights: zip.extract(weights) };
}

export function parseJsonFile(bytes: Uint8Array, name: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ZipFailure(`${name} in the .keras file is not UTF-8 text`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ZipFailure(`${name} in the .keras file is not valid JSON (${errorText(error)})`);
  }
}
