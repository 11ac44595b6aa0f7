/**
 * Bringing files into the app, from the Import dialog or dropped on the canvas: a `.layerlab.json` project opens as a
 * project; anything else is read as a Keras / TF.js model (files picked together belong together: model.json and its
 * weight files) and opened as a new project, laid out and with its weights. Nothing replaces the current network
 * unless the import succeeded, and then Undo brings it back.
 */
import type { Problem } from '../../core/problems/index.ts';
import { projectFromImportedModel } from '../../core/project/fromImportedModel.ts';
import { noDatasetNote } from '../../core/validation/suggestDataset.ts';
import { APP_MESSAGES, importedWithoutData } from '../../state/appMessages.ts';
import { importModelFiles } from '../../interop/modelFiles.ts';
import { openProjectOver } from '../../state/session/openProject.ts';
import type { AppStores } from '../stores.ts';

const isProjectFileName = (name: string): boolean => name.toLowerCase().endsWith('.layerlab.json');

/** Imports `files`; resolves with the problems that stopped it (empty when it worked). */
export async function importFiles(stores: AppStores, files: readonly File[], openProjectFile: (file: File) => Promise<void>): Promise<Problem[]> {
  if (files.length === 0) return [];
  const project = files.length === 1 ? files.find((f) => isProjectFileName(f.name)) : undefined;
  if (project !== undefined) {
    await openProjectFile(project);
    return [];
  }
  const result = await importModelFiles(files.map((f) => ({ name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) })));
  if (!result.ok) {
    if (result.isProjectFile) {
      const file = files.find((f) => f.name === result.projectFile.name);
      if (file !== undefined) {
        await openProjectFile(file);
        return [];
      }
    }
    return result.problems;
  }
  const { model } = result;
  const { project: imported, suggested } = projectFromImportedModel(model, model.sourceName.replace(/\.(keras|json)$/i, ''));
  const details = [
    ...(model.weights === null ? [APP_MESSAGES.architectureOnly] : []),
    ...(imported.dataset.kind === 'none' ? [importedWithoutData(noDatasetNote(suggested))] : []),
  ];
  openProjectOver(stores, imported, 'import', true, details);
  stores.ui.getState().toastProblems(model.warnings);
  return [];
}
