import { BUILTIN_DATASETS } from '../datasets/builtin.ts';
import type { BuiltinDatasetConfig } from '../datasets/types.ts';
import type { DatasetSummary } from './datasetFit.ts';

/** What validation needs to know about a built-in dataset, without generating it (every built-in set has x1, x2). */
export function summarizeDataset(config: BuiltinDatasetConfig): DatasetSummary {
  const info = BUILTIN_DATASETS[config.name];
  return {
    title: info.title,
    numFeatures: 2,
    numClasses: config.classes,
    featureNames: ['x1', 'x2'],
  };
}
