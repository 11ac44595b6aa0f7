import { memo, useMemo } from 'react';
import { scaleLinear } from 'd3';
import { XAxis, YAxis } from './axes.tsx';
import { maxAbs } from './colorDomain.ts';
import { ClassLegend, ColorLegend } from './ColorLegend.tsx';
import type { VizTheme } from './colorScale.ts';
import { extentOf, niceDomain } from './dataDomain.ts';
import { formatCount, formatTick } from './format.ts';
import type { NumberList } from './lossChartMath.ts';
import { PlanePointsLayer, type PlanePoints } from './PlanePointsLayer.tsx';
import { useSteppedDomain } from './useSteppedDomain.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

export interface DataScatterProps {
  /** The table of features, row-major: features[row*featureCount + f]. */
  features: NumberList;
  featureCount: number;
  /** Per row: the class index, or the target value when `regression`. */
  labels: NumberList;
  /** A name per feature column ("petal length (cm)"); the two plotted become the axis titles. */
  featureNames: readonly string[];
  /** Class names in class order (default "class 0", …); ignored for regression. */
  classNames?: readonly string[];
  /** The two feature columns to plot, across and up. */
  xFeature: number;
  yFeature: number;
  /** Rows held out for testing (non-zero = test), drawn outlined; default: none. */
  testMask?: ArrayLike<number | boolean>;
  /** Continuous targets, coloured on the diverging scale with its legend. */
  regression?: boolean;
  /** Size in px (default 280 × 240). */
  width?: number;
  height?: number;
  theme?: VizTheme;
}

const MARGIN = { left: 44, top: 8, right: 10, bottom: 34 };

/** Any two columns of a table (Iris, a CSV) against each other, one point per row coloured by its class. */
export const DataScatter = memo(function DataScatter({
  features,
  featureCount,
  labels,
  featureNames,
  classNames,
  xFeature,
  yFeature,
  testMask,
  regression = false,
  width = 280,
  height = 240,
  theme,
}: DataScatterProps) {
  const t = useVizTheme(theme);
  const rows = featureCount > 0 ? Math.min(Math.floor(features.length / featureCount), labels.length) : 0;
  const valid = xFeature >= 0 && xFeature < featureCount && yFeature >= 0 && yFeature < featureCount;
  const dataMax = useMemo(() => (regression ? maxAbs(labels, rows) : 0), [regression, labels, rows]);
  const valueMax = useSteppedDomain(dataMax);

  const model = useMemo(() => {
    const split = (test: boolean): PlanePoints => {
      const xy: number[] = [];
      const ls: number[] = [];
      for (let r = 0; r < rows && valid; r++) {
        if (Boolean(testMask?.[r]) !== test) continue;
        xy.push(features[r * featureCount + xFeature] as number, features[r * featureCount + yFeature] as number);
        ls.push(labels[r] as number);
      }
      return { xy, labels: ls };
    };
    const end = rows * featureCount;
    const xs = scaleLinear()
      .domain(niceDomain(valid ? extentOf(features, xFeature, featureCount, end) : null))
      .range([MARGIN.left, width - MARGIN.right]);
    const ys = scaleLinear()
      .domain(niceDomain(valid ? extentOf(features, yFeature, featureCount, end) : null))
      .range([height - MARGIN.bottom, MARGIN.top]);
    let classes = 2;
    for (let r = 0; r < rows; r++) if (Number.isFinite(labels[r] as number)) classes = Math.max(classes, Math.round(labels[r] as number) + 1);
    return {
      train: split(false),
      test: testMask ? split(true) : undefined,
      x: (v: number) => xs(v),
      y: (v: number) => ys(v),
      xTicks: xs.ticks(Math.max(2, Math.floor((width - MARGIN.left - MARGIN.right) / 60))),
      yTicks: ys.ticks(Math.max(2, Math.floor((height - MARGIN.top - MARGIN.bottom) / 36))),
      classes,
    };
  }, [features, featureCount, labels, xFeature, yFeature, testMask, rows, valid, width, height]);

  const rect = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  const xName = featureNames[xFeature] ?? `feature ${xFeature}`;
  const yName = featureNames[yFeature] ?? `feature ${yFeature}`;
  const classCount = classNames?.length ?? model.classes;
  const names = classNames ?? Array.from({ length: classCount }, (_, i) => `class ${i}`);
  if (!valid) return <p className="viz-caption">Pick two of the {featureCount} feature columns to plot.</p>;
  return (
    <figure className="viz-plane" style={{ margin: 0 }}>
      <svg width={width} height={height} role="img" aria-label={`${yName} against ${xName} for ${formatCount(rows)} rows, coloured by ${regression ? 'target value' : 'class'}.`}>
        <XAxis rect={rect} ticks={model.xTicks} position={model.x} format={formatTick} label={xName} grid />
        <YAxis rect={rect} ticks={model.yTicks} position={model.y} format={formatTick} label={yName} grid />
        <PlanePointsLayer
          train={model.train}
          test={model.test}
          x={model.x}
          y={model.y}
          classCount={classCount}
          valueDomain={regression ? valueMax : undefined}
          theme={t}
        />
      </svg>
      <figcaption className="viz-plane-legends">
        {regression ? <ColorLegend max={valueMax} label="target" theme={t} /> : <ClassLegend names={names} />}
        {testMask ? <span className="viz-caption">filled: training · outlined: test</span> : null}
      </figcaption>
    </figure>
  );
});
