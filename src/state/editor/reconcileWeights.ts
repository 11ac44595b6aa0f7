import type { LayerLabProject, ProjectWeights, WeightTensor } from '../../core/project/index.ts';
import type { ExpectedWeight } from '../../core/shapes/expectedWeights.ts';
import { expectedWeights } from '../../core/shapes/expectedWeights.ts';
import { inferShapes } from '../../core/shapes/inferShapes.ts';
import type { GraphInference } from '../../core/shapes/inferShapes.ts';

function fits(tensors: readonly WeightTensor[], wanted: readonly ExpectedWeight[]): boolean {
  return (
    wanted.length === tensors.length &&
    wanted.every((w, i) => {
      const t = tensors[i];
      return t !== undefined && t.name === w.name && t.shape.length === w.shape.length && t.shape.every((d, k) => d === w.shape[k]);
    })
  );
}

/**
 * Trained weights that still fit the network after an edit. A layer that was deleted, or whose weights no longer have
 * the shapes the network needs (units changed, an input rewired to a different width), loses them and will start
 * fresh; every other layer keeps what it learned. Pass the network's inference when it is at hand (the editor store
 * has just validated the network) so the shapes are not worked out twice. A layer whose shape is unknown for now (the graph has an error
 * before it) keeps its weights until its shape is known again. Returns the same project object when nothing changes.
 */
export function reconcileWeights(project: LayerLabProject, inference?: GraphInference): LayerLabProject {
  if (project.weights === null) return project;
  inference ??= inferShapes(project.graph);
  const expected = expectedWeights(project.graph, inference);
  const layers: ProjectWeights['layers'] = {};
  let dropped = false;
  for (const id of Object.keys(project.weights.layers)) {
    const tensors = Object.hasOwn(project.weights.layers, id) ? project.weights.layers[id] : undefined;
    if (tensors === undefined) continue;
    const status = inference.nodes.get(id)?.status;
    const wanted = expected.get(id);
    const keep = status === undefined ? false : status !== 'ok' ? true : wanted !== undefined && fits(tensors, wanted);
    if (keep) layers[id] = tensors;
    else dropped = true;
  }
  if (!dropped) return project;
  return { ...project, weights: Object.keys(layers).length === 0 ? null : { layers } };
}
