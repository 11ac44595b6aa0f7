import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { zlibSync } from 'fflate';
import {
  balancedQuotas,
  classCounts,
  datasetAssetsFromBytes,
  decodeMnistAsset,
  loadDataset,
  MNIST_PIXELS,
  mnistDataset,
  type Dataset,
  type MnistAsset,
} from '../../../src/core/datasets/index.ts';
import { buildMnistAsset, encodeMnistAsset } from '../../../scripts/mnistAsset.mjs';
import { nodeDatasetAssets } from '../../../src/cli/mnistAssetNode.ts';

const packageDir = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
/** The package's own JSON: digit d's file holds its images one after another, 784 grey levels (0..1) each. */
const packageDigits: number[][] = Array.from(
  { length: 10 },
  (_, d) => (JSON.parse(readFileSync(join(packageDir, 'src', 'digits', `${d}.json`), 'utf8')) as { data: number[] }).data,
);

let bytes: Uint8Array;
let asset: MnistAsset;
beforeAll(() => {
  bytes = buildMnistAsset();
  asset = decodeMnistAsset(bytes);
});

function subset(samples: number, seed: number): Dataset {
  const result = mnistDataset({ kind: 'mnist', samples, seed }, asset);
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

/** A 32-bit FNV-1a hash of each row's grey levels, to recognise the same image in two places. */
function imageKeys(d: Dataset): number[] {
  return Array.from({ length: d.numSamples }, (_, i) => hashImage(d.features.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), 255));
}

function hashImage(values: ArrayLike<number>, scale: number): number {
  let h = 0x811c9dc5;
  for (let p = 0; p < values.length; p++) h = Math.imul(h ^ Math.round((values[p] as number) * scale), 0x01000193);
  return h >>> 0;
}

