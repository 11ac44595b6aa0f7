import { describe, expect, it } from 'vitest';
import { checkNodeName, renameInGraph, renameInWeights } from '../../../src/core/editing/index.ts';
import { connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { ProjectWeights } from '../../../src/core/project/types.ts';

/** x → hidden → out, hidden → side (a hand-named edge), hidden → out2 (an imported edge id), x → sum(0), hidden → sum(1) */
const graph: Graph = {
  nodes: [
    createNode('x', 'Input', { shape: [4] }),
    createNode('hidden', 'Dense', { units: 4 }),
    createNode('out', 'Dense', { units: 1 }),
    createNode('side', 'Dense', { units: 1 }),
    createNode('out2', 'Dense', { units: 1 }),
    createNode('sum', 'Add'),
  ],
  edges: [
    connect('x', 'hidden'),
    connect('hidden', 'out'),
    { id: 'my wire', source: 'hidden', target: 'side', inputIndex: 0 },
    { id: 'hidden->out2:0', source: 'hidden', target: 'out2', inputIndex: 0 },
    connect('x', 'sum', 0),
    connect('hidden', 'sum', 1),
  ],
};

describe('renameInGraph', () => {
  it('renames the node and re-points every edge, regenerating ids that follow the connect or import scheme', () => {
    const renamed = renameInGraph(graph, 'hidden', 'features');
    expect(renamed.nodes.map((n) => n.id)).toEqual(['x', 'features', 'out', 'side', 'out2', 'sum']);
    expect(renamed.nodes[1]).toEqual({ ...graph.nodes[1], id: 'features' });
    expect(renamed.edges).toEqual([
      { id: 'x->features#0', source: 'x', target: 'features', inputIndex: 0 },
      { id: 'features->out#0', source: 'features', target: 'out', inputIndex: 0 },
      { id: 'my wire', source: 'features', target: 'side', inputIndex: 0 },
      { id: 'features->out2:0', source: 'features', target: 'out2', inputIndex: 0 },
      { id: 'x->sum#0', source: 'x', target: 'sum', inputIndex: 0 },
      { id: 'features->sum#1', source: 'features', target: 'sum', inputIndex: 1 },
    ]);
    // Untouched edges are the same objects; the input graph is unchanged.
    expect(renamed.edges[4]).toBe(graph.edges[4]);
    expect(graph.nodes[1]?.id).toBe('hidden');
    expect(graph.edges[0]?.id).toBe('x->hidden#0');
  });

  it('keeps edge ids unique when the regenerated id is already used', () => {
    const clash: Graph = { nodes: graph.nodes, edges: [...graph.edges, { id: 'x->features#0', source: 'x', target: 'out', inputIndex: 0 }] };
    const renamed = renameInGraph(clash, 'hidden', 'features');
    const ids = renamed.edges.map((e) => e.id);
    expect(ids[0]).toBe('x->features#0_1');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('renames back to where it started', () => {
    expect(renameInGraph(renameInGraph(graph, 'hidden', 'h'), 'h', 'hidden')).toEqual(graph);
  });

  it('does nothing for the same name, an unknown node, or a name another node has', () => {
    expect(renameInGraph(graph, 'hidden', 'hidden')).toBe(graph);
    expect(renameInGraph(graph, 'ghost', 'g')).toBe(graph);
    expect(renameInGraph(graph, 'hidden', 'out')).toBe(graph);
    // checkNodeName is what tells the user why.
    expect(checkNodeName(graph, 'hidden', 'out')).toMatchObject({ ok: false });
  });
});

describe('renameInWeights', () => {
  const weights: ProjectWeights = {
    layers: {
      hidden: [{ name: 'kernel', shape: [4, 4], values: Array.from({ length: 16 }, (_, i) => i) }],
      out: [{ name: 'kernel', shape: [4, 1], values: [1, 2, 3, 4] }],
    },
  };

  it("moves the layer's tensors to its new name, keeping the key order", () => {
    const renamed = renameInWeights(weights, 'hidden', 'features');
    expect(Object.keys(renamed.layers)).toEqual(['features', 'out']);
    expect(renamed.layers.features).toBe(weights.layers.hidden);
    expect(Object.keys(weights.layers)).toEqual(['hidden', 'out']);
  });

  it('leaves weights alone when the layer has none, or there are none', () => {
    expect(renameInWeights(weights, 'x', 'input')).toBe(weights);
    expect(renameInWeights(null, 'x', 'input')).toBeNull();
    expect(renameInWeights(weights, 'hidden', 'hidden')).toBe(weights);
  });

  it('replaces a stale entry under the new name', () => {
    const renamed = renameInWeights(weights, 'hidden', 'out');
    expect(Object.keys(renamed.layers)).toEqual(['out']);
    expect(renamed.layers.out).toBe(weights.layers.hidden);
  });

  it('treats odd node ids as ordinary keys', () => {
    const odd = JSON.parse('{"layers":{"toString":[],"__proto__":[{"name":"alpha","shape":[1],"values":[0.5]}]}}') as ProjectWeights;
    const renamed = renameInWeights(odd, '__proto__', 'p');
    expect(Object.keys(renamed.layers)).toEqual(['toString', 'p']);
    expect(renamed.layers.p?.[0]?.name).toBe('alpha');
    const back = renameInWeights(renamed, 'p', '__proto__');
    expect(Object.hasOwn(back.layers, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(back.layers)).toBe(Object.prototype);
    expect(renameInWeights(odd, 'constructor', 'c')).toBe(odd);
  });
});
