import { memo, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { scaleLinear } from 'd3';
import { XAxis, YAxis, type PlotRect } from './axes.tsx';
import { resolveCssColor } from './canvasColor.ts';
import { formatCount, formatLoss, formatPercent, formatTick } from './format.ts';
import {
  decimateIncremental,
  epochDomain,
  epochTicks,
  lastEpoch,
  logTicks,
  valueAt,
  valueDomain,
  valueExtent,
  traceSegments,
  valueScale,
  type ChartSeries,
  type DecimatedSeries,
  type ValueAxisKind,
} from './lossChartMath.ts';
import { useElementWidth } from './useElementWidth.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

/** What the second plot shows: accuracy (values 0..1, drawn as 0–100%) or mean absolute error (regression). */
export type MetricKind = 'accuracy' | 'mae';

export interface LossChartProps {
  /** Loss curves: typically { label: 'train' } solid and { label: 'test', dashed: true }; more runs overlaid later. */
  loss: readonly ChartSeries[];
  /** Metric curves, matched to the loss curves by label in the legend. Omit for a loss-only chart. */
  metric?: readonly ChartSeries[];
  metricKind?: MetricKind;
  /** The epoch axis reaches at least this epoch, e.g. the planned number of epochs (default: the last one trained). */
  maxEpoch?: number;
  /** Start with the loss on a log scale (the student can switch with the checkbox). */
  defaultLogScale?: boolean;
  /** Width in px; default: the width of the container. */
  width?: number;
  /** Height of each of the two plots in px (default 110). */
  plotHeight?: number;
}

const MARGIN = { left: 52, right: 12, top: 10, gap: 14, bottom: 34 };
const METRIC_TITLE: Record<MetricKind, string> = { accuracy: 'accuracy', mae: 'mean abs. error' };

interface PlotModel {
  rect: PlotRect;
  kind: ValueAxisKind;
  lines: { segments: DecimatedSeries['segments']; color: string | undefined; dashed: boolean }[];
  breaks: { x: number; label: string; epoch: number }[];
  yTicks: number[];
  y: (v: number) => number;
}

function buildPlot(
  series: readonly ChartSeries[],
  kind: ValueAxisKind,
  rect: PlotRect,
  xDomain: [number, number],
  x: (v: number) => number,
): PlotModel {
  const decimated = series.map((s) => decimateIncremental(s, xDomain, rect.width));
  const domain = valueDomain(valueExtent(decimated, kind === 'log'), kind);
  const scale = valueScale(domain, kind, rect.top, rect.top + rect.height);
  const yTicks = kind === 'log' ? logTicks(domain, Math.max(2, Math.floor(rect.height / 24))) : scale.ticks(Math.max(2, Math.floor(rect.height / 28)));
  // Log axis: a loss of exactly 0 sits on the floor of the axis instead of vanishing.
  const y = kind === 'log' ? (v: number) => scale(Math.max(v, domain[0])) : (v: number) => scale(v);
  return {
    rect,
    kind,
    lines: decimated.map((d, i) => ({ segments: d.segments, color: series[i]?.color, dashed: series[i]?.dashed ?? false })),
    breaks: decimated.flatMap((d, i) => d.breaks.map((epoch) => ({ x: x(epoch), epoch, label: series[i]?.label ?? '' }))),
    yTicks,
    y,
  };
}

function Plot({ model, title, format, xTicks, x, xLabelled }: { model: PlotModel; title: string; format: (v: number) => string; xTicks: number[]; x: (v: number) => number; xLabelled: boolean }) {
  const { rect } = model;
  return (
    <g>
      <YAxis rect={rect} ticks={model.yTicks} position={model.y} format={format} label={title} grid />
      <XAxis rect={rect} ticks={xTicks} position={x} format={formatTick} label="epoch" labelled={xLabelled} />
      {model.breaks.map((b, i) => (
        <path key={`b${i}`} className="viz-break" d={`M${b.x - 4} ${rect.top}h8l-4 6z`}>
          <title>{`${b.label} ${title} was not a number at epoch ${formatCount(b.epoch)}: training diverged`}</title>
        </path>
      ))}
    </g>
  );
}

/**
 * Train and test loss (top) and accuracy or error (bottom) against epoch, sharing the epoch axis. Any number of
 * epochs: each curve is decimated to the plot's pixel width. An epoch whose value is NaN or infinite leaves a gap in
 * the line and a red marker on top. Pointing at the plot reads every curve's value at that epoch in the legend.
 */
export const LossChart = memo(function LossChart({ loss, metric, metricKind = 'accuracy', maxEpoch, defaultLogScale = false, width, plotHeight = 110 }: LossChartProps) {
  const [containerRef, chartWidth] = useElementWidth<HTMLDivElement>(320, width);
  const [log, setLog] = useState(defaultLogScale);
  const [hover, setHover] = useState<number | null>(null);
  const theme = useVizTheme();
  const linesRef = useRef<HTMLCanvasElement>(null);
  const metricSeries = useMemo(() => metric ?? [], [metric]);
  const hasMetric = metricSeries.length > 0;
  const height = MARGIN.top + plotHeight + (hasMetric ? MARGIN.gap + plotHeight : 0) + MARGIN.bottom;
  const innerWidth = Math.max(10, chartWidth - MARGIN.left - MARGIN.right);

  const chart = useMemo(() => {
    const xDomain = epochDomain([...loss, ...metricSeries], maxEpoch);
    const xScale = scaleLinear().domain(xDomain).range([MARGIN.left, MARGIN.left + innerWidth]);
    const x = (v: number): number => xScale(v);
    const xTicks = epochTicks(xDomain, Math.max(2, Math.floor(innerWidth / 60)));
    const lossRect = { left: MARGIN.left, top: MARGIN.top, width: innerWidth, height: plotHeight };
    const metricRect = { ...lossRect, top: MARGIN.top + plotHeight + MARGIN.gap };
    return {
      xScale,
      x,
      xTicks,
      loss: buildPlot(loss, log ? 'log' : 'linear', lossRect, xDomain, x),
      metric: hasMetric ? buildPlot(metricSeries, metricKind === 'accuracy' ? 'percent' : 'linear', metricRect, xDomain, x) : null,
    };
  }, [loss, metricSeries, hasMetric, metricKind, log, innerWidth, plotHeight, maxEpoch]);

  // The curves: stroked on a canvas over the SVG axes, after every change of data, size or theme.
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  useLayoutEffect(() => {
    const canvas = linesRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, chartWidth, height);
    // Reading computed style flushes the page's style: only when a colour is CSS (a variable or currentColor).
    let style: CSSStyleDeclaration | null = null;
    const colorOf = (color: string | undefined): string => {
      if (color !== undefined && color !== 'currentColor' && !color.startsWith('var(')) return color;
      style ??= getComputedStyle(canvas);
      return resolveCssColor(color, style);
    };
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const plot of chart.metric ? [chart.loss, chart.metric] : [chart.loss]) {
      const { rect } = plot;
      ctx.save();
      ctx.beginPath();
      ctx.rect(rect.left - 1, rect.top - 1, rect.width + 2, rect.height + 2);
      ctx.clip();
      for (const line of plot.lines) {
        ctx.strokeStyle = colorOf(line.color);
        ctx.setLineDash(line.dashed ? [5, 3] : []);
        ctx.beginPath();
        traceSegments(ctx, line.segments, chart.x, plot.y);
        ctx.stroke();
      }
      ctx.restore();
    }
  }, [chart, chartWidth, height, dpr, theme]);

  const formatMetric = metricKind === 'accuracy' ? formatPercent : formatLoss;
  const formatMetricTick = metricKind === 'accuracy' ? (v: number) => `${Math.round(v * 100)}%` : formatTick;
  const latest = lastEpoch([...loss, ...metricSeries]);
  const shownEpoch = hover ?? latest;
  const rows = legendRows(loss, metricSeries);
  const read = (s: ChartSeries | undefined, format: (v: number) => string, epoch = shownEpoch): string => {
    if (!s || epoch === null) return '';
    const v = valueAt(s, epoch);
    return v === null ? '' : format(v);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>): void => {
    if (latest === null) return;
    const box = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - box.left;
    if (px < MARGIN.left || px > MARGIN.left + innerWidth) return setHover(null);
    const [lo, hi] = chart.xScale.domain() as [number, number];
    setHover(Math.min(latest, hi, Math.max(lo, Math.round(chart.xScale.invert(px)))));
  };

  const summary =
    latest === null
      ? 'Loss chart: no epochs trained yet.'
      : `Loss chart at epoch ${formatCount(latest)}: ` +
        rows
          .map((r) => `${r.label} loss ${read(r.loss, formatLoss, latest) || 'none'}${hasMetric ? `, ${METRIC_TITLE[metricKind]} ${read(r.metric, formatMetric, latest) || 'none'}` : ''}`)
          .join('; ') +
        (chart.loss.breaks.length > 0 ? '. Training diverged: the loss became not a number.' : '.');

  return (
    <div className="viz-loss-chart" ref={containerRef}>
      <table className="viz-chart-legend">
        <thead>
          <tr>
            <th scope="col" className="viz-epoch mono">
              {shownEpoch === null ? 'epoch —' : `epoch ${formatCount(shownEpoch)}`}
            </th>
            <th scope="col">loss</th>
            {hasMetric ? <th scope="col">{METRIC_TITLE[metricKind]}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">
                <svg width="22" height="8" aria-hidden="true" className="viz-legend-swatch">
                  <line x1="1" x2="21" y1="4" y2="4" style={{ stroke: r.color }} strokeDasharray={r.dashed ? '5 3' : undefined} />
                </svg>
                {r.label}
              </th>
              <td className="mono viz-num">{read(r.loss, formatLoss)}</td>
              {hasMetric ? <td className="mono viz-num">{read(r.metric, formatMetric)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="viz-chart-area" style={{ height }}>
        <svg
          className="viz-chart"
          width={chartWidth}
          height={height}
          role="img"
          aria-label={summary}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
        >
          <Plot model={chart.loss} title={log ? 'loss (log)' : 'loss'} format={formatTick} xTicks={chart.xTicks} x={chart.x} xLabelled={!chart.metric} />
          {chart.metric ? <Plot model={chart.metric} title={METRIC_TITLE[metricKind]} format={formatMetricTick} xTicks={chart.xTicks} x={chart.x} xLabelled /> : null}
          {hover !== null ? <line className="viz-hover" x1={chart.x(hover)} x2={chart.x(hover)} y1={MARGIN.top} y2={height - MARGIN.bottom} /> : null}
          {latest === null ? (
            <text className="viz-empty" x={MARGIN.left + innerWidth / 2} y={MARGIN.top + plotHeight / 2} textAnchor="middle">
              No epochs yet: press Train
            </text>
          ) : null}
        </svg>
        <canvas ref={linesRef} className="viz-chart-lines" width={Math.round(chartWidth * dpr)} height={Math.round(height * dpr)} style={{ width: chartWidth, height }} aria-hidden="true" />
      </div>
      <label className="viz-check">
        <input type="checkbox" checked={log} onChange={(e) => setLog(e.currentTarget.checked)} /> log scale for loss
      </label>
    </div>
  );
});

interface LegendRow {
  label: string;
  color: string;
  dashed: boolean;
  loss?: ChartSeries;
  metric?: ChartSeries;
}

/** One legend row per label: "train" and "test" each show their loss and metric side by side. */
function legendRows(loss: readonly ChartSeries[], metric: readonly ChartSeries[]): LegendRow[] {
  const rows = new Map<string, LegendRow>();
  const add = (s: ChartSeries, key: 'loss' | 'metric'): void => {
    const row = rows.get(s.label) ?? { label: s.label, color: s.color ?? 'currentColor', dashed: s.dashed ?? false };
    row[key] = s;
    rows.set(s.label, row);
  };
  loss.forEach((s) => add(s, 'loss'));
  metric.forEach((s) => add(s, 'metric'));
  return [...rows.values()];
}
