/**
 * What a dataset looks like to a network (features, classes, input shape) without generating it: validation,
 * shape checks and the Python export call this on every edit, so the generated sets, Iris and MNIST are described
 * from their settings and constants alone. A CSV file has to be read; the last answer is kept, so repeated calls
 * for the same file and columns cost nothing.
 */

import { builtinClassNames, builtinDatasetTitle, validateBuiltinDatasetConfig } from './builtin.ts';
import { csvDataset } from './csv.ts';
import { formatValue } from './formatValue.ts';
import { IRIS_CLASS_NAMES, IRIS_FEATURE_NAMES, IRIS_NUM_SAMPLES, IRIS_TITLE, validateIrisDatasetConfig } from './iris.ts';
import {
  MNIST_CLASS_NAMES,
  MNIST_HEIGHT,
  MNIST_PIXELS,
  MNIST_TITLE,
  MNIST_WIDTH,
  mnistFeatureNames,
  validateMnistDatasetConfig,
} from './mnist.ts';
import { REGRESSION_DATASETS, REGRESSION_TARGET_NAME, validateRegressionDatasetConfig } from './regression.ts';
import type { CsvDatasetConfig, DatasetTask, NoDataset, ProjectDataset } from './types.ts';

export interface DatasetDescription {
  ok: true;
  /** e.g. "Spiral (3 arms)", "Iris flowers", or the CSV file's name. */
  title: string;
  task: DatasetTask;
  /** Rows the data will have. */
  numSamples: number;
  numFeatures: number;
  /** 0 for regression. */
  numClasses: number;
  featureNames: string[];
  /** [] for regression. */
  classNames: string[];
  /** Regression only: what is predicted, e.g. "y" or the CSV column's name. */
  targetName?: string;
  /** The shape of one example as a flat vector: [2], [1], [4], [784]; Dense networks take it as is. */
  inputShape: number[];
  /** MNIST: each example is also a width × height grey image (so [28, 28] or [28, 28, 1] inputs fit too). */
  image?: { width: number; height: number };
}

export type DatasetDescriptionResult = DatasetDescription | { ok: false; message: string };

let lastCsv: { config: CsvDatasetConfig; result: DatasetDescriptionResult } | null = null;

function sameCsvColumns(a: CsvDatasetConfig, b: CsvDatasetConfig): boolean {
  return (
    a.text === b.text &&
    a.fileName === b.fileName &&
    a.label === b.label &&
    a.task === b.task &&
    a.features.length === b.features.length &&
    a.features.every((name, i) => name === b.features[i])
  );
}

function describeCsv(config: CsvDatasetConfig): DatasetDescriptionResult {
  if (lastCsv !== null && sameCsvColumns(lastCsv.config, config)) return lastCsv.result;
  const built = csvDataset(config);
  const result: DatasetDescriptionResult = built.ok
    ? {
        ok: true,
        title: built.dataset.name,
        task: built.dataset.task,
        numSamples: built.dataset.numSamples,
        numFeatures: built.dataset.numFeatures,
        numClasses: built.dataset.numClasses,
        featureNames: built.dataset.featureNames,
        classNames: built.dataset.classNames,
        ...(built.dataset.targetName === undefined ? {} : { targetName: built.dataset.targetName }),
        inputShape: [built.dataset.numFeatures],
      }
    : built;
  // Keep a copy of the settings: the caller's object may be edited in place later.
  lastCsv = { config: { ...config, features: [...config.features] }, result };
  return result;
}

/** The dataset's shape and names, or a plain-language message when the settings (or the CSV file) cannot be used. */
export function describeDataset(config: Exclude<ProjectDataset, NoDataset>): DatasetDescriptionResult {
  if (typeof config !== 'object' || config === null) {
    return { ok: false, message: `The dataset settings are missing (got ${formatValue(config)}).` };
  }
  switch (config.kind) {
    case 'builtin': {
      const problem = validateBuiltinDatasetConfig(config);
      if (problem !== null) return { ok: false, message: problem };
      return {
        ok: true,
        title: builtinDatasetTitle(config.name, config.classes),
        task: 'classification',
        numSamples: config.samples + (config.added?.length ?? 0),
        numFeatures: 2,
        numClasses: config.classes,
        featureNames: ['x1', 'x2'],
        classNames: builtinClassNames(config.name, config.classes),
        inputShape: [2],
      };
    }
    case 'regression': {
      const problem = validateRegressionDatasetConfig(config);
      if (problem !== null) return { ok: false, message: problem };
      const { title, featureNames } = REGRESSION_DATASETS[config.name];
      return {
        ok: true,
        title,
        task: 'regression',
        numSamples: config.samples,
        numFeatures: featureNames.length,
        numClasses: 0,
        featureNames: [...featureNames],
        classNames: [],
        targetName: REGRESSION_TARGET_NAME,
        inputShape: [featureNames.length],
      };
    }
    case 'iris': {
      const problem = validateIrisDatasetConfig(config);
      if (problem !== null) return { ok: false, message: problem };
      return {
        ok: true,
        title: IRIS_TITLE,
        task: 'classification',
        numSamples: IRIS_NUM_SAMPLES,
        numFeatures: IRIS_FEATURE_NAMES.length,
        numClasses: IRIS_CLASS_NAMES.length,
        featureNames: [...IRIS_FEATURE_NAMES],
        classNames: [...IRIS_CLASS_NAMES],
        inputShape: [IRIS_FEATURE_NAMES.length],
      };
    }
    case 'mnist': {
      const problem = validateMnistDatasetConfig(config);
      if (problem !== null) return { ok: false, message: problem };
      return {
        ok: true,
        title: MNIST_TITLE,
        task: 'classification',
        numSamples: config.samples,
        numFeatures: MNIST_PIXELS,
        numClasses: MNIST_CLASS_NAMES.length,
        featureNames: mnistFeatureNames(),
        classNames: [...MNIST_CLASS_NAMES],
        inputShape: [MNIST_PIXELS],
        image: { width: MNIST_WIDTH, height: MNIST_HEIGHT },
      };
    }
    case 'csv':
      return describeCsv(config);
    default:
      return { ok: false, message: `Unknown dataset kind ${formatValue((config as { kind: unknown }).kind)}.` };
  }
}
