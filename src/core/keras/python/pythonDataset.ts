/**
 * Python source that regenerates LayerLab's seeded datasets exactly: the same float32 features and int32 labels as
 * `generateBuiltinDataset` (src/core/datasets/builtin.ts), and the same float32 features and targets as
 * `generateRegressionDataset` (regression.ts), for the same config, bit for bit.
 *
 * The Python is a line-by-line port of the TypeScript, so keep them in step:
 * - pythonRng.ts ports rng.ts (the random numbers and the portable log, sin and cos);
 * - builtin.ts: the constants (written as the same expressions, so they are the same doubles), the five
 *   generators with their random draws in the same order, folding into [-6, 6], the final shuffle, and the slots
 *   of points the student added by clicking (a second stream, seeded with the seed mixed with a salt);
 * - regression.ts: the inputs (each rounded to float32 before the target is computed from it), then the target
 *   plus one normal draw of noise per row; no shuffle.
 *
 * tests/keras/pythonExport.test.ts runs this code in Python for every set, several seeds, noise levels and class
 * counts, with and without added points, and compares the float32 bits with the TypeScript generators'.
 *
 * Only what a dataset needs is emitted (XOR needs no sin/cos, only gauss and the regression sets need log and
 * normal draws), so the student's script stays as short as it can be.
 */
import { BUILTIN_DATASETS } from '../../datasets/builtin.ts';
import { REGRESSION_DATASETS } from '../../datasets/regression.ts';
import type { BuiltinDatasetConfig, BuiltinDatasetName, RegressionDatasetConfig, RegressionDatasetName } from '../../datasets/types.ts';
import { banner, block, PORTABLE_LOG, PORTABLE_TRIG, portableMathIntro, pythonNumber, RNG_INTRO, rngClass, wrapText } from './pythonRng.ts';

export { pythonNumber, wrapText } from './pythonRng.ts';

/** Python code for one dataset config. */
export interface PythonDatasetCode {
  /** Import lines the code needs, e.g. `import math`. */
  imports: string[];
  /** Python definitions (constants, the random number generator, helpers, the generator function). */
  definitions: string;
  /** The generator function's name, e.g. `make_xor`. */
  functionName: string;
  /**
   * A Python expression returning `(features, labels)` (2-D sets) or `(features, targets)` (regression) for the
   * config, e.g. `make_xor(samples=400, noise=0.1, seed=1)`.
   */
  call: string;
}

/** The datasets whose Python generator this module writes. */
export type GeneratedDatasetConfig = BuiltinDatasetConfig | RegressionDatasetConfig;

export const PYTHON_DATASET_IMPORTS: readonly string[] = ['import math', '', 'import numpy as np'];

const NEEDS_TRIG: Readonly<Record<BuiltinDatasetName, boolean>> = { circle: true, xor: false, gauss: true, spiral: true, moons: true };
const NEEDS_UNIFORM: Readonly<Record<BuiltinDatasetName, boolean>> = { circle: true, xor: true, gauss: false, spiral: false, moons: true };

const SET_CONSTANTS: Readonly<Record<BuiltinDatasetName, string>> = {
  circle: block(`
TWO_PI = 2 * math.pi
CIRCLE_INNER_MAX = 0.5 * DATA_RADIUS  # class 0 ("inside"): radius 0 to 2.5
CIRCLE_OUTER_MIN = 0.7 * DATA_RADIUS  # class 1 ("outside"): radius 3.5 to 5
`),
  xor: block(`
XOR_PADDING = 0.3  # gap between the points and the axes
`),
  gauss: block(`
TWO_PI = 2 * math.pi
GAUSS_CENTRE_RADIUS = 2 * math.sqrt(2)  # two blobs sit at (2, 2) and (-2, -2)
GAUSS_BASE_VARIANCE = 0.5
`),
  spiral: block(`
TWO_PI = 2 * math.pi
SPIRAL_TURNS = 1.75
`),
  moons: block(`
MOONS_SCALE = (2 * DATA_RADIUS) / 3  # make_moons spans 3 units across; these moons span 10
MOONS_CENTRE_X = 0.5  # the middle of the pair, moved to (0, 0)
MOONS_CENTRE_Y = 0.25
`),
};

