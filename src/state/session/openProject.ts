/**
 * Opening a whole project (a preset, a file, an imported model, a share link) over the current one: one undoable
 * step, announced with an Undo button, so opening anything never loses the work that was there.
 */
import type { LayerLabProject } from '../../core/project/index.ts';
import type { ReplaceReason } from '../editor/commands.ts';
import type { EditorStore } from '../editor/editorStore.ts';
import type { createUiStore } from '../uiStore.ts';

const WHAT: Record<ReplaceReason, string> = {
  new: 'Started a new network',
  open: 'Opened',
  preset: 'Opened the preset',
  import: 'Imported',
  share: 'Opened the shared network',
};

export function openProjectOver(
  stores: { editor: EditorStore; ui: ReturnType<typeof createUiStore> },
  project: LayerLabProject,
  reason: ReplaceReason,
  announceUndo = true,
  /** More to say about what was opened (one message, not several): e.g. that an imported file had no weights. */
  details: readonly string[] = [],
): void {
  const { editor, ui } = stores;
  editor.getState().dispatch({ type: 'replaceProject', project, reason }, { select: { nodes: [], edges: [] } });
  ui.getState().requestFit();
  const text = reason === 'new' ? `${WHAT.new}.` : `${WHAT[reason]} “${project.name}”.`;
  ui.getState().toast({
    tone: 'success',
    text: [text, ...details, ...(announceUndo ? ['Undo brings back what you had before.'] : [])].join(' '),
    ...(announceUndo ? { action: { label: 'Undo', run: () => editor.getState().undo() } } : {}),
  });
}
