import type { Problem, ProblemSeverity, ProblemSource } from './problem.ts';

/**
 * What the Keras, TF.js and Python importers and exporters report: one message per layer, or for the whole model or
 * file (layer null). For an import, `layer` is the node id the layer gets (its Keras name, or the valid id LayerLab
 * gives a name that is not one); for an export, the node id.
 */
export interface LayerProblemLike {
  readonly layer: string | null;
  readonly message: string;
}

/** Import or export problems as Problems: `layer` becomes the node id; errors unless `severity` says otherwise. */
export function problemsFromLayerProblems(
  problems: readonly LayerProblemLike[],
  source: ProblemSource,
  severity: ProblemSeverity = 'error',
): Problem[] {
  return problems.map((p) => ({ severity, nodeId: p.layer, message: p.message, source }));
}
