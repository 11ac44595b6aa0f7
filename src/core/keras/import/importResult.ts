/** What importKerasConfig returns, and the limits it holds a file to. */
import type { Graph } from '../../graph/types.ts';

export interface KerasImportProblem {
  /** The Keras layer at fault (its name in the file), or null for a problem with the whole file. */
  layer: string | null;
  message: string;
}

export type KerasImportResult =
  | { ok: true; graph: Graph; modelName: string; warnings: string[] }
  | { ok: false; problems: KerasImportProblem[] };

export const KERAS_IMPORT_LIMITS = {
  /** More layers than this is refused before anything else is read. */
  maxLayers: 2000,
} as const;
