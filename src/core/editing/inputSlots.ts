import type { GraphEdge, GraphNode } from '../graph/types.ts';
import { LAYER_REGISTRY } from '../layers/index.ts';

/**
 * How many inputs a layer offers on the canvas and in the inspector: none for an Input, one for a single-input layer,
 * and for a merge layer every used slot plus one free slot (at least its minimum, at most its maximum), so there is
 * always a place for the next branch.
 */
export function inputSlotCount(node: Pick<GraphNode, 'kind'>, incoming: readonly Pick<GraphEdge, 'inputIndex'>[]): number {
  const { min, max } = LAYER_REGISTRY[node.kind].inputs;
  if (max === 0) return 0;
  if (max === 1) return 1;
  const highest = incoming.reduce((m, e) => Math.max(m, e.inputIndex), -1);
  return Math.min(max, Math.max(min, highest + 2));
}
