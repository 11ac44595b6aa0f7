/**
 * Autosave: the session LayerLab keeps in the browser's localStorage so a reload, a crash or a closed tab loses
 * nothing. One key, {@link SESSION_STORAGE_KEY}, holds JSON:
 *
 *     { "project": "<serializeProject text>", "viewport": { "x", "y", "zoom" }, "selection": ["node id", …],
 *       "savedAt": "<ISO time>" }
 *
 * The project is stored as its file text, so a session restores through `parseProject` exactly like a file
 * (same checks, same migrations) and an autosave is what Save would download.
 *
 * How the app uses it (no debouncer in here, by design): the editor store calls {@link writeSession} after each
 * committed change, batched by the app itself (one write per animation frame or short timeout, never per drag
 * event), and once more on `pagehide` (the last event a browser reliably delivers, also on mobile, where
 * `beforeunload`/`unload` often never fire). On start the app calls {@link readSession}: a project restores the
 * work; `none` means first visit (open the preset); a problem is shown and the app opens the preset, but the
 * unreadable value is handed back as `raw` so the app can offer to download it before the next write replaces it.
 *
 * Writing falls back step by step and says so: without the trained weights when storage is full or the weights
 * are NaN (a diverged run, which JSON cannot hold), and when even that fails, a problem telling the student their
 * work is not being saved and to use Save. Nothing here throws.
 */
import type { Problem } from '../../core/problems/problem.ts';
import type { LayerLabProject } from '../../core/project/index.ts';
import { parseProject, serializeProject } from '../../core/project/index.ts';
import { formatFieldErrors } from './fieldErrors.ts';

/** The localStorage key. A future incompatible layout gets a new key, so old and new LayerLabs never clash. */
export const SESSION_STORAGE_KEY = 'layerlab.session.v1';

/**
 * A network with more weight values than this is autosaved without weights straight away, without building a
 * text that cannot fit: each value takes at least 3 characters in the file (", " and a digit; real trained values
 * take about 20), so this many take at least 6 million characters, more than any browser's localStorage holds for
 * a site (about 5 million characters in Chrome, Firefox and Safari).
 */
export const AUTOSAVE_MAX_WEIGHT_VALUES = 2_000_000;

/** The storage methods autosave uses; `window.localStorage` is one, and so is an in-memory stand-in in tests. */
export type SessionStorageLike = Pick<Storage, 'setItem' | 'getItem' | 'removeItem'>;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export const DEFAULT_VIEWPORT: Readonly<Viewport> = Object.freeze({ x: 0, y: 0, zoom: 1 });

/** What is stored under {@link SESSION_STORAGE_KEY}, as JSON. */
export interface SavedSession {
  /** The project's file text, as `serializeProject` writes it. */
  project: string;
  viewport: Viewport;
  /** Ids of the selected nodes. */
  selection: string[];
  /** When it was written, as an ISO 8601 time. */
  savedAt: string;
}

/** A session in the app's terms: the project as an object. */
export interface Session {
  project: LayerLabProject;
  viewport: Viewport;
  selection: string[];
  savedAt: string;
}

export interface WriteSessionOptions {
  /**
   * Try to keep the trained weights (default true). After a write came back with a "saved without weights"
   * warning the app may pass false until the weights change, to skip a write that will fail again.
   */
  includeWeights?: boolean;
}

export type WriteSessionResult =
  /** Saved. `warning` (severity "warning") says what was left out, when something was. */
  | { ok: true; withWeights: boolean; warning?: Problem }
  /** Nothing was saved this time (the previous autosave, if any, is still there). */
  | { ok: false; problem: Problem };

export type ReadSessionResult =
  | { ok: true; none: false; session: Session; warnings: string[] }
  /** Nothing saved yet. */
  | { ok: true; none: true }
  /** The stored value cannot be restored; `raw` is that value (null if storage itself could not be read). */
  | { ok: false; problem: Problem; raw: string | null };

const problem = (severity: Problem['severity'], message: string, fix?: string): Problem => ({
  severity,
  nodeId: null,
  message,
  ...(fix === undefined ? {} : { fix }),
  source: 'project-file',
});

const SAVE_FIX = 'Use Save to download your project as a .layerlab.json file, so you do not lose it.';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** localStorage's "full" error: QuotaExceededError in every current browser (old Firefox: NS_ERROR_DOM_QUOTA_REACHED). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** Why a write failed, as the end of "Your work is not being saved in this browser: …". */
function storageFailure(error: unknown): string {
  if (isQuotaError(error)) return "the browser's storage for this site is full";
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SecurityError') {
    return 'the browser does not let this site store data (for example in some private windows, or when site data is blocked)';
  }
  return `the browser refused to store it (${errorText(error)})`;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function cleanViewport(value: unknown): Viewport {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_VIEWPORT };
  const { x, y, zoom } = value as Record<string, unknown>;
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(zoom) || zoom <= 0) return { ...DEFAULT_VIEWPORT };
  return { x, y, zoom };
}

