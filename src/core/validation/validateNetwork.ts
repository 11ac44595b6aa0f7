import type { Graph } from '../graph/types.ts';
import type { Diagnostic } from '../shapes/diagnostic.ts';
import { errorsFirst } from '../shapes/diagnostic.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';
import { inferShapes } from '../shapes/inferShapes.ts';
import type { LossName } from '../training/settings.ts';
import type { DatasetSummary } from './datasetFit.ts';
import { checkDatasetFit } from './datasetFit.ts';

export interface NetworkValidation extends GraphInference {
  /** Problems with the network against the dataset and loss (empty when the graph itself has errors). */
  datasetDiagnostics: Diagnostic[];
}

/** Shapes, parameters and every problem of a network, including whether it fits the chosen data. Never throws. */
export function validateNetwork(graph: Graph, data?: { dataset: DatasetSummary; loss: LossName }): NetworkValidation {
  const inference = inferShapes(graph);
  const datasetDiagnostics = inference.ok && data !== undefined ? checkDatasetFit(graph, inference, data.dataset, data.loss) : [];
  const diagnostics = errorsFirst([...inference.diagnostics, ...datasetDiagnostics]);
  return {
    ...inference,
    diagnostics,
    datasetDiagnostics,
    ok: !diagnostics.some((d) => d.severity === 'error'),
  };
}
