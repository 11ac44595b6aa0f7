import { useEffect } from 'react';
import type { Clip } from '../core/editing/index.ts';
import { copiedLayers } from '../state/appMessages.ts';
import { copySelection, deleteSelection, duplicateSelection, pasteClip } from '../state/editor/editing.ts';
import type { AppStores } from './stores.ts';

/** True when the key press belongs to a text field or a control that uses keys itself. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * The editor's keyboard: Delete/Backspace delete the selection; Ctrl+C, Ctrl+V and Ctrl+D copy, paste and duplicate
 * layers; Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on a Mac); Ctrl+A selects every layer; Escape clears the
 * selection. Keys typed into a text field are left to the field.
 */
export function useShortcuts(stores: AppStores, onSave: () => void): void {
  useEffect(() => {
    let clip: Clip | null = null;
    let pastes = 0;
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || typingInField(e.target)) return;
      if (stores.ui.getState().dialog !== null) return;
      const editor = stores.editor;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        if (deleteSelection(editor)) e.preventDefault();
        return;
      }
      if (!mod && e.key === 'Escape') {
        editor.getState().select({ nodes: [], edges: [] });
        return;
      }
      if (!mod || e.altKey) return;
      if (key === 'z' && !e.shiftKey) editor.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') editor.getState().redo();
      else if (key === 'c') {
        const copied = copySelection(editor);
        if (copied === null) return;
        clip = copied;
        pastes = 0;
        stores.ui.getState().toast({ tone: 'info', text: copiedLayers(copied.nodes.map((n) => n.id)) });
      } else if (key === 'v') {
        if (clip === null) return;
        pastes += 1;
        pasteClip(editor, clip, pastes);
      } else if (key === 'd') duplicateSelection(editor);
      else if (key === 'a') {
        const graph = editor.getState().project.graph;
        editor.getState().select({ nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map((edge) => edge.id) });
      } else if (key === 's') onSave();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stores, onSave]);
}
