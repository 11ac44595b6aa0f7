import type { Diagnostic } from '../shapes/diagnostic.ts';
import type { Problem } from './problem.ts';

/**
 * A validation diagnostic as a Problem: its first node is the one the problem points at (null for the whole
 * network), every node is kept in `nodeIds` when there are several, and its message and fix are unchanged.
 * `code` and `param` stay on the Diagnostic, for the parts of the app that need them.
 */
export function problemFromDiagnostic(diagnostic: Diagnostic): Problem {
  const problem: Problem = {
    severity: diagnostic.severity,
    nodeId: diagnostic.nodeIds[0] ?? null,
    message: diagnostic.message,
    source: 'validation',
  };
  if (diagnostic.fix !== undefined) problem.fix = diagnostic.fix;
  if (diagnostic.nodeIds.length > 1) problem.nodeIds = [...diagnostic.nodeIds];
  return problem;
}

export function problemsFromDiagnostics(diagnostics: readonly Diagnostic[]): Problem[] {
  return diagnostics.map(problemFromDiagnostic);
}
