import { useId, useMemo, useState } from 'react';
import type { Dataset } from '../../../core/datasets/types.ts';
import { DataScatter } from '../../viz/DataScatter.tsx';
import { useElementWidth } from '../../viz/useElementWidth.ts';
import { colourValues, testMask } from './previewPoints.ts';

/** The two columns plotted at first: Iris's petal measurements separate the species best; otherwise the first two. */
export function defaultAxes(featureNames: readonly string[]): [number, number] {
  const petalLength = featureNames.indexOf('petal length');
  const petalWidth = featureNames.indexOf('petal width');
  if (petalLength >= 0 && petalWidth >= 0) return [petalLength, petalWidth];
  return [0, Math.min(1, Math.max(0, featureNames.length - 1))];
}

function AxisSelect({ label, names, value, onChange }: { label: string; names: readonly string[]; value: number; onChange(i: number): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {names.map((name, i) => (
          <option key={i} value={i}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Tables (Iris, a CSV file): any two feature columns against each other, coloured by class (or by target). */
export function TablePreview({ dataset, split }: { dataset: Dataset; split: number }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(296);
  const [chosen, setChosen] = useState<[number, number] | null>(null);
  const count = dataset.numFeatures;
  // A new file with fewer columns must not keep pointing past its last column.
  const [x, y] = chosen !== null && chosen[0] < count && chosen[1] < count ? chosen : defaultAxes(dataset.featureNames);
  const mask = useMemo(() => testMask(dataset.numSamples, split), [dataset.numSamples, split]);
  const regression = dataset.task === 'regression';
  const values = useMemo(() => colourValues(dataset), [dataset]);
  return (
    <div ref={ref} className="data-preview">
      {count > 1 ? (
        <div className="data-axes">
          <AxisSelect label="Across" names={dataset.featureNames} value={x} onChange={(i) => setChosen([i, y])} />
          <AxisSelect label="Up" names={dataset.featureNames} value={y} onChange={(i) => setChosen([x, i])} />
        </div>
      ) : null}
      <DataScatter
        features={dataset.features}
        featureCount={count}
        labels={values}
        featureNames={dataset.featureNames}
        classNames={regression ? undefined : dataset.classNames}
        xFeature={x}
        yFeature={y}
        testMask={split > 0 ? mask : undefined}
        regression={regression}
        width={width}
        height={Math.round(Math.max(180, Math.min(280, width * 0.8)))}
      />
    </div>
  );
}
