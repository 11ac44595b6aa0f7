import type { ProjectFieldError } from '../project/types.ts';
import type { Problem } from './problem.ts';

/**
 * A project file's load errors as Problems about the whole file (nothing was loaded, so there is no node to point
 * at): each message, which names the node or setting in words, followed by the path of the field at fault.
 */
export function problemsFromProjectErrors(errors: readonly ProjectFieldError[]): Problem[] {
  return errors.map((e) => ({
    severity: 'error',
    nodeId: null,
    message: e.path === '' ? e.message : `${e.message.replace(/\.$/, '')} (at ${e.path}).`,
    source: 'project-file',
  }));
}