const JITTER = block(`
def jitter(rng, noise):
    """Noise for one coordinate: uniform between -noise * 5 and noise * 5."""
    return (2 * rng.next() - 1) * noise * DATA_RADIUS
`);

const UNIFORM = block(`
def uniform(rng, lo, hi):
    """A random number between lo and hi."""
    return lo + (hi - lo) * rng.next()
`);

const SHARED_HELPERS = block(`
def fold_into_range(v):
    """Mirrors a value that noise pushed past -6 or 6 back inside, like a ball off a wall."""
    if -DATA_LIMIT <= v <= DATA_LIMIT:
        return v
    period = 4 * DATA_LIMIT
    u = math.fmod(v + DATA_LIMIT, period)
    if u < 0:
        u += period
    if u > 2 * DATA_LIMIT:
        u = period - u
    return u - DATA_LIMIT


def class_sizes(samples, classes):
    """Points per class, as even as possible (the first classes get one extra)."""
    base, extra = divmod(samples, classes)
    return [base + (1 if k < extra else 0) for k in range(classes)]


def shuffled_arrays(points, rng):
    """Shuffles the (x1, x2, label) rows so batches mix the classes; returns numpy arrays."""
    order = permutation(len(points), rng)
    features = np.array([points[i][:2] for i in order], dtype=np.float32)
    labels = np.array([points[i][2] for i in order], dtype=np.int32)
    return features, labels
`);

/** The same helper when the student added points: they are placed among the shuffled rows. */
const SHUFFLE_WITH_ADDED = block(`
ADDED_POINTS_SALT = 0x61646465  # mixed into the seed for the stream that places added points


def place_added_points(rows, added, seed):
    """Puts each added point just before a row drawn at random (or after the last row).

    LayerLab holds out the LAST rows for validation, so added points are spread among the
    others instead of appended: each goes in a slot drawn by a random stream of its own,
    and the generated points keep their order.
    """
    rng = Rng(normalise_seed(seed) ^ ADDED_POINTS_SALT)
    by_slot = {}
    for point in added:
        by_slot.setdefault(rng.below(len(rows) + 1), []).append(point)
    placed = []
    for i in range(len(rows) + 1):
        placed.extend(by_slot.get(i, []))
        if i < len(rows):
            placed.append(rows[i])
    return placed


def shuffled_arrays(points, rng, seed, added):
    """Shuffles the (x1, x2, label) rows so batches mix the classes, places the added points
    among them, and returns numpy arrays."""
    order = permutation(len(points), rng)
    rows = place_added_points([points[i] for i in order], added, seed)
    features = np.array([row[:2] for row in rows], dtype=np.float32)
    labels = np.array([row[2] for row in rows], dtype=np.int32)
    return features, labels
`);

function docstring(config: BuiltinDatasetConfig): string {
  const info = BUILTIN_DATASETS[config.name];
  const title = info.title;
  const classes =
    config.name === 'circle'
      ? 'labels (0 = inside, 1 = outside)'
      : config.name === 'xor'
        ? 'labels (0 = same sign, 1 = opposite sign)'
        : config.name === 'moons'
          ? 'labels (0 = upper moon, 1 = lower moon)'
          : 'labels (the class of each point, 0 to classes - 1)';
  const added = hasAdded(config) ? ' The points you added by clicking (added) are placed among them.' : '';
  const body = [
    ...wrapText(info.description, 88),
    '',
    ...wrapText(
      `Returns (features, labels): features is a float32 array with one row (x1, x2) per point, every value between -6 and 6; ${classes} is an int32 array.${added}`,
      88,
    ),
  ];
  return [
    `    """This reproduces LayerLab's ${title} dataset exactly; the same seed gives the same points.`,
    '',
    ...body.map((line) => (line === '' ? '' : `    ${line}`)),
    '    """',
  ].join('\n');
}

