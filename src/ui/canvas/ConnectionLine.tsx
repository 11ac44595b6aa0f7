import { getBezierPath } from '@xyflow/react';
import type { ConnectionLineComponentProps } from '@xyflow/react';

/** The wire being dragged: green over an input that accepts it, red over one that refuses it. */
export function ConnectionLine({ fromX, fromY, toX, toY, fromPosition, toPosition, connectionStatus }: ConnectionLineComponentProps) {
  const [path] = getBezierPath({ sourceX: fromX, sourceY: fromY, sourcePosition: fromPosition, targetX: toX, targetY: toY, targetPosition: toPosition });
  const status = connectionStatus ?? 'none';
  return (
    <g className={`connection-line connection-${status}`}>
      <path d={path} fill="none" strokeWidth={2} strokeDasharray={status === 'invalid' ? '6 4' : undefined} />
      <circle cx={toX} cy={toY} r={4} />
    </g>
  );
}
