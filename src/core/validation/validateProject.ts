import type { LayerLabProject } from '../project/types.ts';
import { summarizeDataset } from './datasetSummary.ts';
import type { NetworkValidation } from './validateNetwork.ts';
import { validateNetwork } from './validateNetwork.ts';

/**
 * A project's network checked against its dataset and loss, as `layerlab validate` and the app check it. With no
 * dataset chosen (`{ kind: 'none' }`) only the graph is checked; see suggestDataset for what data would fit.
 */
export function validateProjectNetwork(project: Pick<LayerLabProject, 'graph' | 'dataset' | 'training'>): NetworkValidation {
  if (project.dataset.kind === 'none') return validateNetwork(project.graph);
  return validateNetwork(project.graph, { dataset: summarizeDataset(project.dataset), loss: project.training.loss });
}
