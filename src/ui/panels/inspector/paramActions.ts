/** What a parameter control does to the project, without React (tested in Node). */
import type { ParamValue } from '../../../core/layers/index.ts';
import type { EditorStore } from '../../../state/editor/editorStore.ts';
import { setLayerParam } from '../../../state/editor/editing.ts';
import { paramEquals } from './fieldText.ts';

/**
 * Sets parameter `name` of layer `nodeId` to `value` unless it already has that value (so "8" → "8.0" adds no undo
 * step). Consecutive calls for one field are one undo step until the editor is sealed. False when nothing changed.
 */
export function applyParam(store: EditorStore, nodeId: string, name: string, value: ParamValue): boolean {
  const node = store.getState().project.graph.nodes.find((n) => n.id === nodeId);
  if (node === undefined) return false;
  const current = (node.params as unknown as Readonly<Record<string, ParamValue>>)[name];
  if (paramEquals(current, value)) return false;
  setLayerParam(store, nodeId, name, value);
  return true;
}
