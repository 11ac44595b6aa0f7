/**
 * The editor store as the canvas, inspector and toolbar use it: every command through `dispatch`, undo and redo that
 * give back exactly the projects they recorded, the labels the Undo button shows, merged keystrokes, drags as one
 * step, the selection kept in step with the graph, `revision` for autosave, and validation recomputed only when the
 * network can have changed.
 */
import { describe, expect, it } from 'vitest';
import { connect, createNode } from '../../../src/core/graph/build.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { createProject } from '../../../src/core/project/index.ts';
import type { EditCommand, ReplaceReason } from '../../../src/state/editor/commands.ts';
import { applyCommand, commandLabel } from '../../../src/state/editor/commands.ts';
import { addLayer, renameProject, setLayerParam } from '../../../src/state/editor/editing.ts';
import type { EditorState } from '../../../src/state/editor/editorStore.ts';
import { HISTORY_LIMIT } from '../../../src/state/editor/history.ts';
import { trainedXor, xorProject } from '../persistence/helpers.ts';
import { nodeOf, redoLabel, storeOf, undoAll, undoDepth, undoLabel, withSpare } from './helpers.ts';

const base = (): LayerLabProject => withSpare(trainedXor());

const otherProject = (): LayerLabProject =>
  createProject('Other', { nodes: [createNode('inp', 'Input', { shape: [3] }, { x: 0, y: 0 })], edges: [] });

interface Case {
  name: string;
  command: EditCommand;
  label: string;
  /** What the student would see changed. */
  check(before: LayerLabProject, after: LayerLabProject): void;
}

const REPLACE_LABELS: Record<ReplaceReason, string> = {
  new: 'new project',
  open: 'open project',
  preset: 'open preset',
  import: 'import model',
  share: 'open shared link',
};

const CASES: Case[] = [
  {
    name: 'add a layer with its connection',
    command: { type: 'addNodes', nodes: [createNode('extra', 'Dense', { units: 2 }, { x: 900, y: 0 })], edges: [connect('out', 'extra')], label: 'add Dense extra' },
    label: 'add Dense extra',
    check: (_b, a) => {
      expect(nodeOf(a, 'extra').kind).toBe('Dense');
      expect(a.graph.edges.some((e) => e.source === 'out' && e.target === 'extra')).toBe(true);
    },
  },
  {
    name: 'delete one layer',
    command: { type: 'remove', nodeIds: ['spare'], edgeIds: [] },
    label: 'delete spare',
    check: (b, a) => {
      expect(a.graph.nodes.map((n) => n.id)).toEqual(b.graph.nodes.map((n) => n.id).filter((id) => id !== 'spare'));
    },
  },
  {
    name: 'delete two layers (and the wires into them)',
    command: { type: 'remove', nodeIds: ['out', 'spare'], edgeIds: [] },
    label: 'delete 2 layers',
    check: (_b, a) => {
      expect(a.graph.nodes.map((n) => n.id)).toEqual(['x', 'hidden']);
      expect(a.graph.edges.map((e) => e.id)).toEqual(['e1']);
    },
  },
  {
    name: 'delete one connection',
    command: { type: 'remove', nodeIds: [], edgeIds: ['e2'] },
    label: 'delete 1 connection',
    check: (b, a) => {
      expect(a.graph.edges.map((e) => e.id)).toEqual(['e1']);
      a.graph.nodes.forEach((n, i) => expect(n).toBe(b.graph.nodes[i]));
    },
  },
  {
    name: 'delete two connections',
    command: { type: 'remove', nodeIds: [], edgeIds: ['e1', 'e2'] },
    label: 'delete 2 connections',
    check: (_b, a) => expect(a.graph.edges).toEqual([]),
  },
  {
    name: 'move one layer',
    command: { type: 'moveNodes', positions: { hidden: { x: 310, y: 25 } } },
    label: 'move hidden',
    check: (_b, a) => expect(nodeOf(a, 'hidden').position).toEqual({ x: 310, y: 25 }),
  },
  {
    name: 'move two layers',
    command: { type: 'moveNodes', positions: { hidden: { x: 310, y: 25 }, out: { x: 640, y: -10 } } },
    label: 'move 2 layers',
    check: (_b, a) => {
      expect(nodeOf(a, 'hidden').position).toEqual({ x: 310, y: 25 });
      expect(nodeOf(a, 'out').position).toEqual({ x: 640, y: -10 });
    },
  },
  {
    name: 'set a parameter',
    command: { type: 'setParam', nodeId: 'hidden', param: 'units', value: 8 },
    label: 'set hidden units',
    check: (_b, a) => expect(nodeOf(a, 'hidden').params).toMatchObject({ units: 8 }),
  },
  {
    name: 'rename a layer',
    command: { type: 'renameNode', from: 'hidden', to: 'h' },
    label: 'rename hidden to h',
    check: (_b, a) => {
      expect(a.graph.nodes.map((n) => n.id)).toEqual(['x', 'h', 'out', 'spare']);
      expect(a.graph.edges.map((e) => [e.source, e.target])).toEqual([
        ['x', 'h'],
        ['h', 'out'],
      ]);
    },
  },
  {
    name: 'connect two layers',
    command: { type: 'connect', edge: connect('x', 'spare') },
    label: 'connect x to spare',
    check: (b, a) => expect(a.graph.edges).toEqual([...b.graph.edges, connect('x', 'spare')]),
  },
  {
    name: 'reconnect a wire',
    command: { type: 'reconnect', edgeId: 'e2', edge: connect('spare', 'out') },
    label: 'reconnect to out',
    check: (_b, a) => expect(a.graph.edges.map((e) => [e.source, e.target])).toEqual([
      ['x', 'hidden'],
      ['spare', 'out'],
    ]),
  },
  {
    name: 'rename the project',
    command: { type: 'renameProject', name: 'My XOR' },
    label: 'rename the project',
    check: (_b, a) => expect(a.name).toBe('My XOR'),
  },
  {
    name: 'tidy up the layout',
    command: { type: 'layout', positions: { x: { x: 0, y: 50 }, hidden: { x: 300, y: 50 }, out: { x: 600, y: 50 }, spare: { x: 300, y: 200 } } },
    label: 'tidy up the layout',
    check: (_b, a) => expect(a.graph.nodes.map((n) => n.position.y)).toEqual([50, 50, 50, 200]),
  },
  {
    name: 'reset the weights',
    command: { type: 'resetWeights' },
    label: 'reset the weights',
    check: (b, a) => {
      expect(b.weights).not.toBeNull();
      expect(a.weights).toBeNull();
    },
  },
  ...(Object.keys(REPLACE_LABELS) as ReplaceReason[]).map(
    (reason): Case => ({
      name: `replace the project (${reason})`,
      command: { type: 'replaceProject', project: otherProject(), reason },
      label: REPLACE_LABELS[reason],
      check: (_b, a) => expect(a.name).toBe('Other'),
    }),
  ),
];

