/**
 * The weights a LayerLab network needs in Keras (names, shapes), and the check of given weights against them.
 */
import type { Graph } from '../core/graph/types.ts';
import { resolveAxis } from '../core/layers/index.ts';
import type { ProjectWeights, WeightTensor } from '../core/project/types.ts';
import { inferShapes } from '../core/shapes/inferShapes.ts';
import type { InteropProblem } from './interopProblem.ts';
import { formatTuple, quote } from './interopProblem.ts';

/** The weights each node of `graph` has in Keras (names in Keras's order, shapes), for nodes that have any. */
export function expectedWeights(graph: Graph): Map<string, { name: string; shape: number[] }[]> {
  const inference = inferShapes(graph);
  const out = new Map<string, { name: string; shape: number[] }[]>();
  for (const node of graph.nodes) {
    const info = inference.nodes.get(node.id);
    if (info?.status !== 'ok') continue;
    const input = info.inputShapes[0] ?? [];
    switch (node.kind) {
      case 'Dense': {
        const units = node.params.units;
        const list = [{ name: 'kernel', shape: [input[input.length - 1] ?? 0, units] }];
        if (node.params.use_bias) list.push({ name: 'bias', shape: [units] });
        out.set(node.id, list);
        break;
      }
      case 'BatchNormalization': {
        const index = resolveAxis(node.params.axis, input.length);
        const channels = [index === null ? 0 : (input[index] ?? 0)];
        const list: { name: string; shape: number[] }[] = [];
        if (node.params.scale) list.push({ name: 'gamma', shape: channels });
        if (node.params.center) list.push({ name: 'beta', shape: channels });
        list.push({ name: 'moving_mean', shape: channels }, { name: 'moving_variance', shape: [...channels] });
        out.set(node.id, list);
        break;
      }
      case 'PReLU': {
        const shared = new Set(node.params.shared_axes ?? []);
        out.set(node.id, [{ name: 'alpha', shape: input.map((d, i) => (shared.has(i + 1) ? 1 : d)) }]);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Checks weights (by node id) against what each node of the graph needs: names, shapes and value counts. */
export function weightProblems(graph: Graph, weights: ProjectWeights, nameOf: (id: string) => string = (id) => id): InteropProblem[] {
  const problems: InteropProblem[] = [];
  const expected = expectedWeights(graph);
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const given = (id: string): WeightTensor[] => (Object.hasOwn(weights.layers, id) ? (weights.layers[id] ?? []) : []);
  for (const id of Object.keys(weights.layers)) {
    if (given(id).length === 0) continue;
    const layer = nameOf(id);
    if (!nodeIds.has(id)) problems.push({ layer, message: `there are weights for ${quote(layer)}, but the network has no layer of that name` });
    else if (!expected.has(id)) problems.push({ layer, message: `layer ${quote(layer)}: it has no weights, but weights were given for it` });
  }
  for (const [id, wanted] of expected) {
    const layer = nameOf(id);
    const tensors = given(id);
    for (const tensor of tensors) {
      if (!wanted.some((w) => w.name === tensor.name)) {
        problems.push({ layer, message: `layer ${quote(layer)}: it has no ${tensor.name} weights (it has ${wanted.map((w) => w.name).join(', ')})` });
      }
    }
    for (const want of wanted) {
      const tensor = tensors.find((t) => t.name === want.name);
      if (tensor === undefined) {
        problems.push({ layer, message: `layer ${quote(layer)}: its ${want.name} weights are missing` });
      } else if (!sameShape(tensor.shape, want.shape)) {
        problems.push({
          layer,
          message: `layer ${quote(layer)}: its ${want.name} weights have shape ${formatTuple(tensor.shape)}, but the layer needs ${formatTuple(want.shape)}`,
        });
      } else if (tensor.values.length !== want.shape.reduce((p, d) => p * d, 1)) {
        problems.push({ layer, message: `layer ${quote(layer)}: its ${want.name} weights have ${tensor.values.length} numbers for shape ${formatTuple(want.shape)}` });
      }
    }
  }
  return problems;
}
