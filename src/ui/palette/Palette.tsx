import { useReactFlow } from '@xyflow/react';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { LAYOUT } from '../../core/graph/layoutSizes.ts';
import type { LayerKind } from '../../core/layers/index.ts';
import { addLayer } from '../../state/editor/editing.ts';
import { useStores } from '../stores.ts';
import { oneLine, paletteGroups } from './paletteGroups.ts';
import { placeNewLayer } from './placement.ts';
import { usePaletteDrag } from './usePaletteDrag.tsx';
import './palette.css';

/**
 * Every layer kind of the registry, grouped, each with its one-line description. Drag one onto the canvas (mouse,
 * pen or finger), or click it / press Enter on it to add it in view (after the selected layer when that fits).
 */
export function Palette() {
  const { editor, ui } = useStores();
  const flow = useReactFlow();
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => paletteGroups(filter), [filter]);
  const baseId = useId();
  const justDragged = useRef(false);

  const dropAt = useCallback(
    (kind: LayerKind, client: { x: number; y: number }) => {
      const p = flow.screenToFlowPosition(client);
      addLayer(editor, kind, { x: p.x - LAYOUT.nodeWidth / 2, y: p.y - LAYOUT.nodeHeight / 2 });
      justDragged.current = true;
      setTimeout(() => {
        justDragged.current = false;
      }, 0);
    },
    [editor, flow],
  );
  const drag = usePaletteDrag(dropAt);

  const addInView = useCallback(
    (kind: LayerKind) => {
      if (justDragged.current) return;
      const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      const centre = canvas === undefined ? { x: 0, y: 0 } : flow.screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 });
      const state = editor.getState();
      const place = placeNewLayer(state.project.graph, kind, state.selection.nodes, centre);
      const id = addLayer(editor, kind, place.position, place.after);
      // Keep the new layer in view.
      const node = editor.getState().project.graph.nodes.find((n) => n.id === id);
      if (node !== undefined) {
        const view = flow.getViewport();
        const bounds = canvas;
        if (bounds !== undefined) {
          const sx = node.position.x * view.zoom + view.x;
          const sy = node.position.y * view.zoom + view.y;
          if (sx < 0 || sy < 0 || sx + LAYOUT.nodeWidth * view.zoom > bounds.width || sy + LAYOUT.nodeHeight * view.zoom > bounds.height) {
            void flow.setCenter(node.position.x + LAYOUT.nodeWidth / 2, node.position.y + LAYOUT.nodeHeight / 2, { zoom: view.zoom, duration: 200 });
          }
        }
      }
      if (window.matchMedia('(max-width: 1023px)').matches) ui.getState().setPaletteOpen(false);
    },
    [editor, flow, ui],
  );

  return (
    <nav className="palette" aria-label="Layers">
      <div className="palette-search">
        <label htmlFor={`${baseId}-search`} className="visually-hidden">
          Find a layer
        </label>
        <input id={`${baseId}-search`} className="input" type="search" placeholder="Find a layer…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div className="palette-groups">
        {groups.map((group) => (
          <section key={group.title} className="palette-group" aria-labelledby={`${baseId}-${group.title}`}>
            <h2 id={`${baseId}-${group.title}`} className="palette-group-title">
              {group.title}
            </h2>
            <ul>
              {group.kinds.map((kind) => (
                <li key={kind}>
                  <button
                    type="button"
                    className="palette-item"
                    aria-label={kind}
                    aria-describedby={`${baseId}-${kind}-desc`}
                    onClick={() => addInView(kind)}
                    onPointerDown={(e) => drag.start(e, kind)}
                  >
                    <span className="palette-item-kind">{kind}</span>
                    <span className="palette-item-desc" id={`${baseId}-${kind}-desc`}>
                      {oneLine(kind)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 ? <p className="help palette-empty">No layer matches “{filter}”.</p> : null}
      </div>
      <p className="palette-hint help">Drag a layer onto the canvas, or click it to add it after the selected layer.</p>
      {drag.ghost}
    </nav>
  );
}
