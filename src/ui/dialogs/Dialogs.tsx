import { useStores, useUi } from '../stores.ts';
import type { ProjectFiles } from '../useProjectFiles.ts';
import { lazy, Suspense } from 'react';
import { PresetsDialog } from './PresetsDialog.tsx';

// Exporting, importing and sharing bring the Keras, TF.js, Python, zip and HDF5 code: loaded when first opened.
const ExportDialog = lazy(() => import('./ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));

/** The one dialog that is open, if any. */
export function Dialogs({ files }: { files: ProjectFiles }) {
  const dialog = useUi((s) => s.dialog);
  const { ui } = useStores();
  const close = (): void => ui.getState().openDialog(null);
  switch (dialog) {
    case null:
      return null;
    case 'presets':
      return <PresetsDialog onClose={close} />;
    case 'import':
      return (
        <Suspense fallback={null}>
          <ImportDialog onClose={close} openProjectFile={files.openProjectFile} />
        </Suspense>
      );
    case 'export':
      return (
        <Suspense fallback={null}>
          <ExportDialog onClose={close} />
        </Suspense>
      );
    case 'share':
      return (
        <Suspense fallback={null}>
          <ShareDialog onClose={close} />
        </Suspense>
      );
  }
}
