/**
 * Imports a TensorFlow.js layers model: its `model.json` (topology and weights manifest) and its weight files.
 *
 * The topology goes through importKerasConfig (so everything it accepts and refuses holds here too); the weights are
 * read from the manifest: float32 only (int32, bool, quantized or any other dtype is refused), any number of groups
 * and shards, every byte accounted for, and each layer's weights checked against the shapes the imported network
 * needs. Weight names are "<layer>/<weight>" (a scope in front, "model/<layer>/<weight>", is accepted too).
 *
 * Layer names: "0_x", the name exportTfjsModel gives a node "_x" (tfjs names start with a letter or digit), becomes
 * "_x" again; any other name that is not a valid LayerLab id is renamed, with a warning, by the rule and in the words
 * of every other importer (import/layerNames.ts), and weights still find their layer.
 *
 * Either everything imports (graph, weights, warnings) or nothing does and every problem is listed, each naming its
 * layer where there is one. Pure and total: never throws, whatever the input.
 */
import { nodeIdOfTfjsLayer, nodeIdsForNames } from './import/layerNames.ts';
import { sentence } from '../problems/sentence.ts';
import type { Graph } from '../graph/types.ts';
import { NODE_ID_PATTERN } from '../graph/types.ts';
import { formatShapeNoBatch, shapesEqual } from '../layers/index.ts';
import type { ProjectWeights, WeightTensor } from '../project/types.ts';
import { importKerasConfig } from './importConfig.ts';
import type { JsonRecord } from './kerasFormat.ts';
import { describeValue, hasOwn, isNonNegativeInt, isRecord, own, ownString } from './kerasFormat.ts';
import { expectedWeights } from '../shapes/expectedWeights.ts';

export interface TfjsImportProblem {
  /** The layer at fault (its LayerLab name, the node id), or null for a problem with the whole model or the weight files. */
  layer: string | null;
  /** One or more plain sentences; never starts with the layer's name (renderers show `layer` beside it). */
  message: string;
}

export type TfjsImportResult =
  | { ok: true; graph: Graph; weights: ProjectWeights; modelName: string; warnings: string[] }
  | { ok: false; problems: TfjsImportProblem[] };

export const TFJS_IMPORT_LIMITS = {
  /** Entries of weightsManifest, paths in all of them, and weights in all of them. */
  maxGroups: 10_000,
  maxPaths: 10_000,
  maxWeights: 100_000,
  maxRank: 8,
  /** The manifest's weights together, in bytes of float32: the same cap as a .keras file's unpacked contents. */
  maxWeightBytes: 200 * 1024 * 1024,
} as const;

class ImportFailure {
  readonly problems: TfjsImportProblem[];
  constructor(problems: TfjsImportProblem[]) {
    this.problems = problems.map((p) => ({ ...p, message: sentence(p.message) }));
  }
}

const fail = (message: string, layer: string | null = null): ImportFailure => new ImportFailure([{ layer, message }]);

