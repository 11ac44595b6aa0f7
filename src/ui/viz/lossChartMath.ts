/**
 * The loss chart's arithmetic, free of React and the DOM: series of (epoch, value) pairs, decimated to the plot's
 * pixel width so 100,000 epochs draw as fast as 100, with the gaps where training produced NaN or Infinity kept.
 */
import { scaleLinear, scaleLog } from 'd3';

export type NumberList = Float64Array | Float32Array | readonly number[];

/** One curve: a run's train or test loss (or metric) against epoch. */
export interface ChartSeries {
  /** What the legend calls it: "train", "test", "run 2 test". */
  label: string;
  /** A CSS colour; default: the text colour. Runs overlaid later get one colour each, train and test share it. */
  color?: string;
  /** Dashed line (test curves); train curves are solid. */
  dashed?: boolean;
  /** Interleaved (epoch, value) pairs, epochs increasing: [x0, y0, x1, y1, …]. */
  points: NumberList;
  /** How many pairs of `points` to use (default: all), so a store can append into a preallocated buffer. */
  count?: number;
}

export interface DecimatedSeries {
  /** Pieces of the line between gaps: interleaved (epoch, value) pairs of finite points, in data units. */
  segments: Float64Array[];
  /** Epochs whose value was NaN or ±Infinity, drawn as a gap with a marker (at most one per pixel column). */
  breaks: number[];
}

export function pairCount(series: ChartSeries): number {
  const available = Math.floor(series.points.length / 2);
  return series.count === undefined ? available : Math.max(0, Math.min(available, Math.floor(series.count)));
}

/**
 * Min-max-first-last decimation ("M4") of one series, fed point by point: per pixel column it keeps the first,
 * lowest, highest and last point, in order. The polyline through them covers exactly the pixels the full line would,
 * so nothing visible is lost, and at most 4 points per column are drawn whatever the length of training.
 */
class Decimator {
  private readonly segments: Float64Array[] = [];
  private readonly breaks: number[] = [];
  private lastBreakColumn = -1;
  private out: number[] = [];
  // The current column's candidates, as indices into the points.
  private col = -1;
  private first = -1;
  private lo = -1;
  private hi = -1;
  private last = -1;
  /** Pairs consumed so far, and the last of them (to notice a buffer rewritten in place). */
  count = 0;
  private lastX = NaN;
  private lastY = NaN;

  constructor(
    readonly points: NumberList,
    readonly x0: number,
    readonly x1: number,
    readonly columns: number,
  ) {}

  private column(x: number): number {
    const c = Math.floor(((x - this.x0) / (this.x1 - this.x0 || 1)) * this.columns);
    return c < 0 ? 0 : c >= this.columns ? this.columns - 1 : c;
  }

  private emit(out: number[], i: number): void {
    out.push(this.points[2 * i] as number, this.points[2 * i + 1] as number);
  }

  /** The current column's points, first <= lo, hi <= last, in index order and each once. */
  private emitColumn(out: number[]): void {
    if (this.first < 0) return;
    const a = Math.min(this.lo, this.hi);
    const b = Math.max(this.lo, this.hi);
    this.emit(out, this.first);
    if (a !== this.first) this.emit(out, a);
    if (b !== a && b !== this.first) this.emit(out, b);
    if (this.last !== b && this.last !== this.first) this.emit(out, this.last);
  }

  private closeSegment(): void {
    this.emitColumn(this.out);
    this.first = -1;
    if (this.out.length > 0) this.segments.push(Float64Array.from(this.out));
    this.out = [];
    this.col = -1;
  }

  /** Consumes the pairs up to `count`. */
  advance(count: number): void {
    const { points } = this;
    for (let i = this.count; i < count; i++) {
      const x = points[2 * i] as number;
      const y = points[2 * i + 1] as number;
      if (!Number.isFinite(x)) continue;
      const c = this.column(x);
      if (!Number.isFinite(y)) {
        this.closeSegment();
        if (c !== this.lastBreakColumn) this.breaks.push(x);
        this.lastBreakColumn = c;
        continue;
      }
      if (c !== this.col) {
        this.emitColumn(this.out);
        this.col = c;
        this.first = this.lo = this.hi = this.last = i;
        continue;
      }
      this.last = i;
      if (y < (points[2 * this.lo + 1] as number)) this.lo = i;
      if (y > (points[2 * this.hi + 1] as number)) this.hi = i;
    }
    if (count > this.count) {
      this.count = count;
      this.lastX = points[2 * count - 2] as number;
      this.lastY = points[2 * count - 1] as number;
    }
  }

