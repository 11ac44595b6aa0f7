import type { BuiltinDatasetConfig, ProjectDataset } from '../datasets/types.ts';
import type { Graph } from '../graph/types.ts';
import type { TrainingSettings } from '../training/settings.ts';

/** The value of the `format` field that marks a file as a LayerLab project. */
export const PROJECT_FORMAT = 'layerlab-project';

/**
 * The file version this LayerLab writes, and the newest it reads. Older files are migrated on load.
 * 2: every kind of data (regression sets, Iris, MNIST, CSV, points added by clicking), `dataset.kind` always
 * written, and the training settings `l2` and `runUntilStopped`.
 * 3: `graph.model`, the model's Keras API and the structure of its inputs and outputs (single, list or dict).
 */
export const CURRENT_PROJECT_VERSION = 3;

/** Project files larger than this (in bytes of UTF-8, i.e. the size on disk) are refused before parsing. */
export const MAX_PROJECT_FILE_BYTES = 50 * 1024 * 1024;

/** The dataset a project gets when none is given. */
export const DEFAULT_PROJECT_DATASET: Readonly<BuiltinDatasetConfig> = Object.freeze({
  kind: 'builtin',
  name: 'xor',
  samples: 400,
  noise: 0.1,
  seed: 1,
  classes: 2,
});

/** One trained tensor of a layer, e.g. Dense's "kernel" of shape [2, 4]. */
export interface WeightTensor {
  /** Keras's weight name without the layer prefix: "kernel", "bias", "gamma", "moving_mean", "alpha", ... */
  name: string;
  shape: number[];
  /** Row-major; length is the product of `shape`. */
  values: number[];
}

/** Trained weights, by node id, each layer's tensors in Keras's `get_weights()` order. */
export interface ProjectWeights {
  /** Always read with Object.hasOwn: a node id such as "toString" is a valid key. */
  layers: Record<string, WeightTensor[]>;
}

/** The contents of a `*.layerlab.json` file. */
export interface LayerLabProject {
  format: typeof PROJECT_FORMAT;
  version: typeof CURRENT_PROJECT_VERSION;
  name: string;
  graph: Graph;
  /** The data to train on, or `{ kind: 'none' }` while no dataset is chosen (the network can be built and exported, not trained). */
  dataset: ProjectDataset;
  training: TrainingSettings;
  /** null when the network has not been trained (or weights were not saved). */
  weights: ProjectWeights | null;
}

/** One problem with a project file, at the field the user must fix. */
export interface ProjectFieldError {
  /** Where the problem is, e.g. "graph.nodes[2].params.units", or "" for the whole file. */
  path: string;
  /** A complete sentence for the user. */
  message: string;
}

export type ProjectLoadResult =
  | { ok: true; project: LayerLabProject; warnings: string[] }
  | { ok: false; errors: ProjectFieldError[] };
