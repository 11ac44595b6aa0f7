/**
 * React Flow's node and edge arrays derived from the project (flowElements.ts): node objects reused while nothing
 * about them changed (so React Flow re-processes only what changed), input handles for merge layers, and handle ids
 * that map to input slots and back.
 */
import { describe, expect, it } from 'vitest';
import { connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph, GraphEdge } from '../../../src/core/graph/types.ts';
import { LAYER_REGISTRY } from '../../../src/core/layers/index.ts';
import { createProject } from '../../../src/core/project/index.ts';
import { applyCommand } from '../../../src/state/editor/commands.ts';
import { FlowNodeCache, flowEdges, slotOf } from '../../../src/ui/canvas/flowElements.ts';
import type { Size } from '../../../src/ui/canvas/flowElements.ts';

/** x → a → cat(0), x → b → cat(1) → out */
const graph: Graph = {
  nodes: [
    createNode('x', 'Input', { shape: [2] }, { x: 0, y: 0 }),
    createNode('a', 'Dense', { units: 3 }, { x: 300, y: -60 }),
    createNode('b', 'Dense', { units: 5 }, { x: 300, y: 60 }),
    createNode('cat', 'Concatenate', {}, { x: 600, y: 0 }),
    createNode('out', 'Dense', { units: 1, activation: 'sigmoid' }, { x: 900, y: 0 }),
  ],
  edges: [connect('x', 'a'), connect('x', 'b'), connect('a', 'cat', 0), connect('b', 'cat', 1), connect('cat', 'out')],
};
const project = createProject('Merge', graph);
const NONE: ReadonlySet<string> = new Set();
const NO_SIZES: ReadonlyMap<string, Size> = new Map();

