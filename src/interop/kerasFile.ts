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
 */
import { inflateSync, zipSync } from 'fflate';
import type { Graph } from '../core/graph/types.ts';
import { NODE_ID_PATTERN } from '../core/graph/types.ts';
import { exportKerasCompileConfig, exportKerasModel, KERAS_EXPORT_VERSION, KERAS_FLOAT_KEYS } from '../core/keras/exportConfig.ts';
import { importKerasConfig } from '../core/keras/importConfig.ts';
import { describeValue, isRecord, own, ownString, readSerialized } from '../core/keras/kerasFormat.ts';
import type { JsonRecord } from '../core/keras/kerasFormat.ts';
import { resolveAxis } from '../core/layers/index.ts';
import type { LayerLabProject, ProjectWeights, WeightTensor } from '../core/project/types.ts';
import { inferShapes } from '../core/shapes/inferShapes.ts';
import type { LossName, OptimizerName, TrainingSettings } from '../core/training/settings.ts';
import { DEFAULT_TRAINING, LOSSES, TRAINING_LIMITS } from '../core/training/settings.ts';
import type { InteropProblem } from './kerasWeightsH5.ts';
import { KerasWeightsError, kerasSnakeCase, readKerasWeightsH5, writeKerasWeightsH5 } from './kerasWeightsH5.ts';

export type { InteropProblem } from './kerasWeightsH5.ts';

export const KERAS_FILE_LIMITS = {
  /** Larger files are refused before anything is read. */
  maxFileBytes: 200 * 1024 * 1024,
  /** config.json and model.weights.h5 together may unpack to at most this (a zip bomb is refused unopened). */
  maxUnpackedBytes: 200 * 1024 * 1024,
} as const;

export type KerasFileWriteResult = { ok: true; bytes: Uint8Array } | { ok: false; problems: InteropProblem[] };

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

const CONFIG_FILE = 'config.json';
const METADATA_FILE = 'metadata.json';
const WEIGHTS_FILE = 'model.weights.h5';

const fileProblem = (message: string): { ok: false; problems: InteropProblem[] } => ({ ok: false, problems: [{ layer: null, message }] });

function quote(text: string): string {
  return `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'`;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

function formatTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
}

// ---- zip reading -------------------------------------------------------------------------------------------

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

class ZipFailure {
  constructor(readonly message: string) {}
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const DAMAGED = 'the .keras file is damaged';

/** Reads a zip archive's directory (the end-of-central-directory record, ZIP64 included). */
class ZipReader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private u16(at: number): number {
    if (at < 0 || at + 2 > this.bytes.length) throw new ZipFailure(`${DAMAGED}: its zip directory points outside the file`);
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    if (at < 0 || at + 4 > this.bytes.length) throw new ZipFailure(`${DAMAGED}: its zip directory points outside the file`);
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    const value = this.u32(at) + this.u32(at + 4) * 2 ** 32;
    if (!Number.isSafeInteger(value)) throw new ZipFailure(`${DAMAGED}: its zip directory holds impossible sizes`);
    return value;
  }

  /** Offset of the end-of-central-directory record, searched from the end (it may be followed by a comment). */
  private findEnd(): number {
    const last = this.bytes.length - 22;
    const first = Math.max(0, last - 0xffff);
    for (let at = last; at >= first; at -= 1) {
      if (this.view.getUint32(at, true) === SIG_END) return at;
    }
    return -1;
  }

