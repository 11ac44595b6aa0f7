/**
 * The message a student reads for each way a .keras file can be damaged, built byte by byte here: zip directories
 * that point outside the file, ZIP64 records, entries that are not where they say, weights stored as integers, ...
 * (kerasFile.test.ts covers the common cases and the files real Keras wrote; these are the rarer ones.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadH5wasm } from '../../src/interop/h5wasmLoader.ts';
import { KERAS_FILE_LIMITS, readKerasFile } from '../../src/interop/kerasFile.ts';
import { readKerasWeightsH5 } from '../../src/interop/kerasWeightsH5.ts';
import { concat, crc32, writeZip } from '../../fuzz/mutateBytes.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));
const good = unzipSync(new Uint8Array(readFileSync(`${FIXTURES}seq_mlp.keras`)));
const goodConfig = good['config.json'] ?? new Uint8Array();
const goodWeights = good['model.weights.h5'] ?? new Uint8Array();
const modelConfig = JSON.parse(new TextDecoder().decode(goodConfig)) as unknown;

async function messages(bytes: Uint8Array): Promise<string[]> {
  const result = await readKerasFile(bytes);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

const u16 = (value: number): Uint8Array => Uint8Array.from([value & 0xff, (value >>> 8) & 0xff]);
const u32 = (value: number): Uint8Array => Uint8Array.from([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24]);
const u64 = (value: number): Uint8Array => concat([u32(value % 2 ** 32), u32(Math.floor(value / 2 ** 32))]);

interface Entry {
  name: string;
  data: Uint8Array;
  /** Extra fields of the central directory record (id, bytes). */
  extras?: { id: number; bytes: Uint8Array }[];
  /** Write 0xffffffff for the sizes and the offset (their real values go in a ZIP64 extra field). */
  zip64?: boolean;
}

/**
 * A stored zip of `entries`, optionally with a ZIP64 end record and locator (the 32-bit count and offset of the end
 * record then hold 0xffff and 0xffffffff), as large archives hold them.
 */
function zip(entries: readonly Entry[], options: { zip64End?: boolean } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const crc = crc32(entry.data);
    const local = concat([u32(0x04034b50), u16(20), u16(0), u16(0), u32(0), u32(crc), u32(entry.data.length), u32(entry.data.length), u16(name.length), u16(0), name]);
    const extras = [...(entry.extras ?? [])];
    if (entry.zip64 === true) extras.push({ id: 1, bytes: concat([u64(entry.data.length), u64(entry.data.length), u64(offset)]) });
    const extra = concat(extras.map((e) => concat([u16(e.id), u16(e.bytes.length), e.bytes])));
    const big = entry.zip64 === true;
    centrals.push(
      concat([
        u32(0x02014b50), u16(20), u16(20), u16(0), u16(0), u32(0), u32(crc),
        u32(big ? 0xffffffff : entry.data.length), u32(big ? 0xffffffff : entry.data.length),
        u16(name.length), u16(extra.length), u16(0), u16(0), u16(0), u32(0), u32(big ? 0xffffffff : offset), name, extra,
      ]),
    );
    locals.push(local, entry.data);
    offset += local.length + entry.data.length;
  }
  const directory = concat(centrals);
  const count = entries.length;
  if (options.zip64End !== true) {
    return concat([...locals, directory, u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(directory.length), u32(offset), u16(0)]);
  }
  const zip64EndAt = offset + directory.length;
  const zip64End = concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(count), u64(count), u64(directory.length), u64(offset)]);
  const locator = concat([u32(0x07064b50), u32(0), u64(zip64EndAt), u32(1)]);
  const end = concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0)]);
  return concat([...locals, directory, zip64End, locator, end]);
}

const kerasEntries = (): Entry[] => [
  { name: 'config.json', data: goodConfig },
  { name: 'model.weights.h5', data: goodWeights },
];

/** `bytes` with `value` (little-endian, `size` bytes) written at `at` (negative: from the end). */
function patched(bytes: Uint8Array, at: number, size: 2 | 4, value: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const where = at < 0 ? copy.length + at : at;
  if (size === 2) view.setUint16(where, value, true);
  else view.setUint32(where, value, true);
  return copy;
}

