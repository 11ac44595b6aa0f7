import { useEditor } from '../stores.ts';
import { describeData } from './datasetText.ts';

/** The Data tab: which data the network learns from. (Choosing and previewing data arrives with training.) */
export function DataPanel() {
  const project = useEditor((s) => s.project);
  const text = describeData(project);
  return (
    <div className="panel-section">
      <h2 className="panel-title">Data</h2>
      <div className="dataset-card" data-testid="dataset-name">
        <h3>{text.title}</h3>
        <p>{text.detail}</p>
      </div>
      {project.dataset.kind === 'builtin' ? (
        <p className="panel-note">Every point has two features, x1 and x2, between -6 and 6; the network learns which class each point belongs to.</p>
      ) : null}
    </div>
  );
}
