/** The datasets the data panel offers, in the order a student meets them. */

import { BUILTIN_DATASET_NAMES, BUILTIN_DATASETS } from './builtin.ts';
import { IRIS_DEFAULT_CONFIG, IRIS_DESCRIPTION, IRIS_TITLE } from './iris.ts';
import { MNIST_DEFAULT_CONFIG, MNIST_DESCRIPTION, MNIST_TITLE } from './mnist.ts';
import { REGRESSION_DATASET_NAMES, REGRESSION_DATASETS } from './regression.ts';
import type {
  BuiltinDatasetName,
  CsvDatasetConfig,
  DatasetKind,
  DatasetTask,
  NoDataset,
  ProjectDataset,
  RegressionDatasetName,
} from './types.ts';

export interface DatasetChoice {
  /** Stable key for lists and tests: "builtin:circle", "regression:sine", "iris", "mnist", "csv". */
  id: string;
  kind: Exclude<DatasetKind, 'none'>;
  /** The set's name within its kind (built-in and regression sets only). */
  name?: BuiltinDatasetName | RegressionDatasetName;
  /** Heading the panel groups choices under. */
  group: '2-D classification' | 'Regression' | 'Real data' | 'Your data';
  title: string;
  /** One plain-language sentence. */
  description: string;
  /** What the network learns; 'either' for a CSV file, where the student chooses. */
  task: DatasetTask | 'either';
  /** Settings to start from; null for CSV, which needs a file first. */
  defaultConfig: Exclude<ProjectDataset, CsvDatasetConfig | NoDataset> | null;
}

const CSV_DESCRIPTION =
  'Your own table of numbers from a spreadsheet: choose the columns the network reads and the one it predicts.';

/** 2-D classification (easiest first), regression, Iris, MNIST, then the student's own CSV file. */
export const DATASET_CHOICES: readonly DatasetChoice[] = Object.freeze([
  ...BUILTIN_DATASET_NAMES.map(
    (name): DatasetChoice => ({
      id: `builtin:${name}`,
      kind: 'builtin',
      name,
      group: '2-D classification',
      title: BUILTIN_DATASETS[name].title,
      description: BUILTIN_DATASETS[name].description,
      task: 'classification',
      defaultConfig: BUILTIN_DATASETS[name].defaultConfig,
    }),
  ),
  ...REGRESSION_DATASET_NAMES.map(
    (name): DatasetChoice => ({
      id: `regression:${name}`,
      kind: 'regression',
      name,
      group: 'Regression',
      title: REGRESSION_DATASETS[name].title,
      description: REGRESSION_DATASETS[name].description,
      task: 'regression',
      defaultConfig: REGRESSION_DATASETS[name].defaultConfig,
    }),
  ),
  {
    id: 'iris',
    kind: 'iris',
    group: 'Real data',
    title: IRIS_TITLE,
    description: IRIS_DESCRIPTION,
    task: 'classification',
    defaultConfig: IRIS_DEFAULT_CONFIG,
  },
  {
    id: 'mnist',
    kind: 'mnist',
    group: 'Real data',
    title: MNIST_TITLE,
    description: MNIST_DESCRIPTION,
    task: 'classification',
    defaultConfig: MNIST_DEFAULT_CONFIG,
  },
  {
    id: 'csv',
    kind: 'csv',
    group: 'Your data',
    title: 'CSV file',
    description: CSV_DESCRIPTION,
    task: 'either',
    defaultConfig: null,
  },
]);
