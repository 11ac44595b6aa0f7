/** layoutGraph: a tidy left-to-right layout, on hand-made graphs and on random valid graphs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainGraph, connect, createNode } from '../../../src/core/graph/build.ts';
import { LAYOUT, layoutGraph } from '../../../src/core/graph/layout.ts';
import type { Graph, GraphNode } from '../../../src/core/graph/types.ts';
import { arbitraryValidGraph } from '../../support/randomGraph.ts';

const W = LAYOUT.nodeWidth;
const H = LAYOUT.nodeHeight;

function positionOf(graph: Graph, id: string): { x: number; y: number } {
  const node = graph.nodes.find((n) => n.id === id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node.position;
}

/** Every rule a tidy layout keeps; returns the broken ones (empty when all hold). */
function layoutFaults(graph: Graph): string[] {
  const faults: string[] = [];
  for (const node of graph.nodes) {
    const { x, y } = node.position;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0) faults.push(`${node.id} at (${x}, ${y})`);
  }
  if (graph.nodes.length > 0) {
    if (Math.min(...graph.nodes.map((n) => n.position.x)) !== 0) faults.push('the leftmost node is not at x = 0');
    if (Math.min(...graph.nodes.map((n) => n.position.y)) !== 0) faults.push('the topmost node is not at y = 0');
  }
  for (const edge of graph.edges) {
    const source = positionOf(graph, edge.source);
    const target = positionOf(graph, edge.target);
    if (source.x + W >= target.x) faults.push(`${edge.source} is not left of ${edge.target}`);
  }
  const nodes = graph.nodes;
  for (let i = 0; i < nodes.length; i += 1) {
    for (let j = i + 1; j < nodes.length; j += 1) {
      const a = nodes[i]?.position ?? { x: 0, y: 0 };
      const b = nodes[j]?.position ?? { x: 0, y: 0 };
      const apart = a.x + W <= b.x || b.x + W <= a.x || a.y + H <= b.y || b.y + H <= a.y;
      if (!apart) faults.push(`${nodes[i]?.id ?? ''} overlaps ${nodes[j]?.id ?? ''}`);
    }
  }
  return faults;
}

function chainOf(length: number): Graph {
  const nodes: GraphNode[] = [createNode('x', 'Input', { shape: [2] })];
  for (let i = 1; i < length; i += 1) nodes.push(createNode(`d${i}`, 'Dense', { units: 2 }));
  return chainGraph(nodes);
}

describe('layoutGraph', () => {
  const graphs = fc.sample(arbitraryValidGraph(), { numRuns: 300, seed: 20240611 });

  it('places inputs left of their consumers, without overlaps, on whole pixels, for 300 random graphs', () => {
    const faults = graphs.flatMap((graph, i) => layoutFaults(layoutGraph(graph)).map((f) => `graph ${i}: ${f}`));
    expect(faults).toEqual([]);
  });

  it('is deterministic and pure: the same graph gives the same positions, and the input is left alone', () => {
    for (const graph of graphs.slice(0, 60)) {
      const before = JSON.stringify(graph);
      const once = layoutGraph(graph);
      expect(JSON.stringify(graph)).toBe(before);
      expect(layoutGraph(JSON.parse(before) as Graph)).toEqual(once);
      // Old positions play no part.
      const moved = { ...graph, nodes: graph.nodes.map((n, i) => ({ ...n, position: { x: 7 * i, y: -3 * i } })) };
      expect(layoutGraph(moved)).toEqual(once);
      // Only positions change.
      expect(once.edges).toEqual(graph.edges);
      expect(once.nodes.map((n) => ({ ...n, position: null }))).toEqual(graph.nodes.map((n) => ({ ...n, position: null })));
    }
  });

  it('lays a chain out as one straight row, evenly spaced', () => {
    for (const length of [2, 3, 10, 40]) {
      const laid = layoutGraph(chainOf(length));
      expect(laid.nodes.map((n) => n.position)).toEqual(laid.nodes.map((_, i) => ({ x: i * (W + LAYOUT.rankGap), y: 0 })));
    }
  });

  it('keeps very deep or large graphs (beyond dagre) tidy with the layered fallback, quickly', () => {
    const started = Date.now();
    const deep = layoutGraph(chainOf(2000));
    expect(deep.nodes.map((n) => n.position.y)).toEqual(deep.nodes.map(() => 0));
    expect(deep.nodes[1999]?.position).toEqual({ x: 1999 * (W + LAYOUT.rankGap), y: 0 });
    expect(layoutFaults(deep)).toEqual([]);
    // A wide, branching graph over the dagre size limit.
    const nodes: GraphNode[] = [createNode('x', 'Input', { shape: [2] })];
    const edges = [];
    for (let i = 1; i <= LAYOUT.maxDagreNodes + 50; i += 1) {
      nodes.push(createNode(`n${i}`, 'Dense', { units: 2 }));
      edges.push(connect(i <= 20 ? 'x' : `n${i - 20}`, `n${i}`));
    }
    const wide = layoutGraph({ nodes, edges });
    expect(layoutFaults(wide)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("stacks a merge's inputs top to bottom in inputIndex order", () => {
    const nodes = [
      createNode('x', 'Input', { shape: [2] }),
      createNode('a', 'Dense', { units: 2 }),
      createNode('b', 'Dense', { units: 2 }),
      createNode('c', 'Dense', { units: 2 }),
      createNode('cat', 'Concatenate'),
    ];
    for (const order of [['a', 'b', 'c'], ['c', 'a', 'b'], ['b', 'c', 'a']]) {
      const edges = [connect('x', 'a'), connect('x', 'b'), connect('x', 'c'), ...order.map((id, i) => connect(id, 'cat', i))];
      const laid = layoutGraph({ nodes, edges });
      const ys = order.map((id) => positionOf(laid, id).y);
      expect(ys).toEqual([...ys].sort((p, q) => p - q));
      expect(layoutFaults(laid)).toEqual([]);
    }
  });

  it('handles the degenerate cases: empty graph, lone nodes, a cycle, edges to missing nodes', () => {
    expect(layoutGraph({ nodes: [], edges: [] })).toEqual({ nodes: [], edges: [] });
    const lone = layoutGraph({ nodes: [createNode('a', 'Input'), createNode('b', 'Input')], edges: [] });
    expect(layoutFaults(lone)).toEqual([]);
    const cyclic: Graph = {
      nodes: [createNode('x', 'Input'), createNode('a', 'Dense'), createNode('b', 'Dense')],
      edges: [connect('x', 'a'), connect('a', 'b'), connect('b', 'a', 1)],
    };
    const laid = layoutGraph(cyclic);
    expect(laid.nodes.every((n) => Number.isInteger(n.position.x) && Number.isInteger(n.position.y))).toBe(true);
    const broken: Graph = { nodes: [createNode('x', 'Input'), createNode('a', 'Dense')], edges: [connect('x', 'a'), connect('ghost', 'a', 1)] };
    const fixed = layoutGraph(broken);
    expect(fixed.nodes.map((n) => n.id)).toEqual(['x', 'a']);
    expect(positionOf(fixed, 'x').x).toBeLessThan(positionOf(fixed, 'a').x);
  });
});
