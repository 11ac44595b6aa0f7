export type { Problem, ProblemSeverity, ProblemSource } from './problem.ts';
export { formatProblem, formatProblems } from './formatProblem.ts';
export { problemFromDiagnostic, problemsFromDiagnostics } from './fromDiagnostic.ts';
export type { LayerProblemLike } from './fromLayerProblems.ts';
export { problemsFromLayerProblems } from './fromLayerProblems.ts';
export { problemsFromMessages, problemsFromWarnings } from './fromMessages.ts';
export { problemsFromProjectErrors } from './fromProjectErrors.ts';
export { capitalized, sentence } from './sentence.ts';
