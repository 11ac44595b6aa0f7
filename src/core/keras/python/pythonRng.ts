/**
 * LayerLab's seeded random numbers and portable math (src/core/datasets/rng.ts), written in Python for the exported
 * scripts: the same seed gives the same numbers in Python as in LayerLab, bit for bit.
 *
 * - splitmix32 seeding, sfc32 (32-bit integer math, written in Python with `& MASK32`), `next`, `normal`
 *   (Box–Muller), `below` (rng.ts's `int`: rejection sampling), `permutation`, and the portable fdlibm log/sin/cos.
 *   Only + - * /, `math.sqrt`, `math.floor` and `math.fmod` are used, which Python and JavaScript compute
 *   identically (IEEE 754); JavaScript's `Math.round` is ported as `js_round` because Python's `round` rounds
 *   halves to even.
 * - Plain Python floats (IEEE doubles) throughout; numpy only makes the final float32/int32 arrays, rounding each
 *   double to float32 to nearest-even exactly as a JavaScript Float32Array does.
 *
 * tests/keras/pythonExport.test.ts runs this code in Python and compares it with rng.ts bit for bit.
 */

/** A JavaScript number as a Python literal that parses to the same double (both use the shortest round-trip form). */
export function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return 'math.nan';
  if (value === Number.POSITIVE_INFINITY) return 'math.inf';
  if (value === Number.NEGATIVE_INFINITY) return '-math.inf';
  return String(value);
}

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
export function banner(title: string): string {
  const start = `# ---- ${title} `;
  return start + '-'.repeat(Math.max(4, 92 - start.length));
}

/** Python source without its first blank line and trailing white space. */
export function block(lines: string): string {
  return lines.replace(/^\n/, '').replace(/\s+$/, '');
}

export const RNG_INTRO = block(`
${banner("LayerLab's random numbers")}
# The same seed gives the same numbers on every computer: the generator (sfc32, seeded
# through splitmix32) uses only whole numbers of 32 bits. Python's whole numbers never
# overflow, so every step keeps the low 32 bits with "& MASK32", as JavaScript does.

MASK32 = 0xFFFFFFFF


def normalise_seed(seed):
    """Any number -> the whole number from 0 to 2**32 - 1 that seeds the generator."""
    return math.trunc(seed) % 2**32
`);

export function rngClass(withNormal: boolean): string {
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

export function portableMathIntro(withLog: boolean): string {
  const names = withLog ? 'math.sin, math.cos and math.log' : 'math.sin and math.cos';
  return block(`
${banner(withLog ? 'Portable sin, cos and log' : 'Portable sin and cos')}
# ${names} may differ in the last digit from one computer to another,
# so LayerLab uses these versions (from fdlibm), built only from + - * / and math.sqrt,
# which every computer computes identically.
`);
}

export const PORTABLE_TRIG = block(`
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

export const PORTABLE_LOG = block(`
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


/**
 * The generator on its own, for a script whose data step does not define it (Iris, a CSV file, MNIST): the intro,
 * the Rng class and permutation, and, when `normal` draws are needed, the portable sin, cos and log they use.
 */
export function rngDefinitions(normal: boolean): string {
  return [RNG_INTRO, rngClass(normal), ...(normal ? [`${portableMathIntro(true)}\n\n${PORTABLE_TRIG}`, PORTABLE_LOG] : [])].join('\n\n\n');
}
