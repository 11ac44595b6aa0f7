import type { Graph } from '../graph/types.ts';

/**
 * A shortest loop through the first node of `component` (a strongly connected component), as the list of node
 * ids in the order data would flow, starting at that node.
 */
export function shortestCycle(graph: Graph, component: readonly string[]): string[] {
  const start = component[0];
  if (start === undefined) return [];
  const members = new Set(component);
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (members.has(edge.source) && members.has(edge.target)) {
      next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
    }
  }
  if ((next.get(start) ?? []).includes(start)) return [start];
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i] ?? '';
    for (const target of next.get(id) ?? []) {
      if (target === start) {
        const path = [id];
        let cursor = id;
        while (cursor !== start) {
          cursor = previous.get(cursor) ?? start;
          path.push(cursor);
        }
        return path.reverse();
      }
      if (!previous.has(target)) {
        previous.set(target, id);
        queue.push(target);
      }
    }
  }
  return [...component];
}
