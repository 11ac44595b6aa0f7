import type { ProjectDataset } from '../datasets/types.ts';
import type { MetricName } from './settings.ts';

/** What a project measures besides the loss: mean absolute error for regression data, accuracy otherwise. */
export function projectMetric(dataset: ProjectDataset): MetricName {
  return dataset.kind === 'regression' || (dataset.kind === 'csv' && dataset.task === 'regression') ? 'mae' : 'accuracy';
}
