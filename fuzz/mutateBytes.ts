/**
 * Mutations of binary files, and a small zip writer and reader for the .keras archive mutations (entries renamed,
 * missing, repeated, recompressed; central directory fields changed), plus deflate streams that unpack to
 * gigabytes for the zip bomb cases.
 */
import { deflateSync } from 'fflate';
import type { FuzzRng } from './random.ts';
import { crc32 } from '../src/interop/zipReader.ts';

const MAGIC_U32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 0x10000];

/** Bit flips, overwritten bytes, cut short, bytes inserted, removed or repeated. */
export function mutateBytes(rng: FuzzRng, bytes: Uint8Array): { bytes: Uint8Array; name: string } {
  const out = new Uint8Array(bytes);
  if (out.length === 0) return { bytes: new Uint8Array([rng.int(256)]), name: 'one byte' };
  const at = rng.int(out.length);
  switch (rng.int(7)) {
    case 0: {
      const flips = rng.range(1, 8);
      for (let i = 0; i < flips; i += 1) {
        const j = rng.int(out.length);
        out[j] = (out[j] ?? 0) ^ (1 << rng.int(8));
      }
      return { bytes: out, name: `${flips} bit flips` };
    }
    case 1:
      return { bytes: out.slice(0, at), name: `cut at ${at} of ${out.length}` };
    case 2: {
      const value = rng.pick(MAGIC_U32);
      new DataView(out.buffer).setUint32(Math.min(at, Math.max(0, out.length - 4)) & ~3, value, true);
      return { bytes: out, name: `u32 ${value} at ${at & ~3}` };
    }
    case 3: {
      const length = rng.range(1, 64);
      for (let i = 0; i < length && at + i < out.length; i += 1) out[at + i] = rng.int(256);
      return { bytes: out, name: `${length} random bytes at ${at}` };
    }
    case 4: {
      const extra = new Uint8Array(rng.range(1, 4096)).map(() => rng.int(256));
      return { bytes: concat([out.subarray(0, at), extra, out.subarray(at)]), name: `${extra.length} bytes inserted at ${at}` };
    }
    case 5: {
      const length = rng.range(1, Math.max(1, out.length - at));
      return { bytes: concat([out.subarray(0, at), out.subarray(at + length)]), name: `${length} bytes removed at ${at}` };
    }
    default: {
      const length = rng.range(1, Math.min(4096, out.length - at));
      return { bytes: concat([out.subarray(0, at + length), out.subarray(at, at + length), out.subarray(at + length)]), name: `${length} bytes repeated at ${at}` };
    }
  }
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ---- zip ------------------------------------------------------------------------------------------------------

/** The zip reader's CRC-32, so a zip written here checks out exactly as LayerLab checks it. */
export { crc32 };

export interface ZipEntryInput {
  name: string;
  /** The unpacked bytes (used for the CRC and, unless `packed` is given, compressed with `method`). */
  data: Uint8Array;
  method?: 0 | 8 | number;
  /** Bytes to store as they are (a crafted deflate stream); `data` is then only used for the CRC. */
  packed?: Uint8Array;
  /** Sizes to write instead of the true ones (a zip that lies about what it holds). */
  claimedSize?: number;
  claimedCompressedSize?: number;
  crc?: number;
}

/** A zip archive of `entries` in order (names may repeat), with a central directory and an end record. */
export function writeZip(entries: readonly ZipEntryInput[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const method = entry.method ?? 0;
    const packed = entry.packed ?? (method === 8 ? deflateSync(entry.data) : entry.data);
    const crc = entry.crc ?? crc32(entry.data);
    const size = entry.claimedSize ?? entry.data.length;
    const compressed = entry.claimedCompressedSize ?? packed.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed >>> 0, true);
    lv.setUint32(22, size >>> 0, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed >>> 0, true);
    cv.setUint32(24, size >>> 0, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, packed);
    centrals.push(central);
    offset += local.length + packed.length;
  }
  const directory = concat(centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directory.length, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, directory, end]);
}

export interface ZipListing {
  /** Offsets of each central directory record, and of the end record. */
  centralOffsets: number[];
  endOffset: number;
  entries: { name: string; data: Uint8Array; method: number }[];
}

/** Reads a well-formed archive (a seed; stored or deflated entries) with Node's zlib-free fflate. */
export function listZip(bytes: Uint8Array, inflate: (packed: Uint8Array, size: number) => Uint8Array): ZipListing {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let endOffset = bytes.length - 22;
  while (endOffset >= 0 && view.getUint32(endOffset, true) !== 0x06054b50) endOffset -= 1;
  const count = view.getUint16(endOffset + 10, true);
  let at = view.getUint32(endOffset + 16, true);
  const centralOffsets: number[] = [];
  const entries: ZipListing['entries'] = [];
  for (let i = 0; i < count; i += 1) {
    centralOffsets.push(at);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const packed = bytes.subarray(start, start + compressed);
    entries.push({ name, method, data: method === 0 ? packed.slice() : inflate(packed, size) });
    at += 46 + nameLength + extra + comment;
  }
  return { centralOffsets, endOffset, entries };
}

// ---- deflate bombs --------------------------------------------------------------------------------------------

/**
 * A raw deflate stream that unpacks to `size` zero bytes (size >= 259): one fixed-Huffman block of a literal 0 and
 * then matches of length 258 at distance 1, 13 bits per 258 bytes, so 4 GB take about 26 MB.
 */
export function zeroBomb(size: number): Uint8Array {
  const matches = Math.floor((size - 1) / 258);
  const rest = size - 1 - matches * 258;
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + rest * 8 + 7) / 8) + 1);
  let bitPos = 0;
  const put = (value: number, bits: number): void => {
    for (let i = 0; i < bits; i += 1) {
      if ((value >>> i) & 1) out[bitPos >>> 3] = (out[bitPos >>> 3] ?? 0) | (1 << (bitPos & 7));
      bitPos += 1;
    }
  };
  // Huffman codes are written most significant bit first.
  const putCode = (code: number, bits: number): void => {
    for (let i = bits - 1; i >= 0; i -= 1) put((code >>> i) & 1, 1);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  putCode(0x30, 8); // literal 0
  for (let i = 0; i < matches; i += 1) {
    putCode(0xc5, 8); // length code 285: length 258
    putCode(0, 5); // distance code 0: distance 1
  }
  for (let i = 0; i < rest; i += 1) putCode(0x30, 8);
  putCode(0, 7); // end of block (code 256)
  return out.subarray(0, (bitPos + 7) >>> 3);
}
