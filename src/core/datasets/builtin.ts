/**
 * Seeded 2-D classroom datasets in the style of TensorFlow Playground's dataset.ts.
 *
 * Every point lies in [-6, 6]² (the plotting area, as in Playground): the clean
 * shapes span about -5.3..5.3, and a point that noise pushes past ±6 is mirrored
 * back inside, like a ball bouncing off a wall (see {@link foldIntoRange}).
 * Noisy circle/xor/spiral points reach at most about ±7.8, and folding any value
 * smaller than 12 in size keeps its sign, so e.g. XOR quadrants are kept.
 *
 * Noise has one meaning for every set: each coordinate gets a uniform jitter in
 * [-noise × 5, +noise × 5] (the jitter window is `noise` times the 10-unit width
 * of the data range). Gaussian blobs instead get the same extra variance
 * ((noise × 5)² / 3) added to their base variance, so they stay Gaussian.
 *
 * The random draws per point do not depend on the noise level, so with a fixed
 * seed moving the noise slider moves the same points smoothly and keeps the same
 * row order.
 *
 * Determinism: only the seeded {@link Rng} and the portable sin/cos from rng.ts
 * are used, so the same config gives bit-identical arrays on every machine.
 */

import { createRng, permutation, portableCos, portableSin, type Rng } from './rng.ts';
import type { BuiltinDatasetConfig, BuiltinDatasetName, DatasetResult } from './types.ts';

export type { DatasetResult } from './types.ts';

export interface BuiltinDatasetInfo {
  title: string;
  /** One plain-language sentence for students. */
  description: string;
  minClasses: number;
  maxClasses: number;
  defaultConfig: BuiltinDatasetConfig;
}

/** Allowed ranges for {@link BuiltinDatasetConfig} fields (handy for UI sliders). */
export const DATASET_LIMITS = Object.freeze({
  minSamples: 10,
  maxSamples: 10000,
  minNoise: 0,
  maxNoise: 0.5,
});

export const BUILTIN_DATASET_NAMES: readonly BuiltinDatasetName[] = Object.freeze([
  'circle',
  'xor',
  'gauss',
  'spiral',
]);

function info(
  name: BuiltinDatasetName,
  title: string,
  description: string,
  minClasses: number,
  maxClasses: number,
): BuiltinDatasetInfo {
  return Object.freeze({
    title,
    description,
    minClasses,
    maxClasses,
    defaultConfig: Object.freeze({ kind: 'builtin', name, samples: 500, noise: 0.1, seed: 1, classes: 2 }),
  });
}

export const BUILTIN_DATASETS: Record<BuiltinDatasetName, BuiltinDatasetInfo> = Object.freeze({
  circle: info(
    'circle',
    'Circle',
    'One class fills a disk in the middle and the other a ring around it, so no single straight line can separate them.',
    2,
    2,
  ),
  xor: info(
    'xor',
    'XOR',
    'Opposite corners share a class, so the network has to combine x1 and x2 instead of drawing one straight line.',
    2,
    2,
  ),
  gauss: info(
    'gauss',
    'Gaussian blobs',
    'Each class is a round cloud of points that a straight line can split, until more noise makes the clouds overlap.',
    2,
    5,
  ),
  spiral: info(
    'spiral',
    'Spiral',
    'The classes wind around each other in spiral arms, the hardest pattern here, needing more layers and more training.',
    2,
    5,
  ),
});

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

function formatValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function isBuiltinName(value: unknown): value is BuiltinDatasetName {
  return typeof value === 'string' && (BUILTIN_DATASET_NAMES as readonly string[]).includes(value);
}

/**
 * Checks a config without building anything. Returns null when it is valid,
 * otherwise a plain-language message naming the field, the value and the
 * allowed range. Tolerates malformed input (e.g. parsed from a saved file).
 */
