import { useCallback, useMemo, useRef } from 'react';
import type { InputHTMLAttributes } from 'react';
import { createNode } from '../core/graph/build.ts';
import { createProject, serializeProject } from '../core/project/index.ts';
import { savedWithoutWeights } from '../state/appMessages.ts';
import { projectFileName, readProjectFile } from '../state/persistence/projectFile.ts';
import { openProjectOver } from '../state/session/openProject.ts';
import { downloadFile } from './download.ts';
import type { AppStores } from './stores.ts';

export interface ProjectFiles {
  newProject(): void;
  /** Asks for a .layerlab.json file and opens it. */
  openProject(): void;
  /** Opens a project file that was dropped or picked elsewhere. */
  openProjectFile(file: File): Promise<void>;
  /** Downloads the project as NAME.layerlab.json. */
  saveProject(): void;
  /** The hidden file input the Open button uses; render it once. */
  fileInputProps: InputHTMLAttributes<HTMLInputElement> & { ref: React.RefObject<HTMLInputElement | null> };
}

/** A new network: one Input for two features, ready for the first layer. */
export function blankProject() {
  return createProject('Untitled network', { nodes: [createNode('input_layer', 'Input', { shape: [2] }, { x: 0, y: 0 })], edges: [] });
}

/** New, Open and Save of `.layerlab.json` project files. Opening is one undoable step (see openProjectOver). */
export function useProjectFiles(stores: AppStores): ProjectFiles {
  const inputRef = useRef<HTMLInputElement | null>(null);

  const openProjectFile = useCallback(
    async (file: File) => {
      const result = await readProjectFile(file);
      if (!result.ok) {
        stores.ui.getState().toastProblems([result.problem]);
        return;
      }
      openProjectOver(stores, result.project, 'open');
      for (const warning of result.warnings) stores.ui.getState().toast({ tone: 'warning', text: warning });
    },
    [stores],
  );

  const saveProject = useCallback(() => {
    const project = stores.editor.getState().project;
    let text: string;
    try {
      text = serializeProject(project);
    } catch (error) {
      // Only NaN or infinite trained weights (a diverged run) cannot be written.
      text = serializeProject({ ...project, weights: null });
      stores.ui.getState().toast({
        tone: 'warning',
        text: savedWithoutWeights(error instanceof Error ? error.message : String(error)),
      });
    }
    downloadFile(projectFileName(project), text, 'application/json');
  }, [stores]);

  const newProject = useCallback(() => openProjectOver(stores, blankProject(), 'new'), [stores]);

  const openProject = useCallback(() => inputRef.current?.click(), []);

  const fileInputProps = useMemo(
    () => ({
      ref: inputRef,
      type: 'file',
      accept: '.json,application/json',
      hidden: true,
      'aria-hidden': true,
      tabIndex: -1,
      'data-testid': 'open-project-input',
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file !== undefined) void openProjectFile(file);
      },
    }),
    [openProjectFile],
  );

  return { newProject, openProject, openProjectFile, saveProject, fileInputProps };
}
