import type { Dataset, ProjectDataset } from '../../../core/datasets/types.ts';
import { MnistPreview } from './MnistPreview.tsx';
import { PlanePreview } from './PlanePreview.tsx';
import { RegressionPreview } from './RegressionPreview.tsx';
import { TablePreview } from './TablePreview.tsx';
import type { DataEdits } from './useDataEdits.ts';
import { useGeneratedDataset } from './useGeneratedDataset.ts';

/** The picture of a generated dataset that suits it: a plane, a graph or a scatter of two columns. */
export function DatasetPicture({ config, dataset, split, edits }: { config: ProjectDataset; dataset: Dataset; split: number; edits?: DataEdits }) {
  if (config.kind === 'builtin' && edits) return <PlanePreview config={config} dataset={dataset} split={split} edits={edits} />;
  // A 2-D regression set spans the same plane as the classification sets; one input (sine, or a one-column CSV) is a graph.
  if (dataset.task === 'regression' && (config.kind === 'regression' || dataset.numFeatures === 1)) return <RegressionPreview dataset={dataset} split={split} />;
  return <TablePreview dataset={dataset} split={split} />;
}

function GeneratedPreview({ config, split, edits }: { config: Exclude<ProjectDataset, { kind: 'mnist' | 'none' }>; split: number; edits: DataEdits }) {
  const { result, stale } = useGeneratedDataset(config);
  if (!result.ok) {
    return (
      <p className="field-error" role="alert">
        {result.message}
      </p>
    );
  }
  return (
    <div className={stale ? 'data-preview-box stale' : 'data-preview-box'} aria-busy={stale}>
      <DatasetPicture config={config} dataset={result.dataset} split={split} edits={edits} />
    </div>
  );
}

/** A preview of the project's data, drawn again only when the data or the test split changes. */
export function DataPreview({ config, split, edits }: { config: ProjectDataset; split: number; edits: DataEdits }) {
  if (config.kind === 'none') return null;
  if (config.kind === 'mnist') return <MnistPreview config={config} />;
  return <GeneratedPreview config={config} split={split} edits={edits} />;
}
