import type { Problem, ProblemSeverity, ProblemSource } from './problem.ts';

/**
 * Plain-sentence messages that belong to no one node (they name any layer themselves), as Problems about the whole
 * model or file: errors unless `severity` says otherwise.
 */
export function problemsFromMessages(messages: readonly string[], source: ProblemSource, severity: ProblemSeverity = 'error'): Problem[] {
  return messages.map((message) => ({ severity, nodeId: null, message, source }));
}

/** An import's, export's or project file's warnings (plain sentences that name their layer themselves) as Problems. */
export function problemsFromWarnings(warnings: readonly string[], source: ProblemSource): Problem[] {
  return problemsFromMessages(warnings, source, 'warning');
}
