import type { Problem } from './problem.ts';

/**
 * The one text rendering of a problem, used by every CLI command (and by anything else that prints problems as
 * text): `error [hidden]: <message>`, or `error: <message>` for a problem of the whole network or file, then, when
 * there is a fix, a second line `  fix: <fix>`. Pure.
 */
export function formatProblem(problem: Problem): string {
  const where = problem.nodeId === null ? '' : ` [${problem.nodeId}]`;
  const fix = problem.fix === undefined ? '' : `\n  fix: ${problem.fix}`;
  return `${problem.severity}${where}: ${problem.message}${fix}`;
}

/** Several problems, one formatProblem each, on consecutive lines. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}
