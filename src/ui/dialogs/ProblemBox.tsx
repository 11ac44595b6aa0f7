import type { Problem } from '../../core/problems/index.ts';

/** Problems that stopped an import or export, each with its layer and fix, in the problems list's words. */
export function ProblemBox({ title, problems }: { title: string; problems: readonly Problem[] }) {
  return (
    <div className="problem-box" role="alert" data-testid="problem-box">
      <strong>{title}</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.nodeId === null ? null : <span className="mono">{p.nodeId}: </span>}
            {p.message}
            {p.fix === undefined ? null : <span className="help"> Fix: {p.fix}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
