/** Axis domains for data plots: the data's range with a little air, rounded out to nice ticks. */
import { scaleLinear } from 'd3';
import type { NumberList } from './lossChartMath.ts';

/** [min, max] of the finite numbers at positions start, start+stride, … below `end`; null when there are none. */
export function extentOf(values: NumberList, start = 0, stride = 1, end = values.length): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = start; i < end; i += stride) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The union of extents (nulls ignored); null when all are null. */
export function unionExtent(...extents: ([number, number] | null)[]): [number, number] | null {
  let out: [number, number] | null = null;
  for (const e of extents) if (e) out = out ? [Math.min(out[0], e[0]), Math.max(out[1], e[1])] : [e[0], e[1]];
  return out;
}

/** The extent padded by 5% each side (points on the edge stay whole), then widened to nice tick values. */
export function niceDomain(extent: [number, number] | null): [number, number] {
  if (extent === null) return [0, 1];
  let [lo, hi] = extent;
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.05;
  const nice = scaleLinear().domain([lo - pad, hi + pad]).nice(5).domain();
  return [nice[0] ?? lo, nice[1] ?? hi];
}
