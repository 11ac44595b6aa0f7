/**
 * The loss chart's arithmetic: decimation to the pixel width keeps what a person would see (every column's extremes,
 * the ends of the line, the gaps where training produced NaN or Infinity), and the axis scales.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import {
  decimate,
  decimateIncremental,
  epochDomain,
  epochTicks,
  lastValue,
  traceSegments,
  logTicks,
  valueAt,
  valueDomain,
  valueExtent,
  valueScale,
  type ChartSeries,
} from '../../../src/ui/viz/lossChartMath.ts';

/** A noisy decreasing loss over `epochs` epochs (1-based), as interleaved pairs. */
function lossCurve(epochs: number, seed = 1): Float64Array {
  const rng = createRng(seed);
  const points = new Float64Array(epochs * 2);
  for (let i = 0; i < epochs; i++) {
    points[2 * i] = i + 1;
    points[2 * i + 1] = 2 * Math.exp(-i / (epochs / 5)) + 0.05 * rng.next();
  }
  return points;
}

/** Per pixel column, [min, max] of the values falling in it. */
function columnExtremes(points: ArrayLike<number>, domain: [number, number], columns: number): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  for (let i = 0; i < points.length; i += 2) {
    const x = points[i] as number;
    const y = points[i + 1] as number;
    if (!Number.isFinite(y)) continue;
    const c = Math.min(columns - 1, Math.floor(((x - domain[0]) / (domain[1] - domain[0])) * columns));
    const e = out.get(c);
    out.set(c, e ? [Math.min(e[0], y), Math.max(e[1], y)] : [y, y]);
  }
  return out;
}

describe('decimate', () => {
  it('draws 100,000 epochs with at most 4 points per pixel column, keeping every column’s lowest and highest value', () => {
    const points = lossCurve(100_000);
    const series: ChartSeries = { label: 'train', points };
    const domain = epochDomain([series]);
    const columns = 300;
    const { segments, breaks } = decimate(series, domain, columns);
    expect(breaks).toEqual([]);
    expect(segments).toHaveLength(1);
    const seg = segments[0] as Float64Array;
    expect(seg.length / 2).toBeLessThanOrEqual(4 * columns);
    expect(seg.length / 2).toBeGreaterThanOrEqual(2 * columns);
    expect([seg[0], seg[1]]).toEqual([points[0], points[1]]);
    expect([seg[seg.length - 2], seg[seg.length - 1]]).toEqual([points[points.length - 2], points[points.length - 1]]);
    expect(columnExtremes(seg, domain, columns)).toEqual(columnExtremes(points, domain, columns));
    for (let i = 2; i < seg.length; i += 2) expect(seg[i] as number).toBeGreaterThan(seg[i - 2] as number);
  });

  it('keeps short runs whole', () => {
    const points = lossCurve(40);
    const { segments } = decimate({ label: 'train', points }, epochDomain([{ label: 'train', points }]), 300);
    expect([...(segments[0] ?? [])]).toEqual([...points]);
  });

  it('leaves a gap and one marker where the loss is NaN or infinite', () => {
    const points = lossCurve(1000);
    points[2 * 500 + 1] = NaN;
    points[2 * 501 + 1] = NaN;
    points[2 * 800 + 1] = Infinity;
    const { segments, breaks } = decimate({ label: 'train', points }, [1, 1000], 200);
    expect(segments).toHaveLength(3);
    // Epochs 501 and 502 share a pixel column: one marker; epoch 801 gets its own.
    expect(breaks).toEqual([501, 801]);
    for (const seg of segments) for (let i = 1; i < seg.length; i += 2) expect(Number.isFinite(seg[i])).toBe(true);
    const firstSeg = segments[0] as Float64Array;
    expect(firstSeg[firstSeg.length - 2]).toBe(500);
    expect((segments[1] as Float64Array)[0]).toBe(503);
  });

  it('uses only the first `count` pairs of a preallocated buffer', () => {
    const points = lossCurve(100);
    const { segments } = decimate({ label: 'train', points, count: 10 }, [1, 100], 500);
    expect((segments[0] as Float64Array).length).toBe(20);
    expect(lastValue({ label: 'train', points, count: 10 })).toBe(points[19]);
    expect(lastValue({ label: 'train', points: [] })).toBeNull();
  });

  it('resumed frame by frame on a growing buffer, gives exactly what decimating from scratch gives', () => {
    const full = lossCurve(5000, 4);
    full[2 * 1200 + 1] = NaN;
    full[2 * 3001 + 1] = Infinity;
    const buffer = new Float64Array(full.length);
    let count = 0;
    for (const next of [1, 2, 50, 1199, 1201, 1500, 3002, 4999, 5000]) {
      buffer.set(full.subarray(2 * count, 2 * next), 2 * count);
      count = next;
      const series = { label: 'train', points: buffer, count };
      expect(decimateIncremental(series, [1, 5000], 240)).toEqual(decimate(series, [1, 5000], 240));
    }
    // A new run written over the same buffer starts over instead of extending the old line.
    buffer.set(lossCurve(100, 9).subarray(0, 200));
    const rerun = { label: 'train', points: buffer, count: 100 };
    expect(decimateIncremental(rerun, [1, 5000], 240)).toEqual(decimate(rerun, [1, 5000], 240));
  });

  it('reads a curve’s value at an epoch (the last point at or before it)', () => {
    const series = { label: 'test', points: [1, 0.9, 2, 0.5, 5, 0.2] };
    expect(valueAt(series, 2)).toBe(0.5);
    expect(valueAt(series, 4)).toBe(0.5);
    expect(valueAt(series, 9)).toBe(0.2);
    expect(valueAt(series, 0)).toBeNull();
  });

  it('traces one sub-path per piece between gaps, and a lone point as a dot', () => {
    const { segments } = decimate({ label: 'train', points: [1, 0.9, 2, 0.8, 3, NaN, 4, 0.5, 5, NaN] }, [1, 5], 100);
    const calls: string[] = [];
    traceSegments({ moveTo: (x, y) => calls.push(`M${x} ${y}`), lineTo: (x, y) => calls.push(`L${x} ${y}`) }, segments, (v) => v * 10, (v) => v * 100);
    expect(calls).toEqual(['M10 90', 'L20 80', 'M40 50', 'L40.01 50']);
  });
});

