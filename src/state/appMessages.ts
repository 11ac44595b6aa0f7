/**
 * The app's own sentences: what its toasts, hints and empty states say (problems come from core, in the shared
 * Problem type). Kept here, as data and small functions, so each one is read by a test and worded in one place.
 */
import type { LayerLabProject } from '../core/project/index.ts';
import { projectFileName } from './persistence/projectFile.ts';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const APP_MESSAGES = {
  noProblems: 'No problems: every layer fits together.',
  storageUnavailable: 'This browser does not let LayerLab save your work as you go. Use Save to download it.',
  unreadableAutosave:
    'Your earlier work is still stored in this browser, but LayerLab cannot open it. Download it before you change anything: the next change replaces it.',
  architectureOnly: 'This file holds the architecture only (no weights): the network starts untrained.',
  trainFixFirst: 'Fix the problems below the canvas, then press Train.',
  weightsReset: 'The trained weights are gone: the network starts again from fresh ones. Undo brings them back.',
} as const;

/** What Train says while training in the browser is not there yet: how to train this very project now. */
export function trainNotYet(project: Pick<LayerLabProject, 'name'>): string {
  return `Training in the browser comes in the next version of LayerLab. To train this network now, Save it and run: npx layerlab train ${projectFileName(project)}`;
}

/** What Train says when the network has errors. */
export function trainBlocked(errors: number): string {
  return `Fix the ${errors === 1 ? 'error' : plural(errors, 'error')} in the Problems list first, then press Train.`;
}

/** The hint above the Train button when the network is ready. */
export function trainHint(dataTitle: string): string {
  return `Press Train to watch this network learn ${dataTitle}.`;
}

/** After Ctrl+C. */
export function copiedLayers(ids: readonly string[]): string {
  return `Copied ${ids.length === 1 ? (ids[0] ?? '') : plural(ids.length, 'layer')}. Press Ctrl+V to paste.`;
}

/** When Save had to leave out trained weights that a project file cannot hold (NaN after a diverged run). */
export function savedWithoutWeights(reason: string): string {
  return `Saved without the trained weights: ${reason}`;
}

/** After importing a model no built-in dataset fits; `note` is core's noDatasetNote ("no dataset chosen yet. …"). */
export function importedWithoutData(note: string): string {
  return `No built-in dataset fits it, so the project has ${note}`;
}

/** When an export failed for a reason the exporters did not foresee (the worker crashed, say). */
export function exportFailed(reason: string): string {
  return reason.trim() === '' ? 'The export failed, and nothing was written. Try again.' : `The export failed, and nothing was written: ${reason}`;
}
