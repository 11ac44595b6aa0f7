import { BUILTIN_DATASETS } from '../core/datasets/index.ts';
import type { BuiltinDatasetConfig } from '../core/datasets/index.ts';
import type { DatasetSummary } from '../core/validation/datasetFit.ts';

/** What validation needs to know about a project's dataset, without generating it. */
export function summarizeDataset(config: BuiltinDatasetConfig): DatasetSummary {
  const info = BUILTIN_DATASETS[config.name];
  return {
    title: info.title.replace(/ \(.*\)$/, ''),
    numFeatures: 2,
    numClasses: config.classes,
    featureNames: ['x1', 'x2'],
  };
}