  entries(): ZipEntry[] {
    const end = this.findEnd();
    if (end < 0) {
      const startsLikeZip = this.bytes.length >= 4 && this.view.getUint32(0, true) === SIG_LOCAL;
      throw new ZipFailure(
        startsLikeZip
          ? 'the .keras file is incomplete or damaged: it starts as a zip archive, but the directory at the end of the archive is missing (the file was probably cut short while copying or downloading)'
          : 'this is not a .keras file: a .keras file is a zip archive (of config.json, metadata.json and model.weights.h5), and this file is not one',
      );
    }
    let count = this.u16(end + 10);
    let offset = this.u32(end + 16);
    if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && this.u32(end - 20) === SIG_ZIP64_LOCATOR) {
      const zip64End = this.u64(end - 12);
      if (this.u32(zip64End) !== SIG_ZIP64_END) throw new ZipFailure(`${DAMAGED}: its ZIP64 directory is missing`);
      count = this.u64(zip64End + 32);
      offset = this.u64(zip64End + 48);
    }
    const entries: ZipEntry[] = [];
    let at = offset;
    for (let i = 0; i < count; i += 1) {
      if (this.u32(at) !== SIG_CENTRAL) throw new ZipFailure(`${DAMAGED}: entry ${i + 1} of its zip directory is unreadable`);
      const flags = this.u16(at + 8);
      const method = this.u16(at + 10);
      const crc = this.u32(at + 16);
      let compressedSize = this.u32(at + 20);
      let size = this.u32(at + 24);
      const nameLength = this.u16(at + 28);
      const extraLength = this.u16(at + 30);
      const commentLength = this.u16(at + 32);
      let localOffset = this.u32(at + 42);
      const nameStart = at + 46;
      if (nameStart + nameLength + extraLength > this.bytes.length) throw new ZipFailure(`${DAMAGED}: its zip directory points outside the file`);
      const name = new TextDecoder().decode(this.bytes.subarray(nameStart, nameStart + nameLength));
      // ZIP64 extended information: the 64-bit values of the fields that hold 0xffffffff, in this order.
      for (let e = nameStart + nameLength; e + 4 <= nameStart + nameLength + extraLength; e += 4 + this.u16(e + 2)) {
        if (this.u16(e) !== 1) continue;
        let field = e + 4;
        if (size === 0xffffffff) {
          size = this.u64(field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = this.u64(field);
          field += 8;
        }
        if (localOffset === 0xffffffff) localOffset = this.u64(field);
        break;
      }
      entries.push({ name, method, flags, crc, compressedSize, size, localOffset });
      at = nameStart + nameLength + extraLength + commentLength;
    }
    return entries;
  }

  /** The entry's unpacked bytes, checked against its size and CRC-32. */
  extract(entry: ZipEntry): Uint8Array {
    const { name } = entry;
    if (entry.flags & 1) throw new ZipFailure(`${name} in the .keras file is encrypted, so LayerLab cannot read it`);
    if (this.u32(entry.localOffset) !== SIG_LOCAL) throw new ZipFailure(`${DAMAGED}: ${name} is not where its zip directory says`);
    const start = entry.localOffset + 30 + this.u16(entry.localOffset + 26) + this.u16(entry.localOffset + 28);
    const stop = start + entry.compressedSize;
    if (stop > this.bytes.length) {
      throw new ZipFailure(`the .keras file is incomplete or damaged: ${name} runs past the end of the file (it was probably cut short)`);
    }
    const packed = this.bytes.subarray(start, stop);
    let data: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw new ZipFailure(`${DAMAGED}: the sizes of ${name} disagree`);
      data = packed;
    } else if (entry.method === 8) {
      try {
        // At most the declared size is unpacked (fflate stops at the end of `out`); the CRC below catches a lie.
        data = inflateSync(packed, { out: new Uint8Array(entry.size) });
      } catch (error) {
        throw new ZipFailure(`${DAMAGED}: ${name} cannot be unpacked (${errorText(error)})`);
      }
    } else {
      throw new ZipFailure(`${name} in the .keras file is compressed with zip method ${entry.method}; LayerLab unpacks stored and deflated files only`);
    }
    if (data.length !== entry.size || crc32(data) !== entry.crc) throw new ZipFailure(`${DAMAGED}: ${name} does not match its checksum`);
    return data;
  }
}

