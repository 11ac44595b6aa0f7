/**
 * A hand-written zip reader for .keras archives: the central directory (ZIP64 included), stored and deflated entries,
 * each checked against its size and CRC-32. Every failure is a {@link ZipFailure} whose message is plain words.
 */
import { Inflate } from 'fflate';
import { errorText, sentence } from './interopProblem.ts';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipFailure {
  readonly message: string;
  constructor(message: string) {
    this.message = sentence(message);
  }
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

/** CRC-32 as zip stores it (the fuzz tools use it to write zips whose checksums are right). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const DAMAGED = 'The .keras file is damaged';

/** Compressed bytes are unpacked in steps of this size, each of which gives at most ~17 MB (deflate's 1032:1). */
const INFLATE_STEP = 16 * 1024;

/**
 * Unpacks a deflated entry into its declared size, and stops as soon as it would give more: a zip bomb that claims a
 * small size is refused after unpacking that much, not after unpacking (and throwing away) gigabytes, which
 * inflateSync with a fixed `out` does.
 */
function inflateAtMost(packed: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let length = 0;
  let tooLong = false;
  const inflater = new Inflate((chunk) => {
    if (tooLong) return;
    if (length + chunk.length > size) tooLong = true;
    else {
      out.set(chunk, length);
      length += chunk.length;
    }
  });
  try {
    for (let at = 0; at < packed.length && !tooLong; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, packed.length);
      inflater.push(packed.subarray(at, end), end === packed.length);
    }
  } catch (error) {
    if (!tooLong) throw new ZipFailure(`${DAMAGED}: ${name} cannot be unpacked (${errorText(error)})`);
  }
  if (tooLong) throw new ZipFailure(`${DAMAGED}: ${name} unpacks to more than the ${size} bytes its zip directory gives`);
  return out.subarray(0, length);
}

/** Reads a zip archive's directory (the end-of-central-directory record, ZIP64 included). */
export class ZipReader {
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
          ? 'The .keras file is incomplete or damaged: it starts as a zip archive, but the directory at the end of the archive is missing (the file was probably cut short while copying or downloading)'
          : 'This is not a .keras file: a .keras file is a zip archive (of config.json, metadata.json and model.weights.h5), and this file is not one',
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
      throw new ZipFailure(`The .keras file is incomplete or damaged: ${name} runs past the end of the file (it was probably cut short)`);
    }
    const packed = this.bytes.subarray(start, stop);
    let data: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw new ZipFailure(`${DAMAGED}: the sizes of ${name} disagree`);
      data = packed;
    } else if (entry.method === 8) {
      data = inflateAtMost(packed, entry.size, name);
    } else {
      throw new ZipFailure(`${name} in the .keras file is compressed with zip method ${entry.method}; LayerLab unpacks stored and deflated files only`);
    }
    if (data.length !== entry.size || crc32(data) !== entry.crc) throw new ZipFailure(`${DAMAGED}: ${name} does not match its checksum`);
    return data;
  }
}
