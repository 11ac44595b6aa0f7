import { useCallback, useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, ReactNode } from 'react';
import type { LayerKind } from '../../core/layers/index.ts';

/** Pixels the pointer must travel before a press on a palette item becomes a drag (a shorter press is a click). */
const DRAG_THRESHOLD = 6;

interface DragState {
  kind: LayerKind;
  pointerId: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  active: boolean;
}

/**
 * Dragging a layer from the palette with pointer events, so the same code serves a mouse, a pen and a finger (HTML5
 * drag and drop does not work with touch). The item gets `touch-action: pan-y`, so a vertical swipe still scrolls
 * the palette while a sideways drag takes the layer. A ghost card follows the pointer; letting go over the canvas
 * calls `onDrop` with the pointer's screen position.
 */
export function usePaletteDrag(onDrop: (kind: LayerKind, client: { x: number; y: number }) => void): {
  start(event: ReactPointerEvent, kind: LayerKind): void;
  ghost: ReactNode;
} {
  const [drag, setDrag] = useState<DragState | null>(null);
  const dragRef = useRef<DragState | null>(null);
  const onDropRef = useRef(onDrop);
  onDropRef.current = onDrop;

  const update = (next: DragState | null): void => {
    dragRef.current = next;
    setDrag(next);
  };

  useEffect(() => {
    if (drag === null) return undefined;
    const move = (e: PointerEvent): void => {
      const current = dragRef.current;
      if (current === null || e.pointerId !== current.pointerId) return;
      const active = current.active || Math.hypot(e.clientX - current.startX, e.clientY - current.startY) > DRAG_THRESHOLD;
      update({ ...current, x: e.clientX, y: e.clientY, active });
      if (active) e.preventDefault();
    };
    const end = (e: PointerEvent): void => {
      const current = dragRef.current;
      if (current === null || e.pointerId !== current.pointerId) return;
      update(null);
      if (!current.active || e.type === 'pointercancel') return;
      const below = document.elementFromPoint(e.clientX, e.clientY);
      if (below?.closest('.react-flow__pane, .react-flow__node, .react-flow__edge, .react-flow__renderer') && below.closest('[data-testid="canvas"]')) {
        onDropRef.current(current.kind, { x: e.clientX, y: e.clientY });
      }
    };
    window.addEventListener('pointermove', move, { passive: false });
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
    };
  }, [drag !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = useCallback((event: ReactPointerEvent, kind: LayerKind) => {
    if (event.button !== 0) return;
    update({ kind, pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, x: event.clientX, y: event.clientY, active: false });
  }, []);

  const ghost =
    drag?.active === true ? (
      <div className="palette-ghost" style={{ transform: `translate(${drag.x - 90}px, ${drag.y - 20}px)` }} aria-hidden="true">
        {drag.kind}
      </div>
    ) : null;
  return { start, ghost };
}
