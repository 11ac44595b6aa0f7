import type { Graph, GraphEdge, GraphNode } from '../graph/types.ts';
import { adjacency, findCycles, reachableFrom, topologicalOrder } from '../graph/topology.ts';
import { endNodes, modelEnds } from '../graph/modelEnds.ts';
import { isLayerKind, LAYER_REGISTRY, LIMITS } from '../layers/index.ts';
import type { LayerKind, LayerParamsByKind, LayerProblem, LayerSpec, Shape, ShapeResult } from '../layers/index.ts';
import { checkParamRanges } from '../layers/paramChecks.ts';
import type { Diagnostic, DiagnosticCode } from './diagnostic.ts';
import { errorsFirst, listNames } from './diagnostic.ts';
import { shortestCycle } from './cyclePath.ts';

export type NodeInference =
  | { status: 'ok'; shape: Shape; inputShapes: Shape[]; params: number }
  | { status: 'error'; diagnostic: Diagnostic }
  /** The shape is unknown because a layer it depends on has a problem. */
  | { status: 'blocked'; message: string; blockedBy: string[] };

export interface GraphInference {
  nodes: Map<string, NodeInference>;
  /** Every problem found, errors first, in graph order. */
  diagnostics: Diagnostic[];
  /** Nodes whose output goes nowhere: the model's outputs. */
  outputs: string[];
  inputs: string[];
  /** Node ids with every node after its inputs (nodes on or after a loop left out). */
  order: string[];
  /** Sum of every layer's parameters, or null while some shape is unknown. */
  totalParams: number | null;
  /** True when there is no error (warnings allowed). */
  ok: boolean;
}

/** Runs one layer's shape rule and parameter count on its already-inferred input shapes. */
function inferLayer(node: GraphNode, inputs: readonly Shape[]): { result: ShapeResult; params: number } {
  // The registry is keyed by kind, so node.params always matches spec's parameter type.
  const spec = LAYER_REGISTRY[node.kind] as unknown as LayerSpec<GraphNode['params']>;
  const result = spec.inferShape(inputs, node.params);
  return { result, params: result.ok ? spec.countParams(inputs, node.params) : 0 };
}

/** inferLayer, with any unexpected exception turned into a problem on the node (inference must never throw). */
function safeInferLayer(node: GraphNode, inputs: readonly Shape[]): { result: ShapeResult; params: number } {
  try {
    return inferLayer(node, inputs);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { result: { ok: false, problem: { message: `${node.kind} could not work out its output shape (${detail}).` } }, params: 0 };
  }
}

function problemCode(kind: LayerKind, problem: LayerProblem): DiagnosticCode {
  if (kind === 'Reshape') return 'reshape-count';
  if (problem.param !== undefined) return 'invalid-param';
  return LAYER_REGISTRY[kind].category === 'merge' ? 'incompatible-shapes' : 'shape-error';
}

function diagnosticFrom(nodeId: string, code: DiagnosticCode, problem: LayerProblem): Diagnostic {
  const diagnostic: Diagnostic = { severity: 'error', code, nodeIds: [nodeId], message: problem.message };
  if (problem.fix !== undefined) diagnostic.fix = problem.fix;
  if (problem.param !== undefined) diagnostic.param = problem.param;
  return diagnostic;
}

function arityProblem(node: GraphNode, incoming: readonly GraphEdge[]): Diagnostic | null {
  const spec = LAYER_REGISTRY[node.kind];
  const sources = incoming.map((e) => e.source);
  if (node.kind === 'Input') {
    if (sources.length === 0) return null;
    return {
      severity: 'error',
      code: 'input-has-inputs',
      nodeIds: [node.id, ...sources],
      message: `${node.id} is an Input, where data enters the network, so nothing can feed into it, but ${listNames(sources)} ${sources.length === 1 ? 'is' : 'are'} connected to it.`,
      fix: `Remove the connection from ${listNames(sources)}.`,
    };
  }
  if (spec.inputs.max === 1 && sources.length > 1) {
    return {
      severity: 'error',
      code: 'too-many-inputs',
      nodeIds: [node.id, ...sources],
      message: `${node.kind} takes one input, but ${listNames(sources)} are all connected to it.`,
      fix: 'Add a Concatenate or Add node to combine them, and connect that to this layer.',
    };
  }
  if (sources.length > spec.inputs.max) {
    return {
      severity: 'error',
      code: 'too-many-inputs',
      nodeIds: [node.id, ...sources],
      message: `${node.kind} combines at most ${spec.inputs.max} inputs, but ${sources.length} are connected to it.`,
      fix: 'Combine some of them in a first merge node, then merge the results.',
    };
  }
  if (spec.inputs.min >= 2 && sources.length < spec.inputs.min && sources.length > 0) {
    return {
      severity: 'error',
      code: 'too-few-inputs',
      nodeIds: [node.id, ...sources],
      message: `${node.kind} combines two or more inputs, but only ${sources[0] ?? ''} is connected to it.`,
      fix: `Connect another layer to ${node.id}, or delete it and connect ${sources[0] ?? ''} straight to the next layer.`,
    };
  }
  return null;
}

