import { describe, expect, it } from 'vitest';
import { copySubgraph, pasteSubgraph, removeFromGraph, uniqueEdgeId } from '../../../src/core/editing/index.ts';
import { connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { NODE_ID_PATTERN } from '../../../src/core/graph/types.ts';
import { inferShapes } from '../../../src/core/shapes/inferShapes.ts';

/** x → a → sum(0), x → b → sum(1) → out */
const graph: Graph = {
  nodes: [
    createNode('x', 'Input', { shape: [2] }, { x: 0, y: 0 }),
    createNode('a', 'Dense', { units: 2 }, { x: 200, y: -50 }),
    createNode('b', 'LeakyReLU', {}, { x: 200, y: 50 }),
    createNode('sum', 'Add', {}, { x: 400, y: 0 }),
    createNode('out', 'Dense', { units: 1 }, { x: 600, y: 0 }),
  ],
  edges: [connect('x', 'a'), connect('x', 'b'), connect('a', 'sum', 0), connect('b', 'sum', 1), connect('sum', 'out')],
};

describe('copySubgraph', () => {
  it('takes the chosen nodes and only the edges inside them, in graph order', () => {
    const clip = copySubgraph(graph, ['sum', 'a', 'b', 'nope']);
    expect(clip.nodes.map((n) => n.id)).toEqual(['a', 'b', 'sum']);
    expect(clip.edges.map((e) => e.id)).toEqual(['a->sum#0', 'b->sum#1']);
  });

  it('copies data, so changing the clip leaves the graph alone', () => {
    const clip = copySubgraph(graph, ['a']);
    const node = clip.nodes[0];
    if (node === undefined) throw new Error('no node');
    node.position.x = 9999;
    expect(graph.nodes[1]?.position.x).toBe(200);
  });

  it('survives a trip through JSON (the clipboard)', () => {
    const clip = copySubgraph(graph, ['x', 'a']);
    expect(JSON.parse(JSON.stringify(clip))).toEqual(clip);
  });
});

describe('pasteSubgraph', () => {
  it('gives fresh Keras-style ids by kind, re-points edges and offsets positions', () => {
    const clip = copySubgraph(graph, ['a', 'b', 'sum']);
    const pasted = pasteSubgraph(graph, clip, { x: 30, y: 40 });
    expect(pasted.nodes.map((n) => [n.id, n.kind, n.position])).toEqual([
      ['dense', 'Dense', { x: 230, y: -10 }],
      ['leaky_re_lu', 'LeakyReLU', { x: 230, y: 90 }],
      ['add', 'Add', { x: 430, y: 40 }],
    ]);
    expect(pasted.edges).toEqual([
      { id: 'dense->add#0', source: 'dense', target: 'add', inputIndex: 0 },
      { id: 'leaky_re_lu->add#1', source: 'leaky_re_lu', target: 'add', inputIndex: 1 },
    ]);
    expect([...pasted.idMap]).toEqual([
      ['a', 'dense'],
      ['b', 'leaky_re_lu'],
      ['sum', 'add'],
    ]);
    expect(pasted.nodes[0]?.params).toEqual(graph.nodes[1]?.params);
  });

  it('pasting the same clip twice gives ids that overlap neither the graph nor the first paste', () => {
    const clip = copySubgraph(graph, ['x', 'a', 'b', 'sum', 'out']);
    const first = pasteSubgraph(graph, clip, { x: 0, y: 300 });
    const once: Graph = { nodes: [...graph.nodes, ...first.nodes], edges: [...graph.edges, ...first.edges] };
    const second = pasteSubgraph(once, clip, { x: 0, y: 600 });
    const twice: Graph = { nodes: [...once.nodes, ...second.nodes], edges: [...once.edges, ...second.edges] };
    expect(first.nodes.map((n) => n.id)).toEqual(['input_layer', 'dense', 'leaky_re_lu', 'add', 'dense_1']);
    expect(second.nodes.map((n) => n.id)).toEqual(['input_layer_1', 'dense_2', 'leaky_re_lu_1', 'add_1', 'dense_3']);
    const nodeIds = twice.nodes.map((n) => n.id);
    const edgeIds = twice.edges.map((e) => e.id);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
    for (const id of nodeIds) expect(NODE_ID_PATTERN.test(id)).toBe(true);
    // The copies are whole, working networks of their own.
    expect(inferShapes(twice).ok).toBe(true);
    expect(inferShapes(twice).outputs).toEqual(['out', 'dense_1', 'dense_3']);
  });

  it('drops clip edges whose ends were not copied, and makes clashing edge ids unique', () => {
    const clip = {
      nodes: [createNode('p', 'Dense'), createNode('q', 'Dense')],
      edges: [connect('p', 'q'), connect('p', 'elsewhere')],
    };
    const crowded: Graph = { nodes: graph.nodes, edges: [...graph.edges, { id: 'dense->dense_1#0', source: 'x', target: 'a', inputIndex: 0 }] };
    const pasted = pasteSubgraph(crowded, clip, { x: 0, y: 0 });
    expect(pasted.edges).toEqual([{ id: 'dense->dense_1#0_1', source: 'dense', target: 'dense_1', inputIndex: 0 }]);
  });

  it('pastes an empty clip as nothing', () => {
    expect(pasteSubgraph(graph, { nodes: [], edges: [] }, { x: 1, y: 1 })).toEqual({ nodes: [], edges: [], idMap: new Map() });
  });
});

describe('uniqueEdgeId', () => {
  it("uses connect's scheme, with a suffix when taken", () => {
    expect(uniqueEdgeId(graph, 'x', 'out', 0)).toBe('x->out#0');
    expect(uniqueEdgeId(graph, 'x', 'a', 0)).toBe('x->a#0_1');
    expect(uniqueEdgeId(new Set(['x->a#0', 'x->a#0_1']), 'x', 'a', 0)).toBe('x->a#0_2');
  });
});

describe('removeFromGraph', () => {
  it('removes nodes with every edge touching them, and the given edges', () => {
    const left = removeFromGraph(graph, { nodeIds: ['sum'], edgeIds: ['x->a#0', 'no-such-edge'] });
    expect(left.nodes.map((n) => n.id)).toEqual(['x', 'a', 'b', 'out']);
    expect(left.edges.map((e) => e.id)).toEqual(['x->b#0']);
    expect(graph.edges).toHaveLength(5);
  });

  it('removes nothing when given nothing', () => {
    expect(removeFromGraph(graph, {})).toEqual(graph);
    expect(removeFromGraph(graph, { edgeIds: new Set(['sum->out#0']) }).edges).toHaveLength(4);
  });
});
