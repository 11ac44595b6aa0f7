import { useMemo } from 'react';
import { useEditor, useStores } from '../../stores.ts';
import { suggestedData } from './suggestedData.ts';
import type { DataEdits } from './useDataEdits.ts';

/** A project with no data yet (an imported model): ask for data, offering the data that fits the network. */
export function NoDataPrompt({ edits }: { edits: DataEdits }) {
  const { editor } = useStores();
  const validation = useEditor((s) => s.validation);
  const suggestion = useMemo(() => suggestedData(editor.getState().project.graph, validation), [editor, validation]);
  return (
    <div className="data-ask">
      <p>Choose the data this network learns from.</p>
      {suggestion ? (
        <button type="button" className="btn primary" onClick={() => edits.setDataset(suggestion.config)}>
          Use {suggestion.title}
        </button>
      ) : (
        <p className="help">None of LayerLab&apos;s data fits this network&apos;s Input and output as it is: choose data below and change the network to fit it, or upload a CSV file.</p>
      )}
    </div>
  );
}
