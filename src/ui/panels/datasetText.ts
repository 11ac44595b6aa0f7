/** How the data panel and the Train tab name the project's data, for every kind of data. */
import { BUILTIN_DATASETS } from '../../core/datasets/builtin.ts';
import { describeDataset } from '../../core/datasets/describe.ts';
import type { DatasetDescription } from '../../core/datasets/describe.ts';
import { IRIS_DESCRIPTION } from '../../core/datasets/iris.ts';
import { MNIST_DESCRIPTION } from '../../core/datasets/mnist.ts';
import { REGRESSION_DATASETS } from '../../core/datasets/regression.ts';
import type { CsvDatasetConfig, CsvNormalization, ProjectDataset } from '../../core/datasets/types.ts';
import type { Graph } from '../../core/graph/types.ts';
import type { GraphInference } from '../../core/shapes/inferShapes.ts';
import { suggestedData } from './data/suggestedData.ts';

export interface DataText {
  /** "XOR", "Spiral (3 arms)", "houses.csv", or "No dataset chosen yet". */
  title: string;
  /** One or two sentences for the student. */
  detail: string;
  /** False when the project cannot be trained on its data yet. */
  trainable: boolean;
}

const NO_DATA_TITLE = 'No dataset chosen yet';

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** How a CSV file's feature columns are scaled, in words. */
export const NORMALIZATION_WORDS: Readonly<Record<CsvNormalization, string>> = Object.freeze({
  standardize: 'standardised (mean 0, spread 1)',
  minmax: 'scaled to 0–1',
  none: 'used as they are',
});

function quotedList(names: readonly string[], shown = 4): string {
  const quoted = names.slice(0, shown).map((n) => `"${n}"`);
  return names.length > shown ? `${quoted.join(', ')} and ${names.length - shown} more` : quoted.join(', ');
}

function csvDetail(config: CsvDatasetConfig, d: DatasetDescription): string {
  const what =
    d.task === 'classification'
      ? `predicts "${config.label}", one of ${count(d.numClasses, 'class', 'classes')} (${quotedList(d.classNames)})`
      : `predicts the number "${config.label}" (regression)`;
  return `${count(d.numSamples, 'row')}; from ${count(d.numFeatures, 'column')} (${quotedList(d.featureNames)}, ${NORMALIZATION_WORDS[config.normalization]}) the network ${what}.`;
}

function detailFor(config: Exclude<ProjectDataset, { kind: 'none' }>, d: DatasetDescription): string {
  switch (config.kind) {
    case 'builtin': {
      const added = config.added?.length ?? 0;
      const points = `${count(config.samples, 'point')}${added > 0 ? ` and ${count(added, 'point')} you added` : ''}`;
      const classes = config.classes > 2 ? `, ${config.classes} classes` : '';
      return `${BUILTIN_DATASETS[config.name].description} ${points}, noise ${config.noise}, seed ${config.seed}${classes}.`;
    }
    case 'regression':
      return `${REGRESSION_DATASETS[config.name].description} ${count(config.samples, 'point')}, noise ${config.noise}, seed ${config.seed}.`;
    case 'iris':
      return `${IRIS_DESCRIPTION} ${count(d.numSamples, 'flower')} in an order set by seed ${config.seed}.`;
    case 'mnist':
      return `${MNIST_DESCRIPTION} ${count(config.samples, 'digit')} (about as many of each), chosen by seed ${config.seed}.`;
    case 'csv':
      return csvDetail(config, d);
  }
}

function noDataText(graph: Graph, inference?: GraphInference): DataText {
  const suggestion = suggestedData(graph, inference);
  return {
    title: NO_DATA_TITLE,
    detail:
      suggestion === null
        ? 'None of the data LayerLab has fits this network. Choose data in the Data tab and change the Input and output to fit it, or upload a CSV file.'
        : `The ${suggestion.title} data fits this network: choose it in the Data tab.`,
    trainable: false,
  };
}

/** `inference`: the network's shapes when they are at hand (the editor store has them), to skip inferring again. */
export function describeData(project: { dataset: ProjectDataset; graph: Graph }, inference?: GraphInference): DataText {
  const config = project.dataset;
  if (config.kind === 'none') return noDataText(project.graph, inference);
  const description = describeDataset(config);
  if (!description.ok) {
    const title = config.kind === 'csv' ? config.fileName || 'CSV file' : 'The data';
    return { title, detail: `This data cannot be used yet: ${description.message}`, trainable: false };
  }
  return { title: description.title, detail: detailFor(config, description), trainable: true };
}
