import { useEditor, useStores, useUi } from './stores.ts';
import { ProblemsList } from './panels/ProblemsList.tsx';
import { Icon } from './toolbar/Icon.tsx';

/** The strip under the canvas: the problems list (and, with training, the loss curves), collapsible. */
export function BottomDrawer() {
  const open = useUi((s) => s.drawerOpen);
  const { ui } = useStores();
  const errors = useEditor((s) => s.problems.filter((p) => p.severity === 'error').length);
  const warnings = useEditor((s) => s.problems.length) - errors;
  const totalParams = useEditor((s) => s.validation.totalParams);
  const layers = useEditor((s) => s.project.graph.nodes.length);
  return (
    <section className={`drawer${open ? ' open' : ''}`} aria-label="Problems">
      <div className="drawer-head">
        <button type="button" className="btn ghost drawer-toggle" aria-expanded={open} aria-controls="drawer-body" onClick={() => ui.getState().setDrawerOpen(!open)}>
          <Icon name={open ? 'chevronDown' : 'chevronUp'} />
          <span>Problems</span>
          <span className={`count${errors > 0 ? ' count-error' : warnings > 0 ? ' count-warning' : ''}`} data-testid="problem-count">
            {errors + warnings}
          </span>
        </button>
        <span className="drawer-summary mono" aria-live="polite">
          {layers} layer{layers === 1 ? '' : 's'} · {totalParams === null ? '? params' : `${totalParams.toLocaleString('en-US')} params`}
          {errors > 0 ? ` · ${errors} error${errors === 1 ? '' : 's'}` : ''}
          {warnings > 0 ? ` · ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}
        </span>
      </div>
      {open ? (
        <div className="drawer-body" id="drawer-body">
          <ProblemsList />
        </div>
      ) : null}
    </section>
  );
}
