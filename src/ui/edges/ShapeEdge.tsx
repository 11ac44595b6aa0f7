import { BaseEdge, getBezierPath } from '@xyflow/react';
import type { Edge, EdgeProps } from '@xyflow/react';
import { lazy, memo, Suspense } from 'react';
import { useLive } from '../canvas/training/useLiveDomains.ts';
import { useEditor } from '../stores.ts';
import './shapeEdge.css';

// Loaded with the first training numbers, not with the first page.
const LiveEdge = lazy(() => import('./LiveEdge.tsx').then((m) => ({ default: m.LiveEdge })));

export type ShapeFlowEdge = Edge<Record<string, never>, 'shape'>;

/** Width of one character of the pill's 11 px monospace text, so the pill is sized without measuring the DOM. */
const CHAR_WIDTH = 6.7;
const PILL_HEIGHT = 17;
const PILL_PADDING = 7;

/**
 * A connection, with the shape of the tensor that flows along it in a pill at its middle: "(None, 8)". The pill is
 * drawn in the edge's own SVG (not an HTML overlay), so a network of hundreds of edges re-renders only what changed.
 * While a training session has numbers, LiveEdge draws the weights over it (a line per weight, or a tint); the edge
 * itself only learns whether there is a session.
 */
export const ShapeEdge = memo(function ShapeEdge(props: EdgeProps<ShapeFlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const shape = useEditor((s) => s.nodeStatus.get(source)?.shape ?? null);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const text = shape ?? '?';
  const width = text.length * CHAR_WIDTH + 2 * PILL_PADDING;
  const live = useLive();
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'shape-edge selected' : 'shape-edge'} interactionWidth={24} />
      {live ? (
        <Suspense fallback={null}>
          <LiveEdge source={source} target={target} path={path} />
        </Suspense>
      ) : null}
      <g
        className={`edge-pill${selected ? ' selected' : ''}${shape === null ? ' unknown' : ''}`}
        transform={`translate(${labelX - width / 2} ${labelY - PILL_HEIGHT / 2})`}
        data-testid={`edge-label-${source}-${target}`}
      >
        <title>{shape === null ? `Shape unknown until ${source} is fixed` : `${source} → ${target}: ${shape}`}</title>
        <rect width={width} height={PILL_HEIGHT} rx={PILL_HEIGHT / 2} />
        <text x={width / 2} y={PILL_HEIGHT / 2} dominantBaseline="central" textAnchor="middle">
          {text}
        </text>
      </g>
    </>
  );
});