/** `'name'`, shortened so a hostile name cannot flood a message. */
function quote(text: string): string {
  return `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// ---- the manifest ------------------------------------------------------------------------------------------

interface ManifestWeight {
  /** The full name in the manifest, e.g. "hidden/kernel". */
  name: string;
  shape: number[];
  count: number;
}

interface ManifestGroup {
  paths: string[];
  weights: ManifestWeight[];
}

/**
 * A path the manifest may name: a relative file path inside the model's folder (no "..", ".", empty or absolute
 * parts, no backslashes, no URL or drive prefixes).
 */
function isSafePath(path: string): boolean {
  if (path.length === 0 || path.length > 255 || path.startsWith('/') || /[\\:\0]/.test(path)) return false;
  return path.split('/').every((part) => part.length > 0 && part !== '.' && part !== '..');
}

function readShape(value: unknown): number[] | null {
  if (!Array.isArray(value) || value.length > TFJS_IMPORT_LIMITS.maxRank) return null;
  const dims = value as unknown[];
  return dims.every(isNonNegativeInt) ? (dims as number[]) : null;
}

function readManifest(value: unknown): ManifestGroup[] {
  if (value === undefined || value === null) throw fail('The model.json has no "weightsManifest", so its weights cannot be found');
  if (!Array.isArray(value)) throw fail('"weightsManifest" is not a list');
  const list = value as unknown[];
  if (list.length > TFJS_IMPORT_LIMITS.maxGroups) throw fail(`"weightsManifest" has more than ${TFJS_IMPORT_LIMITS.maxGroups} entries`);
  const problems: TfjsImportProblem[] = [];
  const groups: ManifestGroup[] = [];
  const seen = new Set<string>();
  let pathCount = 0;
  let weightCount = 0;
  list.forEach((rawGroup, g) => {
    const where = `Entry ${g + 1} of weightsManifest`;
    if (!isRecord(rawGroup)) {
      problems.push({ layer: null, message: `${where} is not an object` });
      return;
    }
    const rawPaths = own(rawGroup, 'paths');
    const rawWeights = own(rawGroup, 'weights');
    if (!Array.isArray(rawPaths)) problems.push({ layer: null, message: `${where} has no "paths" list` });
    if (!Array.isArray(rawWeights)) problems.push({ layer: null, message: `${where} has no "weights" list` });
    if (!Array.isArray(rawPaths) || !Array.isArray(rawWeights)) return;
    pathCount += rawPaths.length;
    weightCount += rawWeights.length;
    if (pathCount > TFJS_IMPORT_LIMITS.maxPaths || weightCount > TFJS_IMPORT_LIMITS.maxWeights) {
      throw fail(`The weights manifest lists more than ${TFJS_IMPORT_LIMITS.maxPaths} files or ${TFJS_IMPORT_LIMITS.maxWeights} weights`);
    }
    const paths: string[] = [];
    for (const path of rawPaths as unknown[]) {
      if (typeof path !== 'string') problems.push({ layer: null, message: `${where} has a path that is not a string (${describeValue(path)})` });
      else if (!isSafePath(path)) {
        problems.push({
          layer: null,
          message: `The weights manifest names the file ${quote(path)}, which is not a file next to model.json; weight paths must stay inside the model's folder`,
        });
      } else paths.push(path);
    }
    if (rawWeights.length > 0 && rawPaths.length === 0) problems.push({ layer: null, message: `${where} lists weights but no file holding them` });
    const weights: ManifestWeight[] = [];
    for (const rawWeight of rawWeights as unknown[]) {
      if (!isRecord(rawWeight)) {
        problems.push({ layer: null, message: `${where} has a weight that is not an object` });
        continue;
      }
      const name = ownString(rawWeight, 'name');
      if (name === undefined) {
        problems.push({ layer: null, message: `${where} has a weight without a name` });
        continue;
      }
      const shown = quote(name);
      const shape = readShape(own(rawWeight, 'shape'));
      const dtype = own(rawWeight, 'dtype');
      const quantization = own(rawWeight, 'quantization');
      if (seen.has(name)) problems.push({ layer: null, message: `The weights manifest lists the weight ${shown} twice` });
      seen.add(name);
      if (shape === null) {
        problems.push({ layer: null, message: `The weight ${shown} has shape ${describeValue(own(rawWeight, 'shape'))}; a shape is a list of sizes` });
        continue;
      }
      if (quantization !== undefined && quantization !== null) {
        const to = isRecord(quantization) ? ownString(quantization, 'dtype') : undefined;
        problems.push({
          layer: null,
          message: `The weight ${shown} is quantized${to === undefined ? '' : ` to ${to.slice(0, 20)}`}; LayerLab reads only float32 weights (convert the model without quantization)`,
        });
        continue;
      }
      if (dtype !== 'float32') {
        problems.push({
          layer: null,
          message: `The weight ${shown} has dtype ${typeof dtype === 'string' ? quote(dtype) : describeValue(dtype)}; LayerLab reads only float32 weights`,
        });
        continue;
      }
      const count = shape.reduce((p, d) => p * d, 1);
      if (!Number.isSafeInteger(count * 4)) {
        problems.push({ layer: null, message: `The weight ${shown} of shape ${formatShapeNoBatch(shape)} is far too large` });
        continue;
      }
      weights.push({ name, shape, count });
    }
    groups.push({ paths, weights });
  });
  if (problems.length > 0) throw new ImportFailure(problems);
  const claimed = groups.reduce((sum, g) => sum + groupBytes(g), 0);
  if (claimed > TFJS_IMPORT_LIMITS.maxWeightBytes) {
    throw fail(
      `The weights manifest lists ${plural(claimed / 4, 'float32 number')} (${Math.ceil(claimed / (1024 * 1024))} MB); LayerLab opens TF.js models whose weights take at most ${TFJS_IMPORT_LIMITS.maxWeightBytes / (1024 * 1024)} MB`,
    );
  }
  return groups;
}

