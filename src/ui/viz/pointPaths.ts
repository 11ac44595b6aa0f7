/**
 * Scatter points as one SVG path per colour: a circle is two arcs, so 10,000 points are a handful of elements instead
 * of 10,000 (React renders them in a few milliseconds, and only when the points change).
 */
import type { NumberList } from './lossChartMath.ts';

/** The path of small circles of radius r at the pixel positions (cx, cy) given by the callbacks. */
export function circlesPath(indices: readonly number[], cx: (i: number) => number, cy: (i: number) => number, r: number): string {
  const parts: string[] = [];
  const arc = `a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  for (const i of indices) {
    const x = cx(i);
    const y = cy(i);
    if (Number.isFinite(x) && Number.isFinite(y)) parts.push(`M${(x - r).toFixed(1)} ${y.toFixed(1)}${arc}`);
  }
  return parts.join('');
}

/** Point indices grouped by class label (labels rounded to whole classes; a non-finite label goes nowhere). */
export function groupByClass(labels: NumberList, count: number): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const c = labels[i] as number;
    if (!Number.isFinite(c)) continue;
    const k = Math.round(c);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(i);
  }
  return groups;
}

/**
 * Point indices grouped by colour for continuous targets: each value is snapped to one of `levels` bins of the
 * diverging scale (-max..max), enough shades to read and few enough paths to stay cheap.
 */
export function groupByValue(values: NumberList, count: number, max: number, levels = 17): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  const half = (levels - 1) / 2;
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const t = Math.max(-1, Math.min(1, v / (max > 0 ? max : 1)));
    const bin = Math.round(t * half) / half;
    let list = groups.get(bin);
    if (!list) groups.set(bin, (list = []));
    list.push(i);
  }
  return groups;
}