/**
 * The output shape and parameter count of every node, or the reason it has none, plus every problem in the graph.
 * Pure and total: never throws, whatever the graph.
 */
export function inferShapes(graph: Graph): GraphInference {
  const nodes = new Map<string, NodeInference>();
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const links = adjacency(graph);
  const { incoming, outgoing } = links;
  // The model's inputs and outputs in model order (a recorded structure first, then graph order): see modelEnds.ts.
  const ends = modelEnds(graph);
  const inputs = endNodes(ends.inputs);

  if (graph.nodes.length === 0) {
    diagnostics.push({
      severity: 'error',
      code: 'empty-graph',
      nodeIds: [],
      message: 'The network is empty.',
      fix: 'Start with an Input node, then add a Dense layer and connect them.',
    });
    return { nodes, diagnostics, outputs: [], inputs: [], order: [], totalParams: null, ok: false };
  }
  if (inputs.length === 0) {
    diagnostics.push({
      severity: 'error',
      code: 'no-input',
      nodeIds: [],
      message: 'The network has no Input layer, so no data can enter it.',
      fix: 'Add an Input node and connect it to your first layer.',
    });
  }

  const seen = new Set<string>();
  for (const node of graph.nodes) {
    if (seen.has(node.id)) {
      diagnostics.push({
        severity: 'error',
        code: 'duplicate-id',
        nodeIds: [node.id],
        message: `Two layers are named ${node.id}; every layer needs its own name, because it becomes the layer's name in Keras.`,
        fix: `Rename one of them.`,
      });
    }
    seen.add(node.id);
  }

  for (const edge of graph.edges) {
    const missing = [edge.source, edge.target].filter((id) => !byId.has(id));
    if (missing.length > 0) {
      diagnostics.push({
        severity: 'error',
        code: 'broken-edge',
        nodeIds: [edge.source, edge.target].filter((id) => byId.has(id)),
        message: `Connection ${edge.id} points to ${listNames(missing)}, which ${missing.length === 1 ? 'is' : 'are'} not in the network.`,
        fix: 'Delete the connection.',
      });
    }
  }

  const cycles = findCycles(graph, links);
  const onCycle = new Set<string>();
  for (const component of cycles) {
    // Start the loop where data enters it from outside, so the message follows the data.
    const members = new Set(component);
    const entry = component.find((id) => (incoming.get(id) ?? []).some((e) => !members.has(e.source))) ?? component[0];
    const path = shortestCycle(graph, [entry ?? '', ...component.filter((id) => id !== entry)]);
    const cycle = [...path, ...component.filter((id) => !path.includes(id))];
    for (const id of cycle) onCycle.add(id);
    const diagnostic: Diagnostic = {
      severity: 'error',
      code: 'cycle',
      nodeIds: cycle,
      message:
        path.length === 1
          ? `${path[0] ?? ''} is connected to itself, making a loop. Data must flow one way, from the Input to the output.`
          : `${listNames(path)} form a loop (${[...path, path[0] ?? ''].join(' → ')}). Data must flow one way, from the Input to the output.`,
      fix:
        path.length === 1
          ? `Remove the connection from ${path[0] ?? ''} to itself.`
          : `Remove one of these connections, for example ${path[path.length - 1] ?? ''} → ${path[0] ?? ''}.`,
    };
    for (const id of cycle) nodes.set(id, { status: 'error', diagnostic });
    diagnostics.push(diagnostic);
  }

  const reachable = reachableFrom(graph, inputs, links);
  const order = topologicalOrder(graph, links);
  // Parameter problems of every node, checked once (also needed below for nodes on a loop). Keyed by node, not id:
  // a broken graph may repeat an id.
  const paramProblems = new Map<GraphNode, LayerProblem[]>();
  for (const node of graph.nodes) {
    if (isLayerKind(node.kind)) paramProblems.set(node, checkParamRanges(node.kind, node.params as LayerParamsByKind[typeof node.kind]));
  }
  for (const id of order) {
    const node = byId.get(id);
    if (node === undefined) continue;
    if (!isLayerKind(node.kind)) {
      const diagnostic: Diagnostic = {
        severity: 'error',
        code: 'invalid-param',
        nodeIds: [id],
        message: `${id} has the layer kind "${String(node.kind)}", which LayerLab does not know.`,
        fix: 'Delete it and add a layer from the palette.',
      };
      nodes.set(id, { status: 'error', diagnostic });
      diagnostics.push(diagnostic);
      continue;
    }
    const edges = incoming.get(id) ?? [];
    const paramDiagnostics = (paramProblems.get(node) ?? []).map((p) => diagnosticFrom(id, 'invalid-param', p));
    diagnostics.push(...paramDiagnostics);
    const arity = arityProblem(node, edges);
    if (arity !== null) diagnostics.push(arity);
    const first = arity ?? paramDiagnostics[0];
    if (first !== undefined) {
      nodes.set(id, { status: 'error', diagnostic: first });
      continue;
    }
    if (!reachable.has(id)) {
      const diagnostic: Diagnostic = {
        severity: 'error',
        code: 'unreachable',
        nodeIds: [id],
        message:
          edges.length === 0
            ? `${id} has no input, so no data reaches it.`
            : `No data reaches ${id}: it is not connected, through the layers before it, to any Input.`,
        fix: `Connect ${inputs.length > 0 ? `${inputs[0] ?? ''} or a layer after it` : 'an Input'} to ${id}, or delete it.`,
      };
      nodes.set(id, { status: 'error', diagnostic });
      diagnostics.push(diagnostic);
      continue;
    }
    const blockedBy = edges.map((e) => e.source).filter((source) => nodes.get(source)?.status !== 'ok');
    if (blockedBy.length > 0) {
      nodes.set(id, {
        status: 'blocked',
        blockedBy,
        message: `Shape unknown until the problem in ${listNames(blockedBy)} is fixed.`,
      });
      continue;
    }
    const inputShapes = edges.map((e) => {
      const source = nodes.get(e.source);
      return source?.status === 'ok' ? source.shape : [];
    });
    const { result, params } = safeInferLayer(node, inputShapes);
    if (!result.ok) {
      const diagnostic = diagnosticFrom(id, problemCode(node.kind, result.problem), result.problem);
      if (diagnostic.code === 'incompatible-shapes') diagnostic.nodeIds.push(...edges.map((e) => e.source));
      nodes.set(id, { status: 'error', diagnostic });
      diagnostics.push(diagnostic);
      continue;
    }
    if (params > LIMITS.maxLayerParams.value) {
      const diagnostic: Diagnostic = {
        severity: 'error',
        code: 'layer-too-large',
        nodeIds: [id],
        message: `${id} would have ${params.toLocaleString('en-US')} weights, above LayerLab's cap of ${LIMITS.maxLayerParams.value.toLocaleString('en-US')} per layer: ${LIMITS.maxLayerParams.reason}.`,
        fix: 'Use fewer units, or make the layer before it smaller.',
      };
      nodes.set(id, { status: 'error', diagnostic });
      diagnostics.push(diagnostic);
      continue;
    }
    nodes.set(id, { status: 'ok', shape: result.shape, inputShapes, params });
  }

  // Nodes after a loop never became ready in topological order.
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) continue;
    const blockedBy = (incoming.get(node.id) ?? []).map((e) => e.source).filter((s) => nodes.get(s)?.status !== 'ok');
    nodes.set(node.id, {
      status: 'blocked',
      blockedBy,
      message: `Shape unknown until the loop before ${node.id} is removed.`,
    });
  }

  const outputs = endNodes(ends.outputs);
  for (const node of graph.nodes) {
    if (node.kind === 'Input' && (outgoing.get(node.id) ?? []).length === 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'unused-input',
        nodeIds: [node.id],
        message: `Input ${node.id} is not connected to anything, so its data is never used.`,
        fix: `Connect ${node.id} to a layer, or delete it.`,
      });
    }
  }
  const liveOutputs = outputs.filter((id) => reachable.has(id) && !onCycle.has(id));
  if (liveOutputs.length > 1) {
    for (const id of liveOutputs) {
      diagnostics.push({
        severity: 'warning',
        code: 'dangling-output',
        nodeIds: [id],
        message: `${id}'s output goes nowhere, so it becomes one of ${liveOutputs.length} separate outputs of the model (${listNames(liveOutputs)}).`,
        fix: `If ${id} is left over, connect it to the next layer or delete it.`,
      });
    }
  }

  for (const node of graph.nodes) {
    if (!isLayerKind(node.kind) || (paramProblems.get(node) ?? []).length > 0) continue;
    const reason = (LAYER_REGISTRY[node.kind] as unknown as LayerSpec<GraphNode['params']>).notInKeras(node.params);
    if (reason !== null) {
      diagnostics.push({
        severity: 'warning',
        code: 'not-in-keras',
        nodeIds: [node.id],
        message: `${node.id} cannot be exported to Keras: ${reason}`,
      });
    }
  }

  let total: number | null = 0;
  for (const info of nodes.values()) {
    total = info.status === 'ok' && total !== null ? total + info.params : null;
  }
  const sorted = errorsFirst(diagnostics);
  return {
    nodes,
    diagnostics: sorted,
    outputs,
    inputs,
    order,
    totalParams: total,
    ok: !sorted.some((d) => d.severity === 'error'),
  };
}
