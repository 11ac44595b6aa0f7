/**
 * What each node card shows about itself (shape, parameters, problems, "blocked"), derived from validation, and
 * reused when nothing about the node changed so that only the cards whose status changed re-render.
 */
import { describe, expect, it } from 'vitest';
import { connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { formatShape } from '../../../src/core/layers/index.ts';
import type { Problem } from '../../../src/core/problems/index.ts';
import { createProject } from '../../../src/core/project/index.ts';
import { deleteElements, setLayerParam } from '../../../src/state/editor/editing.ts';
import type { EditorStore } from '../../../src/state/editor/editorStore.ts';
import { deriveNodeStatus } from '../../../src/state/editor/nodeStatus.ts';
import { validateDoc } from '../../../src/state/editor/validateDoc.ts';
import { xorProject } from '../persistence/helpers.ts';
import { storeOf } from './helpers.ts';

const involves = (p: Problem, id: string): boolean => p.nodeId === id || (p.nodeIds ?? []).includes(id);

function status(store: EditorStore, id: string) {
  const s = store.getState().nodeStatus.get(id);
  if (s === undefined) throw new Error(`no status for ${id}`);
  return s;
}

describe('node status in the editor store', () => {
  it('a healthy network: every node has its shape and parameter count as core computes them, and no problems', () => {
    const store = storeOf(xorProject());
    const { validation } = store.getState();
    for (const node of store.getState().project.graph.nodes) {
      const info = validation.nodes.get(node.id);
      if (info?.status !== 'ok') throw new Error(`${node.id} not ok`);
      expect(status(store, node.id)).toEqual({ shape: formatShape(info.shape), params: info.params, severity: null, problems: [], blocked: null });
    }
    expect(status(store, 'hidden').shape).toBe('(None, 4)');
  });

  it('a node with an error carries that problem and the severity "error"; its shape is unknown', () => {
    const store = storeOf(xorProject());
    setLayerParam(store, 'hidden', 'units', 0);
    const hidden = status(store, 'hidden');
    const own = store.getState().problems.filter((p) => involves(p, 'hidden'));
    expect(own.length).toBeGreaterThan(0);
    expect(hidden.problems).toEqual(own);
    expect(hidden.severity).toBe('error');
    expect(hidden.shape).toBeNull();
    expect(hidden.params).toBeNull();
    expect(hidden.blocked).toBeNull();
  });

  it('a node after a broken one is "blocked" with core\'s message and shows no problem of its own', () => {
    const store = storeOf(xorProject());
    setLayerParam(store, 'hidden', 'units', 0);
    const info = store.getState().validation.nodes.get('out');
    if (info?.status !== 'blocked') throw new Error(`out is ${info?.status ?? 'missing'}`);
    const out = status(store, 'out');
    expect(out.blocked).toBe(info.message);
    expect(out.blocked).toContain('hidden');
    expect(out).toMatchObject({ shape: null, params: null, severity: null, problems: [] });
  });

  it('a node with only warnings has the severity "warning"', () => {
    const store = storeOf(xorProject());
    deleteElements(store, [], ['e1']);
    const x = status(store, 'x');
    expect(x.severity).toBe('warning');
    expect(x.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(x.shape).not.toBeNull();
  });

  it('every node of a loop carries the loop problem', () => {
    const graph: Graph = {
      nodes: [createNode('x', 'Input', { shape: [2] }), createNode('b', 'Dense', { units: 2 }), createNode('c', 'Dense', { units: 2 })],
      edges: [connect('x', 'b'), connect('c', 'b'), connect('b', 'c')],
    };
    const store = storeOf(createProject('Loop', graph));
    const loop = store.getState().problems.find((p) => (p.nodeIds ?? []).length > 1);
    if (loop === undefined) throw new Error('no loop problem');
    for (const id of loop.nodeIds ?? []) {
      expect(status(store, id).problems).toContain(loop);
      expect(status(store, id).severity).toBe('error');
    }
  });

  it('fixing the problem clears it from the card', () => {
    const store = storeOf(xorProject());
    setLayerParam(store, 'hidden', 'units', 0);
    setLayerParam(store, 'hidden', 'units', 6);
    expect(status(store, 'hidden')).toMatchObject({ severity: null, problems: [], shape: '(None, 6)', params: 2 * 6 + 6 });
    expect(status(store, 'out').blocked).toBeNull();
  });
});

describe('deriveNodeStatus', () => {
  it('reuses every previous object when nothing changed, and replaces only what changed', () => {
    const project = xorProject();
    const ids = project.graph.nodes.map((n) => n.id);
    const { validation, problems } = validateDoc(project);
    const first = deriveNodeStatus(ids, validation, problems, new Map());
    const again = validateDoc(project); // new objects, same content
    const second = deriveNodeStatus(ids, again.validation, again.problems, first);
    for (const id of ids) expect(second.get(id)).toBe(first.get(id));

    const hidden = project.graph.nodes.find((n) => n.id === 'hidden');
    if (hidden?.kind !== 'Dense') throw new Error('no hidden');
    const edited = { ...project, graph: { ...project.graph, nodes: project.graph.nodes.map((n) => (n === hidden ? { ...hidden, params: { ...hidden.params, activation: 'relu' as const } } : n)) } };
    const third = validateDoc(edited);
    const after = deriveNodeStatus(ids, third.validation, third.problems, second);
    // An activation does not change any shape, parameter count or problem: every card keeps its status.
    for (const id of ids) expect(after.get(id)).toBe(first.get(id));
  });

  it('has a status for every node asked for, and none for others', () => {
    const project = xorProject();
    const { validation, problems } = validateDoc(project);
    const map = deriveNodeStatus(['out', 'x'], validation, problems, new Map());
    expect([...map.keys()]).toEqual(['out', 'x']);
  });
});
