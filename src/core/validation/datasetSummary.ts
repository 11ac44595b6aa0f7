import { BUILTIN_DATASETS } from '../datasets/builtin.ts';
import { describeDataset } from '../datasets/describe.ts';
import type { NoDataset, ProjectDataset } from '../datasets/types.ts';
import type { DatasetSummary } from './datasetFit.ts';

export type DatasetSummaryResult = { ok: true; summary: DatasetSummary } | { ok: false; message: string };

/**
 * What validation needs to know about a project's data, without generating it (describeDataset reads a CSV file's
 * header and columns, and nothing else is read at all). A 2-D set keeps its short title ("Spiral", not "Spiral
 * (3 arms)"), since messages also say how many classes it has. Image data may be given to the Input as the flat
 * pixel list, the image, or the image with one channel: MNIST fits (784), (28, 28) and (28, 28, 1).
 */
export function summarizeDataset(config: Exclude<ProjectDataset, NoDataset>): DatasetSummaryResult {
  const described = describeDataset(config);
  if (!described.ok) return { ok: false, message: described.message };
  const image = described.image;
  const inputShapes = image === undefined ? [described.inputShape] : [described.inputShape, [image.height, image.width], [image.height, image.width, 1]];
  return {
    ok: true,
    summary: {
      title: config.kind === 'builtin' ? BUILTIN_DATASETS[config.name].title : described.title,
      numFeatures: described.numFeatures,
      numClasses: described.numClasses,
      featureNames: described.featureNames,
      task: described.task,
      inputShapes,
      ...(described.targetName === undefined ? {} : { targetName: described.targetName }),
    },
  };
}
