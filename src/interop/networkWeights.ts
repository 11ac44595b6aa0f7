/**
 * The weights a LayerLab network needs in Keras (names, shapes), and the check of given weights against them.
 */
import type { Graph } from '../core/graph/types.ts';
import { shapesEqual } from '../core/layers/index.ts';
import { expectedWeights } from '../core/shapes/expectedWeights.ts';
import type { ProjectWeights, WeightTensor } from '../core/project/types.ts';
import type { InteropProblem } from './interopProblem.ts';
import { formatTuple, quote } from './interopProblem.ts';

/** Checks weights (by node id) against what each node of the graph needs: names, shapes and value counts; `layer` is the node id. */
export function weightProblems(graph: Graph, weights: ProjectWeights): InteropProblem[] {
  const problems: InteropProblem[] = [];
  const expected = expectedWeights(graph);
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const given = (id: string): WeightTensor[] => (Object.hasOwn(weights.layers, id) ? (weights.layers[id] ?? []) : []);
  for (const id of Object.keys(weights.layers)) {
    if (given(id).length === 0) continue;
    const layer = id;
    if (!nodeIds.has(id)) problems.push({ layer, message: `There are weights for ${quote(layer)}, but the network has no layer of that name.` });
    else if (!expected.has(id)) problems.push({ layer, message: 'This layer has no weights, but weights were given for it.' });
  }
  for (const [id, wanted] of expected) {
    const layer = id;
    const tensors = given(id);
    for (const tensor of tensors) {
      if (!wanted.some((w) => w.name === tensor.name)) {
        problems.push({ layer, message: `This layer has no ${tensor.name} weights (it has ${wanted.map((w) => w.name).join(', ')}).` });
      }
    }
    for (const want of wanted) {
      const tensor = tensors.find((t) => t.name === want.name);
      if (tensor === undefined) {
        problems.push({ layer, message: `The ${want.name} weights are missing.` });
      } else if (!shapesEqual(tensor.shape, want.shape)) {
        problems.push({
          layer,
          message: `The ${want.name} weights have shape ${formatTuple(tensor.shape)}, but the layer needs ${formatTuple(want.shape)}.`,
        });
      } else if (tensor.values.length !== want.shape.reduce((p, d) => p * d, 1)) {
        problems.push({ layer, message: `The ${want.name} weights have ${tensor.values.length} numbers for shape ${formatTuple(want.shape)}.` });
      }
    }
  }
  return problems;
}
