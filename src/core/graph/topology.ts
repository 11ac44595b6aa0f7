import type { Graph, GraphEdge } from './types.ts';

function compareEdges(a: GraphEdge, b: GraphEdge): number {
  if (a.inputIndex !== b.inputIndex) return a.inputIndex - b.inputIndex;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Incoming edges of every node, in input order (inputIndex, then edge id). Edges to unknown nodes are left out. */
export function incomingEdges(graph: Graph): Map<string, GraphEdge[]> {
  const byTarget = new Map<string, GraphEdge[]>(graph.nodes.map((n) => [n.id, []]));
  for (const edge of graph.edges) {
    if (byTarget.has(edge.source)) byTarget.get(edge.target)?.push(edge);
  }
  for (const list of byTarget.values()) list.sort(compareEdges);
  return byTarget;
}

/** Outgoing edges of every node. Edges to unknown nodes are left out. */
export function outgoingEdges(graph: Graph): Map<string, GraphEdge[]> {
  const bySource = new Map<string, GraphEdge[]>(graph.nodes.map((n) => [n.id, []]));
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const edge of graph.edges) {
    if (ids.has(edge.target)) bySource.get(edge.source)?.push(edge);
  }
  return bySource;
}

/** Both edge maps of a graph, computed once and shared by the functions below. */
export interface Adjacency {
  incoming: Map<string, GraphEdge[]>;
  outgoing: Map<string, GraphEdge[]>;
}

export function adjacency(graph: Graph): Adjacency {
  return { incoming: incomingEdges(graph), outgoing: outgoingEdges(graph) };
}

/**
 * Groups of nodes that lie on a cycle (strongly connected components with more than one node, or a node
 * wired to itself), each in graph order. Iterative Tarjan, so a long chain cannot overflow the stack.
 */
export function findCycles(graph: Graph, edges: Adjacency = adjacency(graph)): string[][] {
  const out = edges.outgoing;
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of graph.nodes) {
    if (index.has(root.id)) continue;
    const work: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    index.set(root.id, counter);
    low.set(root.id, counter);
    counter += 1;
    stack.push(root.id);
    onStack.add(root.id);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const edges = out.get(frame.id) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next]?.target ?? '';
        frame.next += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && edges.some((e) => e.target === frame.id);
        if (component.length > 1 || selfLoop) {
          component.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
          cycles.push(component);
        }
      }
    }
  }
  return cycles;
}

/**
 * Nodes in an order where every node comes after all of its inputs (Kahn's algorithm, ties in graph order).
 * Nodes on or after a cycle are left out.
 */
export function topologicalOrder(graph: Graph, edges: Adjacency = adjacency(graph)): string[] {
  const incoming = edges.incoming;
  const out = edges.outgoing;
  const remaining = new Map<string, number>();
  for (const node of graph.nodes) remaining.set(node.id, incoming.get(node.id)?.length ?? 0);
  const ready = graph.nodes.filter((n) => remaining.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i += 1) {
    const id = ready[i] ?? '';
    order.push(id);
    for (const edge of out.get(id) ?? []) {
      const left = (remaining.get(edge.target) ?? 0) - 1;
      remaining.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  return order;
}

/** Ids of nodes reachable by following edges forward from `starts` (the starts included). */
export function reachableFrom(graph: Graph, starts: readonly string[], edges: Adjacency = adjacency(graph)): Set<string> {
  const out = edges.outgoing;
  const seen = new Set<string>(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.pop() ?? '';
    for (const edge of out.get(id) ?? []) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return seen;
}
