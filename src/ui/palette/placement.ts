/**
 * Where a layer added from the palette goes when it is clicked (or chosen with Enter) rather than dragged: right of
 * the selected layer, connected to it, when that layer's output is still free — so clicking Dense, Dense, Dense builds
 * a chain — otherwise in the middle of the view, moved down past any layer already there.
 */
import type { Graph, Position } from '../../core/graph/types.ts';
import { LAYOUT } from '../../core/graph/layoutSizes.ts';
import type { LayerKind } from '../../core/layers/index.ts';
import { LAYER_REGISTRY } from '../../core/layers/index.ts';

const STEP_X = LAYOUT.nodeWidth + LAYOUT.rankGap;
const STEP_Y = LAYOUT.nodeHeight + LAYOUT.nodeGap;

function overlaps(graph: Graph, p: Position): boolean {
  return graph.nodes.some((n) => Math.abs(n.position.x - p.x) < LAYOUT.nodeWidth + 10 && Math.abs(n.position.y - p.y) < LAYOUT.nodeHeight + 10);
}

/** `p`, moved down a row at a time until it covers no layer. */
export function freeSpot(graph: Graph, p: Position): Position {
  let spot = { x: Math.round(p.x), y: Math.round(p.y) };
  for (let i = 0; i < 200 && overlaps(graph, spot); i += 1) spot = { x: spot.x, y: spot.y + STEP_Y };
  return spot;
}

export interface Placement {
  position: Position;
  /** The selected layer to connect the new one after, when there is one that fits. */
  after: string | null;
}

export function placeNewLayer(graph: Graph, kind: LayerKind, selected: readonly string[], viewCentre: Position): Placement {
  const only = selected.length === 1 ? graph.nodes.find((n) => n.id === selected[0]) : undefined;
  const takesInput = LAYER_REGISTRY[kind].inputs.max > 0;
  if (only !== undefined && takesInput && !graph.edges.some((e) => e.source === only.id)) {
    return { position: freeSpot(graph, { x: only.position.x + STEP_X, y: only.position.y }), after: only.id };
  }
  return { position: freeSpot(graph, { x: viewCentre.x - LAYOUT.nodeWidth / 2, y: viewCentre.y - LAYOUT.nodeHeight / 2 }), after: null };
}
