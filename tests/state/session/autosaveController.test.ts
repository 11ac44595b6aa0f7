/**
 * The autosave controller with a real editor store, the in-memory Storage (with a quota) and fake timers: when it
 * writes, how often, what a reload reads back, and how often a full storage is reported to the student.
 * (In Node there is no `document`, so the page-hide listeners are not added; `flush()` is what they call.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../src/core/problems/index.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { serializeProject } from '../../../src/core/project/index.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';
import type { EditorStore } from '../../../src/state/editor/editorStore.ts';
import type { Session } from '../../../src/state/persistence/autosave.ts';
import { SESSION_STORAGE_KEY, readSession, writeSession } from '../../../src/state/persistence/autosave.ts';
import type { AutosaveController } from '../../../src/state/session/autosaveController.ts';
import { AUTOSAVE_DELAY_MS, startAutosave } from '../../../src/state/session/autosaveController.ts';
import { MemoryStorage, trainedXor, xorProject } from '../persistence/helpers.ts';

let controllers: AutosaveController[] = [];

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  for (const c of controllers) c.dispose();
  controllers = [];
  vi.useRealTimers();
});

interface Rig {
  editor: EditorStore;
  storage: MemoryStorage;
  reports: Problem[];
  autosave: AutosaveController;
}

function rig(options: { project?: LayerLabProject; storage?: MemoryStorage; saveAtStart?: boolean; viewport?: { x: number; y: number; zoom: number } | null } = {}): Rig {
  const editor = createEditorStore(options.project ?? xorProject());
  const storage = options.storage ?? new MemoryStorage();
  const reports: Problem[] = [];
  const autosave = startAutosave(editor, storage, options.viewport ?? null, (p) => reports.push(p), { saveAtStart: options.saveAtStart ?? false });
  controllers.push(autosave);
  return { editor, storage, reports, autosave };
}

function restored(storage: MemoryStorage): Session {
  const read = readSession(storage);
  if (!read.ok) throw new Error(read.problem.message);
  if (read.none) throw new Error('nothing saved');
  return read.session;
}

const move = (editor: EditorStore, x: number): void =>
  editor.getState().dispatch({ type: 'moveNodes', positions: { hidden: { x, y: 0 } } });

describe('when autosave writes', () => {
  it('writes a change AUTOSAVE_DELAY_MS after it, not before', () => {
    const { editor, storage } = rig();
    move(editor, 310);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(storage.writes).toBe(1);
    expect(serializeProject(restored(storage).project)).toBe(serializeProject(editor.getState().project));
  });

  it('a burst of changes is one write, of the last state', () => {
    const { editor, storage } = rig();
    for (let i = 0; i < 20; i += 1) move(editor, 300 + i);
    editor.getState().select({ nodes: ['out'], edges: [] });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 10);
    expect(storage.writes).toBe(1);
    const session = restored(storage);
    expect(session.project.graph.nodes.find((n) => n.id === 'hidden')?.position).toEqual({ x: 319, y: 0 });
    expect(session.selection).toEqual(['out']);
  });

  it('a drag that lasts longer than the delay is written once, a moment after it ends', () => {
    const { editor, storage } = rig();
    const s = () => editor.getState();
    s().beginDrag();
    for (let t = 0; t < 1000; t += 16) {
      s().dragTo({ hidden: { x: 300 + t / 4, y: t / 8 } });
      vi.advanceTimersByTime(16);
    }
    s().endDrag();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(storage.writes).toBe(1);
    expect(restored(storage).project.graph.nodes.find((n) => n.id === 'hidden')?.position).toEqual(
      s().project.graph.nodes.find((n) => n.id === 'hidden')?.position,
    );
  });

  it('flush() writes a pending change at once, and only once', () => {
    const { editor, storage, autosave } = rig();
    autosave.flush();
    expect(storage.writes).toBe(0); // nothing pending
    move(editor, 333);
    autosave.flush();
    expect(storage.writes).toBe(1);
    expect(restored(storage).project.graph.nodes.find((n) => n.id === 'hidden')?.position.x).toBe(333);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 4);
    expect(storage.writes).toBe(1);
  });

  it('saves the view after a pan or zoom', () => {
    const { storage, autosave } = rig({ viewport: { x: 1, y: 2, zoom: 1 } });
    autosave.setViewport({ x: -250, y: 80.5, zoom: 1.75 });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(restored(storage).viewport).toEqual({ x: -250, y: 80.5, zoom: 1.75 });
  });

  it('with saveAtStart, the starting state is saved (a first visit’s preset) with the view it started with', () => {
    const { storage } = rig({ saveAtStart: true, viewport: { x: 5, y: 6, zoom: 0.5 } });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(storage.writes).toBe(1);
    expect(restored(storage).viewport).toEqual({ x: 5, y: 6, zoom: 0.5 });
  });

  it('without saveAtStart (an unreadable autosave is kept for download), nothing is written until the first change', () => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_STORAGE_KEY, '{"damaged');
    const { editor } = rig({ storage, saveAtStart: false });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 100);
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBe('{"damaged');
    move(editor, 350);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(serializeProject(restored(storage).project)).toBe(serializeProject(editor.getState().project));
  });

  it('a selection change alone is saved', () => {
    const { editor, storage } = rig();
    editor.getState().select({ nodes: ['hidden', 'x'], edges: [] });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(restored(storage).selection).toEqual(['hidden', 'x']);
  });

  it('after dispose() nothing more is written, not even a pending change', () => {
    const { editor, storage, autosave } = rig();
    move(editor, 320);
    autosave.dispose();
    move(editor, 330);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 10);
    expect(storage.writes).toBe(0);
  });
});

describe('what a reload reads back', () => {
  it('exactly the project (with trained weights), view and selected layers that were saved', () => {
    const { editor, storage, autosave } = rig({ project: trainedXor() });
    editor.getState().dispatch({ type: 'renameProject', name: 'Saved work' });
    editor.getState().dispatch({ type: 'setParam', nodeId: 'hidden', param: 'activation', value: 'relu' });
    editor.getState().select({ nodes: ['out'], edges: ['e2'] });
    autosave.setViewport({ x: 12, y: -7, zoom: 2 });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    const session = restored(storage);
    expect(serializeProject(session.project)).toBe(serializeProject(editor.getState().project));
    expect(session.project.weights).toEqual(editor.getState().project.weights);
    expect(session.viewport).toEqual({ x: 12, y: -7, zoom: 2 });
    expect(session.selection).toEqual(['out']);
  });
});

describe('storage problems are reported once, not on every change', () => {
  /** Bytes the session of `project` takes in MemoryStorage. */
  function bytes(project: LayerLabProject): number {
    const storage = new MemoryStorage();
    const r = writeSession(storage, { project, viewport: { x: 0, y: 0, zoom: 1 }, selection: [] });
    if (!r.ok) throw new Error(r.problem.message);
    return storage.usedBytes();
  }

  it('storage with no room at all: one report of "not being saved", however many changes follow', () => {
    const { editor, storage, reports } = rig({ storage: new MemoryStorage(64) });
    for (let i = 0; i < 6; i += 1) {
      move(editor, 400 + i);
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    }
    expect(storage.writes).toBe(0);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.severity).toBe('error');
    expect(reports[0]?.message).toContain('full');
  });

  it('room for the network but not its weights: one warning, then the network keeps being saved without them', () => {
    const trained = trainedXor();
    const bare = bytes({ ...trained, weights: null });
    expect(bytes(trained)).toBeGreaterThan(bare + 400);
    const { editor, storage, reports } = rig({ project: trained, storage: new MemoryStorage(bare + 200) });
    for (let i = 0; i < 6; i += 1) {
      move(editor, 400 + i);
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    }
    expect(reports).toHaveLength(1);
    expect(reports[0]?.severity).toBe('warning');
    expect(storage.writes).toBe(6);
    const session = restored(storage);
    expect(session.project.weights).toBeNull();
    expect(session.project.graph.nodes.find((n) => n.id === 'hidden')?.position.x).toBe(405);
  });

  it('storage that fills up after working: reported once when it fails, not again while it keeps failing', () => {
    const storage = new MemoryStorage(bytes(xorProject()) + 40);
    const { editor, reports } = rig({ storage });
    move(editor, 301);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(reports).toHaveLength(0);
    for (let i = 0; i < 5; i += 1) {
      editor.getState().dispatch({ type: 'renameProject', name: `A much longer project name than before, number ${i}` });
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    }
    expect(reports).toHaveLength(1);
    expect(reports[0]?.severity).toBe('error');
  });
});
