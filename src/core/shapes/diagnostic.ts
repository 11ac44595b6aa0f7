/** What kind of problem a diagnostic reports; stable names for tests and the UI. */
export type DiagnosticCode =
  | 'empty-graph'
  | 'no-input'
  | 'cycle'
  | 'broken-edge'
  | 'duplicate-id'
  | 'input-has-inputs'
  | 'unreachable'
  | 'dangling-output'
  | 'unused-input'
  | 'too-many-inputs'
  | 'too-few-inputs'
  | 'incompatible-shapes'
  | 'reshape-count'
  | 'invalid-param'
  | 'layer-too-large'
  | 'shape-error'
  | 'not-in-keras'
  | 'dataset-inputs'
  | 'dataset-features'
  | 'dataset-outputs'
  | 'dataset-classes'
  | 'loss-mismatch';

/** A problem with the network, in words a student understands, tied to the nodes it concerns. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  code: DiagnosticCode;
  /** The nodes at fault, the first being the one to highlight; empty for a problem of the whole graph. */
  nodeIds: string[];
  message: string;
  /** A suggested fix, when there is one. */
  fix?: string;
  /** The parameter at fault, when there is one. */
  param?: string;
}

export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** Errors before warnings, each group in its original order (Array.prototype.sort is stable). */
export function errorsFirst(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic): number => (d.severity === 'error' ? 0 : 1);
  return [...diagnostics].sort((a, b) => rank(a) - rank(b));
}
