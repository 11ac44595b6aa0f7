/**
 * What the canvas, palette, inspector and keyboard ask the editor to do, in words of the user ("add a Dense here",
 * "paste"), each turned into one command and dispatched as one undoable step. Refusals come back as a reason to show.
 */
import { checkConnection, checkNodeName, copySubgraph, nextNodeId, pasteSubgraph, uniqueEdgeId } from '../../core/editing/index.ts';
import type { Clip } from '../../core/editing/index.ts';
import { createNode } from '../../core/graph/build.ts';
import type { GraphEdge, Position } from '../../core/graph/types.ts';
import type { LayerKind, ParamValue } from '../../core/layers/index.ts';
import type { EditorStore } from './editorStore.ts';

export type Outcome = { ok: true } | { ok: false; reason: string };

const OK: Outcome = { ok: true };

/**
 * Adds a layer of `kind` with Keras's defaults at `position` (its top-left corner) and selects it; with `after`, also
 * connects that layer's output to the new one (one undo step for both). Returns the new layer's id.
 */
export function addLayer(store: EditorStore, kind: LayerKind, position: Position, after: string | null = null): string {
  const state = store.getState();
  const graph = state.project.graph;
  const id = nextNodeId(graph, kind);
  const node = createNode(id, kind, {}, { x: Math.round(position.x), y: Math.round(position.y) });
  const edges: GraphEdge[] = [];
  if (after !== null) {
    const withNode = { nodes: [...graph.nodes, node], edges: graph.edges };
    if (checkConnection(withNode, { source: after, target: id, inputIndex: 0 }).ok) {
      edges.push({ id: uniqueEdgeId(withNode, after, id, 0), source: after, target: id, inputIndex: 0 });
    }
  }
  state.dispatch(
    { type: 'addNodes', nodes: [node], edges, label: `add ${kind} ${id}` },
    { select: { nodes: [id], edges: [] } },
  );
  return id;
}

export function deleteSelection(store: EditorStore): boolean {
  const state = store.getState();
  const { nodes, edges } = state.selection;
  if (nodes.length === 0 && edges.length === 0) return false;
  state.dispatch({ type: 'remove', nodeIds: [...nodes], edgeIds: [...edges] }, { select: { nodes: [], edges: [] } });
  return true;
}

export function deleteElements(store: EditorStore, nodeIds: readonly string[], edgeIds: readonly string[]): void {
  if (nodeIds.length === 0 && edgeIds.length === 0) return;
  store.getState().dispatch({ type: 'remove', nodeIds: [...nodeIds], edgeIds: [...edgeIds] });
}

/** The selected layers and the connections between them, or null when nothing is selected. */
export function copySelection(store: EditorStore): Clip | null {
  const state = store.getState();
  if (state.selection.nodes.length === 0) return null;
  return copySubgraph(state.project.graph, state.selection.nodes);
}

const PASTE_OFFSET = 40;

/** Pastes a copy of `clip` (fresh names, shifted so it does not hide the original) and selects it. */
export function pasteClip(store: EditorStore, clip: Clip, times = 1, label = 'paste'): void {
  const state = store.getState();
  const offset = { x: PASTE_OFFSET * times, y: PASTE_OFFSET * times };
  const { nodes, edges } = pasteSubgraph(state.project.graph, clip, offset);
  if (nodes.length === 0) return;
  state.dispatch(
    { type: 'addNodes', nodes, edges, label: `${label} ${nodes.length === 1 ? (nodes[0]?.id ?? '') : `${nodes.length} layers`}` },
    { select: { nodes: nodes.map((n) => n.id), edges: edges.map((e) => e.id) } },
  );
}

export function duplicateSelection(store: EditorStore): void {
  const clip = copySelection(store);
  if (clip !== null) pasteClip(store, clip, 1, 'duplicate');
}

/** Connects `source`'s output to input `inputIndex` of `target`, or says why not. */
export function connectLayers(store: EditorStore, source: string, target: string, inputIndex: number): Outcome {
  const state = store.getState();
  const graph = state.project.graph;
  const check = checkConnection(graph, { source, target, inputIndex });
  if (!check.ok) return { ok: false, reason: check.reason };
  const edge: GraphEdge = { id: uniqueEdgeId(graph, source, target, inputIndex), source, target, inputIndex };
  state.dispatch({ type: 'connect', edge });
  return OK;
}

/** Moves an existing connection to a new source/target/input slot, or says why not (the old one is kept then). */
export function reconnectEdge(store: EditorStore, edgeId: string, source: string, target: string, inputIndex: number): Outcome {
  const state = store.getState();
  const graph = state.project.graph;
  const old = graph.edges.find((e) => e.id === edgeId);
  if (old === undefined) return { ok: false, reason: 'That connection no longer exists.' };
  if (old.source === source && old.target === target && old.inputIndex === inputIndex) return OK;
  const check = checkConnection(graph, { source, target, inputIndex }, { replacing: edgeId });
  if (!check.ok) return { ok: false, reason: check.reason };
  const others = new Set(graph.edges.filter((e) => e.id !== edgeId).map((e) => e.id));
  const edge: GraphEdge = { id: uniqueEdgeId(others, source, target, inputIndex), source, target, inputIndex };
  state.dispatch({ type: 'reconnect', edgeId, edge });
  return OK;
}

/** Renames a node (its Keras layer name), or says why the name cannot be used. */
export function renameLayer(store: EditorStore, from: string, name: string): Outcome {
  const state = store.getState();
  const check = checkNodeName(state.project.graph, from, name);
  if (!check.ok) return check;
  if (check.name === from) return OK;
  const selected = state.selection.nodes.map((id) => (id === from ? check.name : id));
  state.dispatch({ type: 'renameNode', from, to: check.name }, { select: { nodes: selected, edges: [] } });
  return OK;
}

/** Sets one parameter; consecutive keystrokes in the same field are one undo step. */
export function setLayerParam(store: EditorStore, nodeId: string, param: string, value: ParamValue): void {
  store.getState().dispatch({ type: 'setParam', nodeId, param, value }, { mergeKey: `param:${nodeId}:${param}` });
}

export function renameProject(store: EditorStore, name: string): void {
  store.getState().dispatch({ type: 'renameProject', name }, { mergeKey: 'project-name' });
}

/** Lays the whole network out left to right (dagre, loaded on first use), as one undoable step. */
export async function autoLayout(store: EditorStore): Promise<void> {
  const { layoutGraph } = await import('../../core/graph/layout.ts');
  const state = store.getState();
  const laid = layoutGraph(state.project.graph);
  const positions: Record<string, Position> = {};
  for (const node of laid.nodes) positions[node.id] = node.position;
  state.dispatch({ type: 'layout', positions });
}
