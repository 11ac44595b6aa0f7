import type { DatasetTask } from '../datasets/types.ts';
import type { Graph } from '../graph/types.ts';
import type { ActivationName } from '../layers/index.ts';
import { formatShapeNoBatch } from '../layers/index.ts';
import type { Diagnostic } from '../shapes/diagnostic.ts';
import { listNames } from '../shapes/diagnostic.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';
import type { LossName } from '../training/settings.ts';
import { lossAdvice, networkOutput } from './lossAdvice.ts';

export { outputActivation } from './outputActivation.ts';

/** What validation needs to know about a dataset, without generating it. */
export interface DatasetSummary {
  /** As a student reads it, e.g. "XOR". */
  title: string;
  numFeatures: number;
  /** 0 for regression. */
  numClasses: number;
  featureNames: readonly string[];
  /** Classification when left out. */
  task?: DatasetTask;
  /** The Input shapes the data can be given as (no batch axis), the first being the plain one; [[numFeatures]] when left out. */
  inputShapes?: readonly (readonly number[])[];
  /** Regression: what is predicted, e.g. "y". */
  targetName?: string;
}

function outputAdvice(classes: number): string {
  return classes === 2 ? 'use Dense(1) with sigmoid, or Dense(2) with softmax' : `use Dense(${classes}) with softmax`;
}

/** Feature names are listed when there are few enough to read (2-D sets, Iris, a CSV file), not MNIST's 784 pixels. */
const MAX_LISTED_FEATURES = 10;

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

const shapeText = (shape: readonly number[]): string => `(${shape.join(', ')})`;

function inputShapeFix(shapes: readonly (readonly number[])[]): string {
  const [plain, ...others] = shapes;
  const first = `Set the Input shape to ${shapeText(plain ?? [])}`;
  if (others.length === 0) return `${first}.`;
  return `${first}, or to ${others.map(shapeText).join(' or ')} followed by a Flatten.`;
}

/** Output activations that cannot give what a regression target may be: the range they keep every value in. */
const SQUASHING: Partial<Record<ActivationName, string>> = {
  sigmoid: 'between 0 and 1',
  hard_sigmoid: 'between 0 and 1',
  tanh: 'between -1 and 1',
  softsign: 'between -1 and 1',
  relu6: 'between 0 and 6',
  step: 'at exactly 0 or 1',
};

/** Output activations that never give a negative number. */
const NEVER_NEGATIVE: ReadonlySet<ActivationName> = new Set(['relu', 'softplus', 'exponential']);

function checkRegressionOutput(outputId: string, units: number, activation: ActivationName | null, dataset: DatasetSummary): Diagnostic[] {
  const target = dataset.targetName === undefined ? '' : ` (${dataset.targetName})`;
  if (units !== 1) {
    return [
      {
        severity: 'error',
        code: 'dataset-classes',
        nodeIds: [outputId],
        message: `Your output has ${units} units, but the ${dataset.title} data has one number${target} to predict per example.`,
        fix: 'End with Dense(1) and a linear activation.',
      },
    ];
  }
  const fix = "Set the output layer's activation to linear.";
  if (activation === 'softmax') {
    return [
      {
        severity: 'error',
        code: 'dataset-classes',
        nodeIds: [outputId],
        message: `${outputId} uses softmax, which always outputs 1 from a single unit, so it cannot predict the ${dataset.title} targets${target}.`,
        fix,
      },
    ];
  }
  const range = activation === null ? undefined : SQUASHING[activation];
  if (activation !== null && range !== undefined) {
    return [
      {
        severity: 'error',
        code: 'dataset-classes',
        nodeIds: [outputId],
        message: `${outputId} uses ${activation}, which keeps every output ${range}, but a regression target${target} can be any number.`,
        fix,
      },
    ];
  }
  if (activation !== null && NEVER_NEGATIVE.has(activation)) {
    return [
      {
        severity: 'warning',
        code: 'dataset-classes',
        nodeIds: [outputId],
        message: `${outputId} uses ${activation}, which never outputs a negative number, so the network cannot predict a target${target} below 0.`,
        fix: `${fix} (Keep ${activation} only if every target is 0 or more.)`,
      },
    ];
  }
  return [];
}

