/**
 * The app's two stores, created once, and the hooks components use to subscribe to one value each. The editor store
 * starts empty-handed here and is filled by the start-up code (autosave, share link or the first preset).
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from '../state/editor/editorStore.ts';
import type { UiState } from '../state/uiStore.ts';
import type { TrainingController } from '../state/training/trainingController.ts';
import type { TrainingState, TrainingStore } from '../state/training/trainingStore.ts';
import { createUiStore } from '../state/uiStore.ts';

export type UiStore = ReturnType<typeof createUiStore>;

export interface AppStores {
  editor: EditorStore;
  ui: UiStore;
  /** Training's high-frequency numbers (snapshots from the worker). */
  training: TrainingStore;
  /** Train, Pause, Step, Reset… (talks to the engine worker). */
  trainer: TrainingController;
}

export const StoresContext = createContext<AppStores | null>(null);

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (stores === null) throw new Error('LayerLab components must be rendered inside <StoresContext.Provider>.');
  return stores;
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useStores().editor, selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useStores().ui, selector);
}

export function useTraining<T>(selector: (state: TrainingState) => T): T {
  return useStore(useStores().training, selector);
}
