/** The export itself: checks the graph, then writes it as a Sequential or a Functional model. */
import { kerasApiFor } from '../../graph/kerasApi.ts';
import { modelEnds } from '../../graph/modelEnds.ts';
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
 * The Keras 3 `model.to_json()` of the network: Sequential or Functional as kerasApiFor decides (the recorded or
 * chosen API where the graph allows it; a chain built on the canvas is Sequential) unless `options.functional` asks
 * for Functional. A Functional model's inputs and outputs keep their recorded structure (single, list or dict, keys
 * and order; modelEnds), merge inputs in inputIndex order. Layer names are node ids. A Sequential pick the graph
 * cannot take is ignored with a warning.
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
  const choice = kerasApiFor(graph);
  const chain = options.functional === true || choice.api !== 'sequential' ? null : choice.chain;
  const model = chain !== null ? sequentialModel(chain, built, name) : functionalModel(modelEnds(graph), built, name);
  model.compile_config = options.training === undefined ? {} : exportKerasCompileConfig(options.training);
  return { ok: true, model, text: kerasJsonText(model), warnings: choice.ignored === null ? [] : [choice.ignored] };
}