// ---- the bytes ---------------------------------------------------------------------------------------------

function toBytes(value: Uint8Array | ArrayBuffer): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array(value);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function isBytes(value: unknown): value is Uint8Array | ArrayBuffer {
  return value instanceof Uint8Array || value instanceof ArrayBuffer;
}

const groupBytes = (group: ManifestGroup): number => group.weights.reduce((sum, w) => sum + w.count * 4, 0);

/** Each group's bytes: from one buffer holding every group in order, or from one buffer per path. */
function splitGroups(groups: readonly ManifestGroup[], data: unknown): Uint8Array[] {
  const needed = groups.reduce((sum, g) => sum + groupBytes(g), 0);
  const describeNeed = `${plural(needed, 'byte')} (${plural(needed / 4, 'float32 number')})`;
  if (Array.isArray(data)) {
    const files = data as unknown[];
    if (!files.every(isBytes)) throw fail('The weight files must be given as bytes (Uint8Array or ArrayBuffer)');
    const pathCount = groups.reduce((sum, g) => sum + g.paths.length, 0);
    if (files.length !== pathCount) {
      throw fail(`The weights manifest names ${plural(pathCount, 'file')}, but ${plural(files.length, 'file')} of weights ${files.length === 1 ? 'was' : 'were'} given`);
    }
    const out: Uint8Array[] = [];
    const problems: TfjsImportProblem[] = [];
    let next = 0;
    for (const group of groups) {
      const bytes = concat(files.slice(next, next + group.paths.length).map(toBytes));
      next += group.paths.length;
      const want = groupBytes(group);
      if (bytes.byteLength !== want) {
        problems.push({
          layer: null,
          message: `The weight file${group.paths.length === 1 ? '' : 's'} ${group.paths.map(quote).join(', ')} hold${group.paths.length === 1 ? 's' : ''} ${plural(bytes.byteLength, 'byte')}, but the manifest's weights for ${group.paths.length === 1 ? 'it' : 'them'} need ${plural(want, 'byte')} (${plural(want / 4, 'float32 number')})`,
        });
      }
      out.push(bytes);
    }
    if (problems.length > 0) throw new ImportFailure(problems);
    return out;
  }
  if (!isBytes(data)) throw fail('The weights must be given as bytes (Uint8Array or ArrayBuffer), or a list of them, one per file');
  const all = toBytes(data);
  if (all.byteLength !== needed) {
    throw fail(`The weights data holds ${plural(all.byteLength, 'byte')}, but the weights manifest lists ${describeNeed}`);
  }
  const out: Uint8Array[] = [];
  let offset = 0;
  for (const group of groups) {
    const size = groupBytes(group);
    out.push(all.subarray(offset, offset + size));
    offset += size;
  }
  return out;
}

/** Every manifest weight's values, by its full name (float32, little-endian). */
function decodeWeights(groups: readonly ManifestGroup[], bytes: readonly Uint8Array[]): Map<string, { shape: number[]; values: number[] }> {
  const out = new Map<string, { shape: number[]; values: number[] }>();
  groups.forEach((group, g) => {
    const data = bytes[g] ?? new Uint8Array(0);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let offset = 0;
    for (const weight of group.weights) {
      const values = new Array<number>(weight.count);
      for (let i = 0; i < weight.count; i += 1) {
        values[i] = view.getFloat32(offset, true);
        offset += 4;
      }
      out.set(weight.name, { shape: weight.shape, values });
    }
  });
  return out;
}

// ---- layer names -------------------------------------------------------------------------------------------

interface Renamed {
  json: unknown;
  /** Layer name in the file -> LayerLab node id, for every layer name in the file. */
  renames: Map<string, string>;
}

