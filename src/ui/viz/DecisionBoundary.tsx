import { memo, useCallback, useMemo, type MouseEvent } from 'react';
import { scaleLinear } from 'd3';
import { XAxis, YAxis } from './axes.tsx';
import { maxAbs } from './colorDomain.ts';
import { ClassLegend, ColorLegend } from './ColorLegend.tsx';
import { classRgb, divergingTable, NEUTRAL_RGB, type VizTheme } from './colorScale.ts';
import { formatCount, formatTick } from './format.ts';
import { paintClasses, paintDiverging, paintProbability } from './gridPaint.ts';
import { countPoints, PlanePointsLayer, type PlanePoints } from './PlanePointsLayer.tsx';
import { useCanvasImage } from './useCanvasImage.ts';
import { useSteppedDomain } from './useSteppedDomain.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

export interface DecisionBoundaryProps {
  /**
   * The network's output over the plane, n×n cells of k values each: values[(row*n + col)*k + c]. Row 0 is the top
   * (x2 at its maximum), column 0 the left (x1 at its minimum); cell (row, col) is the output at its centre,
   * x1 = −extent + (col + ½)·2·extent/n, x2 = extent − (row + ½)·2·extent/n. Omit for points only (the data preview).
   */
  values?: Float32Array;
  /** Cells per side. */
  n?: number;
  /** Values per cell: 1 for a sigmoid output (or a regression output), the number of classes for a softmax. */
  k?: number;
  /** The output and the labels are continuous targets (regression on plane data), not classes. */
  regression?: boolean;
  /** Regression only: the colour scale's reach (default: stepped from the values and targets). */
  domain?: number;
  /** Classes among the points' labels (default: max(2, k)); names for the legend (default "class 0", …). */
  classCount?: number;
  classNames?: readonly string[];
  /** Training points, drawn filled; test points, drawn outlined. */
  train?: PlanePoints;
  test?: PlanePoints;
  /** Half-width of the plane: both axes run from −extent to extent (default 6, LayerLab's 2-D data). */
  extent?: number;
  /** Side of the square plot in px (default 240). */
  size?: number;
  /** Called with the plane coordinates of a click inside the plot (to add a point of the chosen class). */
  onAddPoint?: (x1: number, x2: number) => void;
  /** What the picture shows, for screen readers (default: the decision boundary and point counts). */
  label?: string;
  /** Axis titles (default x1 and x2). */
  xLabel?: string;
  yLabel?: string;
  theme?: VizTheme;
}

const MARGIN = { left: 40, top: 8, right: 8, bottom: 34 };
const PROBABILITY_LABELS = ['0', '0.5', '1'] as const;

/**
 * The network's decision over the input plane: a heatmap at the grid's resolution, smoothly scaled up, with the data
 * points on top. A sigmoid output is coloured by p − 0.5 on the diverging scale (orange = class 0, blue = class 1,
 * grey = unsure); k class probabilities by the winning class's colour, paler where the network is less sure;
 * regression values on the diverging scale with its legend.
 */