/** Why `bytes` is not a zip, in words that point at what it is instead. */
function notZipMessage(bytes: Uint8Array, fallback: string): string {
  const hdf5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
  if (hdf5.every((b, i) => bytes[i] === b)) {
    return 'this is an HDF5 file (a Keras 2 .h5 model or a weights file), not a .keras file; in Keras 3, save the model with model.save("name.keras")';
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('{')) return 'this is a JSON file, not a .keras file; import it as a Keras model architecture (model.to_json()) instead';
  return fallback;
}

/** The two entries Keras's loader reads (it never reads metadata.json, and neither does LayerLab). */
interface KerasArchive {
  config: Uint8Array;
  weights: Uint8Array;
}

function readArchive(bytes: Uint8Array): KerasArchive {
  if (bytes.length === 0) throw new ZipFailure('the file is empty');
  if (bytes.length > KERAS_FILE_LIMITS.maxFileBytes) {
    throw new ZipFailure(`the file is ${megabytes(bytes.length)}; LayerLab reads .keras files of at most ${megabytes(KERAS_FILE_LIMITS.maxFileBytes)}`);
  }
  const zip = new ZipReader(bytes);
  let entries: ZipEntry[];
  try {
    entries = zip.entries();
  } catch (error) {
    if (error instanceof ZipFailure && error.message.startsWith('this is not a .keras file')) throw new ZipFailure(notZipMessage(bytes, error.message));
    throw error;
  }
  // Like Python's zipfile (which Keras uses), the last entry of a name wins.
  const byName = new Map(entries.map((e) => [e.name, e]));
  const config = byName.get(CONFIG_FILE);
  const weights = byName.get(WEIGHTS_FILE);
  const holds = 'a .keras file holds config.json, metadata.json and model.weights.h5';
  if (config === undefined) {
    throw new ZipFailure(entries.length === 0 ? `the .keras file is an empty zip archive; ${holds}` : `the .keras file has no config.json; ${holds}`);
  }
  if (weights === undefined) {
    throw new ZipFailure(
      byName.has('model.weights.npz')
        ? 'the .keras file keeps its weights in model.weights.npz; LayerLab reads model.weights.h5, what model.save() writes by default'
        : `the .keras file has no model.weights.h5; ${holds}`,
    );
  }
  const wanted = [config, weights];
  const unpacked = wanted.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > KERAS_FILE_LIMITS.maxUnpackedBytes) {
    const largest = wanted.reduce((a, b) => (b.size > a.size ? b : a));
    throw new ZipFailure(
      `the .keras file would unpack to ${megabytes(unpacked)} (${largest.name} alone to ${megabytes(largest.size)}); LayerLab unpacks at most ${megabytes(KERAS_FILE_LIMITS.maxUnpackedBytes)}, so it was not opened`,
    );
  }
  return { config: zip.extract(config), weights: zip.extract(weights) };
}

