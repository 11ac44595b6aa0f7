/** Which of a node's validation problems belong under which parameter field. Pure, tested. */
import type { Diagnostic } from '../../../core/shapes/diagnostic.ts';

export interface FieldProblem {
  severity: 'error' | 'warning';
  message: string;
  fix?: string;
}

/**
 * The problems about node `id` that name a parameter, by parameter (the first one, errors first as validation sorts
 * them). "kernel_regularizer.l2" counts for kernel_regularizer.
 */
export function paramProblemsOf(diagnostics: readonly Diagnostic[], id: string): ReadonlyMap<string, FieldProblem> {
  const out = new Map<string, FieldProblem>();
  for (const d of diagnostics) {
    if (d.nodeIds[0] !== id || d.param === undefined || d.param === '') continue;
    const name = d.param.split('.')[0] ?? d.param;
    if (out.has(name)) continue;
    const problem: FieldProblem = { severity: d.severity, message: d.message };
    if (d.fix !== undefined) problem.fix = d.fix;
    out.set(name, problem);
  }
  return out;
}

/** Errors and warnings in a list of problems, for the network summary. */
export function countBySeverity(problems: readonly { severity: 'error' | 'warning' }[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors += 1;
  return { errors, warnings: problems.length - errors };
}