function parseMaybe(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The model object inside a model.json, and how to put a changed one back; null when the file has another form. */
function locateModel(root: JsonRecord): { model: JsonRecord; rebuild: (model: JsonRecord) => JsonRecord } | null {
  const topology = own(root, 'modelTopology');
  if (!isRecord(topology)) return null;
  if (!hasOwn(topology, 'class_name') && hasOwn(topology, 'model_config')) {
    const inner = parseMaybe(own(topology, 'model_config'));
    if (!isRecord(inner)) return null;
    return { model: inner, rebuild: (model) => ({ ...root, modelTopology: { ...topology, model_config: model } }) };
  }
  return { model: topology, rebuild: (model) => ({ ...root, modelTopology: model }) };
}

function layerName(layer: unknown): string | undefined {
  if (!isRecord(layer)) return undefined;
  const config = own(layer, 'config');
  return ownString(layer, 'name') ?? (isRecord(config) ? ownString(config, 'name') : undefined);
}

/** References `[name, node, tensor(, kwargs)]` anywhere in `value` (bounded depth), with names renamed. */
function renameRefs(value: unknown, renames: ReadonlyMap<string, string>, depth = 0): unknown {
  if (depth > 8) return value;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    const [first, node, tensor] = items;
    if (items.length >= 3 && items.length <= 4 && typeof first === 'string' && isNonNegativeInt(node) && isNonNegativeInt(tensor)) {
      const renamed = renames.get(first);
      return renamed === undefined ? value : [renamed, ...items.slice(1)];
    }
    return items.map((item) => renameRefs(item, renames, depth + 1));
  }
  if (isRecord(value)) {
    return Object.fromEntries(Object.keys(value).map((key) => [key, renameRefs(own(value, key), renames, depth + 1)]));
  }
  return value;
}

/**
 * Undoes, in the JSON, the "0" exportTfjsModel puts before a node id starting with "_" (the layer "0_x" is the node
 * "_x" again, unless the file has "_x" too or "0_x" twice). Every other name is left to importKerasConfig, which gives
 * invalid names an id, with a warning, by the one rule of every importer (import/layerNames.ts); `renames` is that
 * rule's result for each name in the file, so the weights find their layers.
 */
function renameLayers(root: JsonRecord): Renamed {
  const located = locateModel(root);
  const rawConfig = located === null ? undefined : parseMaybe(own(located.model, 'config'));
  const layers = isRecord(rawConfig) ? own(rawConfig, 'layers') : rawConfig;
  if (located === null || !Array.isArray(layers)) return { json: root, renames: new Map() };
  const { model, rebuild } = located;
  const names = (layers as unknown[]).map(layerName).filter((n): n is string => n !== undefined);
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const undone = new Map<string, string>();
  for (const name of names) {
    const id = nodeIdOfTfjsLayer(name);
    if (id !== name && NODE_ID_PATTERN.test(id) && counts.get(name) === 1 && !counts.has(id)) undone.set(name, id);
  }
  const ids = nodeIdsForNames(names.map((name) => undone.get(name) ?? name));
  const renames = new Map(names.map((name) => [name, ids.get(undone.get(name) ?? name) ?? name]));
  if (undone.size === 0) return { json: root, renames };
  const newLayers = (layers as unknown[]).map((layer) => {
    if (!isRecord(layer)) return layer;
    const name = layerName(layer);
    const to = name === undefined ? undefined : undone.get(name);
    const config = own(layer, 'config');
    const out: Record<string, unknown> = { ...layer };
    if (to !== undefined && hasOwn(layer, 'name')) out.name = to;
    if (to !== undefined && isRecord(config) && hasOwn(config, 'name')) out.config = { ...config, name: to };
    if (hasOwn(layer, 'inbound_nodes')) out.inbound_nodes = renameRefs(own(layer, 'inbound_nodes'), undone);
    return out;
  });
  let newConfig: unknown = newLayers;
  if (isRecord(rawConfig)) {
    const config: Record<string, unknown> = { ...rawConfig, layers: newLayers };
    for (const key of ['input_layers', 'output_layers']) {
      if (hasOwn(rawConfig, key)) config[key] = renameRefs(own(rawConfig, key), undone);
    }
    newConfig = config;
  }
  return { json: rebuild({ ...model, config: newConfig }), renames };
}

// ---- matching weights to layers ----------------------------------------------------------------------------

