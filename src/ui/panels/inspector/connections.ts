/**
 * The inspector's Connections section as pure data: one "Input … comes from" row per input slot, the layers a node
 * feeds, and the choices of a row. For keyboard and screen-reader users, who cannot drag wires.
 */
import type { GraphEdge, GraphNode } from '../../../core/graph/types.ts';
import { LAYER_REGISTRY } from '../../../core/layers/index.ts';
import type { EditorStore } from '../../../state/editor/editorStore.ts';
import type { Outcome } from '../../../state/editor/editing.ts';
import { connectLayers, deleteElements, reconnectEdge } from '../../../state/editor/editing.ts';
import { inputSlotCount } from '../../../core/editing/index.ts';

export interface InputRow {
  /** Stable React key: slot and position among that slot's connections. */
  key: string;
  slot: number;
  /** The select's label (its accessible name): "Input comes from", "Input 2 comes from". */
  label: string;
  /** The connection shown, or null for a free slot. */
  edge: GraphEdge | null;
}

/**
 * One row per input slot; a slot with several connections (possible only in a file, and reported by validation)
 * gets a row for each, so every one can be moved or removed.
 */
export function inputRows(node: Pick<GraphNode, 'id' | 'kind'>, edges: readonly GraphEdge[]): InputRow[] {
  const incoming = edges.filter((e) => e.target === node.id);
  const slots = inputSlotCount(node, incoming);
  const merge = LAYER_REGISTRY[node.kind].inputs.max > 1;
  const rows: InputRow[] = [];
  for (let slot = 0; slot < slots; slot += 1) {
    const here = incoming.filter((e) => e.inputIndex === slot);
    const base = merge ? `Input ${slot + 1} comes from` : 'Input comes from';
    if (here.length === 0) rows.push({ key: `${slot}:0`, slot, label: base, edge: null });
    here.forEach((edge, k) => {
      rows.push({ key: `${slot}:${k}`, slot, label: k === 0 ? base : `${base} (extra connection ${k})`, edge });
    });
  }
  // Connections into slots the node does not have (only in a broken file) are listed too, so they can be removed.
  for (const edge of incoming) {
    if (edge.inputIndex >= slots) {
      rows.push({ key: `x:${edge.id}`, slot: edge.inputIndex, label: `Input ${edge.inputIndex + 1} (not an input of ${node.kind}) comes from`, edge });
    }
  }
  return rows;
}

export const NO_SOURCE = '';
export const NO_SOURCE_TEXT = '— none —';

export interface SourceOption {
  value: string;
  text: string;
}

/** "— none —", then every other layer, in the project's order: "hidden — Dense". */
export function sourceOptions(nodes: readonly Pick<GraphNode, 'id' | 'kind'>[], targetId: string): SourceOption[] {
  return [
    { value: NO_SOURCE, text: NO_SOURCE_TEXT },
    ...nodes.filter((n) => n.id !== targetId).map((n) => ({ value: n.id, text: `${n.id} — ${n.kind}` })),
  ];
}

export interface Feed {
  target: string;
  /** "concat (input 2)" for a merge layer's second input, else the name. */
  text: string;
}

/** The layers `id` feeds, in the project's edge order. */
export function feedsOf(id: string, nodes: readonly Pick<GraphNode, 'id' | 'kind'>[], edges: readonly GraphEdge[]): Feed[] {
  const kinds = new Map(nodes.map((n) => [n.id, n.kind]));
  return edges
    .filter((e) => e.source === id)
    .map((e) => {
      const kind = kinds.get(e.target);
      const merge = kind !== undefined && LAYER_REGISTRY[kind].inputs.max > 1;
      return { target: e.target, text: merge ? `${e.target} (input ${e.inputIndex + 1})` : e.target };
    });
}

/** What the Connections section says when a layer has no inputs to choose. */
export const NO_INPUTS_TEXT = 'An Input layer has no inputs: the data enters the network here.';

/** What it says when a layer feeds nothing. */
export function feedsNothingText(isOutput: boolean): string {
  return isOutput ? 'Feeds no other layer: its values are an output of the network.' : 'Feeds no other layer yet.';
}

/**
 * The student chose `source` ("" for none) in `row` of layer `nodeId`: connect a free slot, move the slot's
 * connection to the new source (one undo step), or remove it. A refusal changes nothing and says why.
 */
export function applySourceChoice(store: EditorStore, nodeId: string, row: Pick<InputRow, 'slot' | 'edge'>, source: string): Outcome {
  if (row.edge === null) return source === NO_SOURCE ? { ok: true } : connectLayers(store, source, nodeId, row.slot);
  if (source === NO_SOURCE) {
    deleteElements(store, [], [row.edge.id]);
    return { ok: true };
  }
  return reconnectEdge(store, row.edge.id, source, nodeId, row.slot);
}
