/**
 * The MNIST asset's bytes to digits: the one part of the data code that needs the zlib decoder (fflate), kept apart so
 * the app's first page load does not carry it; only the worker and the Data tab's MNIST preview decode digits.
 */
import { unzlibSync } from 'fflate';
import { MNIST_HEIGHT, MNIST_PIXELS, MNIST_WIDTH } from './mnist.ts';
import type { DatasetAssets, MnistAsset } from './types.ts';

const MAGIC = 'LLMNIST1';
const HEADER_BYTES = 20;

function damaged(detail: string): Error {
  return new Error(`The MNIST digits file is damaged (${detail}). Reload the page to download it again.`);
}

/**
 * Reads the asset that scripts/mnistAsset.mjs writes: zlib-compressed, then "LLMNIST1", uint32 count, width and
 * height (little-endian), count labels and count × width × height grey levels (bytes). Throws an Error with a
 * plain-language message when the bytes are not such a file or not 28×28 digits.
 */
export function decodeMnistAsset(bytes: Uint8Array): MnistAsset {
  let raw: Uint8Array;
  try {
    raw = unzlibSync(bytes);
  } catch (error) {
    throw damaged(`it does not unpack: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (raw.length < HEADER_BYTES) throw damaged(`only ${raw.length} bytes`);
  const magic = String.fromCharCode(...raw.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw damaged(`it starts with ${JSON.stringify(magic)} instead of "${MAGIC}"`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const count = view.getUint32(8, true);
  const width = view.getUint32(12, true);
  const height = view.getUint32(16, true);
  if (width !== MNIST_WIDTH || height !== MNIST_HEIGHT) {
    throw damaged(`its images are ${width}×${height}, not ${MNIST_WIDTH}×${MNIST_HEIGHT}`);
  }
  const expected = HEADER_BYTES + count + count * MNIST_PIXELS;
  if (raw.length !== expected) throw damaged(`${raw.length} bytes where ${count} digits need ${expected}`);
  const labels = raw.subarray(HEADER_BYTES, HEADER_BYTES + count);
  const badLabel = labels.findIndex((label) => label > 9);
  if (badLabel >= 0) throw damaged(`digit ${badLabel + 1} has the label ${labels[badLabel]}`);
  return { labels, pixels: raw.subarray(HEADER_BYTES + count) };
}


/**
 * DatasetAssets over a function that fetches the MNIST asset's bytes (the browser's fetch, Node's file read):
 * decoded on first use and kept, so every later MNIST project starts at once. A failed load is forgotten, so the
 * next call tries again.
 */
export function datasetAssetsFromBytes(loadMnistBytes: () => Promise<Uint8Array>): DatasetAssets {
  let mnist: Promise<MnistAsset> | null = null;
  return {
    mnist(): Promise<MnistAsset> {
      mnist ??= loadMnistBytes()
        .then(decodeMnistAsset)
        .catch((error: unknown) => {
          mnist = null;
          throw error;
        });
      return mnist;
    },
  };
}