describe('axes', () => {
  it('the epoch axis spans the runs, at least one epoch wide, with whole-epoch ticks', () => {
    expect(epochDomain([{ label: 'a', points: [1, 0.5, 2, 0.4] }, { label: 'b', points: [1, 0.5, 7, 0.1] }])).toEqual([1, 7]);
    expect(epochDomain([{ label: 'a', points: [1, 0.5] }])).toEqual([1, 2]);
    expect(epochDomain([])).toEqual([0, 1]);
    // Stretched to the planned number of epochs, it stays put while training runs.
    expect(epochDomain([{ label: 'a', points: [1, 0.5, 2, 0.4] }], 300)).toEqual([1, 300]);
    expect(epochDomain([{ label: 'a', points: [1, 0.5, 400, 0.4] }], 300)).toEqual([1, 400]);
    expect(epochTicks([1, 3], 10).every(Number.isInteger)).toBe(true);
  });

  it('a linear loss axis starts at 0 and ends on a nice number at or above the highest loss', () => {
    const [lo, hi] = valueDomain([0.13, 2.37], 'linear');
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(2.37);
    expect(hi).toBeLessThanOrEqual(3);
    expect(valueDomain([-1.5, -0.2], 'linear')[0]).toBeLessThanOrEqual(-1.5);
  });

  it('a log loss axis spans whole decades around the positive losses, with a tick per decade', () => {
    const points = lossCurve(2000);
    const decimated = [decimate({ label: 'train', points }, [1, 2000], 300)];
    const extent = valueExtent(decimated, true);
    expect(extent).not.toBeNull();
    const [lo, hi] = valueDomain(extent, 'log');
    expect(lo).toBeLessThanOrEqual((extent as [number, number])[0]);
    expect(hi).toBeGreaterThanOrEqual((extent as [number, number])[1]);
    expect(Math.log10(lo) % 1).toBeCloseTo(0, 9);
    expect(logTicks([0.001, 10])).toEqual([0.001, 0.01, 0.1, 1, 10]);
    // Top of the plot for the highest decade, bottom for the lowest, evenly spaced decades between.
    const y = valueScale([0.01, 1], 'log', 0, 100);
    expect(y(1)).toBe(0);
    expect(y(0.01)).toBe(100);
    expect(y(0.1)).toBeCloseTo(50, 9);
  });

  it('accuracy always spans 0 to 100%', () => {
    expect(valueDomain([0.4, 0.6], 'percent')).toEqual([0, 1]);
  });
});
