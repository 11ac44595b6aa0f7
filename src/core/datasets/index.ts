export type {
  AddedPoint,
  BuiltinDatasetConfig,
  BuiltinDatasetName,
  CsvDatasetConfig,
  CsvNormalization,
  CsvTask,
  Dataset,
  DatasetAssets,
  DatasetKind,
  DatasetResult,
  DatasetTask,
  IrisDatasetConfig,
  MnistAsset,
  MnistDatasetConfig,
  NoDataset,
  ProjectDataset,
  RegressionDatasetConfig,
  RegressionDatasetName,
} from './types.ts';
export {
  createRng,
  normaliseSeed,
  permutation,
  portableCos,
  portableLog,
  portableSin,
  shuffleInPlace,
  type Rng,
} from './rng.ts';
export {
  addedPointSlots,
  BUILTIN_DATASET_NAMES,
  BUILTIN_DATASETS,
  builtinClassNames,
  builtinDatasetTitle,
  DATASET_LIMITS,
  gaussCentres,
  generateBuiltinDataset,
  validateBuiltinDatasetConfig,
  type BuiltinDatasetInfo,
} from './builtin.ts';
export {
  cleanRegressionTarget,
  generateRegressionDataset,
  REGRESSION_DATASET_NAMES,
  REGRESSION_DATASETS,
  REGRESSION_TARGET_NAME,
  validateRegressionDatasetConfig,
  type RegressionDatasetInfo,
} from './regression.ts';
export {
  generateIrisDataset,
  IRIS_CLASS_NAMES,
  IRIS_DEFAULT_CONFIG,
  IRIS_DESCRIPTION,
  IRIS_FEATURE_NAMES,
  IRIS_NUM_SAMPLES,
  IRIS_TITLE,
  validateIrisDatasetConfig,
} from './iris.ts';
export {
  balancedQuotas,
  MNIST_ASSET_PATH,
  MNIST_CLASS_NAMES,
  MNIST_DEFAULT_CONFIG,
  MNIST_DESCRIPTION,
  MNIST_HEIGHT,
  MNIST_LIMITS,
  MNIST_PIXELS,
  MNIST_TITLE,
  MNIST_WIDTH,
  mnistDataset,
  mnistFeatureNames,
  validateMnistDatasetConfig,
} from './mnist.ts';
export {
  CSV_LIMITS,
  csvDataset,
  csvFeatureScaling,
  inspectCsv,
  validateCsvDatasetConfig,
  type CsvColumnInfo,
  type CsvInspection,
  type FeatureScaling,
} from './csv.ts';
export { describeDataset, type DatasetDescription, type DatasetDescriptionResult } from './describe.ts';
export { DATASET_CHOICES, type DatasetChoice } from './choices.ts';
export { generateDataset, loadDataset, validateDatasetConfig } from './load.ts';
export { datasetAssetsFromBytes, decodeMnistAsset } from './mnistAsset.ts';
export { classCounts, oneHot } from './oneHot.ts';
