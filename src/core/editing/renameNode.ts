/**
 * Renaming a node: its id is its Keras layer name, the end of its edges and the key of its trained weights, so a
 * rename updates all three. Check the new name with checkNodeName first; these functions only carry it out.
 */
import type { Graph, GraphEdge, GraphNode } from '../graph/types.ts';
import type { ProjectWeights } from '../project/types.ts';
import { renameInStructure } from '../graph/modelEnds.ts';
import { connectEdgeId, freeEdgeId, importEdgeId } from './edgeIds.ts';

/**
 * The id an edge should have after its ends change: when its id is exactly what `connect` (build.ts) or Keras
 * import (`a->b:0`) would have given it, the same scheme with the new ends (made unique among `taken`); any other
 * id (one a user or a file chose) is kept.
 */
function reId(edge: GraphEdge, source: string, target: string, taken: Set<string>): string {
  let base: string | null = null;
  if (edge.id === connectEdgeId(edge.source, edge.target, edge.inputIndex)) base = connectEdgeId(source, target, edge.inputIndex);
  else if (edge.id === importEdgeId(edge.source, edge.target, edge.inputIndex)) base = importEdgeId(source, target, edge.inputIndex);
  if (base === null || base === edge.id) return edge.id;
  taken.delete(edge.id);
  const id = freeEdgeId(taken, base);
  taken.add(id);
  return id;
}

/**
 * The graph with node `from` renamed to `to`: the node's id, every edge's source and target, and the model's
 * recorded inputs and outputs (graph.model; dict keys stay, they are the model's own names); edge ids that
 * follow the `connect` scheme (`${source}->${target}#${inputIndex}`, or the import scheme `…:${inputIndex}`) are
 * regenerated, unique among the graph's edge ids; other edge ids are kept.
 *
 * Nothing to do (the graph itself is returned) when from === to, when no node is called `from`, or when `to` is
 * already another node's id (a rename must never make two nodes share an id; checkNodeName says why to the user).
 */
export function renameInGraph(graph: Graph, from: string, to: string): Graph {
  if (from === to || !graph.nodes.some((n) => n.id === from) || graph.nodes.some((n) => n.id === to)) return graph;
  const taken = new Set(graph.edges.map((e) => e.id));
  const nodes = graph.nodes.map((n): GraphNode => (n.id === from ? { ...n, id: to } : n));
  const edges = graph.edges.map((edge): GraphEdge => {
    if (edge.source !== from && edge.target !== from) return edge;
    const source = edge.source === from ? to : edge.source;
    const target = edge.target === from ? to : edge.target;
    return { ...edge, id: reId(edge, source, target, taken), source, target };
  });
  // The model's recorded inputs and outputs name nodes too (modelEnds.ts).
  const model = renameInStructure(graph.model, from, to);
  return model === undefined ? { nodes, edges } : { nodes, edges, model };
}

/**
 * Trained weights with layer `from`'s tensors moved to the key `to` (in the same place in key order). When `from`
 * has no weights (or weights is null) they are returned as they are; an entry already under `to` is replaced.
 * Keys are read as own properties only, so a node id such as "toString" is an ordinary key.
 */
export function renameInWeights(weights: ProjectWeights, from: string, to: string): ProjectWeights;
export function renameInWeights(weights: ProjectWeights | null, from: string, to: string): ProjectWeights | null;
export function renameInWeights(weights: ProjectWeights | null, from: string, to: string): ProjectWeights | null {
  if (weights === null || from === to || !Object.hasOwn(weights.layers, from)) return weights;
  const entries = Object.keys(weights.layers)
    .filter((key) => key !== to)
    .map((key): [string, ProjectWeights['layers'][string]] => [key === from ? to : key, weights.layers[key] ?? []]);
  // Object.fromEntries defines own properties, so even a key like "__proto__" stays an ordinary key.
  return { ...weights, layers: Object.fromEntries(entries) };
}
