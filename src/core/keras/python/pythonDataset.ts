/**
 * Python source that regenerates a LayerLab built-in dataset exactly: the same float32 features and labels as
 * `generateBuiltinDataset` (src/core/datasets/builtin.ts) for the same config, bit for bit.
 *
 * The Python is a line-by-line port of the TypeScript, so keep the two in step:
 * - rng.ts: splitmix32 seeding, sfc32 (32-bit integer math, written in Python with `& MASK32`), `next`, `normal`
 *   (Box–Muller), `int` (rejection sampling), `permutation`, and the portable fdlibm log/sin/cos. Only + - * /,
 *   `math.sqrt`, `math.floor` and `math.fmod` are used, which Python and JavaScript compute identically
 *   (IEEE 754); JavaScript's `Math.round` is ported as `js_round` because Python's `round` rounds halves to even.
 * - builtin.ts: the constants (written as the same expressions, so they are the same doubles), the four
 *   generators with their random draws in the same order, folding into [-6, 6], and the final shuffle.
 * - Plain Python floats (IEEE doubles) until the end; numpy only makes the float32/int32 arrays, rounding each
 *   double to float32 to nearest-even exactly as a JavaScript Float32Array does.
 *
 * tests/keras/pythonExport.test.ts runs this code in Python for every set, several seeds, noise levels and class
 * counts, and compares the float32 bits with the TypeScript generator's.
 *
 * Only what a dataset needs is emitted (XOR needs no sin/cos, only gauss needs log and normal draws), so the
 * student's script stays as short as it can be.
 */
import { BUILTIN_DATASETS } from '../../datasets/builtin.ts';
import type { BuiltinDatasetConfig, BuiltinDatasetName } from '../../datasets/types.ts';

/** Python code for one dataset config. */
export interface PythonDatasetCode {
  /** Import lines the code needs, e.g. `import math`. */
  imports: string[];
  /** Python definitions (constants, the random number generator, helpers, the generator function). */
  definitions: string;
  /** The generator function's name, e.g. `make_xor`. */
  functionName: string;
  /** A Python expression returning `(features, labels)` for the config, e.g. `make_xor(samples=400, noise=0.1, seed=1)`. */
  call: string;
}

export const PYTHON_DATASET_IMPORTS: readonly string[] = ['import math', '', 'import numpy as np'];

/** A JavaScript number as a Python literal that parses to the same double (both use the shortest round-trip form). */
export function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return 'math.nan';
  if (value === Number.POSITIVE_INFINITY) return 'math.inf';
  if (value === Number.NEGATIVE_INFINITY) return '-math.inf';
  return String(value);
}

const NEEDS_TRIG: Readonly<Record<BuiltinDatasetName, boolean>> = { circle: true, xor: false, gauss: true, spiral: true };

/** Splits text into lines of at most `width` characters, at spaces (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A comment line `# ---- title -----...` of a fixed width. */
function banner(title: string): string {
  const start = `# ---- ${title} `;
  return start + '-'.repeat(Math.max(4, 92 - start.length));
}

function block(lines: string): string {
  return lines.replace(/^\n/, '').replace(/\s+$/, '');
}

const RNG_INTRO = block(`
${banner("LayerLab's random numbers")}
# The same seed gives the same numbers on every computer: the generator (sfc32, seeded
# through splitmix32) uses only whole numbers of 32 bits. Python's whole numbers never
# overflow, so every step keeps the low 32 bits with "& MASK32", as JavaScript does.

MASK32 = 0xFFFFFFFF


def normalise_seed(seed):
    """Any number -> the whole number from 0 to 2**32 - 1 that seeds the generator."""
    return math.trunc(seed) % 2**32
`);

