import { describe, it, expect } from 'vitest';
import {
  BUILTIN_DATASETS,
  generateBuiltinDataset,
  validateBuiltinDatasetConfig,
  type BuiltinDatasetConfig,
  type BuiltinDatasetName,
} from '../../../src/core/datasets/index.ts';

function config(name: BuiltinDatasetName, overrides: Record<string, unknown> = {}): BuiltinDatasetConfig {
  return { ...BUILTIN_DATASETS[name].defaultConfig, ...overrides } as BuiltinDatasetConfig;
}

function messageFor(cfg: BuiltinDatasetConfig): string {
  const result = generateBuiltinDataset(cfg);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.message;
}

describe('invalid configs return a plain-language message instead of throwing', () => {
  it.each<[string, BuiltinDatasetConfig, string]>([
    ['too few samples', config('circle', { samples: 5 }), 'Samples must be a whole number from 10 to 10000 (got 5).'],
    ['too many samples', config('gauss', { samples: 10001 }), 'Samples must be a whole number from 10 to 10000 (got 10001).'],
    ['fractional samples', config('xor', { samples: 12.5 }), 'Samples must be a whole number from 10 to 10000 (got 12.5).'],
    ['NaN samples', config('spiral', { samples: Number.NaN }), 'Samples must be a whole number from 10 to 10000 (got NaN).'],
    ['samples as text', config('circle', { samples: '200' }), 'Samples must be a whole number from 10 to 10000 (got "200").'],
    ['missing samples', config('circle', { samples: undefined }), 'Samples must be a whole number from 10 to 10000 (got nothing).'],
    ['negative noise', config('circle', { noise: -0.1 }), 'Noise must be a number from 0 to 0.5 (got -0.1).'],
    ['too much noise', config('spiral', { noise: 0.6 }), 'Noise must be a number from 0 to 0.5 (got 0.6).'],
    ['NaN noise', config('gauss', { noise: Number.NaN }), 'Noise must be a number from 0 to 0.5 (got NaN).'],
    ['xor with 3 classes', config('xor', { classes: 3 }), 'The xor dataset always has 2 classes (got 3).'],
    ['circle with 1 class', config('circle', { classes: 1 }), 'The circle dataset always has 2 classes (got 1).'],
    ['gauss with 6 classes', config('gauss', { classes: 6 }), 'The gauss dataset needs a whole number of classes from 2 to 5 (got 6).'],
    ['spiral with 1 class', config('spiral', { classes: 1 }), 'The spiral dataset needs a whole number of classes from 2 to 5 (got 1).'],
    ['spiral with 2.5 classes', config('spiral', { classes: 2.5 }), 'The spiral dataset needs a whole number of classes from 2 to 5 (got 2.5).'],
    ['NaN seed', config('circle', { seed: Number.NaN }), 'Seed must be a finite number (got NaN).'],
    ['infinite seed', config('xor', { seed: Number.NEGATIVE_INFINITY }), 'Seed must be a finite number (got -Infinity).'],
    ['unknown name', config('circle', { name: 'banana' }), 'Unknown built-in dataset "banana". Choose one of: circle, xor, gauss, moons, spiral.'],
    ['moons with 3 classes', config('moons', { classes: 3 }), 'The moons dataset always has 2 classes (got 3).'],
    ['wrong kind', config('circle', { kind: 'csv' }), 'The dataset kind must be "builtin" (got "csv").'],
    ['no config at all', null as unknown as BuiltinDatasetConfig, 'The dataset settings are missing (got null).'],
  ])('%s', (_label, cfg, expected) => {
    expect(messageFor(cfg)).toBe(expected);
    expect(validateBuiltinDatasetConfig(cfg)).toBe(expected);
  });

  it('reports the first problem when several fields are wrong', () => {
    expect(messageFor(config('xor', { samples: 3, noise: 2, classes: 9 }))).toBe(
      'Samples must be a whole number from 10 to 10000 (got 3).',
    );
  });
});

describe('edge values that are allowed', () => {
  it.each<[string, BuiltinDatasetConfig]>([
    ['10 samples', config('circle', { samples: 10 })],
    ['10000 samples', config('spiral', { samples: 10000, classes: 5 })],
    ['noise 0', config('xor', { noise: 0 })],
    ['noise 0.5', config('gauss', { noise: 0.5 })],
    ['5 classes', config('gauss', { classes: 5 })],
    ['negative fractional seed', config('circle', { seed: -3.7 })],
    ['huge seed', config('circle', { seed: 1e20 })],
  ])('%s', (_label, cfg) => {
    expect(validateBuiltinDatasetConfig(cfg)).toBeNull();
    expect(generateBuiltinDataset(cfg).ok).toBe(true);
  });

  it('normalises seeds the same way as createRng (trunc, then wrap to 32 bits)', () => {
    const features = (seed: number): Float32Array => {
      const result = generateBuiltinDataset(config('spiral', { seed, noise: 0.2 }));
      if (!result.ok) throw new Error(result.message);
      return result.dataset.features;
    };
    expect(features(-3.7)).toEqual(features(-3));
    expect(features(2 ** 32 + 5)).toEqual(features(5));
    expect(features(-3)).not.toEqual(features(3));
  });
});