export function validateBuiltinDatasetConfig(config: BuiltinDatasetConfig): string | null {
  if (typeof config !== 'object' || config === null) {
    return `The dataset settings are missing (got ${formatValue(config)}).`;
  }
  const raw = config as unknown as Record<string, unknown>;
  if (raw.kind !== 'builtin') {
    return `The dataset kind must be "builtin" (got ${formatValue(raw.kind)}).`;
  }
  const name = raw.name;
  if (!isBuiltinName(name)) {
    return `Unknown built-in dataset ${formatValue(name)}. Choose one of: ${BUILTIN_DATASET_NAMES.join(', ')}.`;
  }
  const { samples, noise, classes, seed } = raw;
  const { minSamples, maxSamples, minNoise, maxNoise } = DATASET_LIMITS;
  if (typeof samples !== 'number' || !Number.isInteger(samples) || samples < minSamples || samples > maxSamples) {
    return `Samples must be a whole number from ${minSamples} to ${maxSamples} (got ${formatValue(samples)}).`;
  }
  if (typeof noise !== 'number' || !(noise >= minNoise && noise <= maxNoise)) {
    return `Noise must be a number from ${minNoise} to ${maxNoise} (got ${formatValue(noise)}).`;
  }
  const { minClasses, maxClasses } = BUILTIN_DATASETS[name];
  if (typeof classes !== 'number' || !Number.isInteger(classes) || classes < minClasses || classes > maxClasses) {
    return minClasses === maxClasses
      ? `The ${name} dataset always has ${minClasses} classes (got ${formatValue(classes)}).`
      : `The ${name} dataset needs a whole number of classes from ${minClasses} to ${maxClasses} (got ${formatValue(classes)}).`;
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    return `Seed must be a finite number (got ${formatValue(seed)}).`;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

/** Half-width of the clean data range; noise is measured against it. */
const DATA_RADIUS = 5;
/** Every feature value ends up in [-DATA_LIMIT, DATA_LIMIT]. */
const DATA_LIMIT = 6;
const TWO_PI = 2 * Math.PI;
const CIRCLE_INNER_MAX = 0.5 * DATA_RADIUS; // class 0: radius 0..2.5
const CIRCLE_OUTER_MIN = 0.7 * DATA_RADIUS; // class 1: radius 3.5..5
const XOR_PADDING = 0.3; // gap between the points and the axes
const GAUSS_CENTRE_RADIUS = 2 * Math.SQRT2; // (2, 2) and (-2, -2) for two classes
const GAUSS_BASE_VARIANCE = 0.5; // as in Playground at zero noise
const SPIRAL_TURNS = 1.75;

type PointSink = (x: number, y: number, label: number) => void;

/** Uniform jitter in [-noise × 5, noise × 5). Always draws, whatever the noise. */
function jitter(rng: Rng, noise: number): number {
  return (2 * rng.next() - 1) * noise * DATA_RADIUS;
}

function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/**
 * Mirrors v back into [-6, 6] at the edges (a triangle wave, so values far
 * outside fold repeatedly). Values already inside are unchanged.
 */
function foldIntoRange(v: number): number {
  if (v >= -DATA_LIMIT && v <= DATA_LIMIT) return v;
  const period = 4 * DATA_LIMIT;
  let u = (v + DATA_LIMIT) % period; // exact in IEEE arithmetic
  if (u < 0) u += period;
  if (u > 2 * DATA_LIMIT) u = period - u;
  return u - DATA_LIMIT;
}

/** Class sizes as even as possible; the first (samples mod classes) classes get one extra. */
function classSizes(samples: number, classes: number): number[] {
  const base = Math.floor(samples / classes);
  const extra = samples % classes;
  return Array.from({ length: classes }, (_, k) => base + (k < extra ? 1 : 0));
}

/**
 * Centres of the gauss blobs: evenly spaced on a circle of radius 2√2, starting
 * at 45°, so two classes sit at (2, 2) and (-2, -2) as in Playground.
 */
export function gaussCentres(classes: number): Array<{ x: number; y: number }> {
  return Array.from({ length: classes }, (_, k) => {
    const angle = Math.PI / 4 + (TWO_PI * k) / classes;
    return { x: GAUSS_CENTRE_RADIUS * portableCos(angle), y: GAUSS_CENTRE_RADIUS * portableSin(angle) };
  });
}

function generateCircle(sizes: number[], noise: number, rng: Rng, put: PointSink): void {
  sizes.forEach((count, label) => {
    const [rMin, rMax] = label === 0 ? [0, CIRCLE_INNER_MAX] : [CIRCLE_OUTER_MIN, DATA_RADIUS];
    for (let i = 0; i < count; i++) {
      const r = uniform(rng, rMin, rMax);
      const angle = uniform(rng, 0, TWO_PI);
      const x = r * portableCos(angle) + jitter(rng, noise);
      const y = r * portableSin(angle) + jitter(rng, noise);
      put(x, y, label);
    }
  });
}

function generateXor(sizes: number[], noise: number, rng: Rng, put: PointSink): void {
  // Class 0: x1 and x2 have the same sign; class 1: opposite signs.
  sizes.forEach((count, label) => {
    for (let i = 0; i < count; i++) {
      const signX = rng.next() < 0.5 ? -1 : 1;
      const signY = label === 0 ? signX : -signX;
      const x = signX * (uniform(rng, 0, DATA_RADIUS) + XOR_PADDING) + jitter(rng, noise);
      const y = signY * (uniform(rng, 0, DATA_RADIUS) + XOR_PADDING) + jitter(rng, noise);
      put(x, y, label);
    }
  });
}

function generateGauss(sizes: number[], noise: number, rng: Rng, put: PointSink): void {
  const centres = gaussCentres(sizes.length);
  const jitterHalfWidth = noise * DATA_RADIUS;
  const sd = Math.sqrt(GAUSS_BASE_VARIANCE + (jitterHalfWidth * jitterHalfWidth) / 3);
  sizes.forEach((count, label) => {
    const centre = centres[label] ?? { x: 0, y: 0 };
    for (let i = 0; i < count; i++) {
      const x = centre.x + sd * rng.normal();
      const y = centre.y + sd * rng.normal();
      put(x, y, label);
    }
  });
}

function generateSpiral(sizes: number[], noise: number, rng: Rng, put: PointSink): void {
  // Arm k: radius grows 0 -> 5 while the angle turns 1.75 times counter-clockwise,
  // starting at 2πk / classes, so the arms interleave.
  const classes = sizes.length;
  sizes.forEach((count, label) => {
    const offset = (TWO_PI * label) / classes;
    for (let i = 0; i < count; i++) {
      const t = (i + 0.5) / count;
      const r = t * DATA_RADIUS;
      const angle = t * SPIRAL_TURNS * TWO_PI + offset;
      const x = r * portableCos(angle) + jitter(rng, noise);
      const y = r * portableSin(angle) + jitter(rng, noise);
      put(x, y, label);
    }
  });
}

const GENERATORS: Record<BuiltinDatasetName, (sizes: number[], noise: number, rng: Rng, put: PointSink) => void> = {
  circle: generateCircle,
  xor: generateXor,
  gauss: generateGauss,
  spiral: generateSpiral,
};

function datasetTitle(name: BuiltinDatasetName, classes: number): string {
  switch (name) {
    case 'circle':
      return 'Circle';
    case 'xor':
      return 'XOR';
    case 'gauss':
      return `Gaussian blobs (${classes} blobs)`;
    case 'spiral':
      return `Spiral (${classes} arms)`;
  }
}

function classNamesFor(name: BuiltinDatasetName, classes: number): string[] {
  if (name === 'circle') return ['inside', 'outside'];
  if (name === 'xor') return ['same sign', 'opposite sign'];
  return Array.from({ length: classes }, (_, k) => `class ${k}`);
}

/**
 * Builds a built-in dataset. Never throws: an invalid config gives
 * `{ ok: false, message }`. Same config => bit-identical arrays; rows are
 * shuffled with the same seeded rng so classes are mixed.
 */
export function generateBuiltinDataset(config: BuiltinDatasetConfig): DatasetResult {
  const problem = validateBuiltinDatasetConfig(config);
  if (problem !== null) return { ok: false, message: problem };
  const { name, samples, noise, seed, classes } = config;
  try {
    const rng = createRng(seed);

    // 1. Generate the points class by class (in class order).
    const orderedXY = new Float64Array(samples * 2);
    const orderedLabels = new Int32Array(samples);
    let row = 0;
    GENERATORS[name](classSizes(samples, classes), noise, rng, (x, y, label) => {
      orderedXY[row * 2] = foldIntoRange(x);
      orderedXY[row * 2 + 1] = foldIntoRange(y);
      orderedLabels[row] = label;
      row++;
    });

    // 2. Shuffle the rows with the same rng so batches mix the classes.
    const order = permutation(samples, rng);
    const features = new Float32Array(samples * 2);
    const labels = new Int32Array(samples);
    for (let i = 0; i < samples; i++) {
      const from = order[i] as number;
      features[i * 2] = orderedXY[from * 2] as number;
      features[i * 2 + 1] = orderedXY[from * 2 + 1] as number;
      labels[i] = orderedLabels[from] as number;
    }

    return {
      ok: true,
      dataset: {
        name: datasetTitle(name, classes),
        numSamples: samples,
        numFeatures: 2,
        numClasses: classes,
        features,
        labels,
        featureNames: ['x1', 'x2'],
        classNames: classNamesFor(name, classes),
      },
    };
  } catch (error) {
    // Not expected to happen; kept so callers can rely on "never throws".
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The ${name} dataset could not be built: ${detail}` };
  }
}