const hasAdded = (config: BuiltinDatasetConfig): boolean => (config.added?.length ?? 0) > 0;

/** The generator function for `config.name`, ported from builtin.ts. */
function generatorFunction(config: BuiltinDatasetConfig): string {
  const doc = docstring(config);
  const extra = hasAdded(config) ? ', added=()' : '';
  const shuffled = hasAdded(config) ? 'shuffled_arrays(points, rng, seed, added)' : 'shuffled_arrays(points, rng)';
  switch (config.name) {
    case 'circle':
      return block(`
def make_circle(samples, noise, seed${extra}):
${doc}
    rng = Rng(seed)
    points = []  # (x1, x2, label), class by class
    for label, count in enumerate(class_sizes(samples, 2)):
        r_min, r_max = (0, CIRCLE_INNER_MAX) if label == 0 else (CIRCLE_OUTER_MIN, DATA_RADIUS)
        for _ in range(count):
            r = uniform(rng, r_min, r_max)
            angle = uniform(rng, 0, TWO_PI)
            x1 = r * portable_cos(angle) + jitter(rng, noise)
            x2 = r * portable_sin(angle) + jitter(rng, noise)
            points.append((fold_into_range(x1), fold_into_range(x2), label))
    return ${shuffled}
`);
    case 'xor':
      return block(`
def make_xor(samples, noise, seed${extra}):
${doc}
    rng = Rng(seed)
    points = []  # (x1, x2, label), class by class
    for label, count in enumerate(class_sizes(samples, 2)):
        for _ in range(count):
            sign_x1 = -1 if rng.next() < 0.5 else 1
            sign_x2 = sign_x1 if label == 0 else -sign_x1
            x1 = sign_x1 * (uniform(rng, 0, DATA_RADIUS) + XOR_PADDING) + jitter(rng, noise)
            x2 = sign_x2 * (uniform(rng, 0, DATA_RADIUS) + XOR_PADDING) + jitter(rng, noise)
            points.append((fold_into_range(x1), fold_into_range(x2), label))
    return ${shuffled}
`);
    case 'gauss':
      return block(`
def make_gauss(samples, noise, seed, classes${extra}):
${doc}
    rng = Rng(seed)
    # The blob centres lie evenly spaced on a circle of radius 2 * sqrt(2), starting at 45 degrees.
    centres = []
    for k in range(classes):
        angle = math.pi / 4 + (TWO_PI * k) / classes
        centres.append((GAUSS_CENTRE_RADIUS * portable_cos(angle), GAUSS_CENTRE_RADIUS * portable_sin(angle)))
    # Noise widens the blobs: it adds the variance of the uniform jitter the other sets get.
    jitter_half_width = noise * DATA_RADIUS
    sd = math.sqrt(GAUSS_BASE_VARIANCE + (jitter_half_width * jitter_half_width) / 3)
    points = []  # (x1, x2, label), class by class
    for label, count in enumerate(class_sizes(samples, classes)):
        centre_x1, centre_x2 = centres[label]
        for _ in range(count):
            x1 = centre_x1 + sd * rng.normal()
            x2 = centre_x2 + sd * rng.normal()
            points.append((fold_into_range(x1), fold_into_range(x2), label))
    return ${shuffled}
`);
    case 'spiral':
      return block(`
def make_spiral(samples, noise, seed, classes${extra}):
${doc}
    rng = Rng(seed)
    points = []  # (x1, x2, label), class by class
    for label, count in enumerate(class_sizes(samples, classes)):
        # Arm number "label": the radius grows from 0 to 5 while the angle turns 1.75 times,
        # starting at its own angle so the arms interleave.
        offset = (TWO_PI * label) / classes
        for i in range(count):
            t = (i + 0.5) / count
            r = t * DATA_RADIUS
            angle = t * SPIRAL_TURNS * TWO_PI + offset
            x1 = r * portable_cos(angle) + jitter(rng, noise)
            x2 = r * portable_sin(angle) + jitter(rng, noise)
            points.append((fold_into_range(x1), fold_into_range(x2), label))
    return ${shuffled}
`);
    case 'moons':
      return block(`
def make_moons(samples, noise, seed${extra}):
${doc}
    rng = Rng(seed)
    points = []  # (x1, x2, label), class by class
    for label, count in enumerate(class_sizes(samples, 2)):
        # Half a circle, as scikit-learn's make_moons draws it, centred and scaled; the lower
        # moon is the upper one turned half a circle about (0, 0).
        sign = 1 if label == 0 else -1
        for _ in range(count):
            t = uniform(rng, 0, math.pi)
            x1 = sign * MOONS_SCALE * (portable_cos(t) - MOONS_CENTRE_X) + jitter(rng, noise)
            x2 = sign * MOONS_SCALE * (portable_sin(t) - MOONS_CENTRE_Y) + jitter(rng, noise)
            points.append((fold_into_range(x1), fold_into_range(x2), label))
    return ${shuffled}
`);
  }
}

