import { useMemo } from 'react';
import type { ProjectDataset } from '../../../core/datasets/types.ts';
import { useStores } from '../../stores.ts';

export interface DataEdits {
  /** Sets the project's data as one undo step; steps with the same `mergeKey` in a row (a slider drag) become one. */
  setDataset(dataset: ProjectDataset, mergeKey?: string): void;
  /** The share of rows held out for testing, 0..0.5. */
  setTestSplit(split: number): void;
  /** Ends a drag: the next change starts a new undo step even with the same merge key. */
  seal(): void;
}

/** The Data tab's edits, all through the editor store (so they are undoable, saved and validated). */
export function useDataEdits(): DataEdits {
  const { editor } = useStores();
  return useMemo(
    () => ({
      setDataset(dataset, mergeKey) {
        editor.getState().dispatch({ type: 'setDataset', dataset }, mergeKey === undefined ? undefined : { mergeKey });
      },
      setTestSplit(split) {
        editor.getState().dispatch({ type: 'setTraining', patch: { validationSplit: split }, label: 'test split' }, { mergeKey: 'training.validationSplit' });
      },
      seal() {
        editor.getState().seal();
      },
    }),
    [editor],
  );
}
