/**
 * Category 3: inputs built to exhaust memory, each of which must be refused before the memory is taken, with a
 * message that states the limit (its number and unit). The runner (pool.ts) samples the process's resident memory
 * while each case runs and compares the peak with the memory just before it (the input itself is built first, outside
 * that window); more than {@link MAX_RSS_GROWTH} is a violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGraph } from '../src/engine/compileGraph.ts';
import { parseProject } from '../src/core/project/index.ts';
import { validateNetwork } from '../src/core/validation/validateNetwork.ts';
import { loadH5wasm } from '../src/interop/h5wasmLoader.ts';
import { importModelFiles } from '../src/interop/modelFiles.ts';
import type { PickedFile } from '../src/interop/modelFiles.ts';
import { decodeShareFragment } from '../src/state/persistence/shareLink.ts';
import { importOutcome, picked } from './fileCases.ts';
import { crc32, listZip, writeZip, zeroBomb } from './mutateBytes.ts';
import { inflateSync, zlibSync } from 'fflate';
import type { CaseOutcome } from './outcome.ts';
import { ROOT } from './seeds.ts';

/** The most a refused resource-limit case may add to the process's resident memory. */
export const MAX_RSS_GROWTH = 100 * 1024 * 1024;

const GB = 1024 ** 3;
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures', name)));
const text = (name: string): string => new TextDecoder().decode(fixture(name));
const encode = (value: string): Uint8Array => new TextEncoder().encode(value);

/** The string in one piece, as a file's text is: V8 keeps 'x'.repeat(n) + ... as a tree it joins on first read. */
function flat(value: string): string {
  value.charCodeAt(value.length - 1);
  return JSON.parse(JSON.stringify(value)) as string;
}

export interface LimitCase {
  name: string;
  /** Builds the input (outside the measured window). */
  build(): Promise<unknown>;
  run(input: unknown): Promise<CaseOutcome>;
  /** The message must contain one of these: the limit, as a user reads it. Empty: any message. */
  limit: string[];
}

/** seq_mlp.keras's entries, with `change` applied to them, as a new archive. */
function kerasWith(change: (entries: { name: string; data: Uint8Array }[]) => Parameters<typeof writeZip>[0]): Uint8Array {
  const zip = listZip(fixture('keras/seq_mlp.keras'), (packed, size) => inflateSync(packed, { out: new Uint8Array(size) }));
  return writeZip(change(zip.entries.map((e) => ({ name: e.name, data: e.data }))));
}

function importKeras(bytes: Uint8Array, label: string): Promise<CaseOutcome> {
  return importModelFiles([picked('model.keras', bytes)]).then((r) => withValidation(importOutcome(r, label), r));
}

/** A model that imports but is too large is refused by validation: its messages count. */
function withValidation(outcome: CaseOutcome, result: Awaited<ReturnType<typeof importModelFiles>>): CaseOutcome {
  if (!result.ok) return outcome;
  const validation = validateNetwork(result.model.graph);
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return outcome;
  const compiled = compileGraph(result.model.graph);
  if (compiled.ok) compiled.model.dispose();
  return { ...outcome, status: 'refused', messages: errors.map((d) => d.message), violations: compiled.ok ? ['compile built it'] : [] };
}

/** seq_mlp's model.weights.h5 with its first kernel replaced by a 100,000 x 100,000 dataset of (unwritten) chunks. */
async function hugeDatasetH5(): Promise<Uint8Array> {
  const original = listZip(fixture('keras/seq_mlp.keras'), (p, s) => inflateSync(p, { out: new Uint8Array(s) })).entries.find((e) => e.name === 'model.weights.h5');
  if (original === undefined) throw new Error('seq_mlp.keras has no model.weights.h5');
  const h5 = await loadH5wasm();
  const source = h5.scratchPath();
  const target = h5.scratchPath();
  h5.writeFile(source, original.data);
  const from = new h5.h5.File(source, 'r');
  const to = new h5.h5.File(target, 'w');
  let replaced = false;
  type Group = InstanceType<typeof h5.h5.Group>;
  const copy = (src: Group, dst: Group, path: string): void => {
    for (const key of src.keys()) {
      const entity = src.get(key);
      if (entity instanceof h5.h5.Group) copy(entity, dst.create_group(key), `${path}/${key}`);
      else if (entity instanceof h5.h5.Dataset) {
        if (!replaced && path.startsWith('/layers/') && path.endsWith('/vars') && key === '0') {
          replaced = true;
          const huge = dst.create_dataset({ name: key, data: new Float32Array(1), shape: [1, 1], maxshape: [null, null], chunks: [1, 1], dtype: '<f' });
          huge.resize([100_000, 100_000]);
        } else {
          dst.create_dataset({ name: key, data: entity.value as Float32Array, shape: entity.shape ?? [], dtype: entity.dtype as string });
        }
      }
    }
  };
  copy(from, to, '');
  from.close();
  to.close();
  const bytes = h5.readFile(target);
  h5.remove(source);
  h5.remove(target);
  if (!replaced) throw new Error('no kernel dataset to replace');
  return bytes;
}

