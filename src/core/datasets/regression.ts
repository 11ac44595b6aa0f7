/**
 * Seeded regression sets: the network predicts a number instead of a class.
 *
 * - sine: one input x, uniform in [-6, 6] (the same frame as the 2-D sets, so plots and input scales agree; almost
 *   two full waves), target y = sin(x).
 * - plane: two inputs x1, x2, uniform in [-6, 6]², target y = (x1 + x2) / 12, a tilted plane from -1 to 1 that a
 *   single Dense unit without activation learns exactly.
 *
 * Noise is Gaussian, added to the target only, with standard deviation `noise` (targets span -1..1, so 0.1 is a
 * small wobble and 0.5 a cloud). The draws per point (the inputs, then one normal draw) do not depend on the noise
 * level, so moving the noise slider moves the same points up and down. The inputs are uniform random draws, so the
 * rows are already in random order and need no shuffle.
 *
 * Determinism: only the seeded {@link Rng} and the portable sin from rng.ts, so the same config gives bit-identical
 * arrays on every machine.
 */

import { DATASET_LIMITS } from './builtin.ts';
import { formatValue, isWholeNumberIn } from './formatValue.ts';
import { createRng, portableSin, type Rng } from './rng.ts';
import type { DatasetResult, RegressionDatasetConfig, RegressionDatasetName } from './types.ts';

export interface RegressionDatasetInfo {
  title: string;
  /** One plain-language sentence for students. */
  description: string;
  featureNames: string[];
  defaultConfig: RegressionDatasetConfig;
}

export const REGRESSION_DATASET_NAMES: readonly RegressionDatasetName[] = Object.freeze(['sine', 'plane']);

/** The name of every regression set's target. */
export const REGRESSION_TARGET_NAME = 'y';

/** Inputs are drawn from [-INPUT_LIMIT, INPUT_LIMIT]. */
const INPUT_LIMIT = 6;
/** plane: y = (x1 + x2) / PLANE_DIVISOR spans -1..1 on [-6, 6]². */
const PLANE_DIVISOR = 12;

function info(
  name: RegressionDatasetName,
  title: string,
  description: string,
  featureNames: string[],
): RegressionDatasetInfo {
  return Object.freeze({
    title,
    description,
    featureNames: Object.freeze(featureNames) as string[],
    defaultConfig: Object.freeze({ kind: 'regression', name, samples: 200, noise: 0.1, seed: 1 }),
  });
}

export const REGRESSION_DATASETS: Record<RegressionDatasetName, RegressionDatasetInfo> = Object.freeze({
  sine: info(
    'sine',
    'Sine wave',
    'One input x and a wavy target y = sin(x), so the network has to bend a straight line into a curve.',
    ['x'],
  ),
  plane: info(
    'plane',
    'Tilted plane',
    'Two inputs and a target that rises evenly with both, y = (x1 + x2) / 12, which one Dense unit can learn exactly.',
    ['x1', 'x2'],
  ),
});

function isRegressionName(value: unknown): value is RegressionDatasetName {
  return typeof value === 'string' && (REGRESSION_DATASET_NAMES as readonly string[]).includes(value);
}

/** Null when the config is valid, otherwise a plain-language message naming the field and the allowed range. */
export function validateRegressionDatasetConfig(config: RegressionDatasetConfig): string | null {
  if (typeof config !== 'object' || config === null) {
    return `The dataset settings are missing (got ${formatValue(config)}).`;
  }
  const raw = config as unknown as Record<string, unknown>;
  if (raw.kind !== 'regression') return `The dataset kind must be "regression" (got ${formatValue(raw.kind)}).`;
  if (!isRegressionName(raw.name)) {
    return `Unknown regression dataset ${formatValue(raw.name)}. Choose one of: ${REGRESSION_DATASET_NAMES.join(', ')}.`;
  }
  const { minSamples, maxSamples, minNoise, maxNoise } = DATASET_LIMITS;
  if (!isWholeNumberIn(raw.samples, minSamples, maxSamples)) {
    return `Samples must be a whole number from ${minSamples} to ${maxSamples} (got ${formatValue(raw.samples)}).`;
  }
  if (typeof raw.noise !== 'number' || !(raw.noise >= minNoise && raw.noise <= maxNoise)) {
    return `Noise must be a number from ${minNoise} to ${maxNoise} (got ${formatValue(raw.noise)}).`;
  }
  if (typeof raw.seed !== 'number' || !Number.isFinite(raw.seed)) {
    return `Seed must be a finite number (got ${formatValue(raw.seed)}).`;
  }
  return null;
}

/** The noiseless target for one row of inputs: what the network should learn. */
export function cleanRegressionTarget(name: RegressionDatasetName, inputs: readonly number[]): number {
  const [a = 0, b = 0] = inputs;
  return name === 'sine' ? portableSin(a) : (a + b) / PLANE_DIVISOR;
}

function uniformInput(rng: Rng): number {
  return (2 * rng.next() - 1) * INPUT_LIMIT;
}

/** Builds a regression set. Never throws: an invalid config gives `{ ok: false, message }`. */
export function generateRegressionDataset(config: RegressionDatasetConfig): DatasetResult {
  const problem = validateRegressionDatasetConfig(config);
  if (problem !== null) return { ok: false, message: problem };
  const { name, samples, noise, seed } = config;
  const { title, featureNames } = REGRESSION_DATASETS[name];
  const numFeatures = featureNames.length;
  const rng = createRng(seed);
  const features = new Float32Array(samples * numFeatures);
  const targets = new Float32Array(samples);
  const inputs = new Array<number>(numFeatures).fill(0);
  for (let row = 0; row < samples; row++) {
    for (let f = 0; f < numFeatures; f++) {
      // The target is computed from the stored float32 input, so at noise 0 it is exactly the clean function.
      const x = Math.fround(uniformInput(rng));
      inputs[f] = x;
      features[row * numFeatures + f] = x;
    }
    targets[row] = cleanRegressionTarget(name, inputs) + noise * rng.normal();
  }
  return {
    ok: true,
    dataset: {
      name: title,
      task: 'regression',
      numSamples: samples,
      numFeatures,
      numClasses: 0,
      features,
      labels: new Int32Array(0),
      targets,
      featureNames: [...featureNames],
      classNames: [],
      targetName: REGRESSION_TARGET_NAME,
    },
  };
}
