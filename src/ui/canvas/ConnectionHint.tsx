import { Panel, useConnection } from '@xyflow/react';
import { checkConnection } from '../../core/editing/index.ts';
import { useStores } from '../stores.ts';
import { slotOf } from './flowElements.ts';

/**
 * While a wire is being dragged over an input it cannot go to, says why (the same pure check that refuses it), at the
 * top of the canvas, where it is read aloud too (role="status").
 */
export function ConnectionHint() {
  const connection = useConnection();
  const { editor } = useStores();
  let reason: string | null = null;
  if (connection.inProgress && connection.toHandle !== null && connection.toNode !== null && connection.fromNode !== null) {
    const fromTarget = connection.fromHandle.type === 'target';
    const source = fromTarget ? connection.toNode.id : connection.fromNode.id;
    const target = fromTarget ? connection.fromNode.id : connection.toNode.id;
    const slot = slotOf(fromTarget ? connection.fromHandle.id : connection.toHandle.id);
    if (slot !== null) {
      const check = checkConnection(editor.getState().project.graph, { source, target, inputIndex: slot });
      if (!check.ok) reason = check.reason;
    }
  }
  return (
    <Panel position="top-center" className="connection-hint-panel">
      <div role="status" aria-live="polite" className={reason === null ? 'connection-hint empty' : 'connection-hint'} data-testid="connection-hint">
        {reason}
      </div>
    </Panel>
  );
}
