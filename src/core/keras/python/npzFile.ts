/**
 * numpy's .npy and .npz formats, written (never read) for the data files of exported scripts: `np.load(path)` opens
 * the .npz and gives each array by name. Pure: fflate does the zip.
 *
 * .npy (format version 1.0, https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html): the magic
 * "\x93NUMPY", the version (1, 0), the header's length (uint16, little-endian), the header (a Python dict literal
 * with descr, fortran_order and shape, padded with spaces and ending in "\n" so the data starts at a multiple of
 * 64 bytes), then the values, C order, little-endian.
 * .npz: a zip holding one "<name>.npy" per array, here deflated (np.load reads stored and deflated entries alike).
 */
import { zipSync } from 'fflate';
import type { NpyArray } from './pythonData.ts';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
const PREAMBLE_BYTES = MAGIC.length + 2 + 2; // magic, version, header length
const ALIGNMENT = 64;

/** numpy's dtype strings: "|" for single bytes (no byte order), "<" for little-endian. */
const DESCR: Readonly<Record<NpyArray['dtype'], string>> = { uint8: '|u1', int32: '<i4', float32: '<f4' };

/** The shape as a Python tuple: (3,) for one axis, (2, 784) for two. */
const tuple = (shape: readonly number[]): string => (shape.length === 1 ? `(${String(shape[0])},)` : `(${shape.join(', ')})`);

/** The values as little-endian bytes, whatever the machine's byte order. */
function littleEndianBytes(array: NpyArray): Uint8Array {
  if (array.data instanceof Uint8Array) return array.data;
  const out = new Uint8Array(array.data.length * 4);
  const view = new DataView(out.buffer);
  if (array.data instanceof Int32Array) array.data.forEach((v, i) => view.setInt32(i * 4, v, true));
  else array.data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return out;
}

/** One array as a .npy file. Throws a RangeError when the values do not fill the shape (a LayerLab bug). */
export function npyBytes(array: NpyArray): Uint8Array {
  const count = array.shape.reduce((product, d) => product * d, 1);
  if (count !== array.data.length) {
    throw new RangeError(`${array.name}: ${array.data.length} values do not fill the shape ${tuple(array.shape)}`);
  }
  const dict = `{'descr': '${DESCR[array.dtype]}', 'fortran_order': False, 'shape': ${tuple(array.shape)}, }`;
  const unpadded = PREAMBLE_BYTES + dict.length + 1;
  const header = `${dict}${' '.repeat((ALIGNMENT - (unpadded % ALIGNMENT)) % ALIGNMENT)}\n`;
  const data = littleEndianBytes(array);
  const out = new Uint8Array(PREAMBLE_BYTES + header.length + data.length);
  out.set(MAGIC, 0);
  out[6] = 1; // format version 1.0
  out[7] = 0;
  out[8] = header.length & 0xff;
  out[9] = header.length >> 8;
  for (let i = 0; i < header.length; i += 1) out[PREAMBLE_BYTES + i] = header.charCodeAt(i); // ASCII
  out.set(data, PREAMBLE_BYTES + header.length);
  return out;
}

/** Arrays as an .npz file (a zip of .npy files, deflated), for `np.load`. */
export function npzBytes(arrays: readonly NpyArray[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const array of arrays) entries[`${array.name}.npy`] = npyBytes(array);
  // A fixed date keeps the same project's export byte for byte the same.
  return zipSync(entries, { level: 6, mtime: new Date(1980, 0, 1) });
}
