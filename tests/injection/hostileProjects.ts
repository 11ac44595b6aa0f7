/**
 * Projects for the injection tests: a CSV project whose every piece of the student's text (the project name, the
 * layer names, the file's name, its header line and its label values) is chosen by the test, so a hostile project and
 * a plainly named one differ only in that text.
 */
import { csvDataset, inspectCsv } from '../../src/core/datasets/csv.ts';
import type { CsvDatasetConfig, Dataset } from '../../src/core/datasets/types.ts';
import { createNode } from '../../src/core/graph/build.ts';
import type { Graph, GraphNode } from '../../src/core/graph/types.ts';
import { createProject } from '../../src/core/project/index.ts';
import type { LayerLabProject } from '../../src/core/project/index.ts';
import type { TrainingSettings } from '../../src/core/training/settings.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';

/** The student's text in a CSV project. */
export interface ProjectText {
  projectName: string;
  fileName: string;
  /** Two feature column names. */
  features: readonly [string, string];
  label: string;
  /** Two class values (classification only). */
  classes: readonly [string, string];
  /** Layer names: the Input, a hidden Dense, the output Dense. */
  ids: readonly [string, string, string];
}

export const BENIGN_TEXT: ProjectText = {
  projectName: 'Plain project',
  fileName: 'plain.csv',
  features: ['width', 'height'],
  label: 'kind',
  classes: ['small', 'large'],
  ids: ['features', 'hidden', 'out'],
};

/** Every piece of the student's text made from one hostile string (column names must differ from each other). */
export function hostileText(text: string, ids: readonly [string, string, string] = BENIGN_TEXT.ids): ProjectText {
  return {
    projectName: text,
    fileName: `${text}.csv`,
    features: [`${text} 1`, `${text} 2`],
    label: `${text} label`,
    classes: [`${text} A`, `${text} B`],
    ids,
  };
}

/** One CSV cell as RFC 4180 writes it: always quoted, quotes doubled (a line break inside stays in the cell). */
const cell = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** 40 rows: two measurements and a class (or, for regression, a number) that depends on them. */
export function csvText(text: ProjectText, task: 'classification' | 'regression'): string {
  const lines = [[...text.features, text.label].map(cell).join(',')];
  for (let i = 0; i < 40; i += 1) {
    const w = ((i * 37) % 100) / 10 - 5;
    const h = ((i * 61) % 100) / 10 - 5;
    const label = task === 'regression' ? String(Math.round((w + 2 * h) * 100) / 100) : cell(w * h > 0 ? text.classes[0] : text.classes[1]);
    lines.push(`${String(w)},${String(h)},${label}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The project's CSV dataset, with the columns as LayerLab's reader names them (it reads "\r\n" and "\r" as "\n"). */
export function csvConfig(text: ProjectText, task: 'classification' | 'regression'): CsvDatasetConfig {
  const csv = csvText(text, task);
  const [first = '', second = '', label = ''] = inspectCsv(csv).headers;
  return {
    kind: 'csv',
    fileName: text.fileName,
    text: csv,
    features: [first, second],
    label,
    task,
    normalization: 'standardize',
    seed: 1,
  };
}

/** The dataset LayerLab makes from the project's CSV file (the test fails here if the file does not load). */
export function datasetOf(project: LayerLabProject): Dataset {
  if (project.dataset.kind !== 'csv') throw new Error('not a CSV project');
  const made = csvDataset(project.dataset);
  if (!made.ok) throw new Error(`the CSV file does not load: ${made.message}`);
  return made.dataset;
}

const training = (overrides: Partial<TrainingSettings>): TrainingSettings => ({ ...DEFAULT_TRAINING, epochs: 1, validationSplit: 0, ...overrides });

/** Input -> Dense -> output, named `text.ids`, on the CSV file: two classes (softmax) or a number (linear). */
export function csvProject(text: ProjectText, task: 'classification' | 'regression'): LayerLabProject {
  const [input, hidden, out] = text.ids;
  const nodes: GraphNode[] = [
    createNode(input, 'Input', { shape: [2] }),
    createNode(hidden, 'Dense', { units: 4, activation: 'tanh' }),
    createNode(out, 'Dense', task === 'regression' ? { units: 1, activation: 'linear' } : { units: 2, activation: 'softmax' }),
  ];
  const graph: Graph = { nodes, edges: [
    { id: 'e0', source: input, target: hidden, inputIndex: 0 },
    { id: 'e1', source: hidden, target: out, inputIndex: 0 },
  ] };
  return createProject(
    text.projectName,
    graph,
    csvConfig(text, task),
    training(task === 'regression' ? { loss: 'mean_squared_error', optimizer: 'adam', learningRate: 0.01 } : { loss: 'sparse_categorical_crossentropy', optimizer: 'adam', learningRate: 0.01 }),
  );
}

/**
 * A branching network (two Dense branches concatenated) whose layer variables in the functional API are named after
 * `ids` (five: the Input, two branches, the merge, the output), on a CSV classification file.
 */
export function functionalCsvProject(text: ProjectText, ids: readonly string[]): LayerLabProject {
  const [input = 'i', left = 'l', right = 'r', merge = 'm', out = 'o'] = ids;
  const nodes: GraphNode[] = [
    createNode(input, 'Input', { shape: [2] }),
    createNode(left, 'Dense', { units: 3, activation: 'relu' }),
    createNode(right, 'Dense', { units: 3, activation: 'tanh' }),
    createNode(merge, 'Concatenate'),
    createNode(out, 'Dense', { units: 2, activation: 'softmax' }),
  ];
  const links: [string, string, number][] = [
    [input, left, 0],
    [input, right, 0],
    [left, merge, 0],
    [right, merge, 1],
    [merge, out, 0],
  ];
  const graph: Graph = { nodes, edges: links.map(([source, target, inputIndex], i) => ({ id: `e${String(i)}`, source, target, inputIndex })) };
  return createProject(
    text.projectName,
    graph,
    csvConfig(text, 'classification'),
    training({ loss: 'sparse_categorical_crossentropy', optimizer: 'adam', learningRate: 0.01 }),
  );
}