function rngClass(withNormal: boolean): string {
  const normal = withNormal
    ? `

    def normal(self):
        """A draw from the standard normal distribution (Box-Muller); draws come in pairs."""
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        u1 = 1 - self.next()  # in (0, 1], so the logarithm is finite
        u2 = self.next()
        radius = math.sqrt(-2 * portable_log(u1))
        theta = 2 * math.pi * u2
        self.spare = radius * portable_sin(theta)
        return radius * portable_cos(theta)`
    : '';
  return block(`
class Rng:
    """LayerLab's seeded random number generator (sfc32, seeded by splitmix32)."""

    def __init__(self, seed):
        state = normalise_seed(seed)
        words = []
        for _ in range(4):  # splitmix32 turns the seed into sfc32's four state words
            state = (state + 0x9E3779B9) & MASK32
            t = state ^ (state >> 16)
            t = (t * 0x21F0AAAD) & MASK32
            t ^= t >> 15
            t = (t * 0x735A2D97) & MASK32
            t ^= t >> 15
            words.append(t)
        self.a, self.b, self.c, self.d = words${withNormal ? '\n        self.spare = None' : ''}
        for _ in range(12):  # warm-up: the first 12 numbers are thrown away
            self.next_uint32()

    def next_uint32(self):
        """The next whole number from 0 to 2**32 - 1 (one step of sfc32)."""
        t = (self.a + self.b + self.d) & MASK32
        self.d = (self.d + 1) & MASK32
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & MASK32
        self.c = ((self.c << 21) | (self.c >> 11)) & MASK32
        self.c = (self.c + t) & MASK32
        return t

    def next(self):
        """A random number from 0 (included) to 1 (excluded)."""
        return self.next_uint32() / 4294967296${normal}

    def below(self, n):
        """A random whole number from 0 to n - 1, every value equally likely."""
        limit = 4294967296 - 4294967296 % n
        value = self.next_uint32()
        while value >= limit:
            value = self.next_uint32()
        return value % n


def permutation(n, rng):
    """A random order of 0, 1, ..., n - 1 (Fisher-Yates shuffle, from the end down)."""
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = rng.below(i + 1)
        order[i], order[j] = order[j], order[i]
    return order
`);
}

function portableMathIntro(withLog: boolean): string {
  const names = withLog ? 'math.sin, math.cos and math.log' : 'math.sin and math.cos';
  return block(`
${banner(withLog ? 'Portable sin, cos and log' : 'Portable sin and cos')}
# ${names} may differ in the last digit from one computer to another,
# so LayerLab uses these versions (from fdlibm), built only from + - * / and math.sqrt,
# which every computer computes identically.
`);
}

const PORTABLE_TRIG = block(`
S1 = -1.66666666666666324348e-1
S2 = 8.33333333332248946124e-3
S3 = -1.98412698298579493134e-4
S4 = 2.75573137070700676789e-6
S5 = -2.50507602534068634195e-8
S6 = 1.58969099521155010221e-10
C1 = 4.16666666666666019037e-2
C2 = -1.38888888888741095749e-3
C3 = 2.48015872894767294178e-5
C4 = -2.75573143513906633035e-7
C5 = 2.08757232129817482790e-9
C6 = -1.13596475577881948265e-11
INV_PIO2 = 6.36619772367581382433e-1
PIO2_1 = 1.57079632673412561417  # first 33 bits of pi/2
PIO2_1T = 6.07710050650619224932e-11  # pi/2 - PIO2_1


def js_round(v):
    """Rounds like JavaScript's Math.round: halves go up (Python's round() goes to the even number)."""
    n = math.floor(v)
    if v - n >= 0.5:
        n += 1
    return math.copysign(0.0, v) if n == 0 else float(n)


def kernel_sin(x, y):
    """sin(x + y) for |x + y| <= pi/4 (y is a tiny correction)."""
    z = x * x
    v = z * x
    r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))
    return x - (z * (0.5 * y - v * r) - y - v * S1)


def kernel_cos(x, y):
    """cos(x + y) for |x + y| <= pi/4 (y is a tiny correction)."""
    z = x * x
    r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))))
    hz = 0.5 * z
    w = 1 - hz
    return w + (1 - w - hz + (z * r - x * y))


def reduce_half_pi(x):
    """Writes x as n * pi/2 + (hi + lo) with |hi + lo| <= pi/4; returns (n mod 4, hi, lo)."""
    n = js_round(x * INV_PIO2)
    r = x - n * PIO2_1
    w = n * PIO2_1T
    hi = r - w
    lo = r - hi - w
    return int(n) & 3, hi, lo


def portable_sin(x):
    if not math.isfinite(x):
        return math.nan
    quadrant, hi, lo = reduce_half_pi(x)
    if quadrant == 0:
        return kernel_sin(hi, lo)
    if quadrant == 1:
        return kernel_cos(hi, lo)
    if quadrant == 2:
        return -kernel_sin(hi, lo)
    return -kernel_cos(hi, lo)


def portable_cos(x):
    if not math.isfinite(x):
        return math.nan
    quadrant, hi, lo = reduce_half_pi(x)
    if quadrant == 0:
        return kernel_cos(hi, lo)
    if quadrant == 1:
        return -kernel_sin(hi, lo)
    if quadrant == 2:
        return -kernel_cos(hi, lo)
    return kernel_sin(hi, lo)
`);

