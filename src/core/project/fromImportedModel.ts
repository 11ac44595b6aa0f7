/**
 * A project for a model brought in from Keras or TF.js: the network and weights from the file, the file's compile
 * settings where it has them, and data that fits the network — the CLI's `layerlab import` and the app's Import
 * menu both build projects here, so both open an imported model the same way.
 */
import type { ProjectDataset } from '../datasets/types.ts';
import type { Graph } from '../graph/types.ts';
import { inferShapes } from '../shapes/inferShapes.ts';
import type { LossName, TrainingSettings } from '../training/settings.ts';
import { DEFAULT_TRAINING } from '../training/settings.ts';
import type { DatasetSuggestion } from '../validation/suggestDataset.ts';
import { defaultLoss } from '../validation/lossAdvice.ts';
import { suggestDataset } from '../validation/suggestDataset.ts';
import { createProject } from './load.ts';
import type { LayerLabProject, ProjectWeights } from './types.ts';

/**
 * The dataset and loss for an imported network: the data that fits its Input and output (see suggestDataset), or
 * no dataset at all when none does, so the project never points at data its network cannot take; and the loss its
 * output calls for (defaultLoss: mean squared error for regression or a step output, binary crossentropy for one
 * unit, categorical crossentropy for one unit per class).
 */
export function suggestTraining(graph: Graph): { dataset: ProjectDataset; suggested: DatasetSuggestion | null; loss: LossName } {
  const inference = inferShapes(graph);
  const suggested = suggestDataset(graph, inference);
  const dataset: ProjectDataset = suggested === null ? { kind: 'none' } : { ...suggested.config };
  const task = dataset.kind === 'regression' ? 'regression' : 'classification';
  return { dataset, suggested, loss: defaultLoss(graph, task, inference) };
}

export interface ImportedNetwork {
  graph: Graph;
  weights: ProjectWeights | null;
  /** The model's name in the file; `fallbackName` is used when it is empty. */
  modelName: string;
  /** Compile settings from the file (a .keras file has them). */
  training: Partial<TrainingSettings>;
}

export function projectFromImportedModel(model: ImportedNetwork, fallbackName: string): { project: LayerLabProject; suggested: DatasetSuggestion | null } {
  const { dataset, suggested, loss } = suggestTraining(model.graph);
  const training: TrainingSettings = { ...DEFAULT_TRAINING, loss, ...model.training };
  const project = { ...createProject(model.modelName || fallbackName, model.graph, dataset, training), weights: model.weights };
  return { project, suggested };
}
