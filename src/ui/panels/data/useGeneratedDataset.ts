import { useDeferredValue, useMemo } from 'react';
import { generateDataset } from '../../../core/datasets/load.ts';
import type { DatasetResult, ProjectDataset } from '../../../core/datasets/types.ts';

/**
 * The data a config makes, generated again only when the config changes. The config is deferred, so while a slider
 * is dragged React keeps the controls responsive and draws the preview for the latest value when it has time
 * (`stale` is true meanwhile).
 */
export function useGeneratedDataset(config: ProjectDataset): { result: DatasetResult; stale: boolean } {
  const deferred = useDeferredValue(config);
  const result = useMemo(() => generateDataset(deferred), [deferred]);
  return { result, stale: deferred !== config };
}