describe('every edit command through dispatch', () => {
  for (const c of CASES) {
    it(`${c.name}: one step labelled "${c.label}", undo and redo give back the exact projects`, () => {
      const store = storeOf(base());
      const before = store.getState().project;
      const snapshot = structuredClone(before);
      store.getState().dispatch(c.command);
      const after = store.getState().project;
      expect(after).not.toBe(before);
      c.check(before, after);
      expect(before).toEqual(snapshot); // the project before the edit was not modified
      expect(undoDepth(store)).toBe(1);
      expect(undoLabel(store)).toBe(c.label);
      expect(commandLabel(c.command)).toBe(c.label);

      store.getState().undo();
      expect(store.getState().project).toBe(before);
      expect(undoDepth(store)).toBe(0);
      expect(redoLabel(store)).toBe(c.label);

      store.getState().redo();
      expect(store.getState().project).toBe(after);
      expect(undoLabel(store)).toBe(c.label);
      expect(redoLabel(store)).toBeNull();
    });
  }

  it('an edit keeps every node it did not touch as the same object (the canvas re-renders only what changed)', () => {
    const before = base();
    const after = applyCommand(before, { type: 'setParam', nodeId: 'hidden', param: 'units', value: 8 });
    for (const node of after.graph.nodes) {
      const old = nodeOf(before, node.id);
      if (node.id === 'hidden') expect(node).not.toBe(old);
      else expect(node).toBe(old);
    }
    const moved = applyCommand(before, { type: 'moveNodes', positions: { out: { x: 1, y: 2 } } });
    expect(nodeOf(moved, 'x')).toBe(nodeOf(before, 'x'));
    expect(moved.graph.edges).toBe(before.graph.edges);
  });

  it('a new edit after an undo clears the redo list', () => {
    const store = storeOf(base());
    store.getState().dispatch({ type: 'renameProject', name: 'A' });
    store.getState().undo();
    expect(redoLabel(store)).toBe('rename the project');
    store.getState().dispatch({ type: 'moveNodes', positions: { x: { x: 5, y: 5 } } });
    expect(redoLabel(store)).toBeNull();
    const now = store.getState().project;
    store.getState().redo();
    expect(store.getState().project).toBe(now);
  });

  it('undo and redo with nothing to undo or redo change nothing', () => {
    const store = storeOf(base());
    const state = store.getState();
    store.getState().undo();
    store.getState().redo();
    expect(store.getState()).toBe(state);
  });
});

