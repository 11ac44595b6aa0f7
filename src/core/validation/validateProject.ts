import type { Diagnostic } from '../shapes/diagnostic.ts';
import { errorsFirst } from '../shapes/diagnostic.ts';
import type { LayerLabProject } from '../project/types.ts';
import { summarizeDataset } from './datasetSummary.ts';
import type { NetworkValidation } from './validateNetwork.ts';
import { validateNetwork } from './validateNetwork.ts';

/**
 * A project's network checked against its dataset and loss, as `layerlab validate` and the app check it. With no
 * dataset chosen (`{ kind: 'none' }`) only the graph is checked; see suggestDataset for what data would fit. Data
 * that cannot be used as set (a CSV file whose chosen columns are missing or hold text) is one error of the whole
 * project, with the dataset module's message; the network is still checked on its own.
 */
export function validateProjectNetwork(project: Pick<LayerLabProject, 'graph' | 'dataset' | 'training'>): NetworkValidation {
  if (project.dataset.kind === 'none') return validateNetwork(project.graph);
  const summary = summarizeDataset(project.dataset);
  if (summary.ok) return validateNetwork(project.graph, { dataset: summary.summary, loss: project.training.loss });
  const unusable: Diagnostic = {
    severity: 'error',
    code: 'dataset-features',
    nodeIds: [],
    message: summary.message,
    fix: 'Change the dataset settings in the Data panel (or the project file) so the data can be read.',
  };
  const network = validateNetwork(project.graph);
  return {
    ...network,
    diagnostics: errorsFirst([unusable, ...network.diagnostics]),
    datasetDiagnostics: [unusable],
    ok: false,
  };
}