  /** Whether the points it has consumed are still there, unchanged at the last one. */
  stillValid(n: number): boolean {
    if (this.count > n) return false;
    if (this.count === 0) return true;
    const x = this.points[2 * this.count - 2] as number;
    const y = this.points[2 * this.count - 1] as number;
    return Object.is(x, this.lastX) && Object.is(y, this.lastY);
  }

  /** The line so far; later advances do not change what it returns. */
  result(): DecimatedSeries {
    const open = this.out.slice();
    this.emitColumn(open);
    const segments = open.length > 0 ? [...this.segments, Float64Array.from(open)] : [...this.segments];
    return { segments, breaks: [...this.breaks] };
  }
}

export function decimate(series: ChartSeries, xDomain: readonly [number, number], columns: number): DecimatedSeries {
  const decimator = new Decimator(series.points, xDomain[0], xDomain[1], Math.max(1, Math.floor(columns)));
  decimator.advance(pairCount(series));
  return decimator.result();
}

/** Per points buffer, a decimator per (epoch axis, width): two charts of the same run do not undo each other's work. */
const decimators = new WeakMap<object, Map<string, Decimator>>();
const MAX_VIEWS_PER_BUFFER = 4;

/**
 * decimate(), resumed where the last frame stopped when the same points buffer has only grown and the epoch axis and
 * width are unchanged (as while training towards a fixed `maxEpoch`), so each frame costs the new epochs, not all of
 * them. Buffers are assumed append-only, as a training history is; a rewritten buffer is noticed at its last point
 * consumed, and a new buffer starts over.
 */
export function decimateIncremental(series: ChartSeries, xDomain: readonly [number, number], columns: number): DecimatedSeries {
  const cols = Math.max(1, Math.floor(columns));
  const n = pairCount(series);
  let views = decimators.get(series.points);
  if (!views) decimators.set(series.points, (views = new Map()));
  const key = `${xDomain[0]}|${xDomain[1]}|${cols}`;
  let decimator = views.get(key);
  if (!decimator || !decimator.stillValid(n)) {
    decimator = new Decimator(series.points, xDomain[0], xDomain[1], cols);
    // Old axes are not coming back while training grows the domain: keep the few most recent views only.
    if (views.size >= MAX_VIEWS_PER_BUFFER) views.delete(views.keys().next().value as string);
    views.set(key, decimator);
  }
  decimator.advance(n);
  return decimator.result();
}

/**
 * The epochs the series span: [first, last] across them, at least one epoch wide; [0, 1] with no points yet.
 * `through` stretches it to at least that epoch (the planned number of epochs), so the axis holds still while training.
 */
export function epochDomain(series: readonly ChartSeries[], through?: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const n = pairCount(s);
    for (let i = 0; i < n; i++) {
      const x = s.points[2 * i] as number;
      if (Number.isFinite(x)) {
        lo = Math.min(lo, x);
        break;
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      const x = s.points[2 * i] as number;
      if (Number.isFinite(x)) {
        hi = Math.max(hi, x);
        break;
      }
    }
  }
  if (!(lo <= hi)) return through !== undefined && through > 1 ? [1, through] : [0, 1];
  if (through !== undefined && Number.isFinite(through)) hi = Math.max(hi, through);
  return hi - lo < 1 ? [lo, lo + 1] : [lo, hi];
}

