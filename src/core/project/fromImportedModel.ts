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
import { suggestDataset } from '../validation/suggestDataset.ts';
import { createProject } from './load.ts';
import type { LayerLabProject, ProjectWeights } from './types.ts';

/**
 * The dataset and loss for an imported network: the built-in set that fits its Input and output (see
 * suggestDataset), or no dataset at all when none does, so the project never points at data its network cannot
 * take; binary crossentropy for one output unit, categorical crossentropy otherwise.
 */
export function suggestTraining(graph: Graph): { dataset: ProjectDataset; suggested: DatasetSuggestion | null; loss: LossName } {
  const inference = inferShapes(graph);
  const output = inference.outputs.length === 1 ? inference.nodes.get(inference.outputs[0] ?? '') : undefined;
  const units = output?.status === 'ok' ? (output.shape[output.shape.length - 1] ?? 1) : 1;
  const suggested = suggestDataset(graph, inference);
  return {
    dataset: suggested?.available === true ? { ...suggested.config } : { kind: 'none' },
    suggested,
    loss: units === 1 ? 'binary_crossentropy' : 'categorical_crossentropy',
  };
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
