import { useEditor } from '../../stores.ts';
import type { EditorState } from '../../../state/editor/editorStore.ts';

/**
 * The problems of the network against the data: each names the layers at fault (the Input, the output). Data that
 * cannot be read at all is reported without a layer, and the data card (and the CSV picker) already say that.
 */
const networkFitProblems = (s: EditorState) => s.validation.datasetDiagnostics;

/**
 * When the network does not fit the chosen data (its Input or output, or the loss), the same problems the Problems
 * list shows, said here where the data is chosen.
 */
export function DataFitNotice() {
  const all = useEditor(networkFitProblems);
  const problems = all.filter((p) => p.nodeIds.length > 0);
  if (problems.length === 0) return null;
  const errors = problems.some((p) => p.severity === 'error');
  return (
    <div className={errors ? 'data-fit error' : 'data-fit warning'} data-testid="data-fit">
      <p className="data-fit-head">{errors ? 'The network does not fit this data yet:' : 'Worth checking before training:'}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.message}
            {p.fix ? <span className="data-fit-fix"> {p.fix}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
