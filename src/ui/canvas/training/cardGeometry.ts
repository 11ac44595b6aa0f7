/**
 * Where a layer card puts its neurons while a session has numbers, and what it shows for a layer of each size. Pure:
 * the card (nodes/LiveLayerView) lays itself out with these numbers and the weight fan (edges/WeightFan) finds each
 * neuron's row with the same ones, so lines meet rows without measuring the DOM on every frame.
 */
import type { LayerKind } from '../../../core/layers/index.ts';
import type { Shape } from '../../../core/layers/shape.ts';

/** Layers of up to this many neurons show one row per neuron; wider ones a summary (heatmap or a bar). */
export const MAX_ROW_UNITS = 16;

/** The card's top edge to its first neuron row, in px: border, padding, the title line and the id line, a gap. */
export const CARD_BORDER_TOP = 1;
export const CARD_PADDING_TOP = 8;
export const HEAD_HEIGHT = 20;
export const MID_HEIGHT = 26;
export const STRIP_GAP = 4;
export const STRIP_TOP = CARD_BORDER_TOP + CARD_PADDING_TOP + HEAD_HEIGHT + MID_HEIGHT + STRIP_GAP;

/** A neuron row shows a dot (any data) or, for 2-D data, a map of the neuron's output over the input plane. */
export type RowKind = 'dot' | 'map';
export const ROW_HEIGHT: Readonly<Record<RowKind, number>> = { dot: 14, map: 26 };
export const MAP_SIZE = 24;

/** The vertical centre of neuron `index`'s row, from the card's top edge. */
export function rowCenterY(index: number, kind: RowKind): number {
  return STRIP_TOP + index * ROW_HEIGHT[kind] + ROW_HEIGHT[kind] / 2;
}

/** The height of `units` rows. */
export function stripHeight(units: number, kind: RowKind): number {
  return units * ROW_HEIGHT[kind];
}

/** The length of a layer's output when it is a flat list of numbers (shape [n]), else null (an image, a sequence). */
export function vectorUnits(shape: Shape | null | undefined): number | null {
  return shape !== null && shape !== undefined && shape.length === 1 && (shape[0] ?? 0) > 0 ? (shape[0] as number) : null;
}

/** What a card shows while training, beside what it always shows. */
export interface LiveCardContent {
  /** One row (dot or map) per neuron: how many. */
  rows: number | null;
  /** A Dense layer's weight matrix [inputs, units], when its weights are too many to draw as lines. */
  heatmap: { rows: number; cols: number } | null;
  /** A wide layer without weights: its outputs as one strip of colour. */
  bar: number | null;
}

export const NO_LIVE_CONTENT: LiveCardContent = { rows: null, heatmap: null, bar: null };

/**
 * A flat layer of up to 16 neurons: a row per neuron. A wider flat layer: a Dense shows its weight matrix, any other
 * layer a bar of its outputs. A Dense whose inputs are too many for weight lines (more than 16) also shows its
 * matrix, since its incoming edge only gets a tint. A layer whose output is not flat (an image) shows nothing extra.
 */
export function liveCardContent(kind: LayerKind, shape: Shape | null, inputUnits: number | null): LiveCardContent {
  const units = vectorUnits(shape);
  if (units === null) return NO_LIVE_CONTENT;
  const rows = units <= MAX_ROW_UNITS ? units : null;
  if (kind === 'Dense') {
    const wide = units > MAX_ROW_UNITS || (inputUnits !== null && inputUnits > MAX_ROW_UNITS);
    return { rows, heatmap: wide && inputUnits !== null ? { rows: inputUnits, cols: units } : null, bar: null };
  }
  return { rows, heatmap: null, bar: rows === null ? units : null };
}

/** How an edge looks while training. */
export type EdgeLiveMode = 'plain' | 'fan' | 'tint';

/**
 * Into a Dense with weights: one line per weight when both ends have rows (at most 16 × 16 lines), else one line tinted
 * by the mean |weight|. Every other edge stays as it is.
 */
export function edgeLiveMode(targetIsDense: boolean, hasWeights: boolean, sourceUnits: number | null, targetUnits: number | null): EdgeLiveMode {
  if (!targetIsDense || !hasWeights) return 'plain';
  const fits = (n: number | null): boolean => n !== null && n <= MAX_ROW_UNITS;
  return fits(sourceUnits) && fits(targetUnits) ? 'fan' : 'tint';
}
