/** Small builders for hand-written graphs in the engine tests. */
import * as tf from '@tensorflow/tfjs';
import type { Graph, GraphEdge, GraphNode } from '../../src/core/graph/types.ts';
import { LAYER_REGISTRY } from '../../src/core/layers/index.ts';
import type { LayerKind, LayerParamsByKind } from '../../src/core/layers/index.ts';

/** A node of `kind` with the registry's default parameters, overridden by `params`. */
export function node<K extends LayerKind>(id: string, kind: K, params: Partial<LayerParamsByKind[K]> = {}): GraphNode {
  const defaults = LAYER_REGISTRY[kind].defaults as LayerParamsByKind[K];
  return { id, kind, params: { ...defaults, ...params }, position: { x: 0, y: 0 } } as GraphNode;
}

/** Edges source -> target; a target's edges get inputIndex 0, 1, ... in the order listed. */
export function graph(nodes: GraphNode[], links: readonly (readonly [string, string])[]): Graph {
  const seen = new Map<string, number>();
  const edges: GraphEdge[] = links.map(([source, target], i) => {
    const inputIndex = seen.get(target) ?? 0;
    seen.set(target, inputIndex + 1);
    return { id: `e${i}`, source, target, inputIndex };
  });
  return { nodes, edges };
}

/** A chain input -> a -> b -> ... */
export function chain(nodes: GraphNode[]): Graph {
  const links: [string, string][] = [];
  for (let i = 1; i < nodes.length; i += 1) links.push([nodes[i - 1]?.id ?? '', nodes[i]?.id ?? '']);
  return graph(nodes, links);
}

/** Output shape without the batch dimension of a model output or a layer. */
export function shapeNoBatch(shape: tf.Shape | tf.Shape[]): (number | null)[] {
  const first = shape[0];
  const one = Array.isArray(first) ? first : (shape as tf.Shape);
  return one.slice(1);
}

/** model.predict's result as an array of tensors. */
export function asList(result: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return Array.isArray(result) ? result : [result];
}

/** Largest |a - b| / (atol + rtol * |b|) over two equally long arrays; > 1 means "not close". */
export function closeness(actual: ArrayLike<number>, expected: ArrayLike<number>, atol: number, rtol = 0): number {
  // Arrays of different lengths (or nothing to compare) are never close.
  if (actual.length !== expected.length || expected.length === 0) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < expected.length; i += 1) {
    const a = actual[i] ?? Number.NaN;
    const b = expected[i] ?? Number.NaN;
    const ratio = Math.abs(a - b) / (atol + rtol * Math.abs(b));
    worst = Math.max(worst, Number.isNaN(ratio) ? Number.POSITIVE_INFINITY : ratio);
  }
  return worst;
}