describe('history depth', () => {
  it(`keeps at least 100 undo steps (HISTORY_LIMIT = ${HISTORY_LIMIT}) and drops the oldest beyond it`, () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
    const store = storeOf(xorProject());
    const projects: LayerLabProject[] = [store.getState().project];
    const total = HISTORY_LIMIT + 25;
    for (let i = 1; i <= total; i += 1) {
      store.getState().dispatch({ type: 'moveNodes', positions: { hidden: { x: 300 + i, y: i } } });
      projects.push(store.getState().project);
    }
    expect(undoDepth(store)).toBe(HISTORY_LIMIT);
    // Each undo goes back exactly one edit…
    for (let k = 1; k <= HISTORY_LIMIT; k += 1) {
      store.getState().undo();
      expect(store.getState().project).toBe(projects[total - k]);
    }
    // …and the 25 oldest edits are gone: the project stays where the oldest kept step started.
    expect(nodeOf(store.getState().project, 'hidden').position).toEqual({ x: 325, y: 25 });
    store.getState().undo();
    expect(store.getState().project).toBe(projects[total - HISTORY_LIMIT]);
    // Redo walks all the way forward again.
    for (let k = 0; k < HISTORY_LIMIT; k += 1) store.getState().redo();
    expect(store.getState().project).toBe(projects[total]);
  });
});

describe('merged keystrokes', () => {
  it('typing "1" then "16" into units is one undo step, and undo goes back to the value before typing', () => {
    const store = storeOf(xorProject());
    const before = store.getState().project;
    setLayerParam(store, 'hidden', 'units', 1);
    setLayerParam(store, 'hidden', 'units', 16);
    expect(nodeOf(store.getState().project, 'hidden').params).toMatchObject({ units: 16 });
    expect(undoDepth(store)).toBe(1);
    expect(undoLabel(store)).toBe('set hidden units');
    store.getState().undo();
    expect(store.getState().project).toBe(before);
    store.getState().redo();
    expect(nodeOf(store.getState().project, 'hidden').params).toMatchObject({ units: 16 });
  });

  it('seal() ends the merge: the next keystroke in the same field is a new step', () => {
    const store = storeOf(xorProject());
    setLayerParam(store, 'hidden', 'units', 1);
    setLayerParam(store, 'hidden', 'units', 16);
    const sixteen = store.getState().project;
    store.getState().seal();
    setLayerParam(store, 'hidden', 'units', 160);
    expect(undoDepth(store)).toBe(2);
    store.getState().undo();
    expect(store.getState().project).toBe(sixteen);
  });

  it('typing into another field, or another layer, starts a new step', () => {
    const store = storeOf(xorProject());
    setLayerParam(store, 'hidden', 'units', 8);
    setLayerParam(store, 'hidden', 'activation', 'relu');
    setLayerParam(store, 'out', 'units', 2);
    expect(undoDepth(store)).toBe(3);
  });

  it('typing a project name is one step; renaming it again after seal() is another', () => {
    const store = storeOf(xorProject());
    const before = store.getState().project;
    for (const name of ['M', 'My', 'My n', 'My net']) renameProject(store, name);
    expect(store.getState().project.name).toBe('My net');
    expect(undoDepth(store)).toBe(1);
    store.getState().seal();
    renameProject(store, 'My net 2');
    expect(undoDepth(store)).toBe(2);
    undoAll(store);
    expect(store.getState().project).toBe(before);
  });

  it('setting a parameter to the value it already has adds no step and changes nothing', () => {
    const store = storeOf(xorProject());
    const state = store.getState();
    const units = (nodeOf(state.project, 'hidden').params as { units: number }).units;
    setLayerParam(store, 'hidden', 'units', units);
    setLayerParam(store, 'hidden', 'activation', (nodeOf(state.project, 'hidden').params as { activation: string }).activation);
    expect(store.getState()).toBe(state);
    expect(undoDepth(store)).toBe(0);
  });
});

