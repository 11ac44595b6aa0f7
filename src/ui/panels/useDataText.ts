import { useMemo } from 'react';
import { useEditor, useStores } from '../stores.ts';
import type { DataText } from './datasetText.ts';
import { describeData } from './datasetText.ts';

/**
 * What the Data and Train tabs say about the data, worked out again only when the data or the network's shapes change
 * (not on every frame of a drag, which changes the project but not its shapes).
 */
export function useDataText(): DataText {
  const { editor } = useStores();
  const dataset = useEditor((s) => s.project.dataset);
  const validation = useEditor((s) => s.validation);
  return useMemo(() => describeData({ dataset, graph: editor.getState().project.graph }, validation), [dataset, validation, editor]);
}
