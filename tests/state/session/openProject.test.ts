/**
 * Opening a whole project over the current one (a preset, a file, an import, a share link): one undoable step, the
 * view fitted to it, and a toast whose Undo button brings back what was there.
 */
import { describe, expect, it } from 'vitest';
import type { ReplaceReason } from '../../../src/state/editor/commands.ts';
import { commandLabel } from '../../../src/state/editor/commands.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';
import { presetProject } from '../../../src/state/presets.ts';
import { openProjectOver } from '../../../src/state/session/openProject.ts';
import { createUiStore } from '../../../src/state/uiStore.ts';
import { trainedXor } from '../persistence/helpers.ts';

function stores() {
  const editor = createEditorStore(trainedXor());
  editor.getState().dispatch({ type: 'renameProject', name: 'My own work' });
  editor.getState().select({ nodes: ['hidden'], edges: [] });
  return { editor, ui: createUiStore() };
}

describe('openProjectOver', () => {
  it('replaces the project as one undoable step; undo brings back exactly what was there', () => {
    const s = stores();
    const mine = s.editor.getState().project;
    const depth = s.editor.getState().history.past.length;
    const preset = presetProject('spiral-deep-mlp.layerlab.json');
    openProjectOver(s, preset, 'preset');
    expect(s.editor.getState().project).toBe(preset);
    expect(s.editor.getState().selection).toEqual({ nodes: [], edges: [] });
    expect(s.editor.getState().history.past.length).toBe(depth + 1);
    const step = s.editor.getState().history.past.at(-1);
    expect(step === undefined ? null : commandLabel(step.command)).toBe('open preset');
    s.editor.getState().undo();
    expect(s.editor.getState().project).toBe(mine);
    s.editor.getState().redo();
    expect(s.editor.getState().project).toBe(preset);
  });

  it('validation and node statuses describe the opened project', () => {
    const s = stores();
    const preset = presetProject('spiral-deep-mlp.layerlab.json');
    openProjectOver(s, preset, 'preset');
    expect([...s.editor.getState().nodeStatus.keys()]).toEqual(preset.graph.nodes.map((n) => n.id));
    expect(s.editor.getState().validation.ok).toBe(true);
  });

  it('asks the canvas to fit the new network into view, once per opening', () => {
    const s = stores();
    const before = s.ui.getState().fitRequest;
    openProjectOver(s, presetProject('xor.layerlab.json'), 'open');
    expect(s.ui.getState().fitRequest).toBe(before + 1);
    openProjectOver(s, presetProject('perceptron.layerlab.json'), 'preset');
    expect(s.ui.getState().fitRequest).toBe(before + 2);
  });

  it('shows a success toast naming the project, whose Undo action brings the earlier work back', () => {
    const s = stores();
    const mine = s.editor.getState().project;
    const preset = presetProject('single-neuron.layerlab.json');
    openProjectOver(s, preset, 'preset');
    const toast = s.ui.getState().toasts.at(-1);
    if (toast === undefined) throw new Error('no toast');
    expect(toast.tone).toBe('success');
    expect(toast.text).toContain(preset.name);
    expect(toast.action?.label).toBe('Undo');
    toast.action?.run();
    expect(s.editor.getState().project).toBe(mine);
  });

  it('every reason announces itself and is undoable', () => {
    for (const reason of ['new', 'open', 'preset', 'import', 'share'] as ReplaceReason[]) {
      const s = stores();
      const mine = s.editor.getState().project;
      openProjectOver(s, presetProject('xor.layerlab.json'), reason);
      const toast = s.ui.getState().toasts.at(-1);
      expect(toast?.text.length ?? 0).toBeGreaterThan(10);
      toast?.action?.run();
      expect(s.editor.getState().project).toBe(mine);
    }
  });

  it('without announceUndo (a link opened on a first visit) the toast has no Undo button, but the step is still undoable', () => {
    const s = stores();
    const mine = s.editor.getState().project;
    openProjectOver(s, presetProject('xor.layerlab.json'), 'share', false);
    const toast = s.ui.getState().toasts.at(-1);
    expect(toast?.action).toBeUndefined();
    expect(toast?.text).not.toMatch(/undo/i);
    s.editor.getState().undo();
    expect(s.editor.getState().project).toBe(mine);
  });
});