/** The points a student added, as a Python list of (x1, x2, label) tuples. */
function addedPointsCode(config: BuiltinDatasetConfig): string {
  const points = config.added ?? [];
  const rows = points.map((p) => `    (${pythonNumber(p.x1)}, ${pythonNumber(p.x2)}, ${String(p.label)}),`);
  const count = points.length === 1 ? 'The point' : `The ${String(points.length)} points`;
  return [`# ${count} you added by clicking on the plot in LayerLab: (x1, x2, class).`, 'ADDED_POINTS = [', ...rows, ']'].join('\n');
}

/** The name of the Python function that makes `name`'s data. */
export function pythonDatasetFunctionName(name: BuiltinDatasetName | RegressionDatasetName): string {
  return `make_${name}`;
}

function builtinCode(config: BuiltinDatasetConfig, normal: boolean): PythonDatasetCode {
  const { name } = config;
  const gauss = name === 'gauss';
  // Normal draws (gauss, or starting weights that need them) use the portable log, sin and cos.
  const withNormal = gauss || normal;
  const trig = NEEDS_TRIG[name] || withNormal;
  const constants = [
    banner(`The ${BUILTIN_DATASETS[name].title} data`),
    'DATA_RADIUS = 5  # the clean points span about -5..5; noise is measured against this',
    'DATA_LIMIT = 6  # every value ends up between -6 and 6',
    SET_CONSTANTS[name],
  ].join('\n');
  const parts = [
    RNG_INTRO,
    rngClass(withNormal),
    ...(trig ? [`${portableMathIntro(withNormal)}\n\n${PORTABLE_TRIG}`] : []),
    ...(withNormal ? [PORTABLE_LOG] : []),
    constants,
    ...(gauss ? [] : [JITTER]),
    ...(NEEDS_UNIFORM[name] ? [UNIFORM] : []),
    hasAdded(config) ? SHARED_HELPERS.replace(/\n\n\ndef shuffled_arrays[\s\S]*$/, '') : SHARED_HELPERS,
    ...(hasAdded(config) ? [SHUFFLE_WITH_ADDED] : []),
    generatorFunction(config),
    ...(hasAdded(config) ? [addedPointsCode(config)] : []),
  ];
  const functionName = pythonDatasetFunctionName(name);
  const args = [`samples=${pythonNumber(config.samples)}`, `noise=${pythonNumber(config.noise)}`, `seed=${pythonNumber(config.seed)}`];
  if (name === 'gauss' || name === 'spiral') args.push(`classes=${pythonNumber(config.classes)}`);
  if (hasAdded(config)) args.push('added=ADDED_POINTS');
  return {
    imports: [...PYTHON_DATASET_IMPORTS],
    definitions: `${parts.join('\n\n\n')}\n`,
    functionName,
    call: `${functionName}(${args.join(', ')})`,
  };
}