function parseJsonFile(bytes: Uint8Array, name: string): unknown {
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

// ---- the weights a network needs ---------------------------------------------------------------------------

/** The weights each node of `graph` has in Keras (names in Keras's order, shapes), for nodes that have any. */
export function expectedWeights(graph: Graph): Map<string, { name: string; shape: number[] }[]> {
  const inference = inferShapes(graph);
  const out = new Map<string, { name: string; shape: number[] }[]>();
  for (const node of graph.nodes) {
    const info = inference.nodes.get(node.id);
    if (info?.status !== 'ok') continue;
    const input = info.inputShapes[0] ?? [];
    switch (node.kind) {
      case 'Dense': {
        const units = node.params.units;
        const list = [{ name: 'kernel', shape: [input[input.length - 1] ?? 0, units] }];
        if (node.params.use_bias) list.push({ name: 'bias', shape: [units] });
        out.set(node.id, list);
        break;
      }
      case 'BatchNormalization': {
        const index = resolveAxis(node.params.axis, input.length);
        const channels = [index === null ? 0 : (input[index] ?? 0)];
        const list: { name: string; shape: number[] }[] = [];
        if (node.params.scale) list.push({ name: 'gamma', shape: channels });
        if (node.params.center) list.push({ name: 'beta', shape: channels });
        list.push({ name: 'moving_mean', shape: channels }, { name: 'moving_variance', shape: [...channels] });
        out.set(node.id, list);
        break;
      }
      case 'PReLU': {
        const shared = new Set(node.params.shared_axes ?? []);
        out.set(node.id, [{ name: 'alpha', shape: input.map((d, i) => (shared.has(i + 1) ? 1 : d)) }]);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Checks weights (by node id) against what each node of the graph needs: names, shapes and value counts. */
function weightProblems(graph: Graph, weights: ProjectWeights, nameOf: (id: string) => string = (id) => id): InteropProblem[] {
  const problems: InteropProblem[] = [];
  const expected = expectedWeights(graph);
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const given = (id: string): WeightTensor[] => (Object.hasOwn(weights.layers, id) ? (weights.layers[id] ?? []) : []);
  for (const id of Object.keys(weights.layers)) {
    if (given(id).length === 0) continue;
    const layer = nameOf(id);
    if (!nodeIds.has(id)) problems.push({ layer, message: `there are weights for ${quote(layer)}, but the network has no layer of that name` });
    else if (!expected.has(id)) problems.push({ layer, message: `layer ${quote(layer)}: it has no weights, but weights were given for it` });
  }
  for (const [id, wanted] of expected) {
    const layer = nameOf(id);
    const tensors = given(id);
    for (const tensor of tensors) {
      if (!wanted.some((w) => w.name === tensor.name)) {
        problems.push({ layer, message: `layer ${quote(layer)}: it has no ${tensor.name} weights (it has ${wanted.map((w) => w.name).join(', ')})` });
      }
    }
    for (const want of wanted) {
      const tensor = tensors.find((t) => t.name === want.name);
      if (tensor === undefined) {
        problems.push({ layer, message: `layer ${quote(layer)}: its ${want.name} weights are missing` });
      } else if (!sameShape(tensor.shape, want.shape)) {
        problems.push({
          layer,
          message: `layer ${quote(layer)}: its ${want.name} weights have shape ${formatTuple(tensor.shape)}, but the layer needs ${formatTuple(want.shape)}`,
        });
      } else if (tensor.values.length !== want.shape.reduce((p, d) => p * d, 1)) {
        problems.push({ layer, message: `layer ${quote(layer)}: its ${want.name} weights have ${tensor.values.length} numbers for shape ${formatTuple(want.shape)}` });
      }
    }
  }
  return problems;
}

// ---- Keras layer names -> node ids -------------------------------------------------------------------------

const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The node id importKerasConfig gives each Keras layer name: the name itself when it is a valid node id, otherwise
 * the name with invalid characters replaced and made unique, exactly as importConfig's assignIds does.
 */
function nodeIdsByLayerName(config: JsonRecord): Map<string, string> {
  const inner = own(config, 'config');
  const layers = isRecord(inner) ? own(inner, 'layers') : undefined;
  const names: string[] = [];
  for (const layer of Array.isArray(layers) ? (layers as unknown[]) : []) {
    if (!isRecord(layer)) continue;
    const layerConfig = own(layer, 'config');
    const name = ownString(layer, 'name') ?? (isRecord(layerConfig) ? ownString(layerConfig, 'name') : undefined);
    if (name !== undefined) names.push(name);
  }
  const taken = new Set(names.filter((n) => NODE_ID_PATTERN.test(n)));
  const ids = new Map<string, string>();
  for (const name of names) {
    if (NODE_ID_PATTERN.test(name)) {
      ids.set(name, name);
      continue;
    }
    let base = name.replace(/[^A-Za-z0-9_.-]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
    base = base.slice(0, 64);
    let id = base;
    for (let k = 2; taken.has(id) || RESERVED_NAMES.has(id); k += 1) id = `${base.slice(0, 64 - `_${k}`.length)}_${k}`;
    taken.add(id);
    ids.set(name, id);
  }
  return ids;
}

// ---- compile_config -> training settings -------------------------------------------------------------------

const OPTIMIZER_BY_CLASS: ReadonlyMap<string, OptimizerName> = new Map([
  ['SGD', 'sgd'],
  ['Adam', 'adam'],
  ['RMSprop', 'rmsprop'],
  ['Adagrad', 'adagrad'],
]);

const LOSS_ALIASES: ReadonlyMap<string, LossName> = new Map([
  ['mse', 'mean_squared_error'],
  ['MSE', 'mean_squared_error'],
]);

/** The shortest decimal that is the same float32 (Keras writes learning rates as float32: 0.009999999776482582). */
function tidyFloat32(value: number): number {
  if (Math.fround(value) !== value) return value;
  for (let digits = 1; digits <= 9; digits += 1) {
    const shorter = Number(value.toPrecision(digits));
    if (Math.fround(shorter) === value) return shorter;
  }
  return value;
}

function nearlyEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  return a === b;
}

function readOptimizer(value: unknown, training: Partial<TrainingSettings>, warnings: string[]): void {
  const serialized = typeof value === 'string' ? { className: value, config: {} as JsonRecord } : readSerialized(value);
  if (serialized === null) {
    warnings.push(`the compiled optimizer ${describeValue(value)} is not one LayerLab reads; the optimizer setting was left as it is`);
    return;
  }
  const optimizer = OPTIMIZER_BY_CLASS.get(serialized.className) ?? [...OPTIMIZER_BY_CLASS.values()].find((o) => o === serialized.className.toLowerCase());
  if (optimizer === undefined) {
    warnings.push(
      `the model was compiled with the ${quote(serialized.className)} optimizer, which LayerLab does not have (it has SGD, Adam, RMSprop and Adagrad); the optimizer setting was left as it is`,
    );
    return;
  }
  training.optimizer = optimizer;
  const learningRate = own(serialized.config, 'learning_rate');
  if (typeof learningRate === 'number' && Number.isFinite(learningRate)) {
    const rate = tidyFloat32(learningRate);
    const { min, max } = TRAINING_LIMITS.learningRate;
    if (rate >= min && rate <= max) training.learningRate = rate;
    else warnings.push(`the learning rate ${rate} is outside LayerLab's range (${min} to ${max}); the learning rate setting was left as it is`);
  } else if (learningRate !== undefined) {
    warnings.push(`the learning rate ${describeValue(learningRate)} is a schedule, which LayerLab does not have; the learning rate setting was left as it is`);
  }
  // Arguments LayerLab does not model: fine at Keras's defaults (those LayerLab's own export writes).
  const defaults = exportKerasCompileConfig({ ...DEFAULT_TRAINING, optimizer }).optimizer.config;
  for (const key of Object.keys(serialized.config)) {
    if (key === 'name' || key === 'learning_rate') continue;
    const ours = own(defaults, key);
    const theirs = own(serialized.config, key);
    if (!nearlyEqual(theirs, ours) && !(ours === undefined && (theirs === null || theirs === false))) {
      warnings.push(`the optimizer's ${key}=${describeValue(theirs)} is ignored: LayerLab's ${serialized.className} uses Keras's default (${describeValue(ours ?? null)})`);
    }
  }
}

function readLoss(value: unknown, training: Partial<TrainingSettings>, warnings: string[]): void {
  let name: string | null = null;
  if (typeof value === 'string') {
    name = LOSS_ALIASES.get(value) ?? value;
  } else {
    const serialized = readSerialized(value);
    if (serialized !== null) {
      if (own(serialized.config, 'from_logits') === true) {
        warnings.push(`the loss ${describeValue(value)} works on logits (from_logits=True); LayerLab's losses take probabilities, so the loss setting was left as it is`);
        return;
      }
      name = kerasSnakeCase(serialized.className);
    }
  }
  const loss = LOSSES.find((l) => l === name);
  if (loss === undefined) {
    warnings.push(
      `the model was compiled with the loss ${describeValue(value)}, which LayerLab does not have (it has ${LOSSES.join(', ')}); the loss setting was left as it is`,
    );
    return;
  }
  training.loss = loss;
}

/** The settings in compile_config that map to LayerLab's: optimizer, learning rate and loss. */
function readTraining(config: JsonRecord, warnings: string[]): Partial<TrainingSettings> {
  const compile = own(config, 'compile_config');
  const training: Partial<TrainingSettings> = {};
  if (!isRecord(compile) || Object.keys(compile).length === 0) return training;
  const optimizer = own(compile, 'optimizer');
  if (optimizer !== undefined && optimizer !== null) readOptimizer(optimizer, training, warnings);
  const loss = own(compile, 'loss');
  if (loss !== undefined && loss !== null) readLoss(loss, training, warnings);
  return training;
}

// ---- reading -----------------------------------------------------------------------------------------------

async function readFile(bytes: Uint8Array): Promise<KerasFileReadResult> {
  if (!(bytes instanceof Uint8Array)) return fileProblem('the .keras file was not given as bytes');
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

  const read = await readKerasWeightsH5(archive.weights, config);
  if (!read.ok) return read;
  warnings.push(...read.warnings);

  const ids = nodeIdsByLayerName(config);
  const names = new Map([...ids].map(([name, id]) => [id, name]));
  const layers: ProjectWeights['layers'] = {};
  for (const name of Object.keys(read.weights.layers)) {
    const id = ids.get(name);
    const tensors = read.weights.layers[name];
    if (id === undefined || tensors === undefined) return fileProblem(`the weights of layer ${quote(name)} belong to no layer of the imported network`);
    layers[id] = tensors;
  }
  const weights: ProjectWeights = { layers };
  const problems = weightProblems(imported.graph, weights, (id) => names.get(id) ?? id);
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
    return fileProblem(`the .keras file could not be read: ${errorText(error)}`);
  }
}

// ---- writing -----------------------------------------------------------------------------------------------



/** A number as Python's json.dumps writes it: repr of a float (0.001, 1e-07, 6.0, 1e+16), or an integer. */
function pythonNumber(value: number, isFloat: boolean): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) {
    if (!isFloat) return String(value);
    return Object.is(value, -0) ? '-0.0' : `${value}.0`;
  }
  const sign = value < 0 ? '-' : '';
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const head = digits.length > 1 ? `${digits[0] ?? ''}.${digits.slice(1)}` : digits;
    return `${sign}${head}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** A string as Python's json.dumps writes it (ensure_ascii: everything outside printable ASCII escaped). */
function pythonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const ch = text[i] ?? '';
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * JSON text as Python's json.dumps(value) writes it for a Keras config: ", " and ": " separators, ASCII only,
 * floats as Python writes them (numbers under the keys in KERAS_FLOAT_KEYS are floats, 0 is written 0.0).
 */
export function pythonJsonDumps(value: unknown, key: string | null = null): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumber(value, key !== null && KERAS_FLOAT_KEYS.has(key));
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${(value as unknown[]).map((item) => pythonJsonDumps(item, null)).join(', ')}]`;
  if (isRecord(value)) {
    const parts = Object.keys(value)
      .filter((k) => own(value, k) !== undefined)
      .map((k) => `${pythonString(k)}: ${pythonJsonDumps(own(value, k), k)}`);
    return `{${parts.join(', ')}}`;
  }
  return 'null';
}

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
  const config = { ...exported.model, compile_config: exportKerasCompileConfig(project.training) };
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
  return { ok: true, bytes };
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
    return fileProblem(`the .keras file could not be written: ${errorText(error)}`);
  }
}
