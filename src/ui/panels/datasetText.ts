/** How the data panel and the Train tab name the project's data. */
import { BUILTIN_DATASETS } from '../../core/datasets/builtin.ts';
import type { ProjectDataset } from '../../core/datasets/types.ts';
import type { Graph } from '../../core/graph/types.ts';
import type { GraphInference } from '../../core/shapes/inferShapes.ts';
import { suggestDataset } from '../../core/validation/suggestDataset.ts';

export interface DataText {
  /** "XOR", or "No dataset chosen yet". */
  title: string;
  /** One or two sentences for the student. */
  detail: string;
  /** False when the project cannot be trained on its data yet. */
  trainable: boolean;
}

/** `inference`: the network's shapes when they are at hand (the editor store has them), to skip inferring again. */
export function describeData(project: { dataset: ProjectDataset; graph: Graph }, inference?: GraphInference): DataText {
  const d = project.dataset;
  if (d.kind === 'none') {
    const suggestion = suggestDataset(project.graph, inference);
    return {
      title: 'No dataset chosen yet',
      detail:
        suggestion === null
          ? 'No built-in dataset fits this network. Choosing your own data arrives with training.'
          : suggestion.available
            ? `The built-in ${suggestion.title} dataset fits this network.`
            : `${suggestion.title} fits this network: that dataset is not available yet; it arrives with training.`,
      trainable: false,
    };
  }
  const info = BUILTIN_DATASETS[d.name];
  return {
    title: info.title,
    detail: `${info.description} ${d.samples.toLocaleString('en-US')} points, noise ${d.noise}, seed ${d.seed}${d.classes > 2 ? `, ${d.classes} classes` : ''}.`,
    trainable: true,
  };
}
