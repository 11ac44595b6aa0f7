import { useMemo } from 'react';
import type { Dataset } from '../../../core/datasets/types.ts';
import { DecisionBoundary } from '../../viz/DecisionBoundary.tsx';
import { RegressionPlot } from '../../viz/RegressionPlot.tsx';
import { useElementWidth } from '../../viz/useElementWidth.ts';
import { planeSize } from './PlanePreview.tsx';
import { regressionPairs, splitPoints } from './previewPoints.ts';

/** Height of the sine plot for a panel `width` px wide: wide and short, like a graph in a maths book. */
const sineHeight = (width: number): number => Math.round(Math.max(160, Math.min(240, width * 0.7)));

/**
 * The regression sets: one input (sine) as a graph of y against x; two inputs (plane) as points on the input plane
 * coloured by their target y on the diverging scale.
 */
export function RegressionPreview({ dataset, split }: { dataset: Dataset; split: number }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(296);
  const oneInput = dataset.numFeatures === 1;
  const pairs = useMemo(() => (oneInput ? regressionPairs(dataset, split) : null), [oneInput, dataset, split]);
  const points = useMemo(() => (oneInput ? null : splitPoints(dataset, split)), [oneInput, dataset, split]);
  const target = dataset.targetName ?? 'y';
  return (
    <div ref={ref} className="data-preview">
      {pairs ? (
        <RegressionPlot
          train={pairs.train}
          test={pairs.test.length > 0 ? pairs.test : undefined}
          xLabel={dataset.featureNames[0] ?? 'x'}
          yLabel={target}
          width={width}
          height={sineHeight(width)}
        />
      ) : null}
      {points ? (
        <DecisionBoundary
          regression
          train={points.train}
          test={points.test.labels.length > 0 ? points.test : undefined}
          size={planeSize(width)}
          xLabel={dataset.featureNames[0] ?? 'x1'}
          yLabel={dataset.featureNames[1] ?? 'x2'}
          label={`The data: ${dataset.numSamples.toLocaleString('en-US')} points on the plane, coloured by their target ${target} (orange low, blue high).`}
        />
      ) : null}
    </div>
  );
}