/** Offsets in a zip written by `zip` without ZIP64: the end record and the first central directory record. */
function layout(bytes: Uint8Array): { end: number; central: number } {
  const end = bytes.length - 22;
  return { end, central: new DataView(bytes.buffer).getUint32(end + 16, true) };
}

const plain = zip(kerasEntries());
const { end: END, central: CENTRAL } = layout(plain);
const DAMAGED = 'The .keras file is damaged:';

describe('readKerasFile reads ZIP64 archives (as zip tools write large files)', () => {
  it('with a ZIP64 end record and ZIP64 sizes and offsets in each entry (after an extra field of another kind)', async () => {
    const entries = kerasEntries().map((e) => ({ ...e, zip64: true, extras: [{ id: 0x5455, bytes: new Uint8Array(5) }] }));
    const result = await readKerasFile(zip(entries, { zip64End: true }));
    expect(result.ok && result.graph.nodes.map((n) => n.kind)).toEqual(['Input', 'Dense', 'Dense', 'Dense']);
  });
});

describe('readKerasFile names what is wrong with a damaged zip archive', () => {
  const zip64 = zip(kerasEntries(), { zip64End: true });
  const cases: [string, Uint8Array, string | RegExp][] = [
    ['a directory offset past the end of the file', patched(plain, END + 16, 4, plain.length + 100), `${DAMAGED} its zip directory points outside the file.`],
    [
      'a directory record cut short by the end of the file',
      // The end record is followed by a comment whose last 4 bytes are a directory record's signature; the directory points there.
      (() => {
        const withComment = concat([patched(plain, END + 20, 2, 4), u32(0x02014b50)]);
        return patched(withComment, END + 16, 4, withComment.length - 4);
      })(),
      `${DAMAGED} its zip directory points outside the file.`,
    ],
    ['a directory offset that points at something else', patched(plain, END + 16, 4, 0), `${DAMAGED} entry 1 of its zip directory is unreadable.`],
    ['a file name longer than the file', patched(plain, CENTRAL + 28, 2, 0xfff0), `${DAMAGED} its zip directory points outside the file.`],
    ['an entry whose data is not where the directory says', patched(plain, CENTRAL + 42, 4, 7), `${DAMAGED} config.json is not where its zip directory says.`],
    [
      'an entry that runs past the end of the file',
      patched(patched(plain, CENTRAL + 20, 4, plain.length), CENTRAL + 24, 4, plain.length),
      'The .keras file is incomplete or damaged: config.json runs past the end of the file (it was probably cut short).',
    ],
    ['a stored entry whose two sizes differ', patched(plain, CENTRAL + 24, 4, goodConfig.length + 1), `${DAMAGED} the sizes of config.json disagree.`],
    [
      'an entry compressed with a method LayerLab does not unpack',
      patched(plain, CENTRAL + 10, 2, 12),
      'config.json in the .keras file is compressed with zip method 12; LayerLab unpacks stored and deflated files only.',
    ],
    [
      'a deflated entry whose data is not a deflate stream',
      writeZip([{ name: 'config.json', data: goodConfig, method: 8, packed: Uint8Array.from([0xff, 0xff, 0xff, 0xff]) }, { name: 'model.weights.h5', data: goodWeights }]),
      /^The \.keras file is damaged: config\.json cannot be unpacked \(.+\)\.$/,
    ],
    // The locator is 20 bytes before the end record; its 64-bit offset of the ZIP64 end record starts 8 bytes into it.
    ['a ZIP64 locator that points at something else', patched(patched(zip64, -22 - 12, 4, 0), -22 - 8, 4, 0), `${DAMAGED} its ZIP64 directory is missing.`],
    ['a ZIP64 locator with an impossible offset', patched(zip64, -22 - 8, 4, 0xffffffff), `${DAMAGED} its zip directory holds impossible sizes.`],
  ];
  it.each(cases)('%s', async (_, bytes, expected) => {
    const read = await messages(bytes);
    expect(read).toHaveLength(1);
    if (typeof expected === 'string') expect(read[0]).toBe(expected);
    else expect(read[0]).toMatch(expected);
  });

  it('a file larger than LayerLab reads is refused before it is opened', async () => {
    const huge = new Uint8Array(KERAS_FILE_LIMITS.maxFileBytes + 1);
    expect(await messages(huge)).toEqual(['The file is 200 MB; LayerLab reads .keras files of at most 200 MB.']);
  });

  it('a weights file that would unpack too large is named as the largest entry', async () => {
    const bytes = patched(plain, CENTRAL + 46 + 'config.json'.length + 24, 4, KERAS_FILE_LIMITS.maxUnpackedBytes);
    expect(await messages(bytes)).toEqual([
      `The .keras file would unpack to 200 MB (model.weights.h5 alone to 200 MB); LayerLab unpacks at most 200 MB, so it was not opened.`,
    ]);
  });

  it('bytes that cannot be read at all give a message, not a throw', async () => {
    const bytes = new Uint8Array(8);
    Object.defineProperty(bytes, 'length', {
      get: () => {
        throw new Error('the buffer was detached');
      },
    });
    expect(await messages(bytes)).toEqual(['The .keras file could not be read: the buffer was detached.']);
  });
});