const PORTABLE_LOG = block(`
SQRT2 = 1.4142135623730951
SQRT1_2 = 0.7071067811865476
LN2_HI = 6.93147180369123816490e-1
LN2_LO = 1.90821492927058770002e-10
LG1 = 6.666666666666735130e-1
LG2 = 3.999999999940941908e-1
LG3 = 2.857142874366239149e-1
LG4 = 2.222219843214978396e-1
LG5 = 1.818357216161805012e-1
LG6 = 1.531383769920937332e-1
LG7 = 1.479819860511658591e-1


def portable_log(x):
    """Natural logarithm, the same on every computer (fdlibm's method)."""
    if math.isnan(x) or x < 0:
        return math.nan
    if x == 0:
        return -math.inf
    if x == math.inf:
        return x
    k = 0  # x = 2**k * m with sqrt(2)/2 <= m < sqrt(2)
    m = x
    while m >= SQRT2:
        m *= 0.5
        k += 1
    while m < SQRT1_2:
        m *= 2
        k -= 1
    f = m - 1
    s = f / (2 + f)
    z = s * s
    w = z * z
    t1 = w * (LG2 + w * (LG4 + w * LG6))
    t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)))
    r = t2 + t1
    hfsq = 0.5 * f * f
    return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f)
`);

/** Constants of builtin.ts each generator uses, as the same expressions. */
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

function docstring(config: BuiltinDatasetConfig): string {
  const info = BUILTIN_DATASETS[config.name];
  const title = info.title;
  const classes =
    config.name === 'circle'
      ? 'labels (0 = inside, 1 = outside)'
      : config.name === 'xor'
        ? 'labels (0 = same sign, 1 = opposite sign)'
        : 'labels (the class of each point, 0 to classes - 1)';
  const body = [
    ...wrapText(info.description, 88),
    '',
    ...wrapText(
      `Returns (features, labels): features is a float32 array with one row (x1, x2) per point, every value between -6 and 6; ${classes} is an int32 array.`,
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

/** The generator function for `config.name`, ported from builtin.ts. */
function generatorFunction(config: BuiltinDatasetConfig): string {
  const doc = docstring(config);
  switch (config.name) {
    case 'circle':
      return block(`
def make_circle(samples, noise, seed):
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
    return shuffled_arrays(points, rng)
`);
    case 'xor':
      return block(`
def make_xor(samples, noise, seed):
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
    return shuffled_arrays(points, rng)
`);
    case 'gauss':
      return block(`
def make_gauss(samples, noise, seed, classes):
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
    return shuffled_arrays(points, rng)
`);
    case 'spiral':
      return block(`
def make_spiral(samples, noise, seed, classes):
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
    return shuffled_arrays(points, rng)
`);
  }
}

/** The name of the Python function that makes `name`'s data. */
export function pythonDatasetFunctionName(name: BuiltinDatasetName): string {
  return `make_${name}`;
}

/**
 * Python that regenerates the built-in dataset of `config` exactly (bit-identical float32 features and int32
 * labels), for a student's script or notebook. The config is assumed valid (validateBuiltinDatasetConfig).
 */
export function pythonDataset(config: BuiltinDatasetConfig): PythonDatasetCode {
  const { name } = config;
  const trig = NEEDS_TRIG[name];
  const gauss = name === 'gauss';
  const constants = [
    banner(`The ${BUILTIN_DATASETS[name].title} data`),
    'DATA_RADIUS = 5  # the clean points span about -5..5; noise is measured against this',
    'DATA_LIMIT = 6  # every value ends up between -6 and 6',
    SET_CONSTANTS[name],
  ].join('\n');
  const parts = [
    RNG_INTRO,
    rngClass(gauss),
    ...(trig ? [`${portableMathIntro(gauss)}\n\n${PORTABLE_TRIG}`] : []),
    ...(gauss ? [PORTABLE_LOG] : []),
    constants,
    ...(name === 'gauss' ? [] : [JITTER]),
    ...(name === 'circle' || name === 'xor' ? [UNIFORM] : []),
    SHARED_HELPERS,
    generatorFunction(config),
  ];
  const functionName = pythonDatasetFunctionName(name);
  const args = [`samples=${pythonNumber(config.samples)}`, `noise=${pythonNumber(config.noise)}`, `seed=${pythonNumber(config.seed)}`];
  if (name === 'gauss' || name === 'spiral') args.push(`classes=${pythonNumber(config.classes)}`);
  return {
    imports: [...PYTHON_DATASET_IMPORTS],
    definitions: `${parts.join('\n\n\n')}\n`,
    functionName,
    call: `${functionName}(${args.join(', ')})`,
  };
}
