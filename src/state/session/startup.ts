/**
 * What the app opens with. In order: a project in the address's #fragment (a share link), the work autosaved in this
 * browser, and otherwise the first-visit preset. A share link never silently replaces autosaved work: the saved
 * work is loaded first and the shared project is opened over it as one undoable step.
 */
import type { LayerLabProject } from '../../core/project/index.ts';
import type { Problem } from '../../core/problems/index.ts';
import type { SessionStorageLike, Viewport } from '../persistence/autosave.ts';
import { readSession } from '../persistence/autosave.ts';
import type { ShareDecodeResult } from '../persistence/shareLink.ts';

export interface Startup {
  /** The project the editor starts with (no undo step). */
  base: LayerLabProject;
  selection: string[];
  /** The saved view; null: fit the network into view. */
  viewport: Viewport | null;
  /** A shared project to open over `base` as an undoable step, when the address carried one. */
  shared: LayerLabProject | null;
  /** Whether `base` is someone's earlier work (then opening a link says how to get back to it). */
  restored: boolean;
  /** Messages to show once the app is up (a damaged link or autosave, warnings from migrations). */
  problems: Problem[];
  /**
   * The stored text of an autosave that could not be restored (damaged, or from a newer LayerLab): offered as a
   * download, and not overwritten until the student changes something.
   */
  unreadableAutosave: string | null;
}

const warning = (message: string, source: Problem['source']): Problem => ({ severity: 'warning', nodeId: null, message, source });

/** True when the page address may carry a shared project (then the link decoder, with its zlib code, is loaded). */
export function mayHoldShareLink(hash: string): boolean {
  return /[#&]p=/.test(hash);
}

/** `link` is decodeShareFragment of the page's #fragment ({ ok: true, none: true } when there is none). */
export function decideStartup(link: ShareDecodeResult, storage: SessionStorageLike | null, firstVisit: () => LayerLabProject): Startup {
  const problems: Problem[] = [];
  let shared: LayerLabProject | null = null;
  if (!link.ok) problems.push(link.problem);
  else if (!link.none) {
    shared = link.project;
    problems.push(...link.warnings.map((w) => warning(w, 'share-link')));
  }

  const saved = storage === null ? ({ ok: true, none: true } as const) : readSession(storage);
  if (saved.ok && !saved.none) {
    problems.push(...saved.warnings.map((w) => warning(w, 'project-file')));
    return {
      base: saved.session.project,
      selection: saved.session.selection,
      viewport: shared === null ? saved.session.viewport : null,
      shared,
      restored: true,
      problems,
      unreadableAutosave: null,
    };
  }
  if (!saved.ok) problems.push(saved.problem);
  return { base: firstVisit(), selection: [], viewport: null, shared, restored: false, problems, unreadableAutosave: saved.ok ? null : saved.raw };
}
