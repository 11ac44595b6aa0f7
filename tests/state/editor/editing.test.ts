/**
 * What the palette, canvas, inspector and keyboard ask the editor to do (editing.ts), each checked the way a student
 * meets it: what appears on the canvas, how many Undo presses take it back, and the reason shown when it is refused.
 */
import { describe, expect, it } from 'vitest';
import { checkConnection, checkNodeName } from '../../../src/core/editing/index.ts';
import { connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { NODE_ID_PATTERN } from '../../../src/core/graph/types.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { createProject, RESERVED_KEYS } from '../../../src/core/project/index.ts';
import {
  addLayer,
  autoLayout,
  connectLayers,
  copySelection,
  deleteElements,
  deleteSelection,
  duplicateSelection,
  pasteClip,
  reconnectEdge,
  renameLayer,
} from '../../../src/state/editor/editing.ts';
import type { EditorStore } from '../../../src/state/editor/editorStore.ts';
import { trainedXor, xorProject } from '../persistence/helpers.ts';
import { nodeOf, storeOf, undoDepth, undoLabel, withSpare } from './helpers.ts';

const ids = (store: EditorStore): string[] => store.getState().project.graph.nodes.map((n) => n.id);
const wires = (store: EditorStore): [string, string, number][] =>
  store.getState().project.graph.edges.map((e) => [e.source, e.target, e.inputIndex]);

/** Asserts the store did not change at all (project, history, selection, revision). */
function unchanged(store: EditorStore, run: () => void): void {
  const state = store.getState();
  run();
  expect(store.getState().project).toBe(state.project);
  expect(store.getState().history).toBe(state.history);
  expect(store.getState().revision).toBe(state.revision);
}

describe('addLayer', () => {
  it('names new layers as Keras does (dense, dense_1, input_layer …), places and selects them', () => {
    const store = storeOf(createProject('Empty', { nodes: [], edges: [] }));
    expect(addLayer(store, 'Dense', { x: 10.4, y: 20.6 })).toBe('dense');
    expect(store.getState().selection).toEqual({ nodes: ['dense'], edges: [] });
    expect(nodeOf(store.getState().project, 'dense').position).toEqual({ x: 10, y: 21 });
    expect(addLayer(store, 'Dense', { x: 0, y: 100 })).toBe('dense_1');
    expect(addLayer(store, 'Input', { x: 0, y: 200 })).toBe('input_layer');
    expect(addLayer(store, 'BatchNormalization', { x: 0, y: 300 })).toBe('batch_normalization');
    expect(addLayer(store, 'Dense', { x: 0, y: 400 })).toBe('dense_2');
    expect(ids(store)).toEqual(['dense', 'dense_1', 'input_layer', 'batch_normalization', 'dense_2']);
    for (const id of ids(store)) expect(id).toMatch(NODE_ID_PATTERN);
    expect(undoDepth(store)).toBe(5);
    expect(undoLabel(store)).toBe('add Dense dense_2');
  });

  it('with `after`, connects the new layer to it; node and wire are one undo step', () => {
    const store = storeOf(xorProject());
    const before = store.getState().project;
    const id = addLayer(store, 'Dense', { x: 900, y: 0 }, 'out');
    expect(wires(store)).toContainEqual(['out', id, 0]);
    expect(store.getState().nodeStatus.get(id)?.shape).not.toBeNull();
    expect(undoDepth(store)).toBe(1);
    store.getState().undo();
    expect(store.getState().project).toBe(before);
  });

  it('when the connection is refused (an Input after a layer, a layer that is gone), the layer is added unconnected', () => {
    const store = storeOf(xorProject());
    const edges = store.getState().project.graph.edges;
    const inputId = addLayer(store, 'Input', { x: 0, y: 300 }, 'out');
    expect(ids(store)).toContain(inputId);
    const graph = store.getState().project.graph;
    expect(checkConnection(graph, { source: 'out', target: inputId, inputIndex: 0 }).ok).toBe(false);
    const ghost = addLayer(store, 'Dense', { x: 0, y: 500 }, 'no_such_layer');
    expect(ids(store)).toContain(ghost);
    expect(store.getState().project.graph.edges).toEqual(edges);
  });
});

describe('connectLayers', () => {
  const refusals: [string, string, string, number][] = [
    ['a loop', 'out', 'hidden', 0],
    ['a layer into itself', 'hidden', 'hidden', 0],
    ['into an Input', 'hidden', 'x', 0],
    ['a second input into a one-input layer', 'x', 'out', 0],
    ['an input slot the layer does not have', 'x', 'spare', 1],
    ['a layer that does not exist', 'x', 'ghost', 0],
    ['a wire that is already there', 'x', 'hidden', 0],
  ];
  for (const [what, source, target, slot] of refusals) {
    it(`refuses ${what} with core's reason and changes nothing`, () => {
      const store = storeOf(withSpare(xorProject()));
      const check = checkConnection(store.getState().project.graph, { source, target, inputIndex: slot });
      if (check.ok) throw new Error('core allows it');
      unchanged(store, () => {
        expect(connectLayers(store, source, target, slot)).toEqual({ ok: false, reason: check.reason });
      });
      expect(check.reason.length).toBeGreaterThan(20);
    });
  }

  it('connects an allowed wire as one step, into the slot asked for', () => {
    const store = storeOf(withSpare(xorProject()));
    expect(connectLayers(store, 'x', 'spare', 0)).toEqual({ ok: true });
    expect(wires(store)).toContainEqual(['x', 'spare', 0]);
    expect(undoLabel(store)).toBe('connect x to spare');
    expect(store.getState().nodeStatus.get('spare')?.shape).toBe('(None, 3)');
  });

  it('connects two branches into the slots of a merge layer', () => {
    const graph: Graph = {
      nodes: [
        createNode('x', 'Input', { shape: [2] }, { x: 0, y: 0 }),
        createNode('a', 'Dense', { units: 3 }, { x: 300, y: -60 }),
        createNode('b', 'Dense', { units: 5 }, { x: 300, y: 60 }),
        createNode('cat', 'Concatenate', {}, { x: 600, y: 0 }),
      ],
      edges: [connect('x', 'a'), connect('x', 'b')],
    };
    const store = storeOf(createProject('Merge', graph));
    expect(connectLayers(store, 'a', 'cat', 0)).toEqual({ ok: true });
    expect(connectLayers(store, 'b', 'cat', 1)).toEqual({ ok: true });
    expect(store.getState().nodeStatus.get('cat')?.shape).toBe('(None, 8)');
    const taken = connectLayers(store, 'x', 'cat', 1);
    expect(taken.ok).toBe(false);
  });
});

describe('reconnectEdge', () => {
  it('moves a wire to a new source as one step; undo puts it back', () => {
    const store = storeOf(withSpare(xorProject()));
    const before = store.getState().project;
    expect(reconnectEdge(store, 'e2', 'spare', 'out', 0)).toEqual({ ok: true });
    expect(wires(store)).toEqual([
      ['x', 'hidden', 0],
      ['spare', 'out', 0],
    ]);
    expect(undoDepth(store)).toBe(1);
    expect(undoLabel(store)).toBe('reconnect to out');
    store.getState().undo();
    expect(store.getState().project).toBe(before);
  });

  it('dropping a wire back where it was is no step at all', () => {
    const store = storeOf(xorProject());
    unchanged(store, () => expect(reconnectEdge(store, 'e2', 'hidden', 'out', 0)).toEqual({ ok: true }));
  });

  it('moving the wire into its own target slot is allowed (it is not a duplicate of itself)', () => {
    const store = storeOf(withSpare(xorProject()));
    // e1 goes x → hidden: moving its source to spare must not be refused because hidden already has e1 as input.
    expect(reconnectEdge(store, 'e1', 'spare', 'hidden', 0)).toEqual({ ok: true });
    expect(wires(store)).toContainEqual(['spare', 'hidden', 0]);
  });

  it('refuses a move that would make a loop, with core reason, and keeps the old wire', () => {
    const store = storeOf(xorProject());
    const graph = store.getState().project.graph;
    // e1 (x → hidden) moved to come from out: out → hidden → out is a loop.
    const check = checkConnection(graph, { source: 'out', target: 'hidden', inputIndex: 0 }, { replacing: 'e1' });
    if (check.ok) throw new Error('core allows it');
    unchanged(store, () => expect(reconnectEdge(store, 'e1', 'out', 'hidden', 0)).toEqual({ ok: false, reason: check.reason }));
    expect(wires(store)).toEqual([
      ['x', 'hidden', 0],
      ['hidden', 'out', 0],
    ]);
  });

  it('a wire that is gone is refused with a reason', () => {
    const store = storeOf(xorProject());
    unchanged(store, () => {
      const outcome = reconnectEdge(store, 'gone', 'x', 'out', 0);
      expect(outcome.ok).toBe(false);
    });
  });
});

describe('renameLayer', () => {
  const bad: [string, string][] = [
    ['a reserved word', RESERVED_KEYS[0] ?? '__proto__'],
    ['another reserved word', 'constructor'],
    ["another layer's name", 'out'],
    ['an empty name', '   '],
    ['a name with a slash', 'a/b'],
    ['a name starting with a digit', '1st'],
  ];
  for (const [what, name] of bad) {
    it(`refuses ${what} with core's reason and changes nothing`, () => {
      const store = storeOf(trainedXor());
      const check = checkNodeName(store.getState().project.graph, 'hidden', name);
      if (check.ok) throw new Error('core allows it');
      unchanged(store, () => expect(renameLayer(store, 'hidden', name)).toEqual({ ok: false, reason: check.reason }));
    });
  }

  it('renames the node, its wires, the selection and its trained weights, in one step', () => {
    const store = storeOf(trainedXor());
    const before = store.getState().project;
    const tensors = before.weights?.layers.hidden;
    const hiddenStatus = store.getState().nodeStatus.get('hidden');
    store.getState().select({ nodes: ['x', 'hidden'], edges: [] });
    expect(renameLayer(store, 'hidden', '  features ')).toEqual({ ok: true });
    const after = store.getState().project;
    expect(ids(store)).toEqual(['x', 'features', 'out']);
    expect(wires(store)).toEqual([
      ['x', 'features', 0],
      ['features', 'out', 0],
    ]);
    expect(store.getState().selection.nodes).toEqual(['x', 'features']);
    expect(after.weights?.layers.features).toBe(tensors);
    expect(Object.keys(after.weights?.layers ?? {})).toEqual(['features', 'out']);
    expect(store.getState().nodeStatus.get('features')).toEqual(hiddenStatus);
    expect(store.getState().nodeStatus.has('hidden')).toBe(false);
    expect(undoLabel(store)).toBe('rename hidden to features');
    store.getState().undo();
    expect(store.getState().project).toBe(before);
  });

  it('keeping the same name is fine and records nothing', () => {
    const store = storeOf(xorProject());
    unchanged(store, () => expect(renameLayer(store, 'hidden', 'hidden')).toEqual({ ok: true }));
  });
});

describe('copy, paste, duplicate', () => {
  const project = (): LayerLabProject => withSpare(xorProject());

  it('copying with nothing selected gives nothing', () => {
    expect(copySelection(storeOf(project()))).toBeNull();
  });

  it('pastes fresh layers and wires, shifted further on each paste, and selects what was pasted', () => {
    const store = storeOf(project());
    store.getState().select({ nodes: ['hidden', 'out'], edges: [] });
    const clip = copySelection(store);
    if (clip === null) throw new Error('nothing copied');
    expect(clip.edges.map((e) => [e.source, e.target])).toEqual([['hidden', 'out']]);
    const original = store.getState().project;
    const offsets: number[] = [];
    for (let times = 1; times <= 3; times += 1) {
      const before = new Set(ids(store));
      pasteClip(store, clip, times);
      const state = store.getState();
      const fresh = state.project.graph.nodes.filter((n) => !before.has(n.id));
      expect(fresh.map((n) => n.kind)).toEqual(['Dense', 'Dense']);
      for (const n of fresh) expect(n.id).toMatch(NODE_ID_PATTERN);
      expect(state.selection.nodes).toEqual(fresh.map((n) => n.id));
      const [h, o] = fresh;
      if (h === undefined || o === undefined) throw new Error('not pasted');
      const newEdges = state.project.graph.edges.filter((e) => e.source === h.id);
      expect(newEdges.map((e) => [e.source, e.target])).toEqual([[h.id, o.id]]);
      expect(state.selection.edges).toEqual(newEdges.map((e) => e.id));
      const src = nodeOf(original, 'hidden').position;
      expect(h.position.x - src.x).toBe(h.position.y - src.y);
      offsets.push(h.position.x - src.x);
      expect(h.params).toEqual(nodeOf(original, 'hidden').params);
    }
    expect(offsets[0]).toBeGreaterThan(0);
    expect(offsets[1]).toBeGreaterThan(offsets[0] ?? Infinity);
    expect(offsets[2]).toBeGreaterThan(offsets[1] ?? Infinity);
    expect(new Set(ids(store)).size).toBe(ids(store).length);
    expect(undoDepth(store)).toBe(3);
    expect(undoLabel(store)).toBe(`paste 2 layers`);
  });

  it('duplicate copies the selection next to it as one step, selected', () => {
    const store = storeOf(project());
    store.getState().select({ nodes: ['spare'], edges: [] });
    const before = store.getState().project;
    duplicateSelection(store);
    const copy = store.getState().selection.nodes[0] ?? '';
    expect(copy).not.toBe('spare');
    expect(nodeOf(store.getState().project, copy).params).toEqual(nodeOf(before, 'spare').params);
    expect(nodeOf(store.getState().project, copy).position).not.toEqual(nodeOf(before, 'spare').position);
    expect(undoLabel(store)).toBe(`duplicate ${copy}`);
    store.getState().undo();
    expect(store.getState().project).toBe(before);
  });

  it('a pasted clip survives the clipboard (JSON) and pasting into another project', () => {
    const source = storeOf(project());
    source.getState().select({ nodes: ['hidden'], edges: [] });
    const clip = JSON.parse(JSON.stringify(copySelection(source))) as ReturnType<typeof copySelection>;
    if (clip === null) throw new Error('nothing copied');
    const target = storeOf(project());
    pasteClip(target, clip);
    expect(ids(target)).toHaveLength(5);
  });
});

describe('delete', () => {
  it('deleteSelection removes the selected layers, their wires and the selected wires, as one step', () => {
    const store = storeOf(withSpare(trainedXor()));
    const before = store.getState().project;
    store.getState().select({ nodes: ['out'], edges: ['e1'] });
    expect(deleteSelection(store)).toBe(true);
    expect(ids(store)).toEqual(['x', 'hidden', 'spare']);
    expect(store.getState().project.graph.edges).toEqual([]);
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
    expect(Object.keys(store.getState().project.weights?.layers ?? {})).toEqual(['hidden']);
    expect(undoDepth(store)).toBe(1);
    store.getState().undo();
    expect(store.getState().project).toBe(before);
  });

  it('deleteSelection with nothing selected does nothing and says so', () => {
    const store = storeOf(xorProject());
    unchanged(store, () => expect(deleteSelection(store)).toBe(false));
  });

  it('deleteElements with nothing to delete records no step', () => {
    const store = storeOf(xorProject());
    unchanged(store, () => deleteElements(store, [], []));
  });
});

describe('autoLayout', () => {
  /** x → a → cat(0), x → b → cat(1) → out, with every layer piled up right-to-left. */
  const tangled = (): LayerLabProject =>
    createProject('Tangled', {
      nodes: [
        createNode('x', 'Input', { shape: [2] }, { x: 900, y: 0 }),
        createNode('a', 'Dense', { units: 3 }, { x: 600, y: 300 }),
        createNode('b', 'Dense', { units: 5 }, { x: 600, y: -200 }),
        createNode('cat', 'Concatenate', {}, { x: 300, y: 0 }),
        createNode('out', 'Dense', { units: 1 }, { x: 0, y: 0 }),
      ],
      edges: [connect('x', 'a'), connect('x', 'b'), connect('a', 'cat', 0), connect('b', 'cat', 1), connect('cat', 'out')],
    });

  it('lays the network out so every wire points right, as one undoable step', async () => {
    const store = storeOf(tangled());
    const before = store.getState().project;
    const validation = store.getState().validation;
    await autoLayout(store);
    const graph = store.getState().project.graph;
    const at = new Map(graph.nodes.map((n) => [n.id, n.position]));
    for (const e of graph.edges) expect(at.get(e.source)?.x ?? Infinity).toBeLessThan(at.get(e.target)?.x ?? -Infinity);
    expect(graph.edges).toBe(before.graph.edges);
    expect(store.getState().validation).toBe(validation);
    expect(undoDepth(store)).toBe(1);
    expect(undoLabel(store)).toBe('tidy up the layout');
    store.getState().undo();
    expect(store.getState().project).toBe(before);
  });
});
