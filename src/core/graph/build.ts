import type { LayerKind, LayerParamsByKind } from '../layers/index.ts';
import { LAYER_REGISTRY } from '../layers/index.ts';
import type { Graph, GraphEdge, GraphNode, Position } from './types.ts';

/** A node of `kind` with the layer's defaults, overridden by `params`. */
export function createNode<K extends LayerKind>(
  id: string,
  kind: K,
  params: Partial<LayerParamsByKind[K]> = {},
  position: Position = { x: 0, y: 0 },
): GraphNode {
  const defaults = LAYER_REGISTRY[kind].defaults as LayerParamsByKind[K];
  return { id, kind, params: { ...defaults, ...params }, position } as GraphNode;
}

/** An edge from `source` to `target`, as the target's input number `inputIndex`. */
export function connect(source: string, target: string, inputIndex = 0): GraphEdge {
  return { id: `${source}->${target}#${inputIndex}`, source, target, inputIndex };
}

/** A graph where each node feeds the next, laid out left to right. */
export function chainGraph(nodes: readonly GraphNode[]): Graph {
  const placed = nodes.map((n, i) => ({ ...n, position: { x: i * 220, y: 0 } }));
  const edges = placed.slice(1).map((n, i) => connect(placed[i]?.id ?? '', n.id));
  return { nodes: placed, edges };
}
