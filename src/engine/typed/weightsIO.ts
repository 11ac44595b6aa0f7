/**
 * The typed network's weights as LayerWeights (weights.ts): by node id, Keras's names and order (Dense kernel, bias;
 * PReLU alpha), copied in and out, with the same plain-language problems as the TensorFlow.js path's setLayerWeights.
 */
import type { LayerWeights } from '../weights.ts';
import { weightProblems } from '../weightProblems.ts';
import type { Param } from './ops/op.ts';

/** Each layer's params, by node id, for the layers that have any, in network order. */
export function paramsByNode(params: readonly Param[]): Map<string, Param[]> {
  const byNode = new Map<string, Param[]>();
  for (const param of params) {
    const list = byNode.get(param.nodeId);
    if (list === undefined) byNode.set(param.nodeId, [param]);
    else list.push(param);
  }
  return byNode;
}

/**
 * Loads weights by node id and weight name. A layer is loaded only when all its weights are given with the right
 * shape; otherwise it keeps its weights and the reason is listed. Layers missing from `weights` are left alone.
 * `layerIds` are every node of the network (layers without weights included, to tell "no such layer" from "no weights").
 */
export function loadWeights(byNode: ReadonlyMap<string, readonly Param[]>, layerIds: ReadonlySet<string>, weights: LayerWeights): string[] {
  const problems: string[] = [];
  for (const [nodeId, given] of weights) {
    if (!layerIds.has(nodeId)) {
      problems.push(`There is no layer called ${nodeId} in this network, so its weights were not loaded.`);
      continue;
    }
    const own = byNode.get(nodeId) ?? [];
    const found = weightProblems(nodeId, own, given);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    for (const param of own) {
      const match = given.find((w) => w.name === param.name);
      if (match !== undefined) param.values.set(match.values);
    }
  }
  return problems;
}

/** The layers with weights that `weights` leaves out, as problems (a new trainer needs every layer's weights). */
export function missingLayers(byNode: ReadonlyMap<string, readonly Param[]>, weights: LayerWeights): string[] {
  return [...byNode.keys()].filter((id) => !weights.has(id)).map((id) => `No weights were given for ${id}.`);
}

/** Copies of every layer's weights. */
export function readWeights(byNode: ReadonlyMap<string, readonly Param[]>): LayerWeights {
  const out: LayerWeights = new Map();
  for (const [nodeId, params] of byNode) {
    out.set(
      nodeId,
      params.map((p) => ({ name: p.name, shape: [...p.shape], values: Float32Array.from(p.values) })),
    );
  }
  return out;
}