function weightValueCount(project: LayerLabProject): number {
  if (project.weights === null) return 0;
  let count = 0;
  for (const tensors of Object.values(project.weights.layers)) {
    for (const tensor of tensors) count += tensor.values.length;
  }
  return count;
}

type Attempt = { ok: true } | { ok: false; stage: 'serialize' | 'store'; error: unknown };

function attempt(storage: SessionStorageLike, project: LayerLabProject, rest: Omit<SavedSession, 'project'>): Attempt {
  let text: string;
  try {
    text = serializeProject(project);
  } catch (error) {
    return { ok: false, stage: 'serialize', error };
  }
  try {
    const saved: SavedSession = { project: text, ...rest };
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(saved));
    return { ok: true };
  } catch (error) {
    return { ok: false, stage: 'store', error };
  }
}

/**
 * Saves the session. With weights first (when there are any and `includeWeights` is not false); if they cannot be
 * written (NaN) or storage refuses (full), once more without them, with a warning; if that fails too, a problem.
 * `savedAt` defaults to now.
 */
export function writeSession(
  storage: SessionStorageLike,
  session: { project: LayerLabProject; viewport: Viewport; selection: readonly string[]; savedAt?: string },
  options: WriteSessionOptions = {},
): WriteSessionResult {
  let rest: Omit<SavedSession, 'project'>;
  try {
    rest = {
      viewport: cleanViewport(session.viewport),
      selection: Array.isArray(session.selection) ? session.selection.filter((id) => typeof id === 'string') : [],
      savedAt: typeof session.savedAt === 'string' ? session.savedAt : new Date().toISOString(),
    };
  } catch (error) {
    return { ok: false, problem: problem('error', `Your work is not being saved in this browser: ${errorText(error)}.`, SAVE_FIX) };
  }
  const project = session.project;
  let warning: Problem | undefined;
  if (project.weights !== null && (options.includeWeights ?? true)) {
    const values = weightValueCount(project);
    const full: Attempt =
      values > AUTOSAVE_MAX_WEIGHT_VALUES ? { ok: false, stage: 'store', error: null } : attempt(storage, project, rest);
    if (full.ok) return { ok: true, withWeights: true };
    warning =
      full.stage === 'serialize'
        ? problem(
            'warning',
            'Autosave saved your network without its trained weights: some weights are not numbers (training diverged), and they cannot be saved.',
            'Lower the learning rate and train again.',
          )
        : problem(
            'warning',
            `Autosave is full: saved without trained weights. Your network and its settings are saved in this browser, but its ${values.toLocaleString('en-US')} trained weights do not fit.`,
            'Use Save to download the trained network as a .layerlab.json file.',
          );
  }
  const bare = attempt(storage, { ...project, weights: null }, rest);
  if (bare.ok) return { ok: true, withWeights: false, ...(warning === undefined ? {} : { warning }) };
  const reason =
    bare.stage === 'serialize' ? `LayerLab could not write it down (${errorText(bare.error)})` : storageFailure(bare.error);
  return { ok: false, problem: problem('error', `Your work is not being saved in this browser: ${reason}.`, SAVE_FIX) };
}

const unreadable = (reason: string, raw: string | null): ReadSessionResult => ({
  ok: false,
  problem: problem(
    'error',
    `LayerLab could not restore the work it saved in this browser: ${reason}`,
    'If you saved your project as a file, use Open to load it.',
  ),
  raw,
});

/** Restores the saved session; `none` when there is none. A damaged or foreign value is a problem, never a throw. */
export function readSession(storage: SessionStorageLike): ReadSessionResult {
  let raw: string | null;
  try {
    raw = storage.getItem(SESSION_STORAGE_KEY);
  } catch (error) {
    return unreadable(`the browser did not let LayerLab read it (${storageFailure(error)}).`, null);
  }
  if (raw === null) return { ok: true, none: true };
  if (typeof raw !== 'string') return unreadable('the saved value is not text.', null);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return unreadable('the saved copy is damaged (it is not complete JSON).', raw);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || typeof (data as { project?: unknown }).project !== 'string') {
    return unreadable('the saved value is not a LayerLab session (it has no project).', raw);
  }
  const stored = data as Record<string, unknown>;
  const parsed = parseProject(stored.project as string);
  if (!parsed.ok) {
    return unreadable(`the saved project cannot be opened:\n${formatFieldErrors(parsed.errors)}`, raw);
  }
  const nodeIds = new Set(parsed.project.graph.nodes.map((node) => node.id));
  const selection = Array.isArray(stored.selection)
    ? stored.selection.filter((id): id is string => typeof id === 'string' && nodeIds.has(id))
    : [];
  return {
    ok: true,
    none: false,
    session: {
      project: parsed.project,
      viewport: cleanViewport(stored.viewport),
      selection: [...new Set(selection)],
      savedAt: typeof stored.savedAt === 'string' ? stored.savedAt : '',
    },
    warnings: parsed.warnings,
  };
}

/** Forgets the saved session (e.g. "Start over"). Returns false if the browser refused. */
export function clearSession(storage: SessionStorageLike): boolean {
  try {
    storage.removeItem(SESSION_STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}
