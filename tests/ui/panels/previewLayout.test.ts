import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/core/datasets/load.ts';
import type { Dataset, ProjectDataset } from '../../../src/core/datasets/types.ts';
import { digitGridLayout, PREVIEW_DIGITS, previewDigits } from '../../../src/ui/panels/data/digitGrid.ts';
import { testRowCount as testCount } from '../../../src/core/training/split.ts';
import { regressionPairs, splitPoints, testMask } from '../../../src/ui/panels/data/previewPoints.ts';
import { choicesWith, MNIST_SAMPLE_CHOICES, nearestStop, SAMPLE_STOPS, stopsBetween } from '../../../src/ui/panels/data/sampleStops.ts';
import { defaultAxes } from '../../../src/ui/panels/data/TablePreview.tsx';

function data(config: ProjectDataset): Dataset {
  const result = generateDataset(config);
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

describe('the MNIST preview grid', () => {
  it('24 digits fill the side panel in 4 rows of 6 at whole sizes no smaller than the image', () => {
    // The side panel is 320 px wide with 12 px padding each side.
    const layout = digitGridLayout(PREVIEW_DIGITS, 296, 4);
    expect(layout).toEqual({ columns: 6, rows: 4, cellSize: 46 });
    expect(layout.columns * layout.cellSize + (layout.columns - 1) * 4).toBeLessThanOrEqual(296);
  });

  it('a narrow panel gets fewer columns, never cells below 28 px', () => {
    const layout = digitGridLayout(PREVIEW_DIGITS, 130, 4);
    expect(layout.columns).toBe(4);
    expect(layout.rows).toBe(6);
    expect(layout.cellSize).toBeGreaterThanOrEqual(28);
    expect(digitGridLayout(PREVIEW_DIGITS, 10, 4)).toEqual({ columns: 1, rows: 24, cellSize: 28 });
  });

  it('fewer digits than columns take one row; none take none', () => {
    expect(digitGridLayout(3, 296, 4)).toEqual({ columns: 3, rows: 1, cellSize: 96 });
    expect(digitGridLayout(0, 296, 4).rows).toBe(0);
  });

  it('shows the first rows of the data, each with its own pixels and label', () => {
    const size = 784;
    const labels = Int32Array.from([7, 2, 1]);
    const features = new Float32Array(3 * size).map((_, i) => Math.floor(i / size) / 10);
    const dataset: Dataset = {
      name: 'digits', task: 'classification', numSamples: 3, numFeatures: size, numClasses: 10, features, labels,
      targets: new Float32Array(0), featureNames: [], classNames: Array.from({ length: 10 }, (_, d) => String(d)),
    };
    const digits = previewDigits(dataset, PREVIEW_DIGITS);
    expect(digits.map((d) => d.label)).toEqual(['7', '2', '1']);
    expect(digits.map((d) => d.pixels.length)).toEqual([size, size, size]);
    expect(digits[1]!.pixels[0]).toBeCloseTo(0.1);
  });
});

describe('train and test points in the previews', () => {
  it('holds out the same rows as the trainer: the last share, rounded down, never every row', () => {
    expect(testCount(400, 0.2)).toBe(80);
    expect(testCount(401, 0.2)).toBe(80);
    expect(testCount(10, 0)).toBe(0);
    expect(testCount(1, 0.5)).toBe(0);
    expect(testCount(3, 0.5)).toBe(1);
  });

  it('a 2-D set splits into filled training points and outlined test points, the test points being the last rows', () => {
    const dataset = data({ kind: 'builtin', name: 'gauss', samples: 500, noise: 0.1, seed: 2, classes: 3 });
    const { train, test } = splitPoints(dataset, 0.3);
    expect(train.labels.length).toBe(350);
    expect(test.labels.length).toBe(150);
    expect(Array.from(test.xy.slice(0, 2))).toEqual(Array.from(dataset.features.slice(700, 702)));
    expect(test.labels[0]).toBe(dataset.labels[350]);
    expect(new Set(Array.from(train.labels))).toEqual(new Set([0, 1, 2]));
  });

  it('the tilted plane is coloured by its target, the sine wave plotted as (x, y) pairs', () => {
    const plane = data({ kind: 'regression', name: 'plane', samples: 100, noise: 0, seed: 1 });
    const points = splitPoints(plane, 0);
    expect(points.test.labels.length).toBe(0);
    // Noise 0: y = (x1 + x2) / 12 for every point.
    expect(points.train.labels[5]).toBeCloseTo(((points.train.xy[10] as number) + (points.train.xy[11] as number)) / 12, 5);
    const sine = data({ kind: 'regression', name: 'sine', samples: 200, noise: 0, seed: 1 });
    const pairs = regressionPairs(sine, 0.1);
    expect(pairs.train.length).toBe(180 * 2);
    expect(pairs.test.length).toBe(20 * 2);
    expect(pairs.test[1]).toBeCloseTo(Math.sin(pairs.test[0] as number), 5);
  });

  it('the table scatter marks the held-out rows', () => {
    expect(Array.from(testMask(5, 0.4))).toEqual([0, 0, 0, 1, 1]);
    expect(Array.from(testMask(5, 0))).toEqual([0, 0, 0, 0, 0]);
  });

  it('Iris opens on its petal measurements, other tables on their first two columns', () => {
    expect(defaultAxes(data({ kind: 'iris', seed: 1 }).featureNames)).toEqual([2, 3]);
    expect(defaultAxes(['a', 'b', 'c'])).toEqual([0, 1]);
    expect(defaultAxes(['only'])).toEqual([0, 0]);
  });
});

describe('the points slider', () => {
  it('moves through round numbers from 10 to 10,000, finer where sets are small', () => {
    const stops = stopsBetween(10, 10000);
    expect(stops[0]).toBe(10);
    expect(stops[stops.length - 1]).toBe(10000);
    expect(stops.every((s, i) => i === 0 || s > (stops[i - 1] as number))).toBe(true);
    expect(stops.filter((s) => s <= 100).length).toBeGreaterThan(stops.filter((s) => s > 5000).length);
  });

  it('shows any value a project holds at the nearest stop', () => {
    expect(SAMPLE_STOPS[nearestStop(400, SAMPLE_STOPS)]).toBe(400);
    expect(SAMPLE_STOPS[nearestStop(420, SAMPLE_STOPS)]).toBe(400);
    expect(SAMPLE_STOPS[nearestStop(9000, SAMPLE_STOPS)]).toBe(10000);
  });

  it('MNIST offers its usual sizes plus the project’s own', () => {
    expect(choicesWith(2000, MNIST_SAMPLE_CHOICES)).toEqual([...MNIST_SAMPLE_CHOICES]);
    expect(choicesWith(300, MNIST_SAMPLE_CHOICES)).toEqual([300, 500, 1000, 2000, 5000, 10000]);
  });
});
