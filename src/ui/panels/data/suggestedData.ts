/** The data to offer with one click for a project that has none yet (e.g. an imported model). */
import type { NoDataset, ProjectDataset } from '../../../core/datasets/types.ts';
import type { Graph } from '../../../core/graph/types.ts';
import type { GraphInference } from '../../../core/shapes/inferShapes.ts';
import { suggestDataset } from '../../../core/validation/suggestDataset.ts';

export interface SuggestedData {
  /** As suggestDataset names it: "XOR", "Iris flowers (4 measurements, 3 species)". */
  title: string;
  /** The settings choosing it sets. */
  config: Exclude<ProjectDataset, NoDataset>;
}

/** What fits the network's Input and output, ready to choose; null when none of LayerLab's data fits. */
export function suggestedData(graph: Graph, inference?: GraphInference): SuggestedData | null {
  const suggestion = suggestDataset(graph, inference);
  return suggestion === null ? null : { title: suggestion.title, config: suggestion.config };
}
