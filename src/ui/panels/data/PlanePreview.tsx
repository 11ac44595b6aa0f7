import { useCallback, useMemo, useState } from 'react';
import type { BuiltinDatasetConfig, Dataset } from '../../../core/datasets/types.ts';
import { useElementWidth } from '../../viz/useElementWidth.ts';
import { DecisionBoundary } from '../../viz/DecisionBoundary.tsx';
import { addedCount, clickToPoint, pickableClass, withAddedPoint, withoutAddedPoints } from './addedPoints.ts';
import { ClassPicker } from './ClassPicker.tsx';
import { splitPoints } from './previewPoints.ts';
import type { DataEdits } from './useDataEdits.ts';

/** DecisionBoundary's margins around the square plot (its left axis and right edge). */
const PLOT_MARGIN_X = 48;
const MAX_PLOT = 320;

/** The side of the square plot that fills `width` px of panel. */
export function planeSize(width: number): number {
  return Math.max(160, Math.min(MAX_PLOT, width - PLOT_MARGIN_X));
}

/**
 * The 2-D sets: every point coloured by class (training points filled, test points outlined). A click on the plot
 * adds a point of the picked class to the data; the button removes every added point at once.
 */
export function PlanePreview({ config, dataset, split, edits }: { config: BuiltinDatasetConfig; dataset: Dataset; split: number; edits: DataEdits }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(296);
  const [picked, setPicked] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const points = useMemo(() => splitPoints(dataset, split), [dataset, split]);
  const label = pickableClass(picked, config.classes);
  const added = addedCount(config);

  const onAddPoint = useCallback(
    (x1: number, x2: number) => {
      const next = withAddedPoint(config, clickToPoint(x1, x2, label));
      if (typeof next === 'string') setRefusal(next);
      else {
        setRefusal(null);
        edits.setDataset(next);
      }
    },
    [config, label, edits],
  );

  return (
    <div ref={ref} className="data-preview">
      <DecisionBoundary
        train={points.train}
        test={points.test.labels.length > 0 ? points.test : undefined}
        classCount={dataset.numClasses}
        classNames={dataset.classNames}
        size={planeSize(width)}
        onAddPoint={onAddPoint}
      />
      <ClassPicker names={dataset.classNames} value={label} onChange={setPicked} />
      <div className="data-row">
        <button type="button" className="btn" disabled={added === 0} onClick={() => edits.setDataset(withoutAddedPoints(config))}>
          Remove added points ({added.toLocaleString('en-US')})
        </button>
      </div>
      {refusal ? (
        <p className="field-error" role="alert">
          {refusal}
        </p>
      ) : null}
    </div>
  );
}
