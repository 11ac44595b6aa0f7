/**
 * Writes the session (project, view, selection) to local storage after every change, a moment after the last one so a
 * drag or a burst of typing is written once, and at once when the page is hidden or closed. Problems (storage full,
 * storage off) are reported once each, not on every keystroke.
 */
import type { Problem } from '../../core/problems/index.ts';
import type { EditorStore } from '../editor/editorStore.ts';
import type { SessionStorageLike, Viewport } from '../persistence/autosave.ts';
import { writeSession } from '../persistence/autosave.ts';

/** Delay after the last change before writing: short enough that a reload right after an edit finds it. */
export const AUTOSAVE_DELAY_MS = 150;
/** Changes that keep coming (a long drag) are still written at least this often. */
export const AUTOSAVE_MAX_WAIT_MS = 1000;

export interface AutosaveController {
  /** The view changed (pan or zoom ended). */
  setViewport(viewport: Viewport): void;
  /** Writes now if anything is pending. */
  flush(): void;
  dispose(): void;
}

export function startAutosave(
  editor: EditorStore,
  storage: SessionStorageLike,
  initialViewport: Viewport | null,
  report: (problem: Problem) => void,
  options: { saveAtStart: boolean } = { saveAtStart: true },
): AutosaveController {
  let viewport: Viewport = initialViewport ?? { x: 0, y: 0, zoom: 1 };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastReported: string | null = null;
  let includeWeights = true;
  let weightsRef = editor.getState().project.weights;

  const write = (): void => {
    timer = null;
    pendingSince = null;
    const state = editor.getState();
    if (state.project.weights !== weightsRef) {
      weightsRef = state.project.weights;
      includeWeights = true;
    }
    const result = writeSession(
      storage,
      { project: state.project, viewport, selection: [...state.selection.nodes], savedAt: new Date().toISOString() },
      { includeWeights },
    );
    const problem = result.ok ? (result.warning ?? null) : result.problem;
    if (result.ok && !result.withWeights) includeWeights = false;
    if (problem === null) {
      lastReported = null;
      return;
    }
    if (problem.message !== lastReported) {
      lastReported = problem.message;
      report(problem);
    }
  };
  /** When the first unsaved change happened: a long drag or burst of typing is still saved at least this often. */
  let pendingSince: number | null = null;
  const schedule = (): void => {
    const now = Date.now();
    pendingSince ??= now;
    if (timer !== null) clearTimeout(timer);
    const wait = now - pendingSince >= AUTOSAVE_MAX_WAIT_MS ? 0 : AUTOSAVE_DELAY_MS;
    timer = setTimeout(write, wait);
  };
  const flush = (): void => {
    if (timer !== null) {
      clearTimeout(timer);
      write();
    }
  };

  const unsubscribe = editor.subscribe((state, previous) => {
    if (state.revision !== previous.revision || state.selection !== previous.selection) schedule();
  });
  const onHide = (): void => {
    if (document.visibilityState === 'hidden') flush();
  };
  const hasDocument = typeof document !== 'undefined';
  if (hasDocument) {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
  }
  // The starting state is saved too (a first visit's preset, or a just-opened link), unless what was stored could not
  // be read: then it is left as it is until the student changes something, so it can still be downloaded.
  if (options.saveAtStart) schedule();

  return {
    setViewport(next) {
      viewport = next;
      schedule();
    },
    flush,
    dispose() {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      if (hasDocument) {
        window.removeEventListener('pagehide', flush);
        document.removeEventListener('visibilitychange', onHide);
      }
    },
  };
}
