/**
 * The app's stores for rendering components on the server (react-dom/server, no DOM, no worker): server rendering
 * reads a store's initial state, so each store answers with its current one; the trainer records the views it was
 * asked for and otherwise does nothing.
 */
import type { EditorStore } from '../../src/state/editor/editorStore.ts';
import type { TrainingController } from '../../src/state/training/trainingController.ts';
import { createTrainingStore } from '../../src/state/training/trainingStore.ts';
import type { TrainingStore } from '../../src/state/training/trainingStore.ts';
import { createUiStore } from '../../src/state/uiStore.ts';
import type { AppStores } from '../../src/ui/stores.ts';
import type { TrainingView } from '../../src/worker/protocol.ts';

export interface ServerStores {
  stores: AppStores;
  /** Every view the components asked the trainer for. */
  views: Partial<TrainingView>[];
}

export function serverStores(editor: EditorStore, training: TrainingStore = createTrainingStore()): ServerStores {
  const views: Partial<TrainingView>[] = [];
  const noop = async (): Promise<void> => {};
  const trainer: TrainingController = {
    train: noop,
    pause: noop,
    step: noop,
    reset: noop,
    newWeights: noop,
    restore: noop,
    setSpeed: () => {},
    setView: (view) => views.push(view),
    dispose: () => {},
  };
  return {
    stores: {
      editor: { ...editor, getInitialState: editor.getState },
      ui: createUiStore(),
      training: { ...training, getInitialState: training.getState },
      trainer,
    },
    views,
  };
}
