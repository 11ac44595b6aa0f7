/**
 * A compiled model's weights as plain data, by node id, with Keras's weight names in Keras's order:
 * Dense kernel, bias; BatchNormalization gamma, beta, moving_mean, moving_variance; PReLU alpha.
 * Layers without weights are left out of the map.
 */
import * as tf from '@tensorflow/tfjs';
import { layerNameOf, nodeIdOf } from './layerNames.ts';
import { weightProblems } from './weightProblems.ts';

export interface LayerWeight {
  /** Keras's name of the weight, e.g. "kernel" or "moving_mean". */
  name: string;
  shape: number[];
  /** Row-major values (a copy: changing it does not change the model). */
  values: Float32Array;
}

export type LayerWeights = Map<string, LayerWeight[]>;

/** tfjs names a weight "<layer>/<weight>" (plus "_1" etc. in its unique name); node ids never contain "/". */
function weightName(variable: tf.LayerVariable): string {
  const name = variable.originalName;
  return name.slice(name.lastIndexOf('/') + 1);
}

function knownShape(variable: tf.LayerVariable): number[] {
  return variable.shape.map((d) => d ?? 0);
}

/** Every layer's weights, keyed by node id. */
export function getLayerWeights(model: tf.LayersModel): LayerWeights {
  const out: LayerWeights = new Map();
  for (const layer of model.layers) {
    if (layer.weights.length === 0) continue;
    out.set(
      nodeIdOf(layer.name),
      layer.weights.map((variable) => ({
        name: weightName(variable),
        shape: knownShape(variable),
        values: Float32Array.from(variable.read().dataSync()),
      })),
    );
  }
  return out;
}

/**
 * Loads weights by node id and weight name. A layer is loaded only when every one of its weights is given with the
 * right shape; otherwise it keeps its weights and the reason is listed. Model layers missing from `weights` are left
 * alone (not a problem). Returns the problems in plain words; never throws.
 */
export function setLayerWeights(model: tf.LayersModel, weights: ReadonlyMap<string, readonly LayerWeight[]>): string[] {
  const problems: string[] = [];
  const layers = new Map(model.layers.map((layer) => [layer.name, layer]));
  for (const [nodeId, given] of weights) {
    const layer = layers.get(layerNameOf(nodeId));
    if (layer === undefined) {
      problems.push(`There is no layer called ${nodeId} in this network, so its weights were not loaded.`);
      continue;
    }
    const own = layer.weights;
    const found = weightProblems(nodeId, own.map((v) => ({ name: weightName(v), shape: knownShape(v) })), given);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    if (own.length === 0) continue;
    const tensors = own.map((variable) => {
      const match = given.find((w) => w.name === weightName(variable));
      return tf.tensor(match?.values ?? new Float32Array(0), knownShape(variable), 'float32');
    });
    try {
      layer.setWeights(tensors);
    } catch (error) {
      problems.push(`${nodeId}'s weights could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
    } finally {
      tf.dispose(tensors);
    }
  }
  return problems;
}
