import { describe, it, expect } from 'vitest';
import { BUILTIN_DATASETS, generateBuiltinDataset, type Dataset } from '../../../src/core/datasets/index.ts';

interface Point {
  x: number;
  y: number;
  label: number;
}

function moons(samples: number, noise: number, seed = 1): Point[] {
  const result = generateBuiltinDataset({ ...BUILTIN_DATASETS.moons.defaultConfig, samples, noise, seed });
  if (!result.ok) throw new Error(result.message);
  const d: Dataset = result.dataset;
  return Array.from({ length: d.numSamples }, (_, i) => ({
    x: d.features[i * 2] as number,
    y: d.features[i * 2 + 1] as number,
    label: d.labels[i] as number,
  }));
}

// make_moons scaled by 10/3 and centred: the upper moon is an arc of radius 10/3 about (-5/3, -5/6), the lower one
// the same arc turned half a circle about the origin.
const RADIUS = 10 / 3;
const UPPER_CENTRE = { x: -5 / 3, y: -5 / 6 };
const LOWER_CENTRE = { x: 5 / 3, y: 5 / 6 };

function nearest(points: Point[], target: { x: number; y: number }): Point {
  return points.reduce((best, p) =>
    Math.hypot(p.x - target.x, p.y - target.y) < Math.hypot(best.x - target.x, best.y - target.y) ? p : best,
  );
}

/** True when p is strictly inside the triangle abc. */
function insideTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const side = (u: Point, v: Point): number => (v.x - u.x) * (p.y - u.y) - (v.y - u.y) * (p.x - u.x);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 > 0 && s2 > 0 && s3 > 0) || (s1 < 0 && s2 < 0 && s3 < 0);
}

describe('moons', () => {
  it('is titled and labelled for students', () => {
    const result = generateBuiltinDataset(BUILTIN_DATASETS.moons.defaultConfig);
    if (!result.ok) throw new Error(result.message);
    expect(result.dataset.name).toBe('Two moons');
    expect(result.dataset.classNames).toEqual(['upper moon', 'lower moon']);
    expect(result.dataset.task).toBe('classification');
  });

  it('with no noise, every point lies on its half circle, in the [-5, 5] × [-2.5, 2.5] frame', () => {
    const off = moons(2000, 0).filter((p) => {
      const centre = p.label === 0 ? UPPER_CENTRE : LOWER_CENTRE;
      // The upper moon is the top half of its circle, the lower moon the bottom half of its own.
      const rightHalf = p.label === 0 ? p.y >= centre.y - 1e-6 : p.y <= centre.y + 1e-6;
      const onCircle = Math.abs(Math.hypot(p.x - centre.x, p.y - centre.y) - RADIUS) < 1e-5;
      const inFrame = Math.abs(p.x) <= 5 + 1e-5 && Math.abs(p.y) <= 2.5 + 1e-5;
      return !(rightHalf && onCircle && inFrame);
    });
    expect(off).toEqual([]);
  });

  it('the moons sit on opposite sides of the origin: centroids near (-5/3, 1.29) and (5/3, -1.29)', () => {
    // Uniform t on [0, π]: the mean of cos t is 0 and of sin t is 2/π.
    const expectedY = RADIUS * (2 / Math.PI - 0.25);
    const points = moons(4000, 0.1, 7);
    for (const [label, sign] of [
      [0, 1],
      [1, -1],
    ] as const) {
      const own = points.filter((p) => p.label === label);
      const mx = own.reduce((s, p) => s + p.x, 0) / own.length;
      const my = own.reduce((s, p) => s + p.y, 0) / own.length;
      expect(Math.abs(mx - sign * (-5 / 3))).toBeLessThan(0.15);
      expect(Math.abs(my - sign * expectedY)).toBeLessThan(0.15);
    }
  });

  it('no straight line separates the classes even without noise: each tip lies inside a triangle of the other moon', () => {
    // If a lower-moon point is inside a triangle of upper-moon points, any line with every upper point on one
    // side has that lower point on the same side, so a linear model must get something wrong.
    const points = moons(1000, 0, 3);
    const upper = points.filter((p) => p.label === 0);
    const lower = points.filter((p) => p.label === 1);
    const upperTriangle = [
      nearest(upper, { x: 5 / 3, y: -5 / 6 }),
      nearest(upper, { x: -5, y: -5 / 6 }),
      nearest(upper, { x: -5 / 3, y: 2.5 }),
    ] as const;
    const lowerTip = nearest(lower, { x: -5 / 3, y: 5 / 6 });
    expect(insideTriangle(lowerTip, ...upperTriangle)).toBe(true);
    const lowerTriangle = [
      nearest(lower, { x: -5 / 3, y: 5 / 6 }),
      nearest(lower, { x: 5, y: 5 / 6 }),
      nearest(lower, { x: 5 / 3, y: -2.5 }),
    ] as const;
    const upperTip = nearest(upper, { x: 5 / 3, y: -5 / 6 });
    expect(insideTriangle(upperTip, ...lowerTriangle)).toBe(true);
  });
});