/** A model.weights.h5 for seq_mlp's config with each layer's datasets as given (h5wasm's create_dataset arguments). */
async function weightsFile(build: (vars: (layer: string) => { create_dataset: (args: { name: string; data: unknown; shape?: number[]; dtype?: string }) => unknown }) => void): Promise<Uint8Array> {
  const h5 = await loadH5wasm();
  const path = h5.scratchPath();
  const file = new h5.h5.File(path, 'w');
  try {
    const layers = file.create_group('layers');
    build((layer) => layers.create_group(layer).create_group('vars') as unknown as { create_dataset: (args: { name: string; data: unknown; shape?: number[]; dtype?: string }) => unknown });
    file.close();
    return new Uint8Array(h5.readFile(path));
  } finally {
    h5.remove(path);
  }
}

describe('readKerasWeightsH5 names what is wrong with a weights file', () => {
  const dense = (modelConfig as { config: { layers: { class_name: string; config: { name: string } }[] } }).config.layers.find((l) => l.class_name === 'Dense');
  const first = dense?.config.name ?? '';

  // (h5wasm cannot write 16-bit floats, the other kind of float LayerLab refuses.)
  it.each([['integers', { dtype: '<i', data: new Int32Array(4) }, 'are stored as something other than floats; LayerLab reads 32-bit (or 64-bit) floats']] as const)(
    'kernel weights stored as %s',
    async (_, dataset, reason) => {
    const bytes = await weightsFile((vars) => {
      const v = vars('dense');
      v.create_dataset({ name: '0', data: dataset.data, shape: [2, 2], dtype: dataset.dtype });
      v.create_dataset({ name: '1', data: new Float32Array(2), shape: [2], dtype: '<f' });
    });
    const result = await readKerasWeightsH5(bytes, modelConfig);
    expect(result.ok ? null : result.problems[0]).toEqual({ layer: first, message: `The kernel weights (layers/dense/vars/0) ${reason}.` });
    },
  );

  it('a layer whose arrays are not numbered 0, 1, ...', async () => {
    const bytes = await weightsFile((vars) => {
      const v = vars('dense');
      v.create_dataset({ name: '0', data: new Float32Array(4), shape: [2, 2], dtype: '<f' });
      v.create_dataset({ name: 'bias', data: new Float32Array(2), shape: [2], dtype: '<f' });
    });
    const result = await readKerasWeightsH5(bytes, modelConfig);
    expect(result.ok ? null : result.problems[0]).toEqual({ layer: first, message: "model.weights.h5 has no array layers/dense/vars/1 for this layer's bias weights." });
  });

  it('a layer with more numbers than LayerLab allows in one layer', async () => {
    const bytes = await weightsFile((vars) => {
      const v = vars('dense');
      v.create_dataset({ name: '0', data: new Float32Array(2500 * 2001), shape: [2500, 2001], dtype: '<f' });
      v.create_dataset({ name: '1', data: new Float32Array(2), shape: [2], dtype: '<f' });
    });
    const result = await readKerasWeightsH5(bytes, modelConfig);
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(/^The kernel weights \(layers\/dense\/vars\/0\) hold 5002500 numbers, more than LayerLab's 5000000 per layer \(/);
  });

  it('h5wasm that cannot be loaded', async () => {
    const result = await readKerasWeightsH5(goodWeights, modelConfig, { h5wasm: Promise.reject(new Error('out of memory')) });
    expect(result.ok ? [] : result.problems).toEqual([{ layer: null, message: 'The HDF5 reader (h5wasm) could not be loaded: out of memory.' }]);
  });
});
