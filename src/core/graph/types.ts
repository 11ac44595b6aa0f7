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

/** Which Keras API builds the model: `keras.Sequential([...])` or `keras.Model(inputs, outputs)`. */
export type KerasApi = 'sequential' | 'functional';

/**
 * How a model's inputs (or outputs) are structured in Keras, which decides what `model.predict` returns and what
 * `fit` takes: one bare tensor ('single'), a list, even of one ('list'), or a dict of named tensors ('dict', in
 * the order of `ends`).
 */
export type ModelEndsForm = 'single' | 'list' | 'dict';

/** One model input or output: the node, and its dict key (dict form only; the node id when left out). */
export interface ModelEnd {
  node: string;
  key?: string;
}

export interface ModelEnds {
  form: ModelEndsForm;
  ends: readonly ModelEnd[];
}

/**
 * What a file or the student chose about the model as a whole, beyond its layers. Every field is optional: what is
 * left out follows the graph (see modelEnds.ts, the one place that reads it).
 */
export interface ModelStructure {
  api?: KerasApi;
  inputs?: ModelEnds;
  outputs?: ModelEnds;
}

export interface Graph {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  /** The model's recorded structure (Keras API, input and output structure); absent for a graph built on the canvas. */
  model?: ModelStructure;
}

/** Node ids become Keras layer names, which may not contain "/" and should read well in Python. */
export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
