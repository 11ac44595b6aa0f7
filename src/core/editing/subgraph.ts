/**
 * Copy, paste and delete on the canvas: pure functions on graph data.
 *
 * A clip is plain, serialisable data (it may go to the system clipboard as JSON): the copied nodes and the edges
 * whose two ends were both copied. Pasting gives every node a fresh Keras-style id from its kind (dense_2 …),
 * re-points the edges and gives them fresh ids, and moves the nodes by an offset. The caller adds the result to
 * the graph; pasting the same clip again into the graph that now holds the first copy gives new ids again.
 */
import type { Graph, GraphEdge, GraphNode, Position } from '../graph/types.ts';
import { freeEdgeId, connectEdgeId, takenEdgeIds } from './edgeIds.ts';
import { defaultNodeName, freeName, takenIds } from './nodeNames.ts';

/** What a copy holds: nodes in graph order, and the edges among them in graph order. */
export interface Clip {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface PasteResult {
  /** The new nodes, to add to the graph. */
  nodes: GraphNode[];
  /** The new edges among them, to add to the graph. */
  edges: GraphEdge[];
  /** Old node id (in the clip) → new node id. */
  idMap: Map<string, string>;
}

const copyNode = (node: GraphNode, position: Position = node.position): GraphNode =>
  ({ ...node, params: { ...node.params }, position: { x: position.x, y: position.y } }) as GraphNode;

/**
 * The nodes of `graph` whose ids are in `nodeIds` and every edge with both ends among them. Unknown ids are
 * ignored; when a broken graph repeats an id, the first node with it is taken.
 */
export function copySubgraph(graph: Graph, nodeIds: Iterable<string>): Clip {
  const wanted = new Set(nodeIds);
  const copied = new Set<string>();
  const nodes: GraphNode[] = [];
  for (const node of graph.nodes) {
    if (!wanted.has(node.id) || copied.has(node.id)) continue;
    copied.add(node.id);
    nodes.push(copyNode(node));
  }
  const edges = graph.edges.filter((e) => copied.has(e.source) && copied.has(e.target)).map((e) => ({ ...e }));
  return { nodes, edges };
}

const finite = (value: number): number => (Number.isFinite(value) ? value : 0);

/**
 * The clip's nodes and edges with fresh ids that collide neither with `graph` nor with each other, moved by
 * `offset`. Node ids follow Keras's default naming for each node's kind (nextNodeId); edge ids follow the
 * `connect` scheme, made unique. Edges whose ends are not both clip nodes are dropped.
 */
export function pasteSubgraph(graph: Graph, clip: Clip, offset: Position): PasteResult {
  const nodeIds = new Set(takenIds(graph));
  const edgeIds = new Set(takenEdgeIds(graph));
  const idMap = new Map<string, string>();
  const nodes: GraphNode[] = [];
  for (const node of clip.nodes) {
    if (idMap.has(node.id)) continue;
    const id = freeName(nodeIds, defaultNodeName(node.kind));
    nodeIds.add(id);
    idMap.set(node.id, id);
    const position = { x: finite(node.position.x + offset.x), y: finite(node.position.y + offset.y) };
    nodes.push({ ...copyNode(node, position), id } as GraphNode);
  }
  const edges: GraphEdge[] = [];
  for (const edge of clip.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const id = freeEdgeId(edgeIds, connectEdgeId(source, target, edge.inputIndex));
    edgeIds.add(id);
    edges.push({ id, source, target, inputIndex: edge.inputIndex });
  }
  return { nodes, edges, idMap };
}

/**
 * The graph without the nodes in `nodeIds`, without every edge touching them, and without the edges in `edgeIds`.
 * Unknown ids are ignored. The input graph is not modified.
 */
export function removeFromGraph(graph: Graph, remove: { nodeIds?: Iterable<string>; edgeIds?: Iterable<string> }): Graph {
  const nodeIds = new Set(remove.nodeIds ?? []);
  const edgeIds = new Set(remove.edgeIds ?? []);
  return {
    // graph.model keeps naming deleted nodes: modelEnds drops them when it reads it.
    ...graph,
    nodes: graph.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: graph.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}
