/** Ordering the layers of a Functional model, and finding the loop when they cannot be ordered. */
import type { GraphEdge } from '../../graph/types.ts';

/** Finds one cycle among `remaining` nodes (each has an input from another remaining node), in flow order. */
export function findCycle(remaining: ReadonlySet<string>, incoming: ReadonlyMap<string, string[]>): string[] {
  const start = remaining.values().next().value ?? '';
  const path: string[] = [];
  const seenAt = new Map<string, number>();
  let current = start;
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = (incoming.get(current) ?? []).find((s) => remaining.has(s)) ?? start;
  }
  return path.slice(seenAt.get(current) ?? 0).reverse();
}

/** Kahn's order of `ids` over `edges`, or the ids left on or after a cycle. */
export function topologicalSort(ids: readonly string[], edges: readonly GraphEdge[]): { order: string[]; remaining: Set<string> } {
  const indegree = new Map(ids.map((id) => [id, 0]));
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
    outgoing.get(edge.source)?.push(edge.target);
  }
  const queue = ids.filter((id) => (indegree.get(id) ?? 0) === 0);
  const order: string[] = [];
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head] ?? '';
    order.push(id);
    for (const next of outgoing.get(id) ?? []) {
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  const done = new Set(order);
  return { order, remaining: new Set(ids.filter((id) => !done.has(id))) };
}
