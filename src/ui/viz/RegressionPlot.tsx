import { memo, useMemo } from 'react';
import { scaleLinear } from 'd3';
import { XAxis, YAxis } from './axes.tsx';
import { extentOf, niceDomain, unionExtent } from './dataDomain.ts';
import { formatCount, formatTick } from './format.ts';
import type { NumberList } from './lossChartMath.ts';
import { circlesPath } from './pointPaths.ts';
import './viz.css';

export interface RegressionPlotProps {
  /** Training examples, interleaved (x, y) pairs: [x0, y0, x1, y1, …]; drawn filled. */
  train?: NumberList;
  /** Test examples, the same way; drawn outlined. */
  test?: NumberList;
  /** The network's prediction ŷ at each x of `xs` (increasing), drawn as a line; non-finite ŷ leaves a gap. */
  curve?: { xs: NumberList; ys: NumberList };
  /** Axis titles (default "x" and "y"). */
  xLabel?: string;
  yLabel?: string;
  /** Size in px (default 280 × 200). */
  width?: number;
  height?: number;
  /** What it shows, for screen readers (default: the counts). */
  label?: string;
}

const MARGIN = { left: 44, top: 8, right: 10, bottom: 34 };

/** A 1-D regression: the data points (x, y) and the curve the network has learnt through them. */
export const RegressionPlot = memo(function RegressionPlot({ train, test, curve, xLabel = 'x', yLabel = 'y', width = 280, height = 200, label }: RegressionPlotProps) {
  const model = useMemo(() => {
    const curveCount = curve ? Math.min(curve.xs.length, curve.ys.length) : 0;
    const xDomain = niceDomain(unionExtent(train ? extentOf(train, 0, 2) : null, test ? extentOf(test, 0, 2) : null, curve ? extentOf(curve.xs, 0, 1, curveCount) : null));
    const yDomain = niceDomain(unionExtent(train ? extentOf(train, 1, 2) : null, test ? extentOf(test, 1, 2) : null, curve ? extentOf(curve.ys, 0, 1, curveCount) : null));
    const rect = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
    const xs = scaleLinear().domain(xDomain).range([rect.left, rect.left + rect.width]);
    const ys = scaleLinear().domain(yDomain).range([rect.top + rect.height, rect.top]);
    const points = (list: NumberList | undefined, r: number): string => {
      if (!list) return '';
      const n = Math.floor(list.length / 2);
      return circlesPath(
        Array.from({ length: n }, (_, i) => i),
        (i) => xs(list[2 * i] as number),
        (i) => ys(list[2 * i + 1] as number),
        r,
      );
    };
    let d = '';
    let pen = false;
    for (let i = 0; i < curveCount; i++) {
      const x = curve?.xs[i] as number;
      const y = curve?.ys[i] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${xs(x).toFixed(1)} ${ys(y).toFixed(1)}`;
      pen = true;
    }
    return {
      rect,
      x: (v: number) => xs(v),
      y: (v: number) => ys(v),
      xTicks: xs.ticks(Math.max(2, Math.floor(rect.width / 60))),
      yTicks: ys.ticks(Math.max(2, Math.floor(rect.height / 36))),
      train: points(train, 3),
      test: points(test, 2.5),
      curve: d,
    };
  }, [train, test, curve, width, height]);

  const summary =
    label ??
    `${yLabel} against ${xLabel}: ${formatCount(train ? Math.floor(train.length / 2) : 0)} training points` +
      `${test ? `, ${formatCount(Math.floor(test.length / 2))} test points` : ''}${curve ? ", and the network's curve" : ''}.`;
  return (
    <figure className="viz-plane" style={{ margin: 0 }}>
      <svg width={width} height={height} role="img" aria-label={summary}>
        <XAxis rect={model.rect} ticks={model.xTicks} position={model.x} format={formatTick} label={xLabel} grid />
        <YAxis rect={model.rect} ticks={model.yTicks} position={model.y} format={formatTick} label={yLabel} grid />
        <path className="viz-reg-train" d={model.train} />
        <path className="viz-reg-test" d={model.test} />
        <path className="viz-curve" d={model.curve} />
      </svg>
      <figcaption className="viz-caption">
        <span className="viz-key-train" aria-hidden="true">●</span> training{test ? <> · <span className="viz-key-test" aria-hidden="true">○</span> test</> : null}
        {curve ? ' · line: the network' : null}
      </figcaption>
    </figure>
  );
});
