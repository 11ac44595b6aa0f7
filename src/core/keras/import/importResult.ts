/** What importKerasConfig returns, and the limits it holds a file to. */
import type { Graph } from '../../graph/types.ts';

export interface KerasImportProblem {
  /**
   * The layer at fault as the node id it becomes (its name in the file, or the valid id LayerLab gives a name that is
   * not one; the name in the file when the import stopped before ids were given), or null for the whole file.
   */
  layer: string | null;
  /** One or more plain sentences; never starts with the layer's name (renderers show `layer` beside it). */
  message: string;
}

export type KerasImportResult =
  | { ok: true; graph: Graph; modelName: string; warnings: string[] }
  | { ok: false; problems: KerasImportProblem[] };

export const KERAS_IMPORT_LIMITS = {
  /** More layers than this is refused before anything else is read. */
  maxLayers: 2000,
} as const;
