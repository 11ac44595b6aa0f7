/**
 * Which loss suits a network's output, and why a chosen one does not. The training panel shows the advice beside
 * the loss it is about; validation (datasetFit.ts) turns it into the network's problems. Pure: reads the output
 * layer's units and activation, never the data itself.
 */
import type { DatasetTask } from '../datasets/types.ts';
import type { Graph } from '../graph/types.ts';
import type { ActivationName } from '../layers/index.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';
import { inferShapes } from '../shapes/inferShapes.ts';
import type { LossName } from '../training/settings.ts';
import { outputActivation } from './outputActivation.ts';

/** The one output a loss reads: its node, its units and the activation that produces it. */
export interface NetworkOutput {
  nodeId: string;
  units: number;
  /** null when no activation can be found (e.g. after an Add of two branches): treated as linear. */
  activation: ActivationName | null;
}

/** The network's single flat output, or null (no output yet, several outputs, or one that is not a flat list). */
export function networkOutput(graph: Graph, inference: GraphInference = inferShapes(graph)): NetworkOutput | null {
  if (inference.outputs.length !== 1) return null;
  const nodeId = inference.outputs[0] ?? '';
  const info = inference.nodes.get(nodeId);
  if (info?.status !== 'ok' || info.shape.length !== 1) return null;
  return { nodeId, units: info.shape[0] ?? 0, activation: outputActivation(graph, nodeId) };
}

const CROSSENTROPIES: ReadonlySet<LossName> = new Set(['binary_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy']);

export const isCrossentropy = (loss: LossName): boolean => CROSSENTROPIES.has(loss);

/**
 * The loss a network's output calls for: mean squared error for regression (and for a step output, which has no
 * useful logarithm: the perceptron); binary crossentropy for one output unit; categorical crossentropy for one
 * unit per class. Binary crossentropy when the output cannot be read yet.
 */
export function defaultLoss(graph: Graph, task: DatasetTask, inference: GraphInference = inferShapes(graph)): LossName {
  if (task === 'regression') return 'mean_squared_error';
  const output = networkOutput(graph, inference);
  if (output === null) return 'binary_crossentropy';
  if (output.activation === 'step') return 'mean_squared_error';
  return output.units === 1 ? 'binary_crossentropy' : 'categorical_crossentropy';
}

/** What is wrong with a loss for this output, in a student's words, and the loss that fits. */
export interface LossAdvice {
  /** error: training cannot work as set; warning: it runs, but the numbers mislead or learning stalls. */
  severity: 'error' | 'warning';
  /** The layer whose output the loss reads. */
  nodeId: string;
  message: string;
  fix: string;
  suggested: LossName;
}

/** What the advice may say about the data, when it is known. */
export interface LossAdviceData {
  task: DatasetTask;
  /** As a student reads it, e.g. "Spiral". */
  title?: string;
  numClasses?: number;
  /** Regression: what is predicted, e.g. "y". */
  targetName?: string;
}

const dataName = (data: LossAdviceData): string => (data.title === undefined ? 'this data' : `the ${data.title} data`);

function regressionAdvice(loss: LossName, output: NetworkOutput, data: LossAdviceData): LossAdvice | null {
  if (!isCrossentropy(loss)) return null;
  const target = data.targetName === undefined ? 'a number' : `a number (${data.targetName})`;
  return {
    severity: 'error',
    nodeId: output.nodeId,
    message: `${loss} compares class probabilities, but ${dataName(data)} has ${target} to predict for each example, not a class.`,
    fix: 'Set the loss to mean squared error.',
    suggested: 'mean_squared_error',
  };
}

function classificationAdvice(loss: LossName, output: NetworkOutput, data: LossAdviceData): LossAdvice | null {
  const { nodeId, units, activation } = output;
  const categorical = loss === 'categorical_crossentropy' || loss === 'sparse_categorical_crossentropy';
  const classes = data.numClasses;
  if (categorical && units === 1) {
    const perClass = classes === undefined ? '' : ` (${classes})`;
    return {
      severity: 'error',
      nodeId,
      message: `${loss} needs one output unit per class${perClass}, but ${nodeId} has 1 unit.`,
      fix: 'Use binary_crossentropy with a sigmoid output, or end with Dense(2) and softmax.',
      suggested: 'binary_crossentropy',
    };
  }
  if (loss === 'binary_crossentropy' && units > 2) {
    return {
      severity: 'error',
      nodeId,
      message:
        classes === undefined
          ? `binary_crossentropy scores a yes/no answer, but ${nodeId} gives ${units} class scores${activation === 'softmax' ? ' (softmax)' : ''}.`
          : `binary_crossentropy scores a yes/no answer, but ${dataName(data)} has ${classes} classes.`,
      fix: 'Use categorical_crossentropy with a softmax output.',
      suggested: 'categorical_crossentropy',
    };
  }
  if (activation === 'step' && loss !== 'mean_squared_error') {
    return {
      severity: 'warning',
      nodeId,
      message: `${nodeId} outputs exactly 0 or 1 (a step), and ${loss} takes the logarithm of the output, which is infinite at 0.`,
      fix: 'Use mean_squared_error to train a perceptron, or use a sigmoid output.',
      suggested: 'mean_squared_error',
    };
  }
  if (loss === 'binary_crossentropy' && units === 1 && activation !== 'sigmoid') {
    return {
      severity: 'warning',
      nodeId,
      message: `binary_crossentropy expects a probability between 0 and 1, but ${nodeId} uses ${activation ?? 'no'} activation, whose output can leave that range.`,
      fix: `Set ${nodeId}'s activation to sigmoid.`,
      suggested: 'binary_crossentropy',
    };
  }
  if (categorical && activation !== 'softmax') {
    return {
      severity: 'warning',
      nodeId,
      message: `${loss} expects probabilities that add up to 1, but ${nodeId} uses ${activation ?? 'no'} activation.`,
      fix: `Set ${nodeId}'s activation to softmax.`,
      suggested: loss,
    };
  }
  return null;
}

/**
 * Why `loss` does not fit the network's output for data of this task, or null when it fits (or the output cannot be
 * read yet: validation reports that itself). Examples: binary crossentropy on a softmax of 3 units, categorical
 * crossentropy on one sigmoid unit, any crossentropy for regression.
 */
export function lossAdvice(
  graph: Graph,
  loss: LossName,
  data: LossAdviceData,
  inference: GraphInference = inferShapes(graph),
): LossAdvice | null {
  const output = networkOutput(graph, inference);
  if (output === null) return null;
  return data.task === 'regression' ? regressionAdvice(loss, output, data) : classificationAdvice(loss, output, data);
}
