/** A node with the shapes and sources inference found for it: what the model writers work from. */
import type { GraphNode } from '../../graph/types.ts';
import type { Shape } from '../../layers/index.ts';

export interface Built {
  node: GraphNode;
  /** Input shapes in input order (inputIndex). */
  inputShapes: Shape[];
  /** Source node ids in input order. */
  sources: string[];
  shape: Shape;
}
