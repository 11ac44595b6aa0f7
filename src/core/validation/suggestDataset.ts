/**
 * Which known data fits a network's Input and output, for a project with no dataset chosen yet (and for import).
 * Pure: reads the Input's shape, the inferred output units and the output activation; generates nothing.
 */
import { BUILTIN_DATASETS } from '../datasets/builtin.ts';
import { IRIS_DEFAULT_CONFIG } from '../datasets/iris.ts';
import { MNIST_DEFAULT_CONFIG } from '../datasets/mnist.ts';
import { REGRESSION_DATASETS } from '../datasets/regression.ts';
import type { BuiltinDatasetName, NoDataset, ProjectDataset, RegressionDatasetName } from '../datasets/types.ts';
import type { Graph } from '../graph/types.ts';
import { DEFAULT_PROJECT_DATASET } from '../project/types.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';
import { inferShapes } from '../shapes/inferShapes.ts';
import { networkOutput } from './lossAdvice.ts';

/** The data a suggestion names: a built-in 2-D set, a regression set, Iris or MNIST. */
export type SuggestedDatasetName = BuiltinDatasetName | RegressionDatasetName | 'iris' | 'mnist';

export interface DatasetSuggestion {
  name: SuggestedDatasetName;
  /** As a student reads it, e.g. "XOR" or "Iris flowers (4 measurements, 3 species)". */
  title: string;
  /** Every suggested dataset can be chosen and trained on (kept for readers written when some could not). */
  available: true;
  /** The dataset settings to put in the project. */
  config: Exclude<ProjectDataset, NoDataset>;
}

/** Titles of the real datasets, saying what a student gets. */
export const REAL_DATASET_TITLES: Readonly<Record<'iris' | 'mnist', string>> = Object.freeze({
  iris: 'Iris flowers (4 measurements, 3 species)',
  mnist: 'MNIST handwritten digits (28×28 pixels, 10 digits)',
});

const sameShape = (shape: readonly number[], expected: readonly number[]): boolean =>
  shape.length === expected.length && shape.every((d, i) => d === expected[i]);

/** MNIST's images as an Input: 784 values, or the 28×28 image itself (with or without a channel axis). */
const MNIST_INPUT_SHAPES: readonly (readonly number[])[] = [[784], [28, 28], [28, 28, 1]];

function builtin(name: BuiltinDatasetName, classes: number): DatasetSuggestion {
  return { name, title: BUILTIN_DATASETS[name].title, available: true, config: { ...DEFAULT_PROJECT_DATASET, name, classes } };
}

function regression(name: RegressionDatasetName): DatasetSuggestion {
  const info = REGRESSION_DATASETS[name];
  return { name, title: info.title, available: true, config: { ...info.defaultConfig } };
}

/**
 * The data that fits the network: one input and one linear output unit give the sine wave; two inputs give a
 * built-in 2-D set (the tilted plane for one linear unit, XOR for one unit of any other activation, a spiral with
 * k classes for k = 2..5 units); 4 inputs and 3 units Iris; 784 inputs (or a 28×28 Input) and 10 units MNIST.
 * Null when nothing fits, or when the network has no single Input and single one-dimensional output to go by.
 * Pass `inference` when it is at hand, to skip inferring the shapes again.
 */
export function suggestDataset(graph: Graph, inference: GraphInference = inferShapes(graph)): DatasetSuggestion | null {
  const inputs = graph.nodes.filter((n) => n.kind === 'Input');
  const input = inputs.length === 1 ? inputs[0] : undefined;
  const output = networkOutput(graph, inference);
  if (input?.kind !== 'Input' || output === null) return null;
  const { units } = output;
  // No activation found (e.g. the output is an Add) counts as linear: nothing squashes the number.
  const linear = output.activation === null || output.activation === 'linear';
  const shape = input.params.shape;

  if (sameShape(shape, [1])) return units === 1 && linear ? regression('sine') : null;
  if (sameShape(shape, [2])) {
    if (units === 1) return linear ? regression('plane') : builtin('xor', 2);
    if (units >= 2 && units <= BUILTIN_DATASETS.spiral.maxClasses) return builtin('spiral', units);
    return null;
  }
  if (sameShape(shape, [4]) && units === 3) {
    return { name: 'iris', title: REAL_DATASET_TITLES.iris, available: true, config: { ...IRIS_DEFAULT_CONFIG } };
  }
  if (MNIST_INPUT_SHAPES.some((s) => sameShape(shape, s)) && units === 10) {
    return { name: 'mnist', title: REAL_DATASET_TITLES.mnist, available: true, config: { ...MNIST_DEFAULT_CONFIG } };
  }
  return null;
}

/**
 * What to tell a student whose project has no dataset chosen, after "Valid: ": e.g. "no dataset chosen yet. The
 * built-in XOR dataset fits this network; choose it before training."
 */
export function noDatasetNote(suggestion: DatasetSuggestion | null): string {
  if (suggestion === null) return 'no dataset chosen yet; choose one before training.';
  const builtIn = suggestion.config.kind === 'builtin' || suggestion.config.kind === 'regression';
  return `no dataset chosen yet. The ${builtIn ? 'built-in ' : ''}${suggestion.title} dataset fits this network; choose it before training.`;
}

/** The suggestion as the `"dataset"` value of a project file, e.g. {"kind": "builtin", "name": "spiral", "classes": 3}. */
export function datasetChoiceJson(suggestion: DatasetSuggestion): string {
  const config = suggestion.config;
  const fields =
    config.kind === 'builtin'
      ? { kind: config.kind, name: config.name, ...(config.classes === 2 ? {} : { classes: config.classes }) }
      : config.kind === 'regression'
        ? { kind: config.kind, name: config.name }
        : { kind: config.kind };
  return JSON.stringify(fields).replace(/":/g, '": ').replace(/,"/g, ', "');
}