function readWeights(
  graph: Graph,
  decoded: ReadonlyMap<string, { shape: number[]; values: number[] }>,
  renames: ReadonlyMap<string, string>,
): ProjectWeights {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const expected = expectedWeights(graph);
  const problems: TfjsImportProblem[] = [];
  /** node id -> weight name -> manifest name */
  const found = new Map<string, Map<string, string>>();
  const nodeOf = (layer: string): string | undefined => {
    const id = renames.get(layer) ?? layer;
    return ids.has(id) ? id : undefined;
  };
  for (const fullName of decoded.keys()) {
    const slash = fullName.lastIndexOf('/');
    const weight = fullName.slice(slash + 1);
    const prefix = slash < 0 ? '' : fullName.slice(0, slash);
    const id = nodeOf(prefix) ?? nodeOf(prefix.slice(prefix.lastIndexOf('/') + 1));
    if (slash < 0 || id === undefined) {
      problems.push({
        layer: null,
        message:
          slash < 0
            ? `The weight ${quote(fullName)} is not named "<layer>/<weight>", so LayerLab cannot tell which layer it belongs to`
            : `The weights manifest has ${quote(fullName)}, but the model has no layer ${quote(prefix)}`,
      });
      continue;
    }
    const names = expected.get(id) ?? [];
    if (!names.some((w) => w.name === weight)) {
      const has = names.length === 0 ? 'has no weights' : `has only ${names.map((w) => w.name).join(', ')}`;
      problems.push({ layer: id, message: `The weights manifest has ${quote(fullName)}, but this layer ${has}.` });
      continue;
    }
    let byWeight = found.get(id);
    if (byWeight === undefined) {
      byWeight = new Map();
      found.set(id, byWeight);
    }
    if (byWeight.has(weight)) {
      problems.push({ layer: id, message: `The weights manifest has this layer's ${weight} twice (${quote(byWeight.get(weight) ?? '')} and ${quote(fullName)}).` });
      continue;
    }
    byWeight.set(weight, fullName);
  }
  const layers: ProjectWeights['layers'] = {};
  for (const [id, wanted] of expected) {
    const tensors: WeightTensor[] = [];
    for (const want of wanted) {
      const fullName = found.get(id)?.get(want.name);
      const data = fullName === undefined ? undefined : decoded.get(fullName);
      if (fullName === undefined || data === undefined) {
        problems.push({
          layer: id,
          message: `The weights manifest has no ${want.name} for this layer (the network needs one of shape ${formatShapeNoBatch(want.shape)}).`,
        });
      } else if (!shapesEqual(data.shape, want.shape)) {
        problems.push({
          layer: id,
          message: `This layer's ${want.name} ${quote(fullName)} has shape ${formatShapeNoBatch(data.shape)} in the weights, but the network needs ${formatShapeNoBatch(want.shape)}.`,
        });
      } else {
        tensors.push({ name: want.name, shape: [...want.shape], values: data.values });
      }
    }
    layers[id] = tensors;
  }
  if (problems.length > 0) throw new ImportFailure(problems);
  return { layers };
}

// ---- the whole import --------------------------------------------------------------------------------------

function importModel(modelJson: unknown, weightsBin: unknown): TfjsImportResult {
  const root = typeof modelJson === 'string' ? parseMaybe(modelJson) : modelJson;
  if (typeof root === 'string') throw fail('The model.json text is not valid JSON');
  if (!isRecord(root)) throw fail(`A TensorFlow.js model.json holds a JSON object, but this is ${describeValue(root)}`);
  if (!hasOwn(root, 'modelTopology')) throw fail('This is not a TensorFlow.js model.json: it has no "modelTopology"');

  const problems: TfjsImportProblem[] = [];
  const collect = <T>(step: () => T): T | null => {
    try {
      return step();
    } catch (error) {
      if (error instanceof ImportFailure) {
        problems.push(...error.problems);
        return null;
      }
      throw error;
    }
  };
  const renamed = renameLayers(root);
  const topology = importKerasConfig(renamed.json);
  if (!topology.ok) problems.push(...topology.problems);
  const groups = collect(() => readManifest(own(root, 'weightsManifest')));
  const bytes = groups === null ? null : collect(() => splitGroups(groups, weightsBin));
  if (!topology.ok || groups === null || bytes === null) return { ok: false, problems };

  const weights = readWeights(topology.graph, decodeWeights(groups, bytes), renamed.renames);
  return { ok: true, graph: topology.graph, weights, modelName: topology.modelName, warnings: topology.warnings };
}

/**
 * Imports a TensorFlow.js layers model: `modelJson` is the parsed (or unparsed) model.json, `weightsBin` its weight
 * data, either every file's bytes one after the other or a list with one entry per manifest path, in manifest
 * order. Never throws.
 */
export function importTfjsModel(modelJson: unknown, weightsBin: Uint8Array | ArrayBuffer | Uint8Array[]): TfjsImportResult {
  try {
    return importModel(modelJson, weightsBin);
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, problems: error.problems };
    return { ok: false, problems: [{ layer: null, message: 'The model could not be read: it is not a TensorFlow.js layers model.' }] };
  }
}
