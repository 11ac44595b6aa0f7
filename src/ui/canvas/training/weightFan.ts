/**
 * The weight lines between two small layers, as TensorFlow Playground draws them: one curve per weight from the source
 * neuron's row (right edge of its card) to the target neuron's row (left edge of the Dense's card), coloured by the
 * weight's sign on the diverging scale and as thick as its size. Pure geometry and styling; WeightFan draws them.
 */
import { scaledValue, valueCss, type VizTheme } from '../../viz/colorScale.ts';
import { rowCenterY, type RowKind } from './cardGeometry.ts';

/** A card on the canvas in flow coordinates: its top-left corner and its measured size. */
export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FanLine {
  /** Source neuron (kernel row) and target neuron (kernel column). */
  from: number;
  to: number;
  /** SVG path text. */
  d: string;
}

/** Thinnest and thickest line, px: a weight of 0 is still visible, one at the domain's end is bold. */
export const MIN_LINE_WIDTH = 0.6;
export const MAX_LINE_WIDTH = 4;

const round = (v: number): number => Math.round(v * 10) / 10;

/** A horizontal S-curve from (x0, y0) to (x1, y1), leaving and arriving level as edges do. */
export function fanPath(x0: number, y0: number, x1: number, y1: number): string {
  const mid = round((x0 + x1) / 2);
  return `M${round(x0)},${round(y0)} C${mid},${round(y0)} ${mid},${round(y1)} ${round(x1)},${round(y1)}`;
}

/**
 * Every line from each of the source's `sourceUnits` rows to each of the target's `targetUnits` rows, in kernel order
 * (line k = from k / targetUnits to k % targetUnits, as kernel value k).
 */
export function fanLines(source: CardBox, target: CardBox, sourceUnits: number, targetUnits: number, rows: RowKind): FanLine[] {
  const x0 = source.x + source.width;
  const x1 = target.x;
  const lines: FanLine[] = [];
  for (let from = 0; from < sourceUnits; from++) {
    const y0 = source.y + rowCenterY(from, rows);
    for (let to = 0; to < targetUnits; to++) {
      lines.push({ from, to, d: fanPath(x0, y0, x1, target.y + rowCenterY(to, rows)) });
    }
  }
  return lines;
}

/** A weight's line: its colour (sign and size on the diverging scale whose ends are ±domain) and its width. */
export function weightLineStyle(weight: number, domain: number, theme: VizTheme): { stroke: string; width: number } {
  // In LINE_STEPS steps of the scale: a line whose weight barely moved keeps its exact attributes, so a frame writes
  // (and the browser repaints) only the lines that visibly changed — a few hundred lines redrawn 30 times a second
  // would otherwise take most of a frame.
  const t = Math.round(scaledValue(weight, domain) * LINE_STEPS) / LINE_STEPS;
  return { stroke: valueCss(t * domain, domain, theme), width: round(MIN_LINE_WIDTH + (MAX_LINE_WIDTH - MIN_LINE_WIDTH) * Math.abs(t)) };
}

/** Steps of colour and width per side of the scale (the eye cannot tell more apart on a thin line). */
const LINE_STEPS = 24;

/** The mean |value| (0 for none; non-finite values are left out). */
export function meanAbs(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i] as number);
    if (Number.isFinite(v)) {
      sum += v;
      count += 1;
    }
  }
  return count === 0 ? 0 : sum / count;
}
