import { describe, expect, it } from 'vitest';
import { checkConnection, inputSlotCount } from '../../../src/core/editing/index.ts';
import { chainGraph, connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph, GraphEdge } from '../../../src/core/graph/types.ts';
import { createProject } from '../../../src/core/project/index.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';
import {
  NO_INPUTS_TEXT,
  NO_SOURCE,
  applySourceChoice,
  feedsNothingText,
  feedsOf,
  inputRows,
  sourceOptions,
} from '../../../src/ui/panels/inspector/connections.ts';

/** x → hidden → out, and a loose Dense "spare". */
const xor: Graph = {
  ...chainGraph([createNode('x', 'Input', { shape: [2] }), createNode('hidden', 'Dense', { units: 4 }), createNode('out', 'Dense', { units: 1 })]),
};
const withSpare: Graph = { nodes: [...xor.nodes, createNode('spare', 'Dense', { units: 3 })], edges: xor.edges };

/** x → a, x → b; a → concat input 1, b → concat input 2; concat → out. */
const merge: Graph = {
  nodes: [
    createNode('x', 'Input', { shape: [2] }),
    createNode('a', 'Dense', { units: 3 }),
    createNode('b', 'Dense', { units: 5 }),
    createNode('concat', 'Concatenate'),
    createNode('out', 'Dense', { units: 1 }),
  ],
  edges: [connect('x', 'a'), connect('x', 'b'), connect('a', 'concat', 0), connect('b', 'concat', 1), connect('concat', 'out')],
};

