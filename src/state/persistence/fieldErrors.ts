import { formatProjectErrors } from '../../core/project/index.ts';
import type { ProjectFieldError } from '../../core/project/index.ts';

/** At most this many field errors are listed in one problem; a crafted link could otherwise list thousands. */
const MAX_LISTED_ERRORS = 10;

/** Field errors as lines, capped at {@link MAX_LISTED_ERRORS}. Shared wording with the project file reader. */
export function formatFieldErrors(errors: readonly ProjectFieldError[]): string {
  const shown = formatProjectErrors(errors.slice(0, MAX_LISTED_ERRORS));
  const more = errors.length - MAX_LISTED_ERRORS;
  return more > 0 ? `${shown}\n…and ${more} more problem${more === 1 ? '' : 's'}.` : shown;
}