function checkClassifierOutput(outputId: string, units: number, dataset: DatasetSummary): Diagnostic[] {
  const { title, numClasses } = dataset;
  const fitsClasses = units === numClasses || (numClasses === 2 && units === 1);
  if (fitsClasses) return [];
  return [
    {
      severity: 'error',
      code: 'dataset-classes',
      nodeIds: [outputId],
      message: `Your output has ${units} unit${units === 1 ? '' : 's'} but the ${title} data has ${numClasses} classes.`,
      fix: `For ${numClasses} classes, ${outputAdvice(numClasses)}.`,
    },
  ];
}

/**
 * Whether the network's Input and output fit the chosen dataset and loss: the Input takes one example (MNIST: 784
 * values, or the 28×28 image with a Flatten after it); a classifier ends in one unit per class (or one sigmoid unit
 * for two); a regression network ends in one linear unit and uses mean squared error. Runs on a graph that has no
 * structural errors (use after inferShapes).
 */
export function checkDatasetFit(graph: Graph, inference: GraphInference, dataset: DatasetSummary, loss: LossName): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const { title, numFeatures, numClasses } = dataset;
  const task = dataset.task ?? 'classification';
  const inputShapes = dataset.inputShapes ?? [[numFeatures]];
  const names = dataset.featureNames.length > 0 && dataset.featureNames.length <= MAX_LISTED_FEATURES ? ` (${dataset.featureNames.join(', ')})` : '';
  const features = `${numFeatures} feature${numFeatures === 1 ? '' : 's'}${names}`;
  const perExample = task === 'regression' ? 'one target' : 'one label';

  if (inference.inputs.length > 1) {
    problems.push({
      severity: 'error',
      code: 'dataset-inputs',
      nodeIds: [...inference.inputs],
      message: `The ${title} data gives one input per example, but the network has ${inference.inputs.length} Inputs (${listNames(inference.inputs)}).`,
      fix: 'Keep one Input and delete the others.',
    });
  }
  for (const id of inference.inputs) {
    const info = inference.nodes.get(id);
    if (info?.status !== 'ok' || inputShapes.some((shape) => sameShape(info.shape, shape))) continue;
    problems.push({
      severity: 'error',
      code: 'dataset-features',
      nodeIds: [id],
      param: 'shape',
      message: `Input ${id} has shape ${formatShapeNoBatch(info.shape)}, but each example of the ${title} data has ${features}.`,
      fix: inputShapeFix(inputShapes),
    });
  }

  if (inference.outputs.length > 1) {
    problems.push({
      severity: 'error',
      code: 'dataset-outputs',
      nodeIds: [...inference.outputs],
      message: `The network has ${inference.outputs.length} outputs (${listNames(inference.outputs)}), but the ${title} data has ${perExample} per example, so LayerLab can train only one output.`,
      fix: 'Connect the extra branches into the main path (with Concatenate or Add), or delete them.',
    });
    return problems;
  }
  const outputId = inference.outputs[0];
  const output = outputId === undefined ? undefined : inference.nodes.get(outputId);
  if (outputId === undefined || output?.status !== 'ok') return problems;

  if (output.shape.length !== 1) {
    problems.push({
      severity: 'error',
      code: 'dataset-classes',
      nodeIds: [outputId],
      message:
        task === 'regression'
          ? `The output ${outputId} has shape ${formatShapeNoBatch(output.shape)}, but a regression network must give one number per example.`
          : `The output ${outputId} has shape ${formatShapeNoBatch(output.shape)}, but a classifier's output must be one list of class scores per example.`,
      fix: task === 'regression' ? 'Add a Flatten, then end with Dense(1) and a linear activation.' : `Add a Flatten, then end with a Dense layer: ${outputAdvice(numClasses)}.`,
    });
    return problems;
  }

  const read = networkOutput(graph, inference);
  const units = output.shape[0] ?? 0;
  const activation = read?.activation ?? null;
  const outputProblems = task === 'regression' ? checkRegressionOutput(outputId, units, activation, dataset) : checkClassifierOutput(outputId, units, dataset);
  problems.push(...outputProblems);
  if (outputProblems.some((d) => d.severity === 'error')) return problems;

  const advice = lossAdvice(graph, loss, { task, title, numClasses, ...(dataset.targetName === undefined ? {} : { targetName: dataset.targetName }) }, inference);
  if (advice !== null) {
    problems.push({ severity: advice.severity, code: 'loss-mismatch', nodeIds: [advice.nodeId], message: advice.message, fix: advice.fix });
  }
  return problems;
}
