import { describe, it, expect } from 'vitest';
import {
  REGRESSION_DATASET_NAMES,
  REGRESSION_DATASETS,
  generateRegressionDataset,
  validateRegressionDatasetConfig,
  type Dataset,
  type RegressionDatasetConfig,
  type RegressionDatasetName,
} from '../../../src/core/datasets/index.ts';

function build(name: RegressionDatasetName, overrides: Partial<RegressionDatasetConfig> = {}): Dataset {
  const result = generateRegressionDataset({ ...REGRESSION_DATASETS[name].defaultConfig, ...overrides });
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

/** The functions as a student reads them on the panel, written out independently of the generator. */
const CLEAN: Record<RegressionDatasetName, (x: number[]) => number> = {
  sine: ([x = 0]) => Math.sin(x),
  plane: ([x1 = 0, x2 = 0]) => (x1 + x2) / 12,
};

function residuals(d: Dataset, name: RegressionDatasetName): number[] {
  return Array.from({ length: d.numSamples }, (_, i) => {
    const inputs = Array.from(d.features.subarray(i * d.numFeatures, (i + 1) * d.numFeatures));
    return (d.targets[i] as number) - CLEAN[name](inputs);
  });
}

describe.each(REGRESSION_DATASET_NAMES.map((name) => ({ name })))('$name', ({ name }) => {
  it('is a regression set: one target per row, no labels or classes', () => {
    const d = build(name, { samples: 321 });
    expect(d.task).toBe('regression');
    expect(d.numSamples).toBe(321);
    expect(d.numFeatures).toBe(name === 'sine' ? 1 : 2);
    expect(d.featureNames).toEqual(name === 'sine' ? ['x'] : ['x1', 'x2']);
    expect(d.features).toHaveLength(321 * d.numFeatures);
    expect(d.targets).toHaveLength(321);
    expect(d.labels).toHaveLength(0);
    expect(d.numClasses).toBe(0);
    expect(d.classNames).toEqual([]);
    expect(d.targetName).toBe('y');
  });

  it('puts every input in [-6, 6] and covers the range', () => {
    const d = build(name, { samples: 2000, noise: 0.5 });
    expect(d.features.every((v) => v >= -6 && v <= 6)).toBe(true);
    expect(Math.min(...d.features)).toBeLessThan(-5.9);
    expect(Math.max(...d.features)).toBeGreaterThan(5.9);
  });

  it('without noise, the target is the clean function of the inputs (within float32 rounding)', () => {
    const d = build(name, { samples: 1000, noise: 0 });
    for (const r of residuals(d, name)) expect(Math.abs(r)).toBeLessThan(1e-6);
    expect(d.targets.every((y) => y >= -1 && y <= 1)).toBe(true);
  });

  it.each([0.05, 0.2, 0.5])('with noise %f, the targets scatter around the function with that standard deviation', (noise) => {
    const r = residuals(build(name, { samples: 5000, noise, seed: 4 }), name);
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / r.length);
    expect(Math.abs(mean)).toBeLessThan(noise / 10);
    expect(sd / noise).toBeGreaterThan(0.95);
    expect(sd / noise).toBeLessThan(1.05);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = build(name, { seed: 12, noise: 0.2 });
    const b = build(name, { seed: 12, noise: 0.2 });
    const c = build(name, { seed: 13, noise: 0.2 });
    expect(new Uint32Array(a.features.buffer)).toEqual(new Uint32Array(b.features.buffer));
    expect(new Uint32Array(a.targets.buffer)).toEqual(new Uint32Array(b.targets.buffer));
    expect(a.features).not.toEqual(c.features);
  });

  it('moves the same points up and down when only the noise changes', () => {
    const quiet = build(name, { noise: 0, seed: 2 });
    const noisy = build(name, { noise: 0.3, seed: 2 });
    expect(noisy.features).toEqual(quiet.features);
    expect(noisy.targets).not.toEqual(quiet.targets);
  });

  it('has a valid default and a one-sentence description', () => {
    expect(validateRegressionDatasetConfig(REGRESSION_DATASETS[name].defaultConfig)).toBeNull();
    expect(REGRESSION_DATASETS[name].description).toMatch(/^[A-Z][^]*\.$/);
  });
});

describe('regression settings that cannot be used', () => {
  const sine = REGRESSION_DATASETS.sine.defaultConfig;
  it.each<[string, Record<string, unknown>, string]>([
    ['unknown name', { name: 'cosine' }, 'Unknown regression dataset "cosine". Choose one of: sine, plane.'],
    ['too few samples', { samples: 9 }, 'Samples must be a whole number from 10 to 10000 (got 9).'],
    ['noise too high', { noise: 0.51 }, 'Noise must be a number from 0 to 0.5 (got 0.51).'],
    ['seed not a number', { seed: '1' }, 'Seed must be a finite number (got "1").'],
  ])('%s', (_label, overrides, message) => {
    const config = { ...sine, ...overrides } as RegressionDatasetConfig;
    expect(validateRegressionDatasetConfig(config)).toBe(message);
    const result = generateRegressionDataset(config);
    expect(result.ok ? null : result.message).toBe(message);
  });
});
