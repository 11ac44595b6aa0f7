import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { Problem } from '../../core/problems/index.ts';
import { APP_MESSAGES } from '../../state/appMessages.ts';
import { useEditor, useStores } from '../stores.ts';
import { ProblemIcon } from './ProblemIcon.tsx';
import './problems.css';

/**
 * Every problem of the network, errors first, in the same words as `layerlab validate`. An entry about a layer is a
 * button: it selects that layer and brings it into view.
 */
export function ProblemsList() {
  const problems = useEditor((s) => s.problems);
  const { editor, ui } = useStores();
  const flow = useReactFlow();

  const reveal = useCallback(
    (problem: Problem) => {
      const id = problem.nodeId;
      if (id === null) return;
      const node = editor.getState().project.graph.nodes.find((n) => n.id === id);
      if (node === undefined) return;
      editor.getState().select({ nodes: [id], edges: [] });
      ui.getState().setSideTab('layer');
      void flow.fitView({ nodes: [{ id }], maxZoom: Math.max(flow.getZoom(), 1), duration: 300, padding: 0.6 });
    },
    [editor, flow, ui],
  );

  if (problems.length === 0) {
    return (
      <p className="problems-empty" data-testid="problems-empty">
        {APP_MESSAGES.noProblems}
      </p>
    );
  }
  return (
    <ul className="problems-list" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={`${i}:${p.message}`} className={`problem problem-${p.severity}`}>
          <ProblemIcon severity={p.severity} />
          <div className="problem-body">
            {p.nodeId === null ? (
              <span className="problem-text">{p.message}</span>
            ) : (
              <button type="button" className="problem-link" onClick={() => reveal(p)} aria-label={`${p.severity === 'error' ? 'Error' : 'Warning'} in ${p.nodeId}: ${p.message}`}>
                <span className="problem-node mono">{p.nodeId}</span>
                <span className="problem-text">{p.message}</span>
              </button>
            )}
            {p.fix === undefined ? null : <span className="problem-fix">Fix: {p.fix}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
