import { lazy, Suspense, useId } from 'react';
import type { KeyboardEvent } from 'react';
import { useEditor, useStores, useTraining, useUi } from './stores.ts';
import { ProblemsList } from './panels/ProblemsList.tsx';
import { Icon } from './toolbar/Icon.tsx';
import type { DrawerTab } from '../state/uiStore.ts';
import './drawer/drawer.css';

// The curves and the confusion matrix appear once training starts: they load then, not with the first page.
const TrainingCurves = lazy(() => import('./drawer/TrainingCurves.tsx').then((m) => ({ default: m.TrainingCurves })));
const ConfusionView = lazy(() => import('./drawer/ConfusionView.tsx').then((m) => ({ default: m.ConfusionView })));

const TABS: { id: DrawerTab; label: string }[] = [
  { id: 'curves', label: 'Loss & accuracy' },
  { id: 'confusion', label: 'Confusion matrix' },
  { id: 'problems', label: 'Problems' },
];

/** The strip under the canvas: training curves, the confusion matrix and the problems list, as tabs; collapsible. */
export function BottomDrawer() {
  const open = useUi((s) => s.drawerOpen);
  const tab = useUi((s) => s.drawerTab);
  const { ui } = useStores();
  const baseId = useId();
  const errors = useEditor((s) => s.problems.filter((p) => p.severity === 'error').length);
  const warnings = useEditor((s) => s.problems.length) - errors;
  const totalParams = useEditor((s) => s.validation.totalParams);
  const layers = useEditor((s) => s.project.graph.nodes.length);
  const classification = useTraining((s) => s.session?.task !== 'regression');
  const tabs = classification ? TABS : TABS.filter((t) => t.id !== 'confusion');
  const choose = (next: DrawerTab): void => {
    ui.getState().setDrawerTab(next);
    if (!open) ui.getState().setDrawerOpen(true);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = tabs.findIndex((t) => t.id === tab);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (next === undefined) return;
    choose(next.id);
    document.getElementById(`${baseId}-tab-${next.id}`)?.focus();
    e.preventDefault();
  };
  return (
    <section className={`drawer${open ? ' open' : ''}`} aria-label="Curves and problems">
      <div className="drawer-head">
        <button type="button" className="btn ghost drawer-toggle icon" aria-expanded={open} aria-controls={`${baseId}-body`} aria-label={open ? 'Collapse the drawer' : 'Expand the drawer'} onClick={() => ui.getState().setDrawerOpen(!open)}>
          <Icon name={open ? 'chevronDown' : 'chevronUp'} />
        </button>
        <div className="drawer-tabs" role="tablist" aria-label="Drawer" onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`${baseId}-tab-${t.id}`}
              type="button"
              role="tab"
              className="drawer-tab"
              aria-selected={open && tab === t.id}
              aria-controls={`${baseId}-body`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => choose(t.id)}
            >
              {t.label}
              {t.id === 'problems' ? (
                <span className={`count${errors > 0 ? ' count-error' : warnings > 0 ? ' count-warning' : ''}`} data-testid="problem-count">
                  {errors + warnings}
                </span>
              ) : null}
            </button>
          ))}
        </div>
        <span className="drawer-summary mono" aria-live="polite">
          {layers} layer{layers === 1 ? '' : 's'} · {totalParams === null ? '? params' : `${totalParams.toLocaleString('en-US')} params`}
          {errors > 0 ? ` · ${errors} error${errors === 1 ? '' : 's'}` : ''}
          {warnings > 0 ? ` · ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}
        </span>
      </div>
      {open ? (
        <div className="drawer-body" id={`${baseId}-body`} role="tabpanel" aria-labelledby={`${baseId}-tab-${tab}`}>
          <Suspense fallback={<p className="drawer-empty">Loading…</p>}>
            {tab === 'curves' ? <TrainingCurves /> : tab === 'confusion' && classification ? <ConfusionView /> : <ProblemsList />}
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
