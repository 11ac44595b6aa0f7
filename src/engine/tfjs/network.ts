/**
 * What the tfjs trainer needs to know about a graph before its first step, worked out once: the compiled model with
 * the given weights, the one Input and one output, how targets are read, and the weight penalties. Every way a
 * network or its settings can be unfit for training comes back as one plain sentence; nothing here throws.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Graph } from '../../core/graph/types.ts';
import { formatShapeNoBatch } from '../../core/layers/index.ts';
import { inferShapes } from '../../core/shapes/inferShapes.ts';
import { LOSSES, OPTIMIZERS } from '../../core/training/settings.ts';
import { compileGraph } from '../compileGraph.ts';
import { layerNameOf } from '../layerNames.ts';
import type { TrainerSpec } from '../trainer.ts';
import { setLayerWeights } from '../weights.ts';
import type { KernelPenalty } from './penalties.ts';
import { activePenalties } from './penalties.ts';
import type { TargetMode } from './targets.ts';

export interface TrainingNetwork {
  model: tf.LayersModel;
  graph: Graph;
  inputId: string;
  /** The Input's shape without the batch, e.g. [28, 28]. */
  inputShape: number[];
  inputSize: number;
  outputId: string;
  outputSize: number;
  /** Every node's output shape without the batch. */
  shapes: Map<string, number[]>;
  mode: TargetMode;
  penalties: KernelPenalty[];
}

export type NetworkResult = { ok: true; network: TrainingNetwork } | { ok: false; message: string };

function product(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

function namesList(ids: readonly string[]): string {
  return ids.join(', ');
}

/** The settings' problem in words, or null; the types already say this, but project files come from outside. */
function settingsProblem(spec: TrainerSpec): string | null {
  const { optimizer, learningRate, loss, l2 } = spec.settings;
  if (!OPTIMIZERS.includes(optimizer)) return `LayerLab has no optimizer called "${String(optimizer)}"; choose one of ${OPTIMIZERS.join(', ')}.`;
  if (!LOSSES.includes(loss)) return `LayerLab has no loss called "${String(loss)}"; choose one of ${LOSSES.join(', ')}.`;
  if (!Number.isFinite(learningRate) || learningRate <= 0) return `The learning rate must be a number above 0; it is ${learningRate}.`;
  if (!Number.isFinite(l2) || l2 < 0) return `The L2 weight penalty must be 0 or more; it is ${l2}.`;
  return null;
}

function targetMode(spec: TrainerSpec, outputId: string, units: number): TargetMode | string {
  if (spec.options.task === 'regression') return { kind: 'values', units };
  if (units > 1) return { kind: 'classes', classes: units };
  const loss = spec.settings.loss;
  if (loss === 'categorical_crossentropy' || loss === 'sparse_categorical_crossentropy') {
    return `${loss} needs one output unit per class, but ${outputId} has 1 unit: use binary_crossentropy for a yes/no answer, or give ${outputId} one unit per class.`;
  }
  return { kind: 'binary' };
}

function kernelOf(model: tf.LayersModel, nodeId: string): tf.Variable | null {
  const variable = model.getLayer(layerNameOf(nodeId)).weights.find((w) => w.originalName.endsWith('/kernel'));
  return variable === undefined ? null : (variable.read() as tf.Variable);
}

/** Compiles `spec.graph`, loads `spec.weights` and checks it can be trained as one-input, one-output. */
export function buildNetwork(spec: TrainerSpec): NetworkResult {
  const settingsIssue = settingsProblem(spec);
  if (settingsIssue !== null) return { ok: false, message: settingsIssue };
  const inference = inferShapes(spec.graph);
  if (inference.ok && inference.inputs.length !== 1) {
    return {
      ok: false,
      message: `LayerLab trains networks with one Input, but this one has ${inference.inputs.length} (${namesList(inference.inputs)}).`,
    };
  }
  if (inference.ok && inference.outputs.length > 1) {
    return {
      ok: false,
      message: `LayerLab trains networks with one output layer, but this one has ${inference.outputs.length} (${namesList(inference.outputs)}): connect them into one.`,
    };
  }
  const compiled = compileGraph(spec.graph, { seed: spec.settings.seed });
  if (!compiled.ok) return { ok: false, message: compiled.message };
  const { model } = compiled;
  const fail = (message: string): NetworkResult => {
    model.dispose();
    return { ok: false, message };
  };
  const shapes = new Map<string, number[]>();
  for (const [id, info] of inference.nodes) if (info.status === 'ok') shapes.set(id, [...info.shape]);
  const inputId = compiled.inputs[0] ?? '';
  const outputId = compiled.outputs[0] ?? '';
  const inputShape = shapes.get(inputId) ?? [];
  const outputShape = shapes.get(outputId) ?? [];
  if (outputShape.length !== 1) {
    return fail(
      `The output layer ${outputId} gives ${formatShapeNoBatch(outputShape)} per example, but training needs one row of numbers per example: add a Flatten before it.`,
    );
  }
  const outputSize = outputShape[0] ?? 0;
  const mode = targetMode(spec, outputId, outputSize);
  if (typeof mode === 'string') return fail(mode);

  const problems = setLayerWeights(model, spec.weights);
  if (problems.length > 0) return fail(`The starting weights do not fit this network. ${problems.join(' ')}`);

  const penalties: KernelPenalty[] = [];
  for (const node of spec.graph.nodes) {
    if (node.kind !== 'Dense') continue;
    const kernel = kernelOf(model, node.id);
    if (kernel === null) continue;
    const own = node.params.kernel_regularizer;
    penalties.push({ nodeId: node.id, kernel, l1: own?.l1 ?? 0, l2: (own?.l2 ?? 0) + spec.settings.l2 });
  }
  return {
    ok: true,
    network: {
      model,
      graph: spec.graph,
      inputId,
      inputShape,
      inputSize: product(inputShape),
      outputId,
      outputSize,
      shapes,
      mode,
      penalties: activePenalties(penalties),
    },
  };
}
