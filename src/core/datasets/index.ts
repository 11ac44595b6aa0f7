export type { BuiltinDatasetConfig, BuiltinDatasetName, Dataset, DatasetResult, NoDataset, ProjectDataset } from './types.ts';
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
  BUILTIN_DATASET_NAMES,
  BUILTIN_DATASETS,
  DATASET_LIMITS,
  gaussCentres,
  generateBuiltinDataset,
  validateBuiltinDatasetConfig,
  type BuiltinDatasetInfo,
} from './builtin.ts';
export { classCounts, oneHot } from './oneHot.ts';