/** Lowest and highest value of the decimated lines (decimation keeps every column's extremes, so these are exact). */
export function valueExtent(decimated: readonly DecimatedSeries[], positiveOnly = false): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of decimated) {
    for (const seg of d.segments) {
      for (let i = 1; i < seg.length; i += 2) {
        const y = seg[i] as number;
        if (positiveOnly && !(y > 0)) continue;
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

export type ValueAxisKind = 'linear' | 'log' | 'percent';

/**
 * The value axis's domain. Linear: from 0 (or the lowest value, if negative) to the highest, rounded out to nice
 * ticks. Log: whole decades around the positive values. Percent (accuracy): always 0..1, so 100% is always the top.
 */
export function valueDomain(extent: [number, number] | null, kind: ValueAxisKind): [number, number] {
  if (kind === 'percent') return [0, 1];
  if (kind === 'log') {
    if (extent === null) return [0.01, 1];
    const lo = 10 ** Math.floor(Math.log10(extent[0]));
    const hi = 10 ** Math.ceil(Math.log10(extent[1]));
    return hi > lo ? [lo, hi] : [lo, lo * 10];
  }
  if (extent === null) return [0, 1];
  const lo = Math.min(0, extent[0]);
  const hi = extent[1] > lo ? extent[1] : lo + 1;
  const nice = scaleLinear().domain([lo, hi]).nice(5).domain();
  return [nice[0] ?? lo, nice[1] ?? hi];
}

export interface AxisScale {
  (value: number): number;
  ticks(count?: number): number[];
}

/** A d3 scale from value to pixel row (top = highest), clamped so a value below a log axis's floor sits on it. */
export function valueScale(domain: [number, number], kind: ValueAxisKind, top: number, bottom: number): AxisScale {
  const scale = kind === 'log' ? scaleLog().domain(domain) : scaleLinear().domain(domain);
  return scale.range([bottom, top]).clamp(true);
}

/** Epoch ticks: whole epochs only (d3 would offer 0.5 on a short run). */
export function epochTicks(domain: [number, number], count: number): number[] {
  return scaleLinear().domain(domain).ticks(count).filter((t) => Number.isInteger(t));
}

/** Log-axis ticks: the decades only (1, 0.1, 0.01), labelled compactly; at most `max` of them, thinned evenly. */
export function logTicks(domain: [number, number], max = 6): number[] {
  const decades: number[] = [];
  for (let e = Math.round(Math.log10(domain[0])); e <= Math.round(Math.log10(domain[1])); e++) decades.push(10 ** e);
  const stride = Math.ceil(decades.length / max);
  return decades.filter((_, i) => i % stride === 0);
}

/** The part of a 2-D canvas context that draws a line. */
export interface LinePen {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/**
 * Traces a decimated line in pixel coordinates: one sub-path per piece between gaps. On a canvas rather than as SVG
 * path text: turning thousands of coordinates into strings every frame costs more than the drawing itself.
 */
export function traceSegments(pen: LinePen, segments: readonly Float64Array[], x: (v: number) => number, y: (v: number) => number): void {
  for (const seg of segments) {
    const x0 = x(seg[0] as number);
    const y0 = y(seg[1] as number);
    pen.moveTo(x0, y0);
    // A single finite point between two gaps is drawn as a dot (a round cap on a tiny line), not as nothing.
    if (seg.length === 2) pen.lineTo(x0 + 0.01, y0);
    for (let i = 2; i < seg.length; i += 2) pen.lineTo(x(seg[i] as number), y(seg[i + 1] as number));
  }
}

/** The latest value of a series, for the legend's readout: NaN when training has just diverged; null before epoch 1. */
export function lastValue(series: ChartSeries): number | null {
  const n = pairCount(series);
  return n === 0 ? null : (series.points[2 * n - 1] as number);
}

/** The value at the last point at or before `epoch` (binary search: points are in epoch order); null before the first. */
export function valueAt(series: ChartSeries, epoch: number): number | null {
  let lo = 0;
  let hi = pairCount(series) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((series.points[2 * mid] as number) <= epoch) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? null : (series.points[2 * found + 1] as number);
}

/** The last epoch any series has reached (null with no points). */
export function lastEpoch(series: readonly ChartSeries[]): number | null {
  let last: number | null = null;
  for (const s of series) {
    const n = pairCount(s);
    if (n > 0) last = Math.max(last ?? -Infinity, s.points[2 * n - 2] as number);
  }
  return last;
}
