/**
 * Category 2: mutated files of every kind the app opens, each through the entry the app uses:
 *
 * - keras-json: Keras JSON (model.to_json()) through importModelFiles (modelFiles.ts), which calls importKerasConfig;
 * - keras-file: `.keras` archives through importModelFiles, which calls readKerasFile (zip + HDF5 via h5wasm);
 * - tfjs: TF.js model.json + weight files through importModelFiles, which calls importTfjsModel;
 * - project: `.layerlab.json` through parseProject, then validateProjectNetwork on what loads;
 * - share: share links through decodeShareFragment.
 *
 * Every case must load or be refused with messages (see outcome.ts for the message rule). What loads is validated
 * too (core must take whatever an import gives it).
 */
import { inflateSync, unzlibSync, zlibSync } from 'fflate';
import { validateNetwork } from '../src/core/validation/validateNetwork.ts';
import { validateProjectNetwork } from '../src/core/validation/validateProject.ts';
import { parseProject } from '../src/core/project/index.ts';
import { importModelFiles } from '../src/interop/modelFiles.ts';
import type { ModelImportResult, PickedFile } from '../src/interop/modelFiles.ts';
import { decodeShareFragment } from '../src/state/persistence/shareLink.ts';
import { mutateJsonText, mutateText } from './mutateJson.ts';
import { listZip, mutateBytes, writeZip } from './mutateBytes.ts';
import type { ZipEntryInput } from './mutateBytes.ts';
import type { CaseOutcome } from './outcome.ts';
import type { FuzzRng } from './random.ts';
import type { Seeds } from './seeds.ts';

export const FILE_CATEGORIES = ['keras-json', 'keras-file', 'tfjs', 'project', 'share'] as const;
export type FileCategory = (typeof FILE_CATEGORIES)[number];

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

export function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, size: bytes.length, bytes: async () => bytes };
}

/** A model import's result as a case outcome; what loads is validated as the app would. */
export function importOutcome(result: ModelImportResult, label: string): CaseOutcome {
  if (!result.ok) return { status: 'refused', messages: result.problems.map((p) => p.message), label, violations: [] };
  const violations: string[] = [];
  const validation = validateNetwork(result.model.graph);
  if (result.model.graph.nodes.length === 0 && validation.ok) violations.push('an import gave an empty network that validation accepts');
  return { status: 'loaded', messages: [], label, violations };
}

// ---- .keras ---------------------------------------------------------------------------------------------------

const CENTRAL_FIELDS: [string, number, 2 | 4][] = [
  ['flags', 8, 2],
  ['method', 10, 2],
  ['crc', 16, 4],
  ['compressed size', 20, 4],
  ['size', 24, 4],
  ['name length', 28, 2],
  ['extra length', 30, 2],
  ['comment length', 32, 2],
  ['local offset', 42, 4],
];
const END_FIELDS: [string, number, 2 | 4][] = [
  ['entry count', 10, 2],
  ['directory size', 12, 4],
  ['directory offset', 16, 4],
  ['comment length', 20, 2],
];
const FIELD_VALUES = [0, 1, 0xffff, 0x7fffffff, 0xffffffff, 200 * 1024 * 1024, 200 * 1024 * 1024 + 1, 4_000_000_000];
const HOSTILE_ENTRY_NAMES = ['Config.json', 'config.json ', '__proto__', 'constructor', '../config.json', '/config.json', 'model.weights.npz', 'config.json\u0000', ''];

function setField(bytes: Uint8Array, at: number, size: 2 | 4, value: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + size > bytes.length) return;
  if (size === 2) view.setUint16(at, value & 0xffff, true);
  else view.setUint32(at, value >>> 0, true);
}

function mutateKeras(rng: FuzzRng, seed: Uint8Array): { bytes: Uint8Array; mutations: string[] } {
  const zip = listZip(seed, (packed, size) => inflateSync(packed, { out: new Uint8Array(size) }));
  const entries: ZipEntryInput[] = zip.entries.map((e) => ({ name: e.name, data: e.data }));
  const roll = rng.int(100);
  if (roll < 25) {
    const mutated = mutateBytes(rng, seed);
    return { bytes: mutated.bytes, mutations: [mutated.name] };
  }
  if (roll < 45) {
    const bytes = new Uint8Array(seed);
    const central = rng.chance(0.75) && zip.centralOffsets.length > 0;
    const [name, offset, size] = rng.pick(central ? CENTRAL_FIELDS : END_FIELDS);
    const base = central ? rng.pick(zip.centralOffsets) : zip.endOffset;
    const value = rng.chance(0.5) ? rng.pick(FIELD_VALUES) : rng.int(2 ** 32);
    setField(bytes, base + offset, size, value);
    return { bytes, mutations: [`${central ? 'directory' : 'end record'} ${name} = ${value}`] };
  }
  const mutations: string[] = [];
  if (roll < 60) {
    const i = rng.int(entries.length);
    const entry = entries[i] as ZipEntryInput;
    switch (rng.int(6)) {
      case 0:
        mutations.push(`${entry.name} renamed`);
        entry.name = rng.pick(HOSTILE_ENTRY_NAMES);
        break;
      case 1:
        mutations.push(`${entry.name} removed`);
        entries.splice(i, 1);
        break;
      case 2:
        mutations.push(`${entry.name} twice`);
        entries.push({ ...entry, data: rng.chance(0.5) ? mutateBytes(rng, entry.data).bytes : entry.data });
        break;
      case 3:
        mutations.push(`${entry.name} deflated`);
        entry.method = 8;
        break;
      case 4:
        entry.claimedSize = rng.pick([0, 1, entry.data.length + 1, 0xffffffff, 150 * 1024 * 1024]);
        mutations.push(`${entry.name} claims ${entry.claimedSize} bytes`);
        break;
      default:
        entry.method = rng.pick([1, 9, 12, 14, 99]);
        mutations.push(`${entry.name} method ${entry.method}`);
    }
  } else {
    const config = entries.find((e) => e.name === 'config.json');
    const weights = entries.find((e) => e.name === 'model.weights.h5');
    if (roll < 85 && config !== undefined) {
      const mutated = mutateJsonText(rng, decode(config.data));
      config.data = encode(mutated.text);
      mutations.push(...mutated.mutations.map((m) => `config.json: ${m}`));
    } else if (weights !== undefined) {
      const mutated = mutateBytes(rng, weights.data);
      weights.data = mutated.bytes;
      mutations.push(`model.weights.h5: ${mutated.name}`);
    }
  }
  return { bytes: writeZip(entries), mutations };
}