export const LIMIT_CASES: LimitCase[] = [
  {
    name: '.keras zip bomb: model.weights.h5 deflated, unpacking to 4 GB and saying so',
    limit: ['200 MB'],
    build: async () => kerasWith((entries) => entries.map((e) => (e.name === 'model.weights.h5' ? { ...e, method: 8, packed: zeroBomb(4 * GB - 2), claimedSize: 4 * GB - 2 } : e))),
    run: (bytes) => importKeras(bytes as Uint8Array, 'zip bomb, honest size'),
  },
  {
    name: '.keras zip bomb: model.weights.h5 deflated, unpacking to 4 GB but claiming its true small size',
    limit: [],
    build: async () =>
      kerasWith((entries) => entries.map((e) => (e.name === 'model.weights.h5' ? { ...e, method: 8, packed: zeroBomb(4 * GB - 2) } : e))),
    run: (bytes) => importKeras(bytes as Uint8Array, 'zip bomb, lying size'),
  },
  {
    name: '.keras whose zip directory claims config.json is 4 GB',
    limit: ['200 MB'],
    build: async () => kerasWith((entries) => entries.map((e) => (e.name === 'config.json' ? { ...e, claimedSize: 0xffffffff, crc: crc32(e.data) } : e))),
    run: (bytes) => importKeras(bytes as Uint8Array, 'huge claimed size'),
  },
  {
    name: '.keras whose weights file holds a 100,000 x 100,000 kernel (10^10 numbers, stored as empty chunks)',
    limit: ['5000000', '5,000,000'],
    build: async () => {
      const h5 = await hugeDatasetH5();
      return kerasWith((entries) => entries.map((e) => (e.name === 'model.weights.h5' ? { ...e, data: h5 } : e)));
    },
    run: (bytes) => importKeras(bytes as Uint8Array, 'HDF5 dataset of 10^10 numbers'),
  },
  {
    name: '.keras file of 5 GB (its size known before reading)',
    limit: ['200 MB'],
    build: async () => null,
    run: async () => {
      const file: PickedFile = { name: 'huge.keras', size: 5 * GB, bytes: () => Promise.reject(new Error('read although too large')) };
      return importOutcome(await importModelFiles([file]), 'a 5 GB .keras file');
    },
  },
  {
    name: 'TF.js model.json whose manifest gives a kernel 100,000 x 100,000 (10^10 float32, 40 GB) and a 64-byte weight file',
    // Refused from the manifest alone, before any weight file is read: the weights may take at most 200 MB.
    limit: ['200 MB'],
    build: async () => {
      const seed = text('projects/seq_mlp.layerlab.json');
      const parsed = parseProject(seed);
      if (!parsed.ok) throw new Error('seq_mlp project does not load');
      const { exportTfjsModel } = await import('../src/core/keras/tfjsExport.ts');
      const { initialProjectWeights } = await import('../src/engine/projectWeights.ts');
      const weights = initialProjectWeights(parsed.project.graph, 1);
      if (!weights.ok) throw new Error(weights.message);
      const exported = exportTfjsModel(parsed.project.graph, weights.weights, { name: 'seq_mlp', weightsFileName: 'w.bin' });
      if (!exported.ok) throw new Error('export failed');
      const model = JSON.parse(JSON.stringify(exported.modelJson)) as { weightsManifest: { weights: { shape: number[] }[] }[] };
      const first = model.weightsManifest[0]?.weights[0];
      if (first !== undefined) first.shape = [100_000, 100_000];
      return JSON.stringify(model);
    },
    run: async (modelJson) =>
      importOutcome(await importModelFiles([picked('model.json', encode(modelJson as string)), picked('w.bin', new Uint8Array(64))]), 'manifest of 10^10 numbers'),
  },
  {
    name: 'TF.js weight file of 3 GB (its size known before reading)',
    limit: ['200 MB'],
    build: async () => null,
    run: async () => {
      const model = JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['w.bin'], weights: [] }] });
      const huge: PickedFile = { name: 'w.bin', size: 3 * GB, bytes: () => Promise.reject(new Error('read although too large')) };
      return importOutcome(await importModelFiles([picked('model.json', encode(model)), huge]), 'a 3 GB weight file');
    },
  },
  {
    name: 'Keras JSON with a Dense layer of 10^9 units',
    limit: ['4096', '4,096'],
    build: async () => text('keras/seq_mlp.json').replace('"units": 16', '"units": 1000000000'),
    run: async (json) => {
      const result = await importModelFiles([picked('model.json', encode(json as string))]);
      return withValidation(importOutcome(result, 'Dense of 10^9 units (Keras JSON)'), result);
    },
  },
  {
    name: 'project file with a Dense layer of 10^9 units',
    limit: ['4096', '4,096'],
    build: async () => text('projects/seq_mlp.layerlab.json').replace(/"units":\s*16/, '"units": 1000000000'),
    run: async (json) => {
      const parsed = parseProject(json as string);
      if (!parsed.ok) return { status: 'refused', messages: parsed.errors.map((e) => e.message), label: 'Dense of 10^9 units (project)', violations: [] };
      const errors = validateNetwork(parsed.project.graph).diagnostics.filter((d) => d.severity === 'error');
      const compiled = compileGraph(parsed.project.graph);
      if (compiled.ok) compiled.model.dispose();
      const messages = [...errors.map((d) => d.message), ...(compiled.ok ? [] : [compiled.message])];
      return { status: messages.length > 0 ? 'refused' : 'loaded', messages, label: 'Dense of 10^9 units (project)', violations: compiled.ok ? ['compile built it'] : [] };
    },
  },
  {
    name: 'project file with an Input of 100,000 x 100,000',
    limit: ['1000000', '1,000,000'],
    build: async () => text('projects/seq_mlp.layerlab.json').replace(/"shape":\s*\[\s*4\s*\]/, '"shape": [100000, 100000]'),
    run: async (json) => {
      const parsed = parseProject(json as string);
      if (!parsed.ok) return { status: 'refused', messages: parsed.errors.map((e) => e.message), label: 'huge Input (project)', violations: [] };
      const errors = validateNetwork(parsed.project.graph).diagnostics.filter((d) => d.severity === 'error');
      return { status: errors.length > 0 ? 'refused' : 'loaded', messages: errors.map((d) => d.message), label: 'huge Input (project)', violations: [] };
    },
  },
  {
    name: 'project file of 60 MB',
    limit: ['50 MB'],
    build: async () => flat(text('projects/seq_mlp.layerlab.json').replace('"name":', `"padding": "${'x'.repeat(60 * 1024 * 1024)}", "name":`)),
    run: async (json) => {
      const parsed = parseProject(json as string);
      return parsed.ok
        ? { status: 'loaded', messages: [], label: '60 MB project', violations: [] }
        : { status: 'refused', messages: parsed.errors.map((e) => e.message), label: '60 MB project', violations: [] };
    },
  },
  {
    name: 'share link of 10 MB',
    limit: ['4,000 kB'],
    build: async () => flat(`#p=1.${'A'.repeat(10 * 1024 * 1024)}`),
    run: async (fragment) => {
      const decoded = decodeShareFragment(fragment as string);
      return decoded.ok
        ? { status: 'loaded', messages: [], label: '10 MB link', violations: [] }
        : { status: 'refused', messages: [decoded.problem.message], label: '10 MB link', violations: [] };
    },
  },
  {
    name: 'share link whose data unpacks to 64 MB',
    limit: ['50 MB'],
    build: async () => `#p=1.${Buffer.from(zlibSync(new Uint8Array(64 * 1024 * 1024), { level: 9 })).toString('base64url')}`,
    run: async (fragment) => {
      const decoded = decodeShareFragment(fragment as string);
      return decoded.ok
        ? { status: 'loaded', messages: [], label: 'share link bomb', violations: [] }
        : { status: 'refused', messages: [decoded.problem.message], label: 'share link bomb', violations: [] };
    },
  },
];
