/** Small builders for hand-written graphs in tests (no tfjs: the diagram and core tests use them too). */
import { createNode } from '../../src/core/graph/build.ts';
import type { Graph, GraphEdge, GraphNode } from '../../src/core/graph/types.ts';
import type { LayerKind, LayerParamsByKind } from '../../src/core/layers/index.ts';

/** A node of `kind` with the registry's default parameters, overridden by `params`, at (0, 0). */
export function node<K extends LayerKind>(id: string, kind: K, params: Partial<LayerParamsByKind[K]> = {}): GraphNode {
  return createNode(id, kind, params);
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
