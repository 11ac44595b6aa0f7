/**
 * The one problem type every part of LayerLab reports in: validation (core), import and export (Keras, TF.js, Python),
 * project files, share links and edits refused on the canvas. The app's problems list and the CLI render these same
 * fields the same way (see formatProblem.ts), so a student reads one wording wherever a problem shows up.
 */
export type ProblemSeverity = 'error' | 'warning';

/** Where a problem came from; used to group and label problems, never to change their wording. */
export type ProblemSource = 'validation' | 'import' | 'export' | 'project-file' | 'share-link' | 'edit';

export interface Problem {
  severity: ProblemSeverity;
  /** The node (Keras layer name) the problem is about, the one to select and reveal; null for the whole network or file. */
  nodeId: string | null;
  /** What is wrong, one or more full sentences. Does not start with the node id: renderers show `nodeId` themselves. */
  message: string;
  /** What to do about it, when there is a suggestion. */
  fix?: string;
  /** Every node involved (e.g. all nodes of a loop), `nodeId` first; absent when only `nodeId` is. */
  nodeIds?: readonly string[];
  source: ProblemSource;
}
