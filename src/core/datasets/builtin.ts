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

import { formatValue, isWholeNumberIn } from './formatValue.ts';
import { createRng, normaliseSeed, permutation, portableCos, portableSin, type Rng } from './rng.ts';
import type { AddedPoint, BuiltinDatasetConfig, BuiltinDatasetName, DatasetResult } from './types.ts';

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
  /** Most points a student can add by clicking on the plot. */
  maxAddedPoints: 10000,
  /** Every coordinate, generated or added, lies in [-plotLimit, plotLimit]. */
  plotLimit: 6,
});

/** In the order a student meets them: easiest first, the spiral (the hardest) last. */
export const BUILTIN_DATASET_NAMES: readonly BuiltinDatasetName[] = Object.freeze([
  'circle',
  'xor',
  'gauss',
  'moons',
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
  moons: info(
    'moons',
    'Two moons',
    'Two crescent moons hook into each other, so any straight line cuts off the tip of one of them.',
    2,
    2,
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
  return validateAddedPoints(raw.added, name, classes);
}

/** Checks the points a student added on the plot: each inside the plot and of an existing class. */
function validateAddedPoints(added: unknown, name: BuiltinDatasetName, classes: number): string | null {
  if (added === undefined) return null;
  if (!Array.isArray(added)) return `The added points must be a list (got ${formatValue(added)}).`;
  const { maxAddedPoints, plotLimit } = DATASET_LIMITS;
  if (added.length > maxAddedPoints) {
    return `At most ${maxAddedPoints} points can be added to the plot (got ${added.length}).`;
  }
  for (let i = 0; i < added.length; i++) {
    const point: unknown = added[i];
    const which = `Added point ${i + 1}`;
    if (typeof point !== 'object' || point === null) return `${which} is not a point (got ${formatValue(point)}).`;
    const { x1, x2, label } = point as Record<string, unknown>;
    if (typeof x1 !== 'number' || typeof x2 !== 'number' || !Number.isFinite(x1) || !Number.isFinite(x2)) {
      return `${which} needs two numbers x1 and x2 (got ${formatValue(x1)} and ${formatValue(x2)}).`;
    }
    if (Math.abs(x1) > plotLimit || Math.abs(x2) > plotLimit) {
      return `${which} at (${x1}, ${x2}) is outside the plot: both coordinates must be from -${plotLimit} to ${plotLimit}.`;
    }
    if (!isWholeNumberIn(label, 0, classes - 1)) {
      return `${which} has class ${formatValue(label)}, but the ${name} dataset has classes 0 to ${classes - 1}.`;
    }
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
const MOONS_SCALE = (2 * DATA_RADIUS) / 3; // make_moons spans 3 units across; ours span 10
const MOONS_CENTRE_X = 0.5; // the middle of make_moons' pair, moved to the origin
const MOONS_CENTRE_Y = 0.25;
/** Mixed into the seed for the stream that places added points, so it is unrelated to the data's own stream. */
const ADDED_POINTS_SALT = 0x61646465; // "adde"

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

/**
 * Two interleaved half circles, as scikit-learn's make_moons draws them (upper moon: (cos t, sin t); lower moon:
 * (1 - cos t, 0.5 - sin t), t in [0, π]), then centred and scaled by 10/3 so the pair spans x -5..5 and y -2.5..2.5
 * like the other sets. The lower moon is the upper one turned half a circle about the origin. Per point: t, then
 * the x and y jitter.
 */
function generateMoons(sizes: number[], noise: number, rng: Rng, put: PointSink): void {
  sizes.forEach((count, label) => {
    const sign = label === 0 ? 1 : -1;
    for (let i = 0; i < count; i++) {
      const t = uniform(rng, 0, Math.PI);
      const x = sign * MOONS_SCALE * (portableCos(t) - MOONS_CENTRE_X) + jitter(rng, noise);
      const y = sign * MOONS_SCALE * (portableSin(t) - MOONS_CENTRE_Y) + jitter(rng, noise);
      put(x, y, label);
    }
  });
}

const GENERATORS: Record<BuiltinDatasetName, (sizes: number[], noise: number, rng: Rng, put: PointSink) => void> = {
  circle: generateCircle,
  xor: generateXor,
  gauss: generateGauss,
  spiral: generateSpiral,
  moons: generateMoons,
};

/** The dataset's title for this config, e.g. "Spiral (3 arms)". */
export function builtinDatasetTitle(name: BuiltinDatasetName, classes: number): string {
  switch (name) {
    case 'circle':
      return 'Circle';
    case 'xor':
      return 'XOR';
    case 'gauss':
      return `Gaussian blobs (${classes} blobs)`;
    case 'spiral':
      return `Spiral (${classes} arms)`;
    case 'moons':
      return 'Two moons';
  }
}

/** Class names as the plot's legend shows them. */
export function builtinClassNames(name: BuiltinDatasetName, classes: number): string[] {
  if (name === 'circle') return ['inside', 'outside'];
  if (name === 'xor') return ['same sign', 'opposite sign'];
  if (name === 'moons') return ['upper moon', 'lower moon'];
  return Array.from({ length: classes }, (_, k) => `class ${k}`);
}

/**
 * Where the points a student added go among the generated rows: added point j goes just before generated row
 * slots[j] (slots[j] = generated means after the last one).
 *
 * Why not append them: the trainer holds out the LAST validationSplit fraction of the rows as the test set, so
 * appended points would all be test points and the network would never learn from them. Instead each slot is a
 * whole number drawn uniformly from 0..generated by a second stream (seed mixed with a salt, read in the order the
 * points were added), apart from the stream that makes the data. So:
 * - the generated points are exactly the ones made without additions, in the same order;
 * - an added point keeps its slot when more points are added later, and it lands in the test set with a chance
 *   of about the validation split, like any other point;
 * - a generated point moves down one row per added point placed before it, so only generated points within a few
 *   rows of the train/test boundary can cross it (the boundary itself moves as the total grows; no order can pin
 *   it while the test set is the end of a growing list).
 */
export function addedPointSlots(generated: number, addedCount: number, seed: number): Uint32Array {
  const rng = createRng((normaliseSeed(seed) ^ ADDED_POINTS_SALT) >>> 0);
  const slots = new Uint32Array(addedCount);
  for (let j = 0; j < addedCount; j++) slots[j] = rng.int(generated + 1);
  return slots;
}

/**
 * Builds a built-in dataset. Never throws: an invalid config gives
 * `{ ok: false, message }`. Same config => bit-identical arrays; rows are
 * shuffled with the same seeded rng so classes are mixed, then the added
 * points are placed among them (see {@link addedPointSlots}).
 */
export function generateBuiltinDataset(config: BuiltinDatasetConfig): DatasetResult {
  const problem = validateBuiltinDatasetConfig(config);
  if (problem !== null) return { ok: false, message: problem };
  const { name, samples, noise, seed, classes } = config;
  const added = config.added ?? [];
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

    // 2. Shuffle the rows with the same rng so batches mix the classes, placing the added points on the way.
    const order = permutation(samples, rng);
    const addedBySlot = groupBySlot(addedPointSlots(samples, added.length, seed), samples);
    const total = samples + added.length;
    const features = new Float32Array(total * 2);
    const labels = new Int32Array(total);
    let out = 0;
    const putAdded = (slot: number): void => {
      for (const j of addedBySlot[slot] ?? []) {
        const point = added[j] as AddedPoint;
        features[out * 2] = point.x1;
        features[out * 2 + 1] = point.x2;
        labels[out] = point.label;
        out++;
      }
    };
    for (let i = 0; i < samples; i++) {
      putAdded(i);
      const from = order[i] as number;
      features[out * 2] = orderedXY[from * 2] as number;
      features[out * 2 + 1] = orderedXY[from * 2 + 1] as number;
      labels[out] = orderedLabels[from] as number;
      out++;
    }
    putAdded(samples);

    return {
      ok: true,
      dataset: {
        name: builtinDatasetTitle(name, classes),
        task: 'classification',
        numSamples: total,
        numFeatures: 2,
        numClasses: classes,
        features,
        labels,
        targets: new Float32Array(0),
        featureNames: ['x1', 'x2'],
        classNames: builtinClassNames(name, classes),
      },
    };
  } catch (error) {
    // Not expected to happen; kept so callers can rely on "never throws".
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The ${name} dataset could not be built: ${detail}` };
  }
}

/** For each slot 0..lastSlot, the indices of the added points placed there, in the order they were added. */
function groupBySlot(slots: Uint32Array, lastSlot: number): Array<number[] | undefined> {
  const bySlot: Array<number[] | undefined> = new Array<number[] | undefined>(lastSlot + 1);
  slots.forEach((slot, j) => {
    const list = bySlot[slot];
    if (list === undefined) bySlot[slot] = [j];
    else list.push(j);
  });
  return bySlot;
}
