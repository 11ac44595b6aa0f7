/**
 * Points a student adds by clicking on the 2-D preview. They are kept in the dataset's `added` list (so they are
 * saved, shared and exported with the project) and every change returns a new config for one undoable edit.
 */
import { DATASET_LIMITS } from '../../../core/datasets/builtin.ts';
import type { AddedPoint, BuiltinDatasetConfig } from '../../../core/datasets/types.ts';

/** Two decimals: finer than a pixel of the plot, and short enough to keep a project file readable. */
const DECIMALS = 100;

function toPlot(v: number): number {
  const limit = DATASET_LIMITS.plotLimit;
  const clamped = Math.max(-limit, Math.min(limit, v));
  // `+ 0` turns -0 into 0, so a point on an axis saves as 0 rather than -0.
  return Math.round(clamped * DECIMALS) / DECIMALS + 0;
}

/**
 * The point a click at plane coordinates (x1, x2) adds: kept inside the plot (a click on its very edge can land a
 * hair outside it) and rounded to two decimals.
 */
export function clickToPoint(x1: number, x2: number, label: number): AddedPoint {
  return { x1: toPlot(x1), x2: toPlot(x2), label };
}

export function addedCount(config: BuiltinDatasetConfig): number {
  return config.added?.length ?? 0;
}

/** The config with one more point, or a message when the plot holds as many added points as it can. */
export function withAddedPoint(config: BuiltinDatasetConfig, point: AddedPoint): BuiltinDatasetConfig | string {
  const added = config.added ?? [];
  if (added.length >= DATASET_LIMITS.maxAddedPoints) {
    return `The plot holds at most ${DATASET_LIMITS.maxAddedPoints.toLocaleString('en-US')} added points. Remove some before adding more.`;
  }
  return { ...config, added: [...added, point] };
}

/** The config without any added points (the field is left out, as in a project that never had any). */
export function withoutAddedPoints(config: BuiltinDatasetConfig): BuiltinDatasetConfig {
  const { added: _added, ...rest } = config;
  return rest;
}

/**
 * The config with another number of classes. Added points of a class that no longer exists are dropped (the data
 * would be refused otherwise); Undo brings them back with the old number of classes.
 */
export function withClasses(config: BuiltinDatasetConfig, classes: number): BuiltinDatasetConfig {
  const kept = (config.added ?? []).filter((p) => p.label < classes);
  const next = { ...withoutAddedPoints(config), classes };
  return kept.length > 0 ? { ...next, added: kept } : next;
}

/** The class to add points of, kept valid when the number of classes shrinks. */
export function pickableClass(chosen: number, classes: number): number {
  return chosen >= 0 && chosen < classes ? chosen : 0;
}
