import { useEditor } from '../stores.ts';
import { useDataText } from './useDataText.ts';

/** The Data tab: which data the network learns from. (Choosing and previewing data arrives with training.) */
export function DataPanel() {
  const builtin = useEditor((s) => s.project.dataset.kind === 'builtin');
  const text = useDataText();
  return (
    <div className="panel-section">
      <h2 className="panel-title">Data</h2>
      <div className="dataset-card" data-testid="dataset-name">
        <h3>{text.title}</h3>
        <p>{text.detail}</p>
      </div>
      {builtin ? (
        <p className="panel-note">Every point has two features, x1 and x2, between -6 and 6; the network learns which class each point belongs to.</p>
      ) : null}
    </div>
  );
}
