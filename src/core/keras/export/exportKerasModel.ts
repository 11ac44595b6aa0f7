/** The export itself: checks the graph, then writes it as a Sequential or a Functional model. */
import { chainOrder } from '../../graph/chain.ts';
import { incomingEdges } from '../../graph/topology.ts';
import type { Graph } from '../../graph/types.ts';
import { inferShapes } from '../../shapes/inferShapes.ts';
import type { Built } from './builtLayer.ts';
import { exportKerasCompileConfig } from './compileConfig.ts';
import { exportProblems } from './exportProblems.ts';
import type { KerasExportOptions, KerasExportResult } from './exportResult.ts';
import { functionalModel } from './functionalModel.ts';
import { kerasJsonText } from './kerasJsonText.ts';
import { kerasModelName } from './modelName.ts';
import { sequentialModel } from './sequentialModel.ts';

/**
 * The Keras 3 `model.to_json()` of the network: a Sequential model when the graph is one chain from its Input
 * (chainOrder) and `options.functional` is not set, otherwise a Functional model whose inputs are the Input nodes in graph order and whose outputs are
 * core's outputs (the layers whose output goes nowhere), merge inputs in inputIndex order. Layer names are node ids.
 * Refused, with every problem and nothing written, when the graph has errors or a layer Keras cannot express.
 */
export function exportKerasModel(graph: Graph, options: KerasExportOptions = {}): KerasExportResult {
  try {
    return exportModel(graph, options);
  } catch (error) {
    // Not reachable for a graph core accepts; a safety net so that a malformed graph is a problem, not a crash.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ layer: null, message: `The network could not be exported to Keras (${detail}).` }] };
  }
}

function exportModel(graph: Graph, options: KerasExportOptions): KerasExportResult {
  const inference = inferShapes(graph);
  const problems = exportProblems(graph, inference);
  if (problems.length > 0) return { ok: false, problems };

  const incoming = incomingEdges(graph);
  const built = new Map<string, Built>();
  for (const node of graph.nodes) {
    const info = inference.nodes.get(node.id);
    if (info?.status !== 'ok') {
      return { ok: false, problems: [{ layer: node.id, message: "This layer's output shape is unknown, so it cannot be exported." }] };
    }
    const sources = (incoming.get(node.id) ?? []).map((e) => e.source);
    built.set(node.id, { node, inputShapes: info.inputShapes, sources, shape: info.shape });
  }

  const name = kerasModelName(options.name);
  const chain = options.functional === true ? null : chainOrder(graph);
  const model = chain !== null ? sequentialModel(chain, built, name) : functionalModel(inference.inputs, inference.outputs, built, name);
  model.compile_config = options.training === undefined ? {} : exportKerasCompileConfig(options.training);
  return { ok: true, model, text: kerasJsonText(model) };
}
