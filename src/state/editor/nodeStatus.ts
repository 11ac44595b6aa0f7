/**
 * What each node card shows about itself — output shape, parameter count, its problems — derived from the network's
 * validation. Objects are reused when nothing about a node changed, so a card subscribed to its own status
 * re-renders only when its own status changes (an edit elsewhere on a 200-node graph re-renders one or two cards).
 */
import { formatShape } from '../../core/layers/index.ts';
import type { Problem } from '../../core/problems/index.ts';
import type { NetworkValidation } from '../../core/validation/validateNetwork.ts';

export interface NodeStatus {
  /** "(None, 8)", or null while the shape is unknown. */
  shape: string | null;
  /** As Keras's count_params(), or null while the shape is unknown. */
  params: number | null;
  /** The worst problem on this node. */
  severity: 'error' | 'warning' | null;
  /** Problems about this node (as the first node named, or involved), errors first. */
  problems: readonly Problem[];
  /** Why the shape is unknown when the node itself has no problem (a layer before it has one). */
  blocked: string | null;
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.message === q.message && p.severity === q.severity && p.fix === q.fix && p.nodeId === q.nodeId;
  });
}

function sameStatus(a: NodeStatus, b: NodeStatus): boolean {
  return a.shape === b.shape && a.params === b.params && a.severity === b.severity && a.blocked === b.blocked && sameProblems(a.problems, b.problems);
}

export function deriveNodeStatus(
  nodeIds: readonly string[],
  validation: NetworkValidation,
  problems: readonly Problem[],
  previous: ReadonlyMap<string, NodeStatus>,
): Map<string, NodeStatus> {
  const byNode = new Map<string, Problem[]>();
  for (const problem of problems) {
    const involved = problem.nodeIds ?? (problem.nodeId === null ? [] : [problem.nodeId]);
    for (const id of new Set(involved)) {
      const list = byNode.get(id);
      if (list === undefined) byNode.set(id, [problem]);
      else list.push(problem);
    }
  }
  const out = new Map<string, NodeStatus>();
  for (const id of nodeIds) {
    const info = validation.nodes.get(id);
    const own = byNode.get(id) ?? [];
    const severity = own.some((p) => p.severity === 'error') ? 'error' : own.length > 0 ? 'warning' : null;
    const next: NodeStatus = {
      shape: info?.status === 'ok' ? formatShape(info.shape) : null,
      params: info?.status === 'ok' ? info.params : null,
      severity,
      problems: own,
      blocked: info?.status === 'blocked' ? info.message : null,
    };
    const before = previous.get(id);
    out.set(id, before !== undefined && sameStatus(before, next) ? before : next);
  }
  return out;
}
