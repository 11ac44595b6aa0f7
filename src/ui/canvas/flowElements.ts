/**
 * React Flow's node and edge arrays, derived from the project's graph and the selection. Objects are reused when
 * their node, selection and measured size are unchanged, so React Flow re-processes only what changed.
 */
import type { GraphEdge, GraphNode } from '../../core/graph/types.ts';
import { inputSlotCount } from '../../core/editing/index.ts';
import type { LayerFlowNode } from '../nodes/LayerNode.tsx';
import type { ShapeFlowEdge } from '../edges/ShapeEdge.tsx';
import { nodeTitle } from '../nodes/nodeTitle.ts';

export interface Size {
  width: number;
  height: number;
}

export class FlowNodeCache {
  private cache = new Map<string, { node: GraphNode; selected: boolean; slots: number; size: Size | undefined; flow: LayerFlowNode }>();

  build(nodes: readonly GraphNode[], edges: readonly GraphEdge[], selected: ReadonlySet<string>, sizes: ReadonlyMap<string, Size>): LayerFlowNode[] {
    const incoming = new Map<string, GraphEdge[]>();
    for (const e of edges) {
      const list = incoming.get(e.target);
      if (list === undefined) incoming.set(e.target, [e]);
      else list.push(e);
    }
    const next = new Map<string, { node: GraphNode; selected: boolean; slots: number; size: Size | undefined; flow: LayerFlowNode }>();
    const out = nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const slots = inputSlotCount(node, incoming.get(node.id) ?? []);
      const size = sizes.get(node.id);
      const hit = this.cache.get(node.id);
      if (hit !== undefined && hit.node === node && hit.selected === isSelected && hit.slots === slots && hit.size === size) {
        next.set(node.id, hit);
        return hit.flow;
      }
      const flow: LayerFlowNode = {
        id: node.id,
        type: 'layer',
        position: node.position,
        data: { node, inputSlots: slots },
        selected: isSelected,
        ariaLabel: `${nodeTitle(node)} layer ${node.id}`,
        ...(size === undefined ? {} : { measured: size }),
      };
      next.set(node.id, { node, selected: isSelected, slots, size, flow });
      return flow;
    });
    this.cache = next;
    return out;
  }
}

export function flowEdges(edges: readonly GraphEdge[], selected: ReadonlySet<string>): ShapeFlowEdge[] {
  return edges.map((e) => ({
    id: e.id,
    type: 'shape',
    source: e.source,
    target: e.target,
    sourceHandle: 'out',
    targetHandle: `in-${e.inputIndex}`,
    selected: selected.has(e.id),
    ariaLabel: `Connection from ${e.source} to ${e.target}${e.inputIndex > 0 ? ` input ${e.inputIndex + 1}` : ''}`,
  }));
}

/** The input slot a handle id names ("in-2" → 2), or null. */
export function slotOf(handleId: string | null | undefined): number | null {
  const match = /^in-(\d+)$/.exec(handleId ?? '');
  return match === null ? null : Number(match[1]);
}
