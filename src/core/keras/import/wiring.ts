/** How the layers are connected: what Sequential and Functional wiring both produce. */
import type { GraphEdge, ModelStructure } from '../../graph/types.ts';
import type { KerasBatchShape } from '../kerasFormat.ts';

export interface Wiring {
  /** Node ids in graph order. */
  order: string[];
  edges: GraphEdge[];
  /** Keras 3's recorded shape of the tensor each edge carries, by edge id. */
  edgeShapes: Map<string, KerasBatchShape>;
  /** A synthesized Input (Sequential models whose input shape is on the first layer). */
  synthesizedInput: { id: string; shape: number[] } | null;
  /** The model's Keras API and input/output structure as the file records them (graph.model). */
  model?: ModelStructure;
}

export function edgeId(source: string, target: string, inputIndex: number): string {
  return `${source}->${target}:${inputIndex}`;
}
