import { describe, it, expect } from 'vitest';
import {
  BUILTIN_DATASETS,
  generateBuiltinDataset,
  validateBuiltinDatasetConfig,
  type AddedPoint,
  type BuiltinDatasetConfig,
  type Dataset,
} from '../../../src/core/datasets/index.ts';

function build(config: BuiltinDatasetConfig): Dataset {
  const result = generateBuiltinDataset(config);
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

const base: BuiltinDatasetConfig = { ...BUILTIN_DATASETS.circle.defaultConfig, samples: 300, noise: 0.2, seed: 9 };

/** Points on a grid of exact float32 values that the generators never produce bit for bit. */
function gridPoints(count: number): AddedPoint[] {
  return Array.from({ length: count }, (_, i) => ({ x1: -5.75 + (i % 23) * 0.5, x2: 5.875 - Math.floor(i / 23) * 0.25, label: i % 2 }));
}

type Row = [number, number, number];
const rowsOf = (d: Dataset): Row[] =>
  Array.from({ length: d.numSamples }, (_, i) => [d.features[i * 2] as number, d.features[i * 2 + 1] as number, d.labels[i] as number]);
const same = (a: Row, b: Row): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/**
 * Splits the rows of a dataset with additions back into the generated rows and the added points (told apart by
 * their unique grid coordinates). Fails unless the generated rows are exactly `generated`'s, in order, and every
 * added point appears once. Returns, per added point, how many generated rows come before it.
 */
function unmerge(withAdded: Dataset, generated: Dataset, added: AddedPoint[]): number[] {
  const plain = rowsOf(generated);
  const key = (x1: number, x2: number): string => `${x1},${x2}`;
  const addedIndex = new Map(added.map((p, j) => [key(p.x1, p.x2), j]));
  const positions = new Array<number>(added.length).fill(-1);
  let next = 0;
  for (const row of rowsOf(withAdded)) {
    const expected = plain[next];
    if (expected !== undefined && same(row, expected)) {
      next++;
      continue;
    }
    const j = addedIndex.get(key(row[0], row[1]));
    if (j === undefined) throw new Error(`Row ${row.join(', ')} is neither the next generated row nor an added point.`);
    expect(row[2]).toBe(added[j]?.label);
    expect(positions[j]).toBe(-1);
    positions[j] = next;
  }
  expect(next).toBe(plain.length);
  expect(positions.every((p) => p >= 0)).toBe(true);
  return positions;
}

describe('points a student adds on the plot', () => {
  it('join the data, and the generated points are the same ones in the same order', () => {
    const added = gridPoints(40);
    const withAdded = build({ ...base, added });
    expect(withAdded.numSamples).toBe(340);
    expect(withAdded.labels).toHaveLength(340);
    const positions = unmerge(withAdded, build(base), added);
    expect(positions).toHaveLength(40);
  });

  it('are spread through the rows instead of appended, so the held-out last 20% gets about its share', () => {
    // The trainer tests on the last validationSplit of the rows: appended points would all be test points.
    const added = gridPoints(1000);
    const d = build({ ...base, samples: 1000, added });
    const positions = unmerge(d, build({ ...base, samples: 1000 }), added);
    const inLastFifth = positions.filter((generatedBefore) => generatedBefore >= 800).length;
    expect(inLastFifth / added.length).toBeGreaterThan(0.15);
    expect(inLastFifth / added.length).toBeLessThan(0.25);
    expect(new Set(positions).size).toBeGreaterThan(500);
  });

  it('keep their places among the generated points when more points are added later', () => {
    const first = gridPoints(30);
    const more = [...first, ...gridPoints(60).slice(30)];
    const plain = build(base);
    const before = unmerge(build({ ...base, added: first }), plain, first);
    const after = unmerge(build({ ...base, added: more }), plain, more);
    expect(after.slice(0, 30)).toEqual(before);
  });

  it('give bit-identical data for the same config, and an empty list changes nothing', () => {
    const added = gridPoints(25);
    expect(build({ ...base, added }).features).toEqual(build({ ...base, added }).features);
    expect(build({ ...base, added }).labels).toEqual(build({ ...base, added }).labels);
    expect(build({ ...base, added: [] }).features).toEqual(build(base).features);
  });

  it.each<[string, unknown, string]>([
    ['outside the plot', [{ x1: 6.5, x2: 0, label: 0 }], 'Added point 1 at (6.5, 0) is outside the plot: both coordinates must be from -6 to 6.'],
    ['of a class the set does not have', [{ x1: 0, x2: 0, label: 0 }, { x1: 1, x2: 1, label: 2 }], 'Added point 2 has class 2, but the circle dataset has classes 0 to 1.'],
    ['with a fractional class', [{ x1: 0, x2: 0, label: 0.5 }], 'Added point 1 has class 0.5, but the circle dataset has classes 0 to 1.'],
    ['with a missing coordinate', [{ x1: 0, label: 1 }], 'Added point 1 needs two numbers x1 and x2 (got 0 and nothing).'],
    ['that are not a list', { x1: 0, x2: 0, label: 0 }, 'The added points must be a list (got a object).'],
    ['that are too many', gridPoints(10001), 'At most 10000 points can be added to the plot (got 10001).'],
  ])('are refused with a message when %s', (_label, added, message) => {
    const config = { ...base, added } as BuiltinDatasetConfig;
    expect(validateBuiltinDatasetConfig(config)).toBe(message);
    const result = generateBuiltinDataset(config);
    expect(result.ok ? null : result.message).toBe(message);
  });

  it('may sit on the edge of the plot', () => {
    const added = [{ x1: -6, x2: 6, label: 1 }];
    expect(build({ ...base, added }).numSamples).toBe(301);
  });
});