describe('dragging layers', () => {
  it('a drag of many moves is exactly one step, and its undo puts every layer back', () => {
    const store = storeOf(withSpare(xorProject()));
    const before = store.getState().project;
    store.getState().beginDrag();
    for (let i = 1; i <= 30; i += 1) {
      store.getState().dragTo({ hidden: { x: 300 + i * 3, y: i * 2 }, spare: { x: 300 - i, y: 200 + i } });
    }
    store.getState().endDrag();
    const after = store.getState().project;
    expect(nodeOf(after, 'hidden').position).toEqual({ x: 390, y: 60 });
    expect(nodeOf(after, 'spare').position).toEqual({ x: 270, y: 230 });
    expect(undoDepth(store)).toBe(1);
    expect(undoLabel(store)).toBe('move 2 layers');
    store.getState().undo();
    expect(store.getState().project).toBe(before);
    store.getState().redo();
    expect(store.getState().project).toBe(after);
  });

  it('a drag that ends where it started is not recorded', () => {
    const store = storeOf(xorProject());
    const start = nodeOf(store.getState().project, 'hidden').position;
    store.getState().beginDrag();
    store.getState().dragTo({ hidden: { x: start.x + 40, y: start.y + 40 } });
    store.getState().dragTo({ hidden: { ...start } });
    store.getState().endDrag();
    expect(undoDepth(store)).toBe(0);
    expect(store.getState().dragBefore).toBeNull();
  });

  it('a click without movement (begin, end) is not recorded', () => {
    const store = storeOf(xorProject());
    store.getState().beginDrag();
    store.getState().endDrag();
    expect(undoDepth(store)).toBe(0);
  });

  it('undo and redo are ignored while a drag is under way', () => {
    const store = storeOf(xorProject());
    store.getState().dispatch({ type: 'renameProject', name: 'A' });
    store.getState().dispatch({ type: 'renameProject', name: 'B' });
    store.getState().undo(); // one step to redo
    store.getState().beginDrag();
    store.getState().dragTo({ out: { x: 700, y: 40 } });
    const dragging = store.getState().project;
    const history = store.getState().history;
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().project).toBe(dragging);
    expect(store.getState().history).toBe(history);
    store.getState().endDrag();
    expect(undoLabel(store)).toBe('move out');
    expect(store.getState().project.name).toBe('A');
  });

  it('starting a drag ends a merge of keystrokes', () => {
    const store = storeOf(xorProject());
    setLayerParam(store, 'hidden', 'units', 1);
    store.getState().beginDrag();
    store.getState().dragTo({ out: { x: 650, y: 0 } });
    store.getState().endDrag();
    setLayerParam(store, 'hidden', 'units', 16);
    expect(undoDepth(store)).toBe(3);
  });
});

