import { describe, expect, it } from 'vitest';
import { chainGraph, connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph, GraphNode } from '../../../src/core/graph/types.ts';
import { LAYER_KINDS, LAYER_REGISTRY } from '../../../src/core/layers/index.ts';
import { inferShapes } from '../../../src/core/shapes/inferShapes.ts';

function shapeOf(graph: Graph, id: string): { shape: readonly number[]; params: number } {
  const info = inferShapes(graph).nodes.get(id);
  if (info?.status !== 'ok') throw new Error(`${id} has no shape: ${JSON.stringify(info)}`);
  return { shape: info.shape, params: info.params };
}

function after(inputShape: number[], layer: GraphNode): { shape: readonly number[]; params: number } {
  return shapeOf(chainGraph([createNode('x', 'Input', { shape: inputShape }), layer]), layer.id);
}

describe('every layer kind', () => {
  it('has a description, defaults for every parameter and a help text for each', () => {
    for (const kind of LAYER_KINDS) {
      const spec = LAYER_REGISTRY[kind];
      expect(spec.kind).toBe(kind);
      expect(spec.description.length).toBeGreaterThan(30);
      expect(Object.keys(spec.defaults).sort()).toEqual(Object.keys(spec.params).sort());
      for (const field of Object.values(spec.params)) expect(field.help.length).toBeGreaterThan(5);
    }
  });
});

describe('shape rules and parameter counts (Keras count_params)', () => {
  it('Input passes its shape through and has no weights', () => {
    expect(shapeOf(chainGraph([createNode('x', 'Input', { shape: [28, 28] })]), 'x')).toEqual({ shape: [28, 28], params: 0 });
  });
  it('Dense maps the last axis to units: in*units + units weights', () => {
    expect(after([4], createNode('d', 'Dense', { units: 16 }))).toEqual({ shape: [16], params: 80 });
    expect(after([4], createNode('d', 'Dense', { units: 16, use_bias: false }))).toEqual({ shape: [16], params: 64 });
    expect(after([3, 5], createNode('d', 'Dense', { units: 2 }))).toEqual({ shape: [3, 2], params: 12 });
  });
  it('Activation, Dropout, Softmax, ReLU, LeakyReLU and ELU keep the shape and have no weights', () => {
    for (const kind of ['Activation', 'Dropout', 'Softmax', 'ReLU', 'LeakyReLU', 'ELU'] as const) {
      expect(after([3, 4], createNode('a', kind))).toEqual({ shape: [3, 4], params: 0 });
    }
  });
  it('BatchNormalization keeps the shape with 4 weights per feature (2 when center and scale are off)', () => {
    expect(after([8], createNode('bn', 'BatchNormalization'))).toEqual({ shape: [8], params: 32 });
    expect(after([8], createNode('bn', 'BatchNormalization', { center: false, scale: false }))).toEqual({ shape: [8], params: 16 });
    expect(after([3, 5], createNode('bn', 'BatchNormalization', { axis: 1 }))).toEqual({ shape: [3, 5], params: 12 });
  });
  it('Flatten multiplies the dimensions', () => {
    expect(after([2, 3, 4], createNode('f', 'Flatten'))).toEqual({ shape: [24], params: 0 });
    expect(after([5], createNode('f', 'Flatten'))).toEqual({ shape: [5], params: 0 });
  });
  it('Reshape rearranges the values, working out one -1', () => {
    expect(after([12], createNode('r', 'Reshape', { target_shape: [3, 4] }))).toEqual({ shape: [3, 4], params: 0 });
    expect(after([12], createNode('r', 'Reshape', { target_shape: [-1, 6] }))).toEqual({ shape: [2, 6], params: 0 });
  });
  it('PReLU learns one slope per value unless axes are shared', () => {
    expect(after([3, 4], createNode('p', 'PReLU'))).toEqual({ shape: [3, 4], params: 12 });
    expect(after([3, 4], createNode('p', 'PReLU', { shared_axes: [1] }))).toEqual({ shape: [3, 4], params: 4 });
  });

  function merge(kind: 'Concatenate' | 'Add' | 'Multiply', a: number[], b: number[], params = {}): Graph {
    return {
      nodes: [
        createNode('a', 'Input', { shape: a }),
        createNode('b', 'Input', { shape: b }),
        createNode('m', kind, params),
      ],
      edges: [connect('a', 'm', 0), connect('b', 'm', 1)],
    };
  }
  it('Concatenate sums the joined axis, in input order', () => {
    expect(shapeOf(merge('Concatenate', [3], [5]), 'm')).toEqual({ shape: [8], params: 0 });
    expect(shapeOf(merge('Concatenate', [2, 3], [4, 3], { axis: 1 }), 'm')).toEqual({ shape: [6, 3], params: 0 });
    expect(shapeOf(merge('Concatenate', [2, 3], [2, 5], { axis: -1 }), 'm')).toEqual({ shape: [2, 8], params: 0 });
  });
  it('Add and Multiply keep the common shape', () => {
    expect(shapeOf(merge('Add', [4], [4]), 'm')).toEqual({ shape: [4], params: 0 });
    expect(shapeOf(merge('Multiply', [2, 3], [2, 3]), 'm')).toEqual({ shape: [2, 3], params: 0 });
  });
  it('sums parameters over the network (Keras seq_mlp: 243)', () => {
    const graph = chainGraph([
      createNode('features', 'Input', { shape: [4] }),
      createNode('hidden1', 'Dense', { units: 16 }),
      createNode('hidden2', 'Dense', { units: 8, activation: 'tanh' }),
      createNode('probs', 'Dense', { units: 3, activation: 'softmax' }),
    ]);
    expect(inferShapes(graph).totalParams).toBe(243);
  });
});