// ---- regression ----------------------------------------------------------------------------------------------

const REGRESSION_HELPERS = block(`
INPUT_LIMIT = 6  # inputs are drawn between -6 and 6, like the 2-D sets


def uniform_input(rng):
    """One input value, uniform between -6 and 6."""
    return (2 * rng.next() - 1) * INPUT_LIMIT


def float32(v):
    """v rounded to the nearest float32, as LayerLab stores every input before computing its target."""
    return float(np.float32(v))
`);

function regressionDocstring(config: RegressionDatasetConfig): string {
  const info = REGRESSION_DATASETS[config.name];
  const inputs = info.featureNames.length === 1 ? 'one input (x)' : `one row (${info.featureNames.join(', ')})`;
  const body = [
    ...wrapText(info.description, 88),
    '',
    ...wrapText(
      `Returns (features, targets): features is a float32 array with ${inputs} per example, between -6 and 6; targets is a float32 array with the number y to predict for each, the clean value plus Gaussian noise of standard deviation "noise".`,
      88,
    ),
  ];
  return [
    `    """This reproduces LayerLab's ${info.title} dataset exactly; the same seed gives the same examples.`,
    '',
    ...body.map((line) => (line === '' ? '' : `    ${line}`)),
    '    """',
  ].join('\n');
}

function regressionFunction(config: RegressionDatasetConfig): string {
  const doc = regressionDocstring(config);
  if (config.name === 'sine') {
    return block(`
def make_sine(samples, noise, seed):
${doc}
    rng = Rng(seed)
    features = []
    targets = []
    for _ in range(samples):
        x = float32(uniform_input(rng))
        features.append((x,))
        targets.append(portable_sin(x) + noise * rng.normal())
    return np.array(features, dtype=np.float32), np.array(targets, dtype=np.float32)
`);
  }
  return block(`
PLANE_DIVISOR = 12  # y = (x1 + x2) / 12 goes from -1 to 1


def make_plane(samples, noise, seed):
${doc}
    rng = Rng(seed)
    features = []
    targets = []
    for _ in range(samples):
        x1 = float32(uniform_input(rng))
        x2 = float32(uniform_input(rng))
        features.append((x1, x2))
        targets.append((x1 + x2) / PLANE_DIVISOR + noise * rng.normal())
    return np.array(features, dtype=np.float32), np.array(targets, dtype=np.float32)
`);
}

function regressionCode(config: RegressionDatasetConfig): PythonDatasetCode {
  const parts = [
    RNG_INTRO,
    rngClass(true),
    `${portableMathIntro(true)}\n\n${PORTABLE_TRIG}`,
    PORTABLE_LOG,
    `${banner(`The ${REGRESSION_DATASETS[config.name].title} data`)}\n${REGRESSION_HELPERS}`,
    regressionFunction(config),
  ];
  const functionName = pythonDatasetFunctionName(config.name);
  const args = [`samples=${pythonNumber(config.samples)}`, `noise=${pythonNumber(config.noise)}`, `seed=${pythonNumber(config.seed)}`];
  return {
    imports: [...PYTHON_DATASET_IMPORTS],
    definitions: `${parts.join('\n\n\n')}\n`,
    functionName,
    call: `${functionName}(${args.join(', ')})`,
  };
}

/**
 * Python that regenerates a seeded dataset exactly: a 2-D set (bit-identical float32 features and int32 labels,
 * the added points placed as LayerLab places them) or a regression set (bit-identical float32 features and
 * targets), for a student's script or notebook. The config is assumed valid (validateDatasetConfig).
 * `normal`: the script also draws normal numbers (starting weights with a *_normal initializer), so the generator is
 * written with its normal draw and the portable log, sin and cos even when the data does not need them.
 */
export function pythonDataset(config: GeneratedDatasetConfig, options: { normal?: boolean } = {}): PythonDatasetCode {
  return config.kind === 'builtin' ? builtinCode(config, options.normal ?? false) : regressionCode(config);
}