describe('selection follows the graph', () => {
  it('deleting a selected layer removes it (and its wires) from the selection', () => {
    const store = storeOf(withSpare(xorProject()));
    store.getState().select({ nodes: ['hidden', 'out'], edges: ['e1', 'e2'] });
    store.getState().dispatch({ type: 'remove', nodeIds: ['out'], edgeIds: [] });
    expect(store.getState().selection).toEqual({ nodes: ['hidden'], edges: ['e1'] });
  });

  it('undoing the addition of a selected layer unselects it', () => {
    const store = storeOf(xorProject());
    const id = addLayer(store, 'Dense', { x: 900, y: 0 });
    expect(store.getState().selection.nodes).toEqual([id]);
    store.getState().undo();
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  it('a selection that did not change keeps its identity (no re-render, no autosave)', () => {
    const store = storeOf(xorProject());
    store.getState().select({ nodes: ['hidden'], edges: [] });
    const selection = store.getState().selection;
    store.getState().select({ nodes: ['hidden'], edges: [] });
    expect(store.getState().selection).toBe(selection);
    store.getState().dispatch({ type: 'moveNodes', positions: { out: { x: 1, y: 1 } } });
    expect(store.getState().selection).toBe(selection);
  });
});

describe('revision (what autosave watches)', () => {
  it('goes up on every change of the project: edits, drags, undo, redo, reset', () => {
    const store = storeOf(withSpare(xorProject()));
    const seen: { project: boolean; revisionUp: boolean }[] = [];
    store.subscribe((state: EditorState, previous: EditorState) => {
      seen.push({ project: state.project !== previous.project, revisionUp: state.revision > previous.revision });
    });
    const s = () => store.getState();
    s().dispatch({ type: 'setParam', nodeId: 'hidden', param: 'units', value: 5 });
    s().dispatch({ type: 'moveNodes', positions: { out: { x: 650, y: 10 } } });
    s().dispatch({ type: 'renameProject', name: 'R' });
    s().beginDrag();
    s().dragTo({ spare: { x: 320, y: 220 } });
    s().dragTo({ spare: { x: 340, y: 240 } });
    s().endDrag();
    s().undo();
    s().undo();
    s().redo();
    s().reset(xorProject());
    const changes = seen.filter((e) => e.project);
    expect(changes.length).toBe(9);
    for (const change of changes) expect(change.revisionUp).toBe(true);
  });

  it('does not move when nothing changed', () => {
    const store = storeOf(xorProject());
    const revision = store.getState().revision;
    store.getState().undo();
    store.getState().dispatch({ type: 'resetWeights' }); // no weights to reset
    store.getState().select({ nodes: ['x'], edges: [] });
    expect(store.getState().revision).toBe(revision);
  });
});

describe('validation follows the network', () => {
  it('problems are recomputed after each change of the network, and after undo and redo', () => {
    const store = storeOf(xorProject());
    expect(store.getState().problems).toEqual([]);
    store.getState().dispatch({ type: 'setParam', nodeId: 'hidden', param: 'units', value: 0 });
    const broken = store.getState().problems;
    expect(broken.some((p) => p.severity === 'error' && p.nodeId === 'hidden')).toBe(true);
    expect(store.getState().validation.ok).toBe(false);
    store.getState().undo();
    expect(store.getState().problems).toEqual([]);
    expect(store.getState().validation.ok).toBe(true);
    store.getState().redo();
    expect(store.getState().problems).toEqual(broken);
    store.getState().dispatch({ type: 'remove', nodeIds: [], edgeIds: ['e1'] });
    expect(store.getState().problems.some((p) => p.nodeId === 'x' && p.severity === 'warning')).toBe(true);
  });

  it('moving layers (dispatch, drag, layout, undo of a move) and renaming the project reuse the same validation', () => {
    const store = storeOf(xorProject());
    const { validation, problems, nodeStatus } = store.getState();
    const same = (): void => {
      expect(store.getState().validation).toBe(validation);
      expect(store.getState().problems).toBe(problems);
      expect(store.getState().nodeStatus).toBe(nodeStatus);
    };
    store.getState().dispatch({ type: 'moveNodes', positions: { hidden: { x: 333, y: 44 } } });
    same();
    store.getState().undo();
    same();
    store.getState().redo();
    same();
    store.getState().beginDrag();
    store.getState().dragTo({ out: { x: 700, y: 70 } });
    store.getState().endDrag();
    same();
    store.getState().dispatch({ type: 'layout', positions: { x: { x: 0, y: 0 }, hidden: { x: 300, y: 0 }, out: { x: 600, y: 0 } } });
    same();
    store.getState().dispatch({ type: 'renameProject', name: 'Renamed' });
    same();
  });

  it("an edit on one layer replaces that layer's status and reuses the others' (a card re-renders only when its own status changes)", () => {
    const store = storeOf(withSpare(xorProject()));
    const before = store.getState().nodeStatus;
    store.getState().dispatch({ type: 'setParam', nodeId: 'out', param: 'units', value: 2 });
    const after = store.getState().nodeStatus;
    expect(after.get('x')).toBe(before.get('x'));
    expect(after.get('hidden')).toBe(before.get('hidden'));
    expect(after.get('spare')).toBe(before.get('spare'));
    expect(after.get('out')).not.toBe(before.get('out'));
    expect(after.get('out')?.params).toBe(4 * 2 + 2); // Dense: inputs × units + units
    expect(after.get('out')?.shape).toBe('(None, 2)');
  });

  it('an edit that changes a layer upstream replaces the statuses downstream too', () => {
    const store = storeOf(xorProject());
    const before = store.getState().nodeStatus;
    store.getState().dispatch({ type: 'setParam', nodeId: 'hidden', param: 'units', value: 6 });
    const after = store.getState().nodeStatus;
    expect(after.get('x')).toBe(before.get('x'));
    expect(after.get('hidden')?.params).toBe(2 * 6 + 6);
    expect(after.get('out')?.params).toBe(6 * 1 + 1);
  });
});
