/**
 * Which known data fits a network's Input and output, for a project with no dataset chosen yet (and for import).
 * Pure: reads the Input's shape and the inferred output units, generates nothing.
 */
import { BUILTIN_DATASETS } from '../datasets/builtin.ts';
import type { BuiltinDatasetConfig, BuiltinDatasetName } from '../datasets/types.ts';
import type { Graph } from '../graph/types.ts';
import { DEFAULT_PROJECT_DATASET } from '../project/types.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';
import { inferShapes } from '../shapes/inferShapes.ts';

/** Data that LayerLab knows of but cannot train on yet (it arrives in a later version). */
export type UpcomingDatasetName = 'iris' | 'mnist';

export type DatasetSuggestion =
  | { name: BuiltinDatasetName; title: string; available: true; config: BuiltinDatasetConfig }
  | { name: UpcomingDatasetName; title: string; available: false };

/** Titles of the data that is not available yet, as a student reads them. */
export const UPCOMING_DATASET_TITLES: Readonly<Record<UpcomingDatasetName, string>> = Object.freeze({
  iris: 'Iris flowers (4 measurements, 3 species)',
  mnist: 'MNIST handwritten digits (28×28 pixels, 10 digits)',
});

const sameShape = (shape: readonly number[], expected: readonly number[]): boolean =>
  shape.length === expected.length && shape.every((d, i) => d === expected[i]);

/** MNIST's images as an Input: 784 values, or the 28×28 image itself (with or without a channel axis). */
const MNIST_INPUT_SHAPES: readonly (readonly number[])[] = [[784], [28, 28], [28, 28, 1]];

function builtin(name: BuiltinDatasetName, classes: number): DatasetSuggestion {
  return {
    name,
    title: BUILTIN_DATASETS[name].title,
    available: true,
    config: { ...DEFAULT_PROJECT_DATASET, name, classes },
  };
}

/**
 * The data that fits the network: two features give a built-in 2-D set (XOR for one output unit, a spiral with k
 * classes for k = 2..5 units); 4 features and 3 units Iris; 784 features (or a 28×28 Input) and 10 units MNIST.
 * Null when nothing fits, or when the network has no single Input and single one-dimensional output to go by.
 * Pass `inference` when it is at hand, to skip inferring the shapes again.
 */
export function suggestDataset(graph: Graph, inference: GraphInference = inferShapes(graph)): DatasetSuggestion | null {
  const inputs = graph.nodes.filter((n) => n.kind === 'Input');
  const input = inputs.length === 1 ? inputs[0] : undefined;
  if (input?.kind !== 'Input' || inference.outputs.length !== 1) return null;
  const output = inference.nodes.get(inference.outputs[0] ?? '');
  if (output?.status !== 'ok' || output.shape.length !== 1) return null;
  const units = output.shape[0] ?? 0;
  const shape = input.params.shape;

  if (sameShape(shape, [2])) {
    if (units === 1) return builtin('xor', 2);
    if (units >= 2 && units <= BUILTIN_DATASETS.spiral.maxClasses) return builtin('spiral', units);
    return null;
  }
  if (sameShape(shape, [4]) && units === 3) return { name: 'iris', title: UPCOMING_DATASET_TITLES.iris, available: false };
  if (MNIST_INPUT_SHAPES.some((s) => sameShape(shape, s)) && units === 10) {
    return { name: 'mnist', title: UPCOMING_DATASET_TITLES.mnist, available: false };
  }
  return null;
}

/**
 * What to tell a student whose project has no dataset chosen, after "Valid: ": e.g. "no dataset chosen yet. Iris
 * flowers (4 measurements, 3 species) fits this network; it is not available yet."
 */
export function noDatasetNote(suggestion: DatasetSuggestion | null): string {
  if (suggestion === null) return 'no dataset chosen yet; choose one before training.';
  if (!suggestion.available) return `no dataset chosen yet. ${suggestion.title} fits this network; it is not available yet.`;
  return `no dataset chosen yet. The built-in ${suggestion.title} dataset fits this network; choose it before training.`;
}
