/**
 * Undo and redo as a list of steps: each step is the command (data, for its label) with the project before and
 * after it. Projects are immutable and share unchanged parts, so a step costs little more than what it changed.
 */
import type { LayerLabProject } from '../../core/project/index.ts';
import type { EditCommand } from './commands.ts';

export interface HistoryStep {
  command: EditCommand;
  before: LayerLabProject;
  after: LayerLabProject;
  /**
   * Steps with the same key, one right after the other, merge into one (typing "16" into units is one step, not
   * two). Null: never merged.
   */
  mergeKey: string | null;
}

export interface History {
  past: readonly HistoryStep[];
  future: readonly HistoryStep[];
}

/** How many steps undo goes back (the issue asks for at least 100). */
export const HISTORY_LIMIT = 200;

export const EMPTY_HISTORY: History = { past: [], future: [] };

/** History after a new step: the redo list is cleared; a step with the previous step's merge key extends it. */
export function pushStep(history: History, step: HistoryStep): History {
  const last = history.past[history.past.length - 1];
  if (last !== undefined && step.mergeKey !== null && last.mergeKey === step.mergeKey) {
    const merged: HistoryStep = { command: step.command, before: last.before, after: step.after, mergeKey: step.mergeKey };
    return { past: [...history.past.slice(0, -1), merged], future: [] };
  }
  const past = [...history.past, step];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, future: [] };
}

/** Ends merging: the next step starts a new one even if its key is the same (e.g. after the field loses focus). */
export function sealLastStep(history: History): History {
  const last = history.past[history.past.length - 1];
  if (last === undefined || last.mergeKey === null) return history;
  return { past: [...history.past.slice(0, -1), { ...last, mergeKey: null }], future: history.future };
}

export function undoStep(history: History): { history: History; step: HistoryStep } | null {
  const step = history.past[history.past.length - 1];
  if (step === undefined) return null;
  return { history: { past: history.past.slice(0, -1), future: [...history.future, step] }, step };
}

export function redoStep(history: History): { history: History; step: HistoryStep } | null {
  const step = history.future[history.future.length - 1];
  if (step === undefined) return null;
  return { history: { past: [...history.past, step], future: history.future.slice(0, -1) }, step };
}
