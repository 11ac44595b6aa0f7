import { incomingEdges } from '../graph/topology.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import type { ActivationName } from '../layers/index.ts';

/** Layers that pass their input's meaning through unchanged, for finding the output activation. */
const PASS_THROUGH = new Set(['Dropout', 'Flatten', 'Reshape', 'BatchNormalization']);

/** The activation that produces a node's values, looking back through Dropout, Flatten and the like. */
export function outputActivation(graph: Graph, nodeId: string): ActivationName | null {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = incomingEdges(graph);
  let node: GraphNode | undefined = byId.get(nodeId);
  for (let hops = 0; node !== undefined && hops < graph.nodes.length; hops += 1) {
    switch (node.kind) {
      case 'Dense':
      case 'Activation':
        return node.params.activation;
      case 'Softmax':
        return 'softmax';
      case 'ReLU':
        return 'relu';
      case 'LeakyReLU':
      case 'PReLU':
        return 'leaky_relu';
      case 'ELU':
        return 'elu';
      default:
        break;
    }
    if (!PASS_THROUGH.has(node.kind)) return null;
    const edges = incoming.get(node.id) ?? [];
    node = edges.length === 1 ? byId.get(edges[0]?.source ?? '') : undefined;
  }
  return null;
}
