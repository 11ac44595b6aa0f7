/**
 * The typed network's weights as LayerWeights (weights.ts): by node id, Keras's names and order (Dense kernel, bias;
 * PReLU alpha), copied in and out, with the same plain-language problems as the TensorFlow.js path's setLayerWeights.
 */
import { formatShapeNoBatch, shapesEqual } from '../../core/layers/index.ts';
import type { LayerWeight, LayerWeights } from '../weights.ts';
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

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** Problems with loading `given` into one layer whose params are `own`; empty when every weight fits exactly. */
function layerProblems(nodeId: string, own: readonly Param[], given: readonly LayerWeight[]): string[] {
  const problems: string[] = [];
  const keeps = `so ${nodeId} keeps its current weights`;
  const ownNames = own.map((p) => p.name);
  for (const weight of given) {
    if (ownNames.includes(weight.name)) continue;
    problems.push(
      own.length === 0
        ? `${nodeId} has no weights, but ${weight.name} weights were given for it.`
        : `${nodeId} has no ${weight.name} weights (it has ${listWords(ownNames)}), ${keeps}.`,
    );
  }
  for (const param of own) {
    const match = given.find((w) => w.name === param.name);
    if (match === undefined) {
      problems.push(`No ${param.name} weights were given for ${nodeId}, ${keeps}.`);
    } else if (!shapesEqual(match.shape, param.shape)) {
      problems.push(
        `${nodeId}'s ${param.name} weights have shape ${formatShapeNoBatch(param.shape)} in this network, but the weights given have shape ${formatShapeNoBatch(match.shape)}, ${keeps}.`,
      );
    } else if (match.values.length !== param.values.length) {
      problems.push(
        `${nodeId}'s ${param.name} weights of shape ${formatShapeNoBatch(param.shape)} need ${param.values.length} numbers, but ${match.values.length} were given, ${keeps}.`,
      );
    }
  }
  return problems;
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
    const found = layerProblems(nodeId, own, given);
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
