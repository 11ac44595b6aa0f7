/** Small builders shared by the editor-store tests: real projects, a real store, nothing mocked. */
import { createNode } from '../../../src/core/graph/build.ts';
import type { GraphNode } from '../../../src/core/graph/types.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { commandLabel } from '../../../src/state/editor/commands.ts';
import type { EditorStore } from '../../../src/state/editor/editorStore.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';

/** The project with one more node (not connected to anything). */
export function withNode(project: LayerLabProject, node: GraphNode): LayerLabProject {
  return { ...project, graph: { nodes: [...project.graph.nodes, node], edges: project.graph.edges } };
}

/** x → hidden → out (the XOR example) plus a loose Dense "spare" below hidden. */
export function withSpare(project: LayerLabProject): LayerLabProject {
  return withNode(project, createNode('spare', 'Dense', { units: 3 }, { x: 300, y: 200 }));
}

export const storeOf = (project: LayerLabProject): EditorStore => createEditorStore(project);

export function nodeOf(project: LayerLabProject, id: string): GraphNode {
  const node = project.graph.nodes.find((n) => n.id === id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
}

/** The words the Undo button shows after "Undo: ", or null when there is nothing to undo. */
export function undoLabel(store: EditorStore): string | null {
  const step = store.getState().history.past.at(-1);
  return step === undefined ? null : commandLabel(step.command);
}

export function redoLabel(store: EditorStore): string | null {
  const step = store.getState().history.future.at(-1);
  return step === undefined ? null : commandLabel(step.command);
}

export const undoDepth = (store: EditorStore): number => store.getState().history.past.length;

/** Calls `undo` until there is nothing left to undo; returns how many steps that took. */
export function undoAll(store: EditorStore): number {
  let n = 0;
  while (store.getState().history.past.length > 0) {
    store.getState().undo();
    n += 1;
  }
  return n;
}