const node = (graph: Graph, id: string) => {
  const found = graph.nodes.find((n) => n.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('inputSlotCount: the same slots as the canvas handles', () => {
  it('has none for Input, one for a single-input layer, used + one free (at least 2) for a merge', () => {
    expect(inputSlotCount(node(xor, 'x'), [])).toBe(0);
    expect(inputSlotCount(node(xor, 'hidden'), [])).toBe(1);
    const concat = node(merge, 'concat');
    expect(inputSlotCount(concat, [])).toBe(2);
    expect(inputSlotCount(concat, [connect('a', 'concat', 0)])).toBe(2);
    expect(inputSlotCount(concat, [connect('a', 'concat', 0), connect('b', 'concat', 1)])).toBe(3);
    expect(inputSlotCount(concat, [connect('a', 'concat', 5)])).toBe(7);
    expect(inputSlotCount(concat, [connect('a', 'concat', 15)])).toBe(16);
  });
});

describe('inputRows', () => {
  it('labels the one input of a single-input layer "Input comes from"', () => {
    expect(inputRows(node(xor, 'hidden'), xor.edges)).toEqual([{ key: '0:0', slot: 0, label: 'Input comes from', edge: xor.edges[0] }]);
    expect(inputRows(node(withSpare, 'spare'), withSpare.edges)).toEqual([{ key: '0:0', slot: 0, label: 'Input comes from', edge: null }]);
  });

  it('has no rows for an Input layer', () => {
    expect(inputRows(node(xor, 'x'), xor.edges)).toEqual([]);
    expect(NO_INPUTS_TEXT).toBe('An Input layer has no inputs: the data enters the network here.');
  });

  it('numbers the slots of a merge layer, every used one plus a free one', () => {
    const rows = inputRows(node(merge, 'concat'), merge.edges);
    expect(rows.map((r) => [r.label, r.edge?.source ?? null])).toEqual([
      ['Input 1 comes from', 'a'],
      ['Input 2 comes from', 'b'],
      ['Input 3 comes from', null],
    ]);
  });

  it('lists every connection of an over-full slot (from a file) so each can be moved or removed', () => {
    const edges: GraphEdge[] = [connect('x', 'hidden'), connect('spare', 'hidden'), { id: 'odd', source: 'x', target: 'hidden', inputIndex: 2 }];
    expect(inputRows(node(withSpare, 'hidden'), edges).map((r) => [r.key, r.label, r.edge?.source])).toEqual([
      ['0:0', 'Input comes from', 'x'],
      ['0:1', 'Input comes from (extra connection 1)', 'spare'],
      ['x:odd', 'Input 3 (not an input of Dense) comes from', 'x'],
    ]);
  });
});

describe('sourceOptions and feedsOf', () => {
  it('offers none, then every other layer in project order', () => {
    expect(sourceOptions(withSpare.nodes, 'hidden')).toEqual([
      { value: NO_SOURCE, text: '— none —' },
      { value: 'x', text: 'x — Input' },
      { value: 'out', text: 'out — Dense' },
      { value: 'spare', text: 'spare — Dense' },
    ]);
  });

  it('lists the layers a layer feeds, with the input number of a merge', () => {
    expect(feedsOf('x', merge.nodes, merge.edges)).toEqual([
      { target: 'a', text: 'a' },
      { target: 'b', text: 'b' },
    ]);
    expect(feedsOf('b', merge.nodes, merge.edges)).toEqual([{ target: 'concat', text: 'concat (input 2)' }]);
    expect(feedsOf('out', merge.nodes, merge.edges)).toEqual([]);
    expect(feedsNothingText(true)).toBe('Feeds no other layer: its values are an output of the network.');
    expect(feedsNothingText(false)).toBe('Feeds no other layer yet.');
  });
});

describe('applySourceChoice', () => {
  const store = (graph: Graph) => createEditorStore(createProject('t', graph));
  const edgesOf = (s: ReturnType<typeof store>) => s.getState().project.graph.edges.map((e) => `${e.source}->${e.target}#${e.inputIndex}`);

  it('connects a free slot', () => {
    const s = store(withSpare);
    const row = inputRows(node(withSpare, 'spare'), withSpare.edges)[0];
    if (row === undefined) throw new Error('no row');
    expect(applySourceChoice(s, 'spare', row, 'hidden')).toEqual({ ok: true });
    expect(edgesOf(s)).toContain('hidden->spare#0');
  });

  it('moves a connection to another source as one undo step', () => {
    const s = store(withSpare);
    const row = inputRows(node(withSpare, 'out'), withSpare.edges)[0];
    if (row === undefined) throw new Error('no row');
    expect(applySourceChoice(s, 'out', row, 'spare')).toEqual({ ok: true });
    expect(edgesOf(s)).toEqual(['x->hidden#0', 'spare->out#0']);
    s.getState().undo();
    expect(edgesOf(s)).toEqual(['x->hidden#0', 'hidden->out#0']);
  });

  it('removes the connection for "— none —", and does nothing for none on a free slot', () => {
    const s = store(withSpare);
    const rows = inputRows(node(withSpare, 'out'), withSpare.edges);
    expect(applySourceChoice(s, 'out', rows[0] ?? { slot: 0, edge: null }, NO_SOURCE)).toEqual({ ok: true });
    expect(edgesOf(s)).toEqual(['x->hidden#0']);
    const revision = s.getState().revision;
    expect(applySourceChoice(s, 'spare', { slot: 0, edge: null }, NO_SOURCE)).toEqual({ ok: true });
    expect(s.getState().revision).toBe(revision);
  });

  it("refuses a loop with the core's reason and changes nothing", () => {
    const s = store(withSpare);
    const row = inputRows(node(withSpare, 'hidden'), withSpare.edges)[0];
    if (row === undefined) throw new Error('no row');
    const expected = checkConnection({ nodes: withSpare.nodes, edges: [withSpare.edges[1] as GraphEdge] }, { source: 'out', target: 'hidden', inputIndex: 0 });
    expect(expected.ok).toBe(false);
    const outcome = applySourceChoice(s, 'hidden', row, 'out');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok && !expected.ok) expect(outcome.reason).toBe(expected.reason);
    expect(edgesOf(s)).toEqual(['x->hidden#0', 'hidden->out#0']);
  });

  it('refuses a connection into a taken slot of a single-input layer', () => {
    const s = store(withSpare);
    const outcome = applySourceChoice(s, 'hidden', { slot: 0, edge: null }, 'spare');
    const expected = checkConnection(withSpare, { source: 'spare', target: 'hidden', inputIndex: 0 });
    expect(outcome.ok).toBe(false);
    expect(expected.ok).toBe(false);
    if (!outcome.ok && !expected.ok) expect(outcome.reason).toBe(expected.reason);
    expect(edgesOf(s)).toEqual(['x->hidden#0', 'hidden->out#0']);
  });
});
