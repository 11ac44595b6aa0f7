/** What stops an export: the graph's errors, and layers or names Keras cannot take. */
import type { Graph, GraphNode } from '../../graph/types.ts';
import { NODE_ID_PATTERN } from '../../graph/types.ts';
import type { LayerSpec } from '../../layers/index.ts';
import { isLayerKind, LAYER_REGISTRY } from '../../layers/index.ts';
import type { GraphInference } from '../../shapes/inferShapes.ts';
import { ProblemsByLayer } from '../problemsByLayer.ts';
import type { KerasExportProblem } from './exportResult.ts';

/** The registry's reason a node cannot be exported to Keras, or null (also for malformed params, which core reports). */
function notInKeras(node: GraphNode): string | null {
  try {
    return (LAYER_REGISTRY[node.kind] as unknown as LayerSpec<GraphNode['params']>).notInKeras(node.params);
  } catch {
    return null;
  }
}

/** Problems that stop the export: core's errors and layers Keras has no equivalent for, one per offending node. */
export function exportProblems(graph: Graph, inference: GraphInference): KerasExportProblem[] {
  const problems = new ProblemsByLayer();
  problems.addGraphErrors(graph, inference);
  for (const node of graph.nodes) {
    if (!isLayerKind(node.kind)) continue;
    if (!NODE_ID_PATTERN.test(node.id)) {
      problems.add(
        node.id,
        `${JSON.stringify(node.id)} cannot be a Keras layer name: layer names use only letters, digits, '_', '.' and '-', start with a letter or '_', and have at most 64 characters.`,
      );
    }
    const reason = notInKeras(node);
    if (reason !== null) problems.add(node.id, `${node.id} cannot be exported to Keras: ${reason}`);
  }
  return problems.list();
}