/** Byte-for-byte equality of two large typed arrays (Vitest's deep equality is far too slow at 7.8 million). */
function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('the MNIST asset', () => {
  it('decodes to exactly the package values: all 10,000 images and their labels', () => {
    const expectedCounts = packageDigits.map((data) => data.length / MNIST_PIXELS);
    expect(asset.labels).toHaveLength(10000);
    expect(asset.pixels).toHaveLength(10000 * MNIST_PIXELS);
    expect(classCounts(Int32Array.from(asset.labels), 10)).toEqual(expectedCounts);
    // The package writes each grey level k / 255 with 3 decimals: the stored byte must give back that value.
    const written = Array.from({ length: 256 }, (_, k) => Number((k / 255).toFixed(3)));
    let image = 0;
    let mismatches = 0;
    packageDigits.forEach((data, digit) => {
      for (let k = 0; k < data.length / MNIST_PIXELS; k++, image++) {
        if (asset.labels[image] !== digit) mismatches++;
        for (let p = 0; p < MNIST_PIXELS; p++) {
          const byte = asset.pixels[image * MNIST_PIXELS + p] as number;
          if (written[byte] !== data[k * MNIST_PIXELS + p]) mismatches++;
        }
      }
    });
    expect(mismatches).toBe(0);
  });

  it('is much smaller than the raw bytes (compressed)', () => {
    expect(bytes.length).toBeLessThan(2_000_000);
    expect(bytes.length).toBeLessThan((10000 * (MNIST_PIXELS + 1)) / 4);
  });

  it('the Node loader (cached in node_modules/.cache) gives the same digits', async () => {
    const fromNode = await nodeDatasetAssets().mnist();
    expect(sameBytes(fromNode.labels, asset.labels)).toBe(true);
    expect(sameBytes(fromNode.pixels, asset.pixels)).toBe(true);
  });

  it.each<[string, () => Uint8Array, RegExp]>([
    ['bytes that are not compressed', () => new Uint8Array([1, 2, 3, 4, 5]), /damaged \(it does not unpack/],
    ['a different file', () => zlibSync(new TextEncoder().encode('PK this is a zip file, not digits')), /starts with "PK this "/],
    ['a cut-short file', () => zlibSync(decompressedHead(40)), /40 bytes where 10000 digits need/],
    [
      'images of another size',
      () => encodeMnistAsset({ labels: new Uint8Array(2), pixels: new Uint8Array(2 * 16 * 16), width: 16, height: 16 }),
      /its images are 16×16, not 28×28/,
    ],
    [
      'a label above 9',
      () => encodeMnistAsset({ labels: new Uint8Array([3, 12]), pixels: new Uint8Array(2 * 784), width: 28, height: 28 }),
      /digit 2 has the label 12/,
    ],
  ])('refuses %s with a message saying the file is damaged', (_label, make, detail) => {
    expect(() => decodeMnistAsset(make())).toThrow(/^The MNIST digits file is damaged/);
    expect(() => decodeMnistAsset(make())).toThrow(detail);
  });
});

/** The first `length` bytes of the real asset's uncompressed contents (a valid header, then too little data). */
function decompressedHead(length: number): Uint8Array {
  const raw = new Uint8Array(length);
  raw.set(new TextEncoder().encode('LLMNIST1'));
  const view = new DataView(raw.buffer);
  view.setUint32(8, 10000, true);
  view.setUint32(12, 28, true);
  view.setUint32(16, 28, true);
  return raw;
}

describe('an MNIST dataset', () => {
  it('is a class-balanced, shuffled subset with grey levels 0..1 and 28×28 images', () => {
    const d = subset(1000, 1);
    expect(d.numSamples).toBe(1000);
    expect(d.numFeatures).toBe(784);
    expect(d.features).toHaveLength(1000 * 784);
    expect(d.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(d.image).toEqual({ width: 28, height: 28 });
    expect(classCounts(d.labels, 10)).toEqual(new Array(10).fill(100));
    expect(d.features.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.max(...d.features.subarray(0, 784))).toBe(1);
    expect(new Set(d.labels.slice(0, 30)).size).toBeGreaterThan(5);
  });

  it('keeps each image with its own label', () => {
    // Row i's pixels must be one of the asset's images of digit labels[i] (the asset equals the package, above).
    const labelOf = new Map<number, number>();
    for (let k = 0; k < asset.labels.length; k++) {
      labelOf.set(hashImage(asset.pixels.subarray(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS), 1), asset.labels[k] as number);
    }
    const d = subset(300, 3);
    expect(imageKeys(d).map((key) => labelOf.get(key))).toEqual(Array.from(d.labels));
  });

  it('is the same for a seed, differs between seeds, and a larger subset contains the smaller one', () => {
    const a = subset(500, 8);
    expect(sameBytes(subset(500, 8).features, a.features)).toBe(true);
    expect(sameBytes(subset(500, 9).features, a.features)).toBe(false);
    const larger = new Set(imageKeys(subset(1500, 8)));
    expect(imageKeys(a).every((key) => larger.has(key))).toBe(true);
  });

  it('shares out the rest when a class runs out (863 fives), and 10,000 uses every digit', () => {
    const counts = classCounts(subset(9000, 1).labels, 10);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(9000);
    expect(counts[5]).toBe(863);
    const others = counts.filter((_, k) => k !== 5);
    expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(1);
    expect(classCounts(subset(10000, 1).labels, 10)).toEqual(classCounts(Int32Array.from(asset.labels), 10));
  });

  it('balancedQuotas splits evenly, first classes taking the remainder, capped by what exists', () => {
    expect(balancedQuotas(7, [5, 5, 5])).toEqual([3, 2, 2]);
    expect(balancedQuotas(9, [1, 10, 10])).toEqual([1, 4, 4]);
    expect(balancedQuotas(12, [2, 0, 10])).toEqual([2, 0, 10]);
  });

  it.each([
    [99, 'Samples must be a whole number from 100 to 10000 (got 99).'],
    [10001, 'Samples must be a whole number from 100 to 10000 (got 10001).'],
    [150.5, 'Samples must be a whole number from 100 to 10000 (got 150.5).'],
  ])('refuses %s samples with a message', (samples, message) => {
    expect(mnistDataset({ kind: 'mnist', samples, seed: 1 }, asset)).toEqual({ ok: false, message });
  });

  it('loadDataset reports a failed download as a message instead of throwing, and tries again next time', async () => {
    let calls = 0;
    const assets = datasetAssetsFromBytes(async () => {
      calls++;
      if (calls === 1) throw new Error('The network is offline.');
      return bytes;
    });
    const failed = await loadDataset({ kind: 'mnist', samples: 100, seed: 1 }, assets);
    expect(failed).toEqual({ ok: false, message: 'The MNIST digits could not be loaded. The network is offline.' });
    const loaded = await loadDataset({ kind: 'mnist', samples: 100, seed: 1 }, assets);
    expect(loaded.ok && loaded.dataset.numSamples).toBe(100);
    await loadDataset({ kind: 'mnist', samples: 200, seed: 1 }, assets);
    expect(calls).toBe(2);
  });
});
