/**
 * Weights as the project file and the exporters hold them (ProjectWeights: plain number arrays by node id), to and
 * from the engine's typed arrays, and a network's starting weights for a seed.
 */
import type { ProjectWeights } from '../core/project/types.ts';
import type { LayerWeights } from './weights.ts';

export function fromProjectWeights(weights: ProjectWeights): LayerWeights {
  const map: LayerWeights = new Map();
  for (const id of Object.keys(weights.layers)) {
    const tensors = Object.hasOwn(weights.layers, id) ? weights.layers[id] : undefined;
    if (tensors === undefined) continue;
    map.set(
      id,
      tensors.map((t) => ({ name: t.name, shape: [...t.shape], values: Float32Array.from(t.values) })),
    );
  }
  return map;
}

/** To project weights (core's), and the weights a fresh network starts with for `seed` (core's: what compileGraph loads). */
export { initialProjectWeights, toProjectWeights } from '../core/weights/initialWeights.ts';