export const DecisionBoundary = memo(function DecisionBoundary({
  values,
  n = 0,
  k = 1,
  regression = false,
  domain,
  classCount,
  classNames,
  train,
  test,
  extent = 6,
  size = 240,
  onAddPoint,
  label,
  xLabel = 'x1',
  yLabel = 'x2',
  theme,
}: DecisionBoundaryProps) {
  const t = useVizTheme(theme);
  const classes = classCount ?? Math.max(2, k);
  const cells = n * n;
  const hasGrid = values !== undefined && n > 0 && values.length >= cells * k;

  // Regression: one domain for the grid and the targets, so a point and the surface under it compare by colour.
  const dataMax = useMemo(
    () => (regression ? Math.max(hasGrid && values ? maxAbs(values, cells) : 0, maxAbs(train?.labels ?? []), maxAbs(test?.labels ?? [])) : 0),
    [regression, hasGrid, values, cells, train, test],
  );
  const valueMax = useSteppedDomain(dataMax, domain);

  const paint = useMemo(() => {
    if (!hasGrid || !values) return null;
    if (regression) return (rgba: Uint8ClampedArray) => paintDiverging(values, cells, valueMax, divergingTable(t), rgba);
    if (k === 1) return (rgba: Uint8ClampedArray) => paintProbability(values, cells, divergingTable(t), rgba);
    const colors = Array.from({ length: k }, (_, c) => classRgb(c, k));
    return (rgba: Uint8ClampedArray) => paintClasses(values, cells, k, colors, NEUTRAL_RGB[t], rgba);
  }, [hasGrid, values, regression, k, cells, valueMax, t]);
  const canvasRef = useCanvasImage(hasGrid ? n : 1, hasGrid ? n : 1, paint);

  const axes = useMemo(() => {
    const xs = scaleLinear().domain([-extent, extent]).range([MARGIN.left, MARGIN.left + size]);
    const ys = scaleLinear().domain([-extent, extent]).range([MARGIN.top + size, MARGIN.top]);
    return { x: (v: number) => xs(v), y: (v: number) => ys(v), ticks: xs.ticks(Math.max(3, Math.floor(size / 50))) };
  }, [extent, size]);

  const onClick = useCallback(
    (event: MouseEvent<SVGRectElement>) => {
      if (!onAddPoint) return;
      const box = event.currentTarget.getBoundingClientRect();
      const fx = (event.clientX - box.left) / box.width;
      const fy = (event.clientY - box.top) / box.height;
      if (fx < 0 || fx > 1 || fy < 0 || fy > 1) return;
      onAddPoint(-extent + fx * 2 * extent, extent - fy * 2 * extent);
    },
    [onAddPoint, extent],
  );

  const width = MARGIN.left + size + MARGIN.right;
  const height = MARGIN.top + size + MARGIN.bottom;
  const rect = { left: MARGIN.left, top: MARGIN.top, width: size, height: size };
  // Axes, points and the click target: unchanged by a new frame of the grid, so not rebuilt for one.
  const valueDomainForPoints = regression ? valueMax : undefined;
  const overlay = useMemo(() => {
    const plot = { left: MARGIN.left, top: MARGIN.top, width: size, height: size };
    return (
      <svg width={width} height={height} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0 }}>
        <XAxis rect={plot} ticks={axes.ticks} position={axes.x} format={formatTick} label={xLabel} />
        <YAxis rect={plot} ticks={axes.ticks} position={axes.y} format={formatTick} label={yLabel} />
        <PlanePointsLayer train={train} test={test} x={axes.x} y={axes.y} classCount={classes} valueDomain={valueDomainForPoints} theme={t} />
        <rect className={onAddPoint ? 'viz-plane-hit clickable' : 'viz-plane-hit'} x={plot.left} y={plot.top} width={size} height={size} onClick={onAddPoint ? onClick : undefined} />
      </svg>
    );
  }, [width, height, size, axes, xLabel, yLabel, train, test, classes, valueDomainForPoints, t, onAddPoint, onClick]);
  const names = classNames ?? Array.from({ length: classes }, (_, i) => `class ${i}`);
  const what = hasGrid ? (regression ? "The network's output" : "The network's decision") : 'The data';
  const summary =
    label ??
    `${what} over the plane, ${xLabel} and ${yLabel} from −${extent} to ${extent}: ${formatCount(countPoints(train))} training points (filled)` +
      `${test ? `, ${formatCount(countPoints(test))} test points (outlined)` : ''}.${onAddPoint ? ' Click the plot to add a point.' : ''}`;

  return (
    <figure className="viz-plane" style={{ margin: 0 }}>
      <div className="viz-plane-area" style={{ width, height }}>
        <svg width={width} height={height} role="img" aria-label={summary}>
          <rect className="viz-plane-bg" x={rect.left} y={rect.top} width={size} height={size} />
        </svg>
        {hasGrid ? (
          <canvas ref={canvasRef} width={n} height={n} aria-hidden="true" style={{ left: rect.left, top: rect.top, width: size, height: size }} />
        ) : null}
        {overlay}
      </div>
      <figcaption className="viz-plane-legends">
        {regression ? <ColorLegend max={valueMax} label={hasGrid ? 'output and target' : 'target'} theme={t} /> : <ClassLegend names={names} />}
        {hasGrid && !regression && k === 1 ? <ColorLegend max={1} label={`probability of ${names[1] ?? 'class 1'}`} labels={PROBABILITY_LABELS} theme={t} /> : null}
        {hasGrid && !regression && k > 1 ? <span className="viz-caption">paler: less sure</span> : null}
        {test ? <span className="viz-caption">filled: training · outlined: test</span> : null}
      </figcaption>
    </figure>
  );
});