const byId = <T extends { id: string }>(list: readonly T[], id: string): T => {
  const found = list.find((n) => n.id === id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
};

describe('FlowNodeCache', () => {
  it('gives the same node objects for an unchanged graph, selection and sizes', () => {
    const cache = new FlowNodeCache();
    const sizes = new Map([['a', { width: 200, height: 80 }]]);
    const first = cache.build(graph.nodes, graph.edges, NONE, sizes);
    const second = cache.build(graph.nodes, graph.edges, new Set(), new Map(sizes));
    expect(second).toHaveLength(first.length);
    second.forEach((node, i) => expect(node).toBe(first[i]));
  });

  it('an edit of one layer gives a new object for that layer only', () => {
    const cache = new FlowNodeCache();
    const first = cache.build(graph.nodes, graph.edges, NONE, NO_SIZES);
    const edited = applyCommand(project, { type: 'setParam', nodeId: 'b', param: 'units', value: 7 }).graph;
    const second = cache.build(edited.nodes, edited.edges, NONE, NO_SIZES);
    for (const node of second) {
      if (node.id === 'b') {
        expect(node).not.toBe(byId(first, 'b'));
        expect(node.data.node).toBe(byId(edited.nodes, 'b'));
      } else expect(node).toBe(byId(first, node.id));
    }
  });

  it('moving a layer gives it a new object at its new position', () => {
    const cache = new FlowNodeCache();
    const first = cache.build(graph.nodes, graph.edges, NONE, NO_SIZES);
    const moved = applyCommand(project, { type: 'moveNodes', positions: { out: { x: 950, y: 40 } } }).graph;
    const second = cache.build(moved.nodes, moved.edges, NONE, NO_SIZES);
    expect(byId(second, 'out')).not.toBe(byId(first, 'out'));
    expect(byId(second, 'out').position).toEqual({ x: 950, y: 40 });
    expect(byId(second, 'a')).toBe(byId(first, 'a'));
  });

  it('selecting a layer gives it a new object marked selected; the others stay', () => {
    const cache = new FlowNodeCache();
    const first = cache.build(graph.nodes, graph.edges, NONE, NO_SIZES);
    const second = cache.build(graph.nodes, graph.edges, new Set(['a']), NO_SIZES);
    expect(byId(second, 'a')).not.toBe(byId(first, 'a'));
    expect(byId(second, 'a').selected).toBe(true);
    expect(byId(first, 'a').selected).toBe(false);
    expect(byId(second, 'b')).toBe(byId(first, 'b'));
    const third = cache.build(graph.nodes, graph.edges, NONE, NO_SIZES);
    expect(byId(third, 'a').selected).toBe(false);
  });

  it('a new input wire into a merge layer (one more slot) gives it a new object; the layer itself is unchanged', () => {
    const cache = new FlowNodeCache();
    const withExtra: Graph = { nodes: [...graph.nodes, createNode('c', 'Dense', { units: 2 }, { x: 300, y: 180 })], edges: graph.edges };
    const first = cache.build(withExtra.nodes, withExtra.edges, NONE, NO_SIZES);
    const wired = [...withExtra.edges, connect('c', 'cat', 2)];
    const second = cache.build(withExtra.nodes, wired, NONE, NO_SIZES);
    expect(byId(second, 'cat')).not.toBe(byId(first, 'cat'));
    expect(byId(second, 'cat').data.inputSlots).toBe(byId(first, 'cat').data.inputSlots + 1);
    expect(byId(second, 'out')).toBe(byId(first, 'out'));
  });

  it('a new measured size gives a new object carrying it; the same size object keeps it', () => {
    const cache = new FlowNodeCache();
    const size = { width: 210, height: 90 };
    const first = cache.build(graph.nodes, graph.edges, NONE, new Map([['out', size]]));
    expect(byId(first, 'out').measured).toEqual(size);
    const same = cache.build(graph.nodes, graph.edges, NONE, new Map([['out', size]]));
    expect(byId(same, 'out')).toBe(byId(first, 'out'));
    const grown = cache.build(graph.nodes, graph.edges, NONE, new Map([['out', { width: 210, height: 120 }]]));
    expect(byId(grown, 'out')).not.toBe(byId(first, 'out'));
    expect(byId(grown, 'out').measured).toEqual({ width: 210, height: 120 });
  });

  it('a deleted layer is forgotten: added back, it gets a fresh object', () => {
    const cache = new FlowNodeCache();
    const first = cache.build(graph.nodes, graph.edges, NONE, NO_SIZES);
    cache.build(graph.nodes.filter((n) => n.id !== 'out'), graph.edges, NONE, NO_SIZES);
    const back = cache.build(graph.nodes, graph.edges, NONE, NO_SIZES);
    expect(back.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    expect(byId(back, 'a')).toBe(byId(first, 'a'));
    expect(byId(back, 'out')).not.toBe(byId(first, 'out'));
    expect(byId(back, 'out')).toEqual(byId(first, 'out'));
  });

  it('each node carries its id, type, position and a readable label', () => {
    const nodes = new FlowNodeCache().build(graph.nodes, graph.edges, NONE, NO_SIZES);
    for (const node of nodes) {
      const source = byId(graph.nodes, node.id);
      expect(node.type).toBe('layer');
      expect(node.position).toEqual(source.position);
      expect(node.data.node).toBe(source);
      expect(node.ariaLabel).toContain(node.id);
    }
  });
});

describe('input handles', () => {
  const slots = (edges: readonly GraphEdge[], id: string): number =>
    byId(new FlowNodeCache().build(graph.nodes, edges, NONE, NO_SIZES), id).data.inputSlots;
  const { min, max } = LAYER_REGISTRY.Concatenate.inputs;

  it('an Input has none, a one-input layer has one', () => {
    expect(slots(graph.edges, 'x')).toBe(0);
    expect(slots(graph.edges, 'a')).toBe(1);
    expect(slots([], 'out')).toBe(1);
  });

  it('a merge layer has its used slots plus one free slot, at least its minimum and at most its maximum', () => {
    expect(slots(graph.edges, 'cat')).toBe(2 + 1); // slots 0 and 1 used
    expect(slots(graph.edges.filter((e) => e.target !== 'cat'), 'cat')).toBe(min);
    expect(slots([connect('a', 'cat', 0)], 'cat')).toBe(Math.max(min, 1 + 1));
    // A gap (slot 4 used, 0..3 free) still offers every slot up to the highest used, plus one.
    expect(slots([connect('a', 'cat', 4)], 'cat')).toBe(4 + 2);
    const full = Array.from({ length: max }, (_, i) => connect('a', 'cat', i));
    expect(slots(full, 'cat')).toBe(max);
  });
});

describe('flowEdges and slotOf', () => {
  it('each wire goes from the source’s "out" handle to the target’s in-<inputIndex> handle', () => {
    const edges = flowEdges(graph.edges, new Set(['a->cat#0']));
    expect(edges.map((e) => [e.id, e.source, e.sourceHandle, e.target, e.targetHandle])).toEqual(
      graph.edges.map((e) => [e.id, e.source, 'out', e.target, `in-${e.inputIndex}`]),
    );
    expect(edges.filter((e) => e.selected).map((e) => e.id)).toEqual(['a->cat#0']);
    for (const e of edges) expect(e.ariaLabel).toContain(e.source);
  });

  it('slotOf reads the input slot back from a handle id', () => {
    for (const e of flowEdges(graph.edges, NONE)) expect(slotOf(e.targetHandle)).toBe(byId(graph.edges, e.id).inputIndex);
    expect(slotOf('in-0')).toBe(0);
    expect(slotOf('in-15')).toBe(15);
  });

  it('slotOf is null for anything that is not an input handle', () => {
    for (const handle of ['out', 'in-', 'in-x', 'in--1', 'in-1.5', ' in-1', 'in-1 ', 'IN-1', '', null, undefined]) {
      expect(slotOf(handle)).toBeNull();
    }
  });
});
