import type { LayerLabProject } from '../../core/project/index.ts';
import type { Problem } from '../../core/problems/index.ts';
import { problemsFromDiagnostics } from '../../core/problems/index.ts';
import type { NetworkValidation } from '../../core/validation/validateNetwork.ts';
import { validateProjectNetwork } from '../../core/validation/validateProject.ts';

/** The same validation `layerlab validate` runs on the project file, and its problems in the shared Problem type. */
export function validateDoc(project: LayerLabProject): { validation: NetworkValidation; problems: Problem[] } {
  const validation = validateProjectNetwork(project);
  return { validation, problems: problemsFromDiagnostics(validation.diagnostics) };
}
