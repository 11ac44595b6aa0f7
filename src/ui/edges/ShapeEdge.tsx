import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { Edge, EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../stores.ts';
import './shapeEdge.css';

export type ShapeFlowEdge = Edge<Record<string, never>, 'shape'>;

/** A connection, with the shape of the tensor that flows along it in a pill at its middle: "(None, 8)". */
export const ShapeEdge = memo(function ShapeEdge(props: EdgeProps<ShapeFlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const shape = useEditor((s) => s.nodeStatus.get(source)?.shape ?? null);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'shape-edge selected' : 'shape-edge'} interactionWidth={24} />
      <EdgeLabelRenderer>
        <div
          className={`edge-pill mono${selected ? ' selected' : ''}${shape === null ? ' unknown' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`edge-label-${source}-${target}`}
          title={shape === null ? `Shape unknown until ${source} is fixed` : `${source} → ${target}: ${shape}`}
        >
          {shape ?? '?'}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
