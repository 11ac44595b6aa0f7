/** Graphs, weights and data shared by the typed-path tests. */
import { createRng } from '../../../src/core/datasets/rng.ts';
import type { Rng } from '../../../src/core/datasets/rng.ts';
import type { Graph, GraphNode } from '../../../src/core/graph/types.ts';
import { ACTIVATIONS } from '../../../src/core/layers/index.ts';
import type { ActivationName } from '../../../src/core/layers/index.ts';
import { expectedWeights } from '../../../src/core/shapes/expectedWeights.ts';
import type { LossName } from '../../../src/core/training/settings.ts';
import type { LayerWeights } from '../../../src/engine/weights.ts';
import { graph, node } from '../../support/graphBuilders.ts';

export type Task = 'classification' | 'regression';

/** The output layer and task each loss is trained with. */
export const LOSS_SETUPS: { readonly [L in LossName]: { units: number; activation: ActivationName; task: Task } } = {
  binary_crossentropy: { units: 1, activation: 'sigmoid', task: 'classification' },
  categorical_crossentropy: { units: 3, activation: 'softmax', task: 'classification' },
  sparse_categorical_crossentropy: { units: 3, activation: 'softmax', task: 'classification' },
  mean_squared_error: { units: 2, activation: 'linear', task: 'regression' },
};

/**
 * Input(3) → one hidden Dense(3, a) per activation a, side by side → two Concatenates of nine (a merge takes at most
 * 16 inputs) → Concatenate → output Dense. Every activation sits in a hidden layer of one network.
 */
export function allActivationsGraph(output: { units: number; activation: ActivationName }): Graph {
  const nodes: GraphNode[] = [node('x', 'Input', { shape: [3] })];
  const links: [string, string][] = [];
  const half = Math.ceil(ACTIVATIONS.length / 2);
  ACTIVATIONS.forEach((activation, i) => {
    const id = `h_${activation}`;
    nodes.push(node(id, 'Dense', { units: 3, activation }));
    links.push(['x', id], [id, i < half ? 'first' : 'second']);
  });
  nodes.push(node('first', 'Concatenate'), node('second', 'Concatenate'), node('both', 'Concatenate'));
  nodes.push(node('out', 'Dense', { units: output.units, activation: output.activation }));
  links.push(['first', 'both'], ['second', 'both'], ['both', 'out']);
  return graph(nodes, links);
}

/**
 * Every other layer kind the typed path runs, with non-default parameters: Dense with L1/L2 kernel regularizers and
 * without bias, ReLU in its forms (slope, threshold, cap, relu6), LeakyReLU, ELU (alpha 1 and not), PReLU (per unit
 * and shared), Softmax, Add, Multiply, Concatenate, Flatten, Reshape, and a Dropout of rate 0. Output: Dense.
 */
export function layerKindsGraph(output: { units: number; activation: ActivationName }): Graph {
  const nodes: GraphNode[] = [
    node('x', 'Input', { shape: [4] }),
    node('d1', 'Dense', { units: 5, activation: 'linear', kernel_regularizer: { l1: 0.01, l2: 0.02 } }),
    node('relu_all', 'ReLU', { max_value: 1.5, negative_slope: 0.1, threshold: 0.2 }),
    node('d2', 'Dense', { units: 5, activation: 'linear', use_bias: false }),
    node('leaky', 'LeakyReLU', { negative_slope: 0.25 }),
    node('d3', 'Dense', { units: 5, activation: 'linear', kernel_regularizer: { l1: 0.03, l2: 0 } }),
    node('elu', 'ELU', { alpha: 0.7 }),
    node('d4', 'Dense', { units: 5, activation: 'linear' }),
    node('prelu', 'PReLU'),
    node('d5', 'Dense', { units: 5, activation: 'linear' }),
    node('prelu_shared', 'PReLU', { shared_axes: [1] }),
    node('relu6', 'ReLU', { max_value: 6 }),
    node('relu_threshold', 'ReLU', { threshold: 0.1 }),
    node('relu_slope', 'ReLU', { negative_slope: 0.05 }),
    node('elu1', 'ELU', { alpha: 1 }),
    node('sum', 'Add'),
    node('product', 'Multiply'),
    node('softmax', 'Softmax'),
    node('flat', 'Flatten'),
    node('reshaped', 'Reshape', { target_shape: [-1] }),
    node('keep', 'Dropout', { rate: 0 }),
    node('joined', 'Concatenate'),
    node('out', 'Dense', { units: output.units, activation: output.activation }),
  ];
  const links: [string, string][] = [
    ['x', 'd1'],
    ['d1', 'relu_all'],
    ['x', 'd2'],
    ['d2', 'leaky'],
    ['x', 'd3'],
    ['d3', 'elu'],
    ['x', 'd4'],
    ['d4', 'prelu'],
    ['x', 'd5'],
    ['d5', 'prelu_shared'],
    ['d1', 'relu6'],
    ['d2', 'relu_threshold'],
    ['d3', 'relu_slope'],
    ['d4', 'elu1'],
    ['relu_all', 'sum'],
    ['leaky', 'sum'],
    ['relu6', 'sum'],
    ['elu', 'product'],
    ['prelu', 'product'],
    ['relu_threshold', 'product'],
    ['prelu_shared', 'softmax'],
    ['softmax', 'flat'],
    ['flat', 'reshaped'],
    ['relu_slope', 'keep'],
    ['sum', 'joined'],
    ['product', 'joined'],
    ['reshaped', 'joined'],
    ['keep', 'joined'],
    ['elu1', 'joined'],
    ['joined', 'out'],
  ];
  return graph(nodes, links);
}

function uniform(rng: Rng, scale: number): number {
  return (2 * rng.next() - 1) * scale;
}

/** Random weights for every layer of `g` that has any: uniform in ±scale (PReLU alpha in 0..0.5). */
export function randomWeights(g: Graph, seed: number, scale = 0.6): LayerWeights {
  const rng = createRng(seed);
  const out: LayerWeights = new Map();
  for (const [id, weights] of expectedWeights(g)) {
    out.set(
      id,
      weights.map(({ name, shape }) => {
        const size = shape.reduce((p, d) => p * d, 1);
        const values = new Float32Array(size);
        for (let k = 0; k < size; k += 1) values[k] = name === 'alpha' ? rng.next() * 0.5 : uniform(rng, scale);
        return { name, shape: [...shape], values };
      }),
    );
  }
  return out;
}

export interface Batch {
  x: Float32Array;
  y: Float32Array;
  count: number;
}

/** `count` examples of `inputSize` values in ±1.5 with class labels below `units` (0/1 for one unit) or targets. */
export function randomBatch(rng: Rng, count: number, inputSize: number, task: Task, units: number): Batch {
  const x = new Float32Array(count * inputSize);
  for (let k = 0; k < x.length; k += 1) x[k] = uniform(rng, 1.5);
  const y = new Float32Array(task === 'regression' ? count * units : count);
  for (let k = 0; k < y.length; k += 1) y[k] = task === 'regression' ? uniform(rng, 1) : rng.int(Math.max(units, 2));
  return { x, y, count };
}

/** ||a - b|| / ||b|| (0 when both are zero). */
export function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let diff = 0;
  let norm = 0;
  for (let k = 0; k < b.length; k += 1) {
    const d = (a[k] ?? Number.NaN) - (b[k] ?? Number.NaN);
    diff += d * d;
    norm += (b[k] ?? 0) ** 2;
  }
  if (Number.isNaN(diff)) return Number.POSITIVE_INFINITY;
  return norm === 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
}
