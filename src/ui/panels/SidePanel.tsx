import { lazy, Suspense, useEffect, useId } from 'react';
import type { KeyboardEvent } from 'react';
import type { SideTab } from '../../state/uiStore.ts';
import { useStores, useUi } from '../stores.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { TrainPanel } from './TrainPanel.tsx';
import './sidePanel.css';

// The Data tab (previews, CSV upload) is not on screen at a first visit: it loads when first opened.
const DataPanel = lazy(() => import('./DataPanel.tsx').then((m) => ({ default: m.DataPanel })));

const TABS: { id: SideTab; label: string }[] = [
  { id: 'layer', label: 'Layer' },
  { id: 'data', label: 'Data' },
  { id: 'train', label: 'Train' },
];

/** The right-hand panel: the selected layer's settings, the data, and training, as tabs. */
export function SidePanel() {
  const tab = useUi((s) => s.sideTab);
  const { ui, editor } = useStores();
  const baseId = useId();

  // Selecting a layer on the canvas shows its settings.
  useEffect(
    () =>
      editor.subscribe((state, previous) => {
        const nodes = state.selection.nodes;
        if (nodes !== previous.selection.nodes && nodes.length > 0 && nodes.some((id) => !previous.selection.nodes.includes(id))) {
          ui.getState().setSideTab('layer');
        }
      }),
    [editor, ui],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (next === undefined) return;
    ui.getState().setSideTab(next.id);
    document.getElementById(`${baseId}-tab-${next.id}`)?.focus();
    e.preventDefault();
  };

  return (
    <aside className="side-panel" aria-label="Layer, data and training">
      <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${baseId}-tab-${t.id}`}
            type="button"
            role="tab"
            className="side-tab"
            aria-selected={tab === t.id}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => ui.getState().setSideTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`}>
        {tab === 'layer' ? (
          <Inspector />
        ) : tab === 'data' ? (
          <Suspense fallback={<p className="panel-note">Loading the data panel…</p>}>
            <DataPanel />
          </Suspense>
        ) : (
          <TrainPanel />
        )}
      </div>
    </aside>
  );
}
