import type { LayerKind, LayerParamsByKind } from '../layers/index.ts';

export interface Position {
  x: number;
  y: number;
}

/** One layer on the canvas. Plain, serialisable data: the id is also the Keras layer name. */
export type GraphNode = {
  [K in LayerKind]: { id: string; kind: K; params: LayerParamsByKind[K]; position: Position };
}[LayerKind];

/** A connection from `source`'s output to one of `target`'s inputs. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Position among the target's inputs (matters for Concatenate); inputs are taken in ascending order. */
  inputIndex: number;
}

export interface Graph {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}

/** Node ids become Keras layer names, which may not contain "/" and should read well in Python. */
export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
