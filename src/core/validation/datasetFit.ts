import type { Graph, GraphNode } from '../graph/types.ts';
import { incomingEdges } from '../graph/topology.ts';
import type { ActivationName } from '../layers/index.ts';
import { formatShapeNoBatch } from '../layers/index.ts';
import type { Diagnostic } from '../shapes/diagnostic.ts';
import { listNames } from '../shapes/diagnostic.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';
import type { LossName } from '../training/settings.ts';

/** What validation needs to know about a dataset, without generating it. */
export interface DatasetSummary {
  /** As a student reads it, e.g. "XOR". */
  title: string;
  numFeatures: number;
  numClasses: number;
  featureNames: readonly string[];
}

/** Layers that pass their input's meaning through unchanged, for finding the output activation. */
const PASS_THROUGH = new Set(['Dropout', 'Flatten', 'Reshape', 'BatchNormalization']);

/** The activation that produces a node's values, looking back through Dropout, Flatten and the like. */
export function outputActivation(graph: Graph, nodeId: string): ActivationName | null {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = incomingEdges(graph);
  let node: GraphNode | undefined = byId.get(nodeId);
  for (let hops = 0; node !== undefined && hops < graph.nodes.length; hops += 1) {
    switch (node.kind) {
      case 'Dense':
      case 'Activation':
        return node.params.activation;
      case 'Softmax':
        return 'softmax';
      case 'ReLU':
        return 'relu';
      case 'LeakyReLU':
      case 'PReLU':
        return 'leaky_relu';
      case 'ELU':
        return 'elu';
      default:
        break;
    }
    if (!PASS_THROUGH.has(node.kind)) return null;
    const edges = incoming.get(node.id) ?? [];
    node = edges.length === 1 ? byId.get(edges[0]?.source ?? '') : undefined;
  }
  return null;
}

function outputAdvice(classes: number): string {
  return classes === 2 ? 'use Dense(1) with sigmoid, or Dense(2) with softmax' : `use Dense(${classes}) with softmax`;
}

/**
 * Whether the network's Input and output fit the chosen dataset and loss. Runs on a graph that has no structural
 * errors (use after inferShapes).
 */
export function checkDatasetFit(
  graph: Graph,
  inference: GraphInference,
  dataset: DatasetSummary,
  loss: LossName,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const { title, numFeatures, numClasses } = dataset;
  const features = `${numFeatures} feature${numFeatures === 1 ? '' : 's'}${dataset.featureNames.length > 0 ? ` (${dataset.featureNames.join(', ')})` : ''}`;

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
    if (info?.status !== 'ok') continue;
    if (info.shape.length !== 1 || info.shape[0] !== numFeatures) {
      problems.push({
        severity: 'error',
        code: 'dataset-features',
        nodeIds: [id],
        param: 'shape',
        message: `Input ${id} has shape ${formatShapeNoBatch(info.shape)}, but each example of the ${title} data has ${features}.`,
        fix: `Set the Input shape to (${numFeatures}).`,
      });
    }
  }

  if (inference.outputs.length > 1) {
    problems.push({
      severity: 'error',
      code: 'dataset-outputs',
      nodeIds: [...inference.outputs],
      message: `The network has ${inference.outputs.length} outputs (${listNames(inference.outputs)}), but the ${title} data has one label per example, so LayerLab can train only one output.`,
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
      message: `The output ${outputId} has shape ${formatShapeNoBatch(output.shape)}, but a classifier's output must be one list of class scores per example.`,
      fix: `Add a Flatten, then end with a Dense layer: ${outputAdvice(numClasses)}.`,
    });
    return problems;
  }
  const units = output.shape[0] ?? 0;
  const unitsText = `${units} unit${units === 1 ? '' : 's'}`;
  const fitsClasses = units === numClasses || (numClasses === 2 && units === 1);
  if (!fitsClasses) {
    problems.push({
      severity: 'error',
      code: 'dataset-classes',
      nodeIds: [outputId],
      message: `Your output has ${unitsText} but the ${title} data has ${numClasses} classes.`,
      fix: `For ${numClasses} classes, ${outputAdvice(numClasses)}.`,
    });
    return problems;
  }

  const activation = outputActivation(graph, outputId);
  const categorical = loss === 'categorical_crossentropy' || loss === 'sparse_categorical_crossentropy';
  if (categorical && units === 1) {
    problems.push({
      severity: 'error',
      code: 'loss-mismatch',
      nodeIds: [outputId],
      message: `${loss} needs one output unit per class (${numClasses}), but ${outputId} has 1 unit.`,
      fix: 'Use binary_crossentropy with a sigmoid output, or end with Dense(2) and softmax.',
    });
  } else if (loss === 'binary_crossentropy' && units > 2) {
    problems.push({
      severity: 'error',
      code: 'loss-mismatch',
      nodeIds: [outputId],
      message: `binary_crossentropy scores a yes/no answer, but the ${title} data has ${numClasses} classes.`,
      fix: 'Use categorical_crossentropy with a softmax output.',
    });
  } else if (activation === 'step' && loss !== 'mean_squared_error') {
    problems.push({
      severity: 'warning',
      code: 'loss-mismatch',
      nodeIds: [outputId],
      message: `${outputId} outputs exactly 0 or 1 (a step), and ${loss} takes the logarithm of the output, which is infinite at 0.`,
      fix: 'Use mean_squared_error to train a perceptron, or use a sigmoid output.',
    });
  } else if (loss === 'binary_crossentropy' && units === 1 && activation !== 'sigmoid') {
    problems.push({
      severity: 'warning',
      code: 'loss-mismatch',
      nodeIds: [outputId],
      message: `binary_crossentropy expects a probability between 0 and 1, but ${outputId} uses ${activation ?? 'no'} activation, whose output can leave that range.`,
      fix: `Set ${outputId}'s activation to sigmoid.`,
    });
  } else if (categorical && activation !== 'softmax') {
    problems.push({
      severity: 'warning',
      code: 'loss-mismatch',
      nodeIds: [outputId],
      message: `${loss} expects probabilities that add up to 1, but ${outputId} uses ${activation ?? 'no'} activation.`,
      fix: `Set ${outputId}'s activation to softmax.`,
    });
  }
  return problems;
}
