import { incomingEdges, outgoingEdges } from './topology.ts';
import type { Graph } from './types.ts';

/**
 * The node ids in data-flow order when the graph is one straight chain (one Input, each node feeding exactly the
 * next), which Keras can express as a Sequential model; null for any other shape (branches, merges, several
 * Inputs or outputs, loops).
 */
export function chainOrder(graph: Graph): string[] | null {
  const incoming = incomingEdges(graph);
  const outgoing = outgoingEdges(graph);
  if (graph.edges.length !== graph.nodes.length - 1) return null;
  const starts = graph.nodes.filter((n) => (incoming.get(n.id) ?? []).length === 0);
  const start = starts[0];
  if (starts.length !== 1 || start === undefined || start.kind !== 'Input') return null;
  const order: string[] = [start.id];
  const seen = new Set(order);
  let current = start.id;
  for (;;) {
    const next = outgoing.get(current) ?? [];
    if (next.length === 0) break;
    const edge = next[0];
    if (next.length > 1 || edge === undefined || seen.has(edge.target)) return null;
    if ((incoming.get(edge.target) ?? []).length !== 1) return null;
    current = edge.target;
    seen.add(current);
    order.push(current);
  }
  return order.length === graph.nodes.length ? order : null;
}
