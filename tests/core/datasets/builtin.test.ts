import { describe, it, expect } from 'vitest';
import {
  BUILTIN_DATASET_NAMES,
  BUILTIN_DATASETS,
  classCounts,
  gaussCentres,
  generateBuiltinDataset,
  type BuiltinDatasetConfig,
  type BuiltinDatasetName,
  type Dataset,
} from '../../../src/core/datasets/index.ts';

type Overrides = Partial<Omit<BuiltinDatasetConfig, 'kind' | 'name'>>;

function build(name: BuiltinDatasetName, overrides: Overrides = {}): Dataset {
  const result = generateBuiltinDataset({ ...BUILTIN_DATASETS[name].defaultConfig, ...overrides });
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

function point(d: Dataset, row: number): { x: number; y: number; label: number } {
  return { x: d.features[row * 2] ?? Number.NaN, y: d.features[row * 2 + 1] ?? Number.NaN, label: d.labels[row] ?? -1 };
}

function points(d: Dataset): Array<{ x: number; y: number; label: number }> {
  return Array.from({ length: d.numSamples }, (_, row) => point(d, row));
}

function featureSum(d: Dataset): number {
  let sum = 0;
  for (const v of d.features) sum += v;
  return Math.round(sum * 1e4) / 1e4;
}

function firstRows(d: Dataset, count: number): number[][] {
  return Array.from({ length: count }, (_, row) => [d.features[row * 2] ?? Number.NaN, d.features[row * 2 + 1] ?? Number.NaN]);
}

const MAX_CLASSES: Record<BuiltinDatasetName, number> = { circle: 2, xor: 2, gauss: 5, spiral: 5, moons: 2 };

describe.each(BUILTIN_DATASET_NAMES.map((name) => ({ name })))('$name: common properties', ({ name }) => {
  const maxClasses = MAX_CLASSES[name];

  it('has the right shape, types and names', () => {
    const d = build(name, { samples: 123, classes: maxClasses });
    expect(d.numSamples).toBe(123);
    expect(d.numFeatures).toBe(2);
    expect(d.numClasses).toBe(maxClasses);
    expect(d.features).toBeInstanceOf(Float32Array);
    expect(d.labels).toBeInstanceOf(Int32Array);
    expect(d.features).toHaveLength(246);
    expect(d.labels).toHaveLength(123);
    expect(d.featureNames).toEqual(['x1', 'x2']);
    expect(d.classNames).toHaveLength(maxClasses);
    expect(d.name.length).toBeGreaterThan(0);
  });

  it.each([10, 11, 301, 10000])('splits %i samples evenly across every allowed class count', (samples) => {
    for (let classes = BUILTIN_DATASETS[name].minClasses; classes <= BUILTIN_DATASETS[name].maxClasses; classes++) {
      const d = build(name, { samples, classes });
      expect(d.labels.every((label) => label >= 0 && label < classes)).toBe(true);
      const counts = classCounts(d.labels, classes);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(samples);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every point finite and inside [-6, 6]² even at the highest noise', () => {
    for (const noise of [0, 0.25, 0.5]) {
      const d = build(name, { samples: 3000, noise, classes: maxClasses });
      expect(d.features.every((v) => Number.isFinite(v) && Math.abs(v) <= 6)).toBe(true);
    }
  });

  it('gives bit-identical arrays for the same config', () => {
    const a = build(name, { samples: 500, noise: 0.3, seed: 77, classes: maxClasses });
    const b = build(name, { samples: 500, noise: 0.3, seed: 77, classes: maxClasses });
    expect(a.features).toEqual(b.features);
    expect(a.labels).toEqual(b.labels);
    expect(new Uint32Array(a.features.buffer)).toEqual(new Uint32Array(b.features.buffer));
  });

  it('gives different data for different seeds', () => {
    const a = build(name, { seed: 1, noise: 0.2 });
    const b = build(name, { seed: 2, noise: 0.2 });
    expect(a.features).not.toEqual(b.features);
    expect(a.labels).not.toEqual(b.labels);
  });

  it('mixes the classes instead of sorting rows by class', () => {
    const d = build(name, { samples: 500, classes: maxClasses });
    const first20 = Array.from(d.labels.slice(0, 20));
    expect(new Set(first20).size).toBeGreaterThan(1);
    let changes = 0;
    for (let i = 1; i < d.numSamples; i++) if (d.labels[i] !== d.labels[i - 1]) changes++;
    expect(changes).toBeGreaterThan(d.numSamples / 4);
  });

  it('moves the same points when only the noise changes (same row order)', () => {
    const quiet = build(name, { samples: 400, noise: 0, seed: 5, classes: maxClasses });
    const noisy = build(name, { samples: 400, noise: 0.3, seed: 5, classes: maxClasses });
    expect(noisy.labels).toEqual(quiet.labels);
    expect(noisy.features).not.toEqual(quiet.features);
  });

  it('has a valid default config and student-facing text', () => {
    const entry = BUILTIN_DATASETS[name];
    expect(entry.defaultConfig.name).toBe(name);
    expect(entry.defaultConfig.kind).toBe('builtin');
    expect(generateBuiltinDataset(entry.defaultConfig).ok).toBe(true);
    expect(entry.title.length).toBeGreaterThan(0);
    expect(entry.description).toMatch(/^[A-Z].*\.$/);
    expect(entry.minClasses).toBeLessThanOrEqual(entry.maxClasses);
  });
});

describe('circle', () => {
  it('golden checksum', () => {
    const d = build('circle', { samples: 200, noise: 0.2, seed: 123, classes: 2 });
    expect(d.name).toBe('Circle');
    expect(d.classNames).toEqual(['inside', 'outside']);
    expect(featureSum(d)).toBe(6.1536);
    expect(firstRows(d, 3)).toEqual([
      [-0.03121190518140793, -1.1509220600128174],
      [-0.4436189830303192, 4.920005798339844],
      [-3.8469934463500977, -1.4678990840911865],
    ]);
    expect(Array.from(d.labels.slice(0, 10))).toEqual([0, 1, 1, 1, 1, 0, 1, 1, 0, 0]);
  });

  it('class 0 (inside) has a smaller mean radius than class 1 (outside)', () => {
    const d = build('circle', { samples: 1000, noise: 0.1 });
    const radii: number[][] = [[], []];
    for (const p of points(d)) radii[p.label]?.push(Math.hypot(p.x, p.y));
    const meanOf = (values: number[] = []): number => values.reduce((a, b) => a + b, 0) / values.length;
    expect(meanOf(radii[0])).toBeLessThan(1.8);
    expect(meanOf(radii[1])).toBeGreaterThan(3.8);
  });

  it('with no noise, the disk and the ring do not touch', () => {
    const d = build('circle', { samples: 2000, noise: 0 });
    for (const p of points(d)) {
      const r = Math.hypot(p.x, p.y);
      if (p.label === 0) expect(r).toBeLessThanOrEqual(2.5 + 1e-5);
      else {
        expect(r).toBeGreaterThanOrEqual(3.5 - 1e-5);
        expect(r).toBeLessThanOrEqual(5 + 1e-5);
      }
    }
  });
});

describe('xor', () => {
  it('golden checksum', () => {
    const d = build('xor', { samples: 200, noise: 0.2, seed: 123, classes: 2 });
    expect(d.name).toBe('XOR');
    expect(d.classNames).toEqual(['same sign', 'opposite sign']);
    expect(featureSum(d)).toBe(-7.2212);
    expect(firstRows(d, 3)).toEqual([
      [5.29158878326416, 3.2360951900482178],
      [-0.05229391157627106, -3.8623032569885254],
      [3.167004108428955, 5.972089767456055],
    ]);
    expect(Array.from(d.labels.slice(0, 10))).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
  });

  it('with low noise, the label matches the sign of x1 * x2 for over 95% of points', () => {
    const d = build('xor', { samples: 2000, noise: 0.02 });
    const matches = points(d).filter((p) => (p.x * p.y > 0 ? 0 : 1) === p.label).length;
    expect(matches / d.numSamples).toBeGreaterThan(0.95);
  });

  it('with no noise, every label matches and points keep a gap from the axes', () => {
    const d = build('xor', { samples: 2000, noise: 0 });
    for (const p of points(d)) {
      expect(p.x * p.y > 0 ? 0 : 1).toBe(p.label);
      expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThanOrEqual(0.3 - 1e-6);
    }
  });

  it('fills all four quadrants', () => {
    const d = build('xor', { samples: 1000, noise: 0 });
    const quadrants = new Set(points(d).map((p) => `${Math.sign(p.x)},${Math.sign(p.y)}`));
    expect(quadrants.size).toBe(4);
  });
});

describe('gauss', () => {
  function classMeans(d: Dataset): Array<{ x: number; y: number }> {
    const sums = Array.from({ length: d.numClasses }, () => ({ x: 0, y: 0, n: 0 }));
    for (const p of points(d)) {
      const s = sums[p.label];
      if (s) {
        s.x += p.x;
        s.y += p.y;
        s.n++;
      }
    }
    return sums.map((s) => ({ x: s.x / s.n, y: s.y / s.n }));
  }

  it('golden checksum', () => {
    const d = build('gauss', { samples: 200, noise: 0.2, seed: 123, classes: 3 });
    expect(d.name).toBe('Gaussian blobs (3 blobs)');
    expect(d.classNames).toEqual(['class 0', 'class 1', 'class 2']);
    expect(featureSum(d)).toBe(4.2802);
    expect(firstRows(d, 3)).toEqual([
      [1.4834522008895874, -2.2816433906555176],
      [1.346606969833374, -2.6996636390686035],
      [-2.5091331005096436, 0.9305331707000732],
    ]);
    expect(Array.from(d.labels.slice(0, 10))).toEqual([2, 2, 1, 2, 0, 2, 1, 1, 1, 0]);
  });

  it('two classes are centred at (2, 2) and (-2, -2) like Playground', () => {
    const centres = gaussCentres(2);
    expect(centres[0]?.x).toBeCloseTo(2, 12);
    expect(centres[0]?.y).toBeCloseTo(2, 12);
    expect(centres[1]?.x).toBeCloseTo(-2, 12);
    expect(centres[1]?.y).toBeCloseTo(-2, 12);
    const means = classMeans(build('gauss', { samples: 4000, noise: 0.1, classes: 2 }));
    expect(Math.hypot((means[0]?.x ?? 0) - 2, (means[0]?.y ?? 0) - 2)).toBeLessThan(0.1);
    expect(Math.hypot((means[1]?.x ?? 0) + 2, (means[1]?.y ?? 0) + 2)).toBeLessThan(0.1);
  });

  it('class means sit near centres evenly spaced on a circle for 5 classes', () => {
    const centres = gaussCentres(5);
    const means = classMeans(build('gauss', { samples: 5000, noise: 0.1, classes: 5 }));
    centres.forEach((c, k) => {
      expect(Math.hypot(c.x, c.y)).toBeCloseTo(2 * Math.SQRT2, 12);
      const m = means[k] ?? { x: Number.NaN, y: Number.NaN };
      expect(Math.hypot(m.x - c.x, m.y - c.y)).toBeLessThan(0.12);
    });
  });

  it('the blobs spread out as noise grows', () => {
    const spread = (noise: number): number => {
      const d = build('gauss', { samples: 4000, noise, seed: 3 });
      const pts = points(d).filter((p) => p.label === 0);
      return Math.sqrt(pts.reduce((s, p) => s + (p.x - 2) ** 2 + (p.y - 2) ** 2, 0) / (2 * pts.length));
    };
    const low = spread(0);
    const high = spread(0.5);
    expect(low).toBeGreaterThan(0.6);
    expect(low).toBeLessThan(0.8);
    expect(high).toBeGreaterThan(2 * low);
  });
});

describe('spiral', () => {
  it('golden checksum', () => {
    const d = build('spiral', { samples: 200, noise: 0.2, seed: 123, classes: 3 });
    expect(d.name).toBe('Spiral (3 arms)');
    expect(featureSum(d)).toBe(-4.9295);
    expect(firstRows(d, 3)).toEqual([
      [-2.356032133102417, -2.515625476837158],
      [-1.344354271888733, 0.71414715051651],
      [1.0493497848510742, -0.11446434259414673],
    ]);
    expect(Array.from(d.labels.slice(0, 10))).toEqual([2, 2, 1, 2, 0, 2, 1, 1, 1, 0]);
  });

  it.each([2, 3, 5])('with no noise, the angle grows with the radius along each of %i arms', (classes) => {
    const d = build('spiral', { samples: 600, noise: 0, classes });
    for (let arm = 0; arm < classes; arm++) {
      const pts = points(d)
        .filter((p) => p.label === arm)
        .map((p) => ({ r: Math.hypot(p.x, p.y), angle: Math.atan2(p.y, p.x) }))
        .sort((a, b) => a.r - b.r);
      let turned = 0;
      for (let i = 1; i < pts.length; i++) {
        let step = (pts[i]?.angle ?? 0) - (pts[i - 1]?.angle ?? 0);
        if (step <= -Math.PI) step += 2 * Math.PI;
        if (step > Math.PI) step -= 2 * Math.PI;
        expect(step).toBeGreaterThan(0);
        turned += step;
      }
      // Each arm makes about 1.75 turns.
      expect(turned / (2 * Math.PI)).toBeGreaterThan(1.6);
      expect(turned / (2 * Math.PI)).toBeLessThan(1.8);
      expect(pts[pts.length - 1]?.r).toBeLessThanOrEqual(5 + 1e-5);
    }
  });

  it('arms start at evenly spaced angles', () => {
    const d = build('spiral', { samples: 3000, noise: 0, classes: 3 });
    for (let arm = 0; arm < 3; arm++) {
      const innermost = points(d)
        .filter((p) => p.label === arm)
        .reduce((best, p) => (Math.hypot(p.x, p.y) < Math.hypot(best.x, best.y) ? p : best));
      const expected = (2 * Math.PI * arm) / 3;
      const angle = Math.atan2(innermost.y, innermost.x);
      const diff = Math.atan2(Math.sin(angle - expected), Math.cos(angle - expected));
      expect(Math.abs(diff)).toBeLessThan(0.05);
    }
  });
});