// ---- TF.js ----------------------------------------------------------------------------------------------------

async function tfjsCase(rng: FuzzRng, seeds: Seeds): Promise<CaseOutcome> {
  const seed = rng.pick(seeds.tfjs);
  const mutations: string[] = [];
  let modelJson = seed.modelJson;
  let weights = seed.weights.map((w) => ({ name: w.name, bytes: w.bytes }));
  const roll = rng.int(100);
  if (roll < 60) {
    const mutated = mutateJsonText(rng, modelJson);
    modelJson = mutated.text;
    mutations.push(...mutated.mutations);
  }
  if (roll >= 45 && roll < 90 && weights.length > 0) {
    const i = rng.int(weights.length);
    const mutated = mutateBytes(rng, weights[i]?.bytes ?? new Uint8Array());
    weights[i] = { name: weights[i]?.name ?? '', bytes: mutated.bytes };
    mutations.push(`weights: ${mutated.name}`);
  }
  if (roll >= 90) {
    const what = rng.int(3);
    if (what === 0) weights = [];
    if (what === 1) weights = weights.map((w) => ({ ...w, name: `other-${w.name}` }));
    if (what === 2) weights.push({ name: 'extra.bin', bytes: new Uint8Array(16) });
    mutations.push(['weight files missing', 'weight files renamed', 'an extra weight file'][what] ?? '');
  }
  const label = `${seed.label}: ${mutations.join('; ')}`;
  const files = [picked('model.json', encode(modelJson)), ...weights.map((w) => picked(w.name, w.bytes))];
  return importOutcome(await importModelFiles(files), label);
}

// ---- share links ----------------------------------------------------------------------------------------------

function shareMutation(rng: FuzzRng, fragment: string): { fragment: string; mutations: string[] } {
  if (rng.chance(0.5)) {
    const damaged = rng.chance(0.3)
      ? { text: fragment.replace(/[A-Za-z0-9]/, rng.pick(['-', '_', '+', '/', '=', '%', ' ', 'é'])), name: 'a character changed' }
      : mutateText(rng, fragment);
    return { fragment: damaged.text, mutations: [damaged.name] };
  }
  const data = fragment.slice(fragment.indexOf('.') + 1);
  const text = decode(unzlibSync(new Uint8Array(Buffer.from(data, 'base64url'))));
  const mutated = mutateJsonText(rng, text);
  const packed = Buffer.from(zlibSync(encode(mutated.text), { level: 9 })).toString('base64url');
  return { fragment: `#p=1.${packed}`, mutations: mutated.mutations };
}

// ---- the cases ------------------------------------------------------------------------------------------------

/** Runs case `rng` of `category`. Never throws on purpose: an exception here is a crash of the code under test. */
export async function runFileCase(category: FileCategory, rng: FuzzRng, seeds: Seeds): Promise<CaseOutcome> {
  switch (category) {
    case 'keras-json': {
      const seed = rng.pick(seeds.kerasJson);
      const mutated = mutateJsonText(rng, decode(seed.bytes));
      const label = `${seed.label}: ${mutated.mutations.join('; ')}`;
      return importOutcome(await importModelFiles([picked('model.json', encode(mutated.text))]), label);
    }
    case 'keras-file': {
      const seed = rng.pick(seeds.kerasFile);
      const mutated = mutateKeras(rng, seed.bytes);
      const label = `${seed.label}: ${mutated.mutations.join('; ')}`;
      return importOutcome(await importModelFiles([picked('model.keras', mutated.bytes)]), label);
    }
    case 'tfjs':
      return tfjsCase(rng, seeds);
    case 'project': {
      const seed = rng.pick(seeds.project);
      const mutated = rng.chance(0.8) ? mutateJsonText(rng, decode(seed.bytes)) : (({ text, name }) => ({ text, mutations: [name] }))(mutateText(rng, decode(seed.bytes)));
      const label = `${seed.label}: ${mutated.mutations.join('; ')}`;
      const parsed = parseProject(mutated.text);
      if (!parsed.ok) return { status: 'refused', messages: parsed.errors.map((e) => e.message), label, violations: [] };
      validateProjectNetwork(parsed.project);
      return { status: 'loaded', messages: [], label, violations: [] };
    }
    case 'share': {
      const seed = rng.pick(seeds.share);
      const mutated = shareMutation(rng, seed.fragment);
      const label = `${seed.label}: ${mutated.mutations.join('; ')}`;
      const decoded = decodeShareFragment(mutated.fragment);
      if (!decoded.ok) return { status: 'refused', messages: [decoded.problem.message], label, violations: [] };
      if (!decoded.none) validateProjectNetwork(decoded.project);
      return { status: 'loaded', messages: [], label, violations: [] };
    }
  }
}
