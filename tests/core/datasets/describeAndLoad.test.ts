import { describe, it, expect } from 'vitest';
import {
  DATASET_CHOICES,
  describeDataset,
  generateDataset,
  loadDataset,
  validateDatasetConfig,
  type CsvDatasetConfig,
  type Dataset,
  type NoDataset,
  type ProjectDataset,
} from '../../../src/core/datasets/index.ts';
import { nodeDatasetAssets } from '../../../src/cli/mnistAssetNode.ts';

const CSV: CsvDatasetConfig = {
  kind: 'csv',
  fileName: 'houses.csv',
  text: ['rooms;area;price;city', '3;70;250;Lyon', '2;45;180;Paris', '4;90;320;Lyon'].join('\n'),
  features: ['area', 'rooms'],
  label: 'price',
  task: 'regression',
  normalization: 'standardize',
  seed: 3,
};

const CONFIGS: Array<Exclude<ProjectDataset, NoDataset>> = [
  ...DATASET_CHOICES.flatMap((choice) => (choice.defaultConfig === null ? [] : [choice.defaultConfig])),
  { kind: 'builtin', name: 'spiral', samples: 90, noise: 0.1, seed: 2, classes: 4, added: [{ x1: 1, x2: 2, label: 3 }] },
  CSV,
  { ...CSV, features: ['price'], label: 'city', task: 'classification' },
];

async function load(config: ProjectDataset): Promise<Dataset> {
  const result = await loadDataset(config, nodeDatasetAssets());
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

describe('describeDataset tells the shape and names without generating the data', () => {
  it.each(CONFIGS.map((config) => ({ config, label: 'name' in config ? `${config.kind}:${config.name}` : config.kind })))(
    '$label: the description matches the data that loads',
    async ({ config }) => {
      const description = describeDataset(config);
      if (!description.ok) throw new Error(description.message);
      const d = await load(config);
      expect(description).toEqual({
        ok: true,
        title: d.name,
        task: d.task,
        numSamples: d.numSamples,
        numFeatures: d.numFeatures,
        numClasses: d.numClasses,
        featureNames: d.featureNames,
        classNames: d.classNames,
        ...(d.targetName === undefined ? {} : { targetName: d.targetName }),
        inputShape: [d.numFeatures],
        ...(d.image === undefined ? {} : { image: d.image }),
      });
    },
  );

  it('gives the input shapes a student expects', () => {
    const shape = (config: Exclude<ProjectDataset, NoDataset>): number[] | string => {
      const description = describeDataset(config);
      return description.ok ? description.inputShape : description.message;
    };
    expect(shape({ kind: 'builtin', name: 'xor', samples: 100, noise: 0, seed: 1, classes: 2 })).toEqual([2]);
    expect(shape({ kind: 'regression', name: 'sine', samples: 100, noise: 0, seed: 1 })).toEqual([1]);
    expect(shape({ kind: 'iris', seed: 1 })).toEqual([4]);
    expect(shape({ kind: 'mnist', samples: 500, seed: 1 })).toEqual([784]);
  });

  it('returns the plain-language problem for unusable settings or files', () => {
    expect(describeDataset({ kind: 'mnist', samples: 50, seed: 1 })).toEqual({
      ok: false,
      message: 'Samples must be a whole number from 100 to 10000 (got 50).',
    });
    expect(describeDataset({ ...CSV, label: 'city' })).toEqual({
      ok: false,
      message:
        'The column "city" holds text such as "Lyon", not numbers, so it cannot be a regression target. Choose the classification task to predict it as classes.',
    });
    expect(describeDataset({ kind: 'zip' } as unknown as CsvDatasetConfig)).toEqual({ ok: false, message: 'Unknown dataset kind "zip".' });
  });

  it('follows a change of CSV columns (the remembered answer is only reused for the same file and columns)', () => {
    const first = describeDataset(CSV);
    const changed = describeDataset({ ...CSV, features: ['rooms'] });
    expect(first.ok && first.featureNames).toEqual(['area', 'rooms']);
    expect(changed.ok && changed.featureNames).toEqual(['rooms']);
  });
});

describe('validateDatasetConfig, generateDataset and loadDataset', () => {
  it('accept every offered default and a project without data', () => {
    for (const config of CONFIGS) expect(validateDatasetConfig(config)).toBeNull();
    expect(validateDatasetConfig({ kind: 'none' })).toBeNull();
  });

  it('explain why there is nothing to train on', async () => {
    const none: NoDataset = { kind: 'none' };
    const message = 'No dataset has been chosen for this project yet: pick one in the Data panel.';
    expect(generateDataset(none)).toEqual({ ok: false, message });
    expect(await loadDataset(none, nodeDatasetAssets())).toEqual({ ok: false, message });
    expect(generateDataset({ kind: 'mnist', samples: 100, seed: 1 })).toEqual({
      ok: false,
      message: 'The MNIST digits are loaded from a file: use loadDataset, which waits for it.',
    });
    const unknown = { kind: 'images' } as unknown as ProjectDataset;
    expect(validateDatasetConfig(unknown)).toBe('Unknown dataset kind "images".');
    expect(generateDataset(unknown)).toEqual({ ok: false, message: 'Unknown dataset kind "images".' });
    expect(validateDatasetConfig(null as unknown as ProjectDataset)).toBe('The dataset settings are missing (got null).');
  });

  it('pass each kind to its own checks', () => {
    expect(validateDatasetConfig({ kind: 'regression', name: 'plane', samples: 5, noise: 0, seed: 1 })).toBe(
      'Samples must be a whole number from 10 to 10000 (got 5).',
    );
    expect(validateDatasetConfig({ kind: 'iris', seed: Number.POSITIVE_INFINITY })).toBe('Seed must be a finite number (got Infinity).');
    expect(validateDatasetConfig({ ...CSV, features: [] })).toBe('Choose at least one feature column for the network to read.');
  });

  it('generateDataset builds the same data as loadDataset for kinds that need no download', async () => {
    const config = CONFIGS.find((c) => c.kind === 'iris') as ProjectDataset;
    const sync = generateDataset(config);
    expect(sync.ok && sync.dataset.features).toEqual((await load(config)).features);
  });
});

describe('DATASET_CHOICES', () => {
  it('offers 2-D classification, then regression, Iris, MNIST and a CSV file, in that order', () => {
    const groups = DATASET_CHOICES.map((c) => c.group).filter((g, i, all) => all.indexOf(g) === i);
    expect(groups).toEqual(['2-D classification', 'Regression', 'Real data', 'Your data']);
    expect(DATASET_CHOICES.map((c) => c.id)).toEqual([
      'builtin:circle',
      'builtin:xor',
      'builtin:gauss',
      'builtin:moons',
      'builtin:spiral',
      'regression:sine',
      'regression:plane',
      'iris',
      'mnist',
      'csv',
    ]);
  });

  it('each choice has a title, one sentence of description and a task matching its data', () => {
    for (const choice of DATASET_CHOICES) {
      expect(choice.title.length).toBeGreaterThan(0);
      expect(choice.description).toMatch(/^[A-Z][^.]*(\.[^ .][^.]*)*\.$/);
      if (choice.defaultConfig !== null) {
        const description = describeDataset(choice.defaultConfig);
        expect(description.ok && description.task).toBe(choice.task);
      }
    }
    expect(DATASET_CHOICES.find((c) => c.kind === 'csv')?.task).toBe('either');
  });
});
