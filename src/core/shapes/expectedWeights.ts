import type { Graph } from '../graph/types.ts';
import { resolveAxis } from '../layers/index.ts';
import type { GraphInference } from './inferShapes.ts';
import { inferShapes } from './inferShapes.ts';

export interface ExpectedWeight {
  /** Keras's name: kernel, bias, gamma, beta, moving_mean, moving_variance, alpha. */
  name: string;
  shape: number[];
}

/**
 * The weights each layer of `graph` has, by node id, with Keras's names, shapes and order (Dense kernel, bias;
 * BatchNormalization gamma, beta, moving_mean, moving_variance; PReLU alpha). Layers without weights, and layers
 * whose shapes core cannot work out, are left out.
 */
export function expectedWeights(graph: Graph, inference: GraphInference = inferShapes(graph)): Map<string, ExpectedWeight[]> {
  const out = new Map<string, ExpectedWeight[]>();
  for (const node of graph.nodes) {
    const info = inference.nodes.get(node.id);
    if (info?.status !== 'ok') continue;
    const input = info.inputShapes[0] ?? [];
    const weights: ExpectedWeight[] = [];
    switch (node.kind) {
      case 'Dense': {
        const fanIn = input[input.length - 1] ?? 0;
        weights.push({ name: 'kernel', shape: [fanIn, node.params.units] });
        if (node.params.use_bias) weights.push({ name: 'bias', shape: [node.params.units] });
        break;
      }
      case 'BatchNormalization': {
        const index = resolveAxis(node.params.axis, input.length);
        const channels = index === null ? 0 : (input[index] ?? 0);
        if (node.params.scale) weights.push({ name: 'gamma', shape: [channels] });
        if (node.params.center) weights.push({ name: 'beta', shape: [channels] });
        weights.push({ name: 'moving_mean', shape: [channels] }, { name: 'moving_variance', shape: [channels] });
        break;
      }
      case 'PReLU': {
        const shared = new Set(node.params.shared_axes ?? []);
        weights.push({ name: 'alpha', shape: input.map((d, i) => (shared.has(i + 1) ? 1 : d)) });
        break;
      }
      default:
        break;
    }
    if (weights.length > 0) out.set(node.id, weights);
  }
  return out;
}
