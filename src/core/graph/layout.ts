/**
 * A tidy left-to-right layout of a graph, for graphs that arrive without a usable one (imported models).
 *
 * dagre (@dagrejs/dagre, plain JS, no DOM) ranks the nodes so every edge points right, orders each column to keep
 * crossings few and straightens chains; the inputs of a merge layer are asked to stand top to bottom in inputIndex
 * order (dagre order constraints: honoured when those inputs share a column and the constraints do not contradict
 * each other). Positions are the top-left corners of {@link LAYOUT.nodeWidth} x {@link LAYOUT.nodeHeight} boxes,
 * in whole pixels, with the leftmost and topmost box at 0.
 *
 * dagre recurses along paths, so a very large or very deep graph could overflow the stack; such graphs (and any
 * graph dagre fails on) get a simpler layered layout with the same spacing: columns by longest path from an input,
 * rows ordered by the average row of each node's inputs.
 *
 * Pure and deterministic: the same graph (same node and edge order) always gets the same positions.
 */
import dagre from '@dagrejs/dagre';
import { incomingEdges, topologicalOrder } from './topology.ts';
import type { Graph, GraphEdge, Position } from './types.ts';
import { LAYOUT } from './layoutSizes.ts';

export { LAYOUT };

type Positions = Map<string, Position>;

/** Edges whose ends are both nodes of the graph, in graph order. */
function knownEdges(graph: Graph): GraphEdge[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  return graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
}

/** Longest path (in edges) from a node without inputs to each node; nodes on a cycle get 0. */
function depths(graph: Graph): Map<string, number> {
  const incoming = incomingEdges(graph);
  const depth = new Map<string, number>();
  for (const id of topologicalOrder(graph)) {
    let d = 0;
    for (const edge of incoming.get(id) ?? []) d = Math.max(d, (depth.get(edge.source) ?? 0) + 1);
    depth.set(id, d);
  }
  return depth;
}

/** Order constraints that put each merge's inputs top to bottom in inputIndex order. */
function mergeConstraints(graph: Graph): { left: string; right: string }[] {
  const constraints: { left: string; right: string }[] = [];
  const seen = new Set<string>();
  for (const edges of incomingEdges(graph).values()) {
    for (let i = 1; i < edges.length; i += 1) {
      const left = edges[i - 1]?.source;
      const right = edges[i]?.source;
      if (left === undefined || right === undefined || left === right) continue;
      const key = JSON.stringify([left, right]);
      if (seen.has(key)) continue;
      seen.add(key);
      constraints.push({ left, right });
    }
  }
  return constraints;
}

function dagreLayout(graph: Graph, edges: readonly GraphEdge[], withConstraints: boolean): Positions {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', ranksep: LAYOUT.rankGap, nodesep: LAYOUT.nodeGap, edgesep: LAYOUT.edgeGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: LAYOUT.nodeWidth, height: LAYOUT.nodeHeight });
  edges.forEach((edge, i) => g.setEdge(edge.source, edge.target, {}, `e${i}`));
  dagre.layout(g, withConstraints ? { constraints: mergeConstraints(graph) } : {});
  const centres = graph.nodes.map((n) => {
    const label = g.node(n.id) as { x?: unknown; y?: unknown } | undefined;
    const x = label?.x;
    const y = label?.y;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new Error(`dagre gave ${n.id} no position`);
    }
    return { id: n.id, x: x - LAYOUT.nodeWidth / 2, y: y - LAYOUT.nodeHeight / 2 };
  });
  const minX = Math.min(...centres.map((c) => c.x));
  const minY = Math.min(...centres.map((c) => c.y));
  return new Map(centres.map((c) => [c.id, { x: Math.round(c.x - minX), y: Math.round(c.y - minY) }]));
}

/** Columns by longest path; each column's rows ordered by the mean row of the node's inputs, then graph order. */
function layeredLayout(graph: Graph, depth: ReadonlyMap<string, number>): Positions {
  const incoming = incomingEdges(graph);
  const columns = new Map<number, string[]>();
  for (const node of graph.nodes) {
    const column = depth.get(node.id) ?? 0;
    const list = columns.get(column);
    if (list === undefined) columns.set(column, [node.id]);
    else list.push(node.id);
  }
  const graphIndex = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const row = new Map<string, number>();
  const positions: Positions = new Map();
  for (const column of [...columns.keys()].sort((a, b) => a - b)) {
    const ids = columns.get(column) ?? [];
    const key = new Map(
      ids.map((id) => {
        const rows = (incoming.get(id) ?? []).map((e) => row.get(e.source)).filter((r): r is number => r !== undefined);
        return [id, rows.length === 0 ? Number.POSITIVE_INFINITY : rows.reduce((a, b) => a + b, 0) / rows.length];
      }),
    );
    ids.sort((a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0) || (graphIndex.get(a) ?? 0) - (graphIndex.get(b) ?? 0));
    ids.forEach((id, i) => {
      row.set(id, i);
      positions.set(id, {
        x: column * (LAYOUT.nodeWidth + LAYOUT.rankGap),
        y: i * (LAYOUT.nodeHeight + LAYOUT.nodeGap),
      });
    });
  }
  return positions;
}

function positionsFor(graph: Graph): Positions {
  const edges = knownEdges(graph);
  const depth = depths(graph);
  const deepest = Math.max(0, ...depth.values());
  if (graph.nodes.length <= LAYOUT.maxDagreNodes && deepest <= LAYOUT.maxDagreDepth) {
    for (const withConstraints of [true, false]) {
      try {
        return dagreLayout(graph, edges, withConstraints);
      } catch {
        // Contradictory order constraints, or dagre itself failed: try without constraints, then the simple layout.
      }
    }
  }
  return layeredLayout(graph, depth);
}

/**
 * The graph with every node placed left to right by data flow (inputs left of the layers they feed, chains in a
 * straight row, no two nodes overlapping). Nodes, params and edges are otherwise unchanged; the input is not modified.
 */
export function layoutGraph(graph: Graph): Graph {
  if (graph.nodes.length === 0) return { ...graph, nodes: [], edges: [...graph.edges] };
  const positions = positionsFor(graph);
  return {
    ...graph,
    nodes: graph.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? { x: 0, y: 0 } })),
    edges: [...graph.edges],
  };
}
