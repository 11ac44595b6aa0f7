/**
 * A Functional model's connections from each layer's inbound_nodes (Keras 3 and the legacy Keras 2 / tfjs format),
 * checked against the model's listed inputs and outputs.
 */
import type { GraphEdge, ModelEnd, ModelEnds, ModelStructure } from '../../graph/types.ts';
import type { InboundCall, JsonRecord, KerasBatchShape, LayerRef, StructuredRefs } from '../kerasFormat.ts';
import { describeValue, own, readInboundNodes, readStructuredRefs } from '../kerasFormat.ts';
import { fileProblem } from './importFailure.ts';
import type { KerasImportProblem } from './importResult.ts';
import { KERAS_IMPORT_LIMITS } from './importResult.ts';
import type { LayerEntry } from './layerEntries.ts';
import { capitalized, layerProblem, layerWarning, listNames, quote } from './messageText.ts';
import { findCycle, topologicalSort } from './topologicalSort.ts';
import type { Wiring } from './wiring.ts';
import { edgeId } from './wiring.ts';

function append<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function checkCallArguments(entry: LayerEntry, call: InboundCall, warnings: string[]): void {
  for (const key of Object.keys(call.kwargs)) {
    const value = own(call.kwargs, key);
    if (value === null || value === undefined || (key === 'training' && value === false)) continue;
    if (key === 'training' && value === true) {
      warnings.push(`Layer ${quote(entry.name)} is called with training=True (always in training mode); LayerLab ignores this.`);
    } else {
      warnings.push(layerWarning(entry.name, `the call argument ${quote(key)} (${describeValue(value)}) is ignored`));
    }
  }
}

/**
 * The model's input or output references with their structure, or null when the file does not list them. Keras 2 and
 * TensorFlow.js always write a list, even for a model of one input: there a list of one is a single tensor.
 */
function modelRefs(config: JsonRecord, key: string, legacy: boolean): StructuredRefs | null {
  const value = own(config, key);
  if (value === undefined || value === null) return null;
  const refs = readStructuredRefs(value, KERAS_IMPORT_LIMITS.maxLayers);
  if (refs === null) throw fileProblem(`The model's "${key}" is not a list of [layer name, node index, tensor index].`);
  return legacy && refs.form === 'list' && refs.refs.length === 1 ? { ...refs, form: 'single' } : refs;
}

/** The structure the file gives its inputs or outputs, for graph.model (dict keys kept; lists and singles need none). */
function recordedEnds(refs: StructuredRefs | null, listed: readonly LayerEntry[]): ModelEnds | undefined {
  if (refs === null) return undefined;
  const byName = new Map(listed.map((e) => [e.name, e]));
  const ends: ModelEnd[] = [];
  for (const { key, ref } of refs.refs) {
    const entry = byName.get(ref.layer);
    if (entry === undefined) continue;
    ends.push(refs.form === 'dict' && key !== null ? { node: entry.id, key } : { node: entry.id });
  }
  return { form: refs.form, ends };
}

export function wireFunctional(
  entries: LayerEntry[],
  config: JsonRecord,
  problems: KerasImportProblem[],
  warnings: string[],
  legacy = false,
): Wiring {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const edges: GraphEdge[] = [];
  const edgeShapes = new Map<string, KerasBatchShape>();
  const callCounts = new Map<string, number>();
  const calls = new Map<string, InboundCall>();
  const push = (entry: LayerEntry, reason: string): void => {
    problems.push(layerProblem(entry, reason));
  };

  for (const entry of entries) {
    const read = readInboundNodes(own(entry.raw, 'inbound_nodes'), KERAS_IMPORT_LIMITS.maxLayers);
    if (!read.ok) {
      push(entry, capitalized(read.message));
      continue;
    }
    callCounts.set(entry.name, read.calls.length);
    const call = read.calls[0];
    if (entry.className === 'InputLayer') {
      if (read.calls.some((c) => c.inputs.length > 0)) push(entry, 'An InputLayer cannot take inputs');
    } else if (call === undefined) {
      push(entry, 'This layer has no inbound nodes, so nothing feeds it');
    } else if (read.calls.length > 1) {
      push(entry, `This layer is used ${read.calls.length} times (a shared layer); LayerLab layers each have one use`);
    } else {
      calls.set(entry.name, call);
    }
  }

  for (const entry of entries) {
    const call = calls.get(entry.name);
    if (call === undefined) continue;
    checkCallArguments(entry, call, warnings);
    call.inputs.forEach((input, inputIndex) => {
      const source = byName.get(input.layer);
      if (source === undefined) {
        push(entry, `This layer's input ${quote(input.layer)} is not a layer of this model`);
        return;
      }
      if (input.nodeIndex !== 0) {
        if ((callCounts.get(source.name) ?? 0) <= 1) push(entry, `This layer's input is call ${input.nodeIndex} of layer ${quote(source.name)}, which has no such call`);
        return;
      }
      if (input.tensorIndex !== 0) {
        push(entry, `This layer's input is output ${input.tensorIndex} of layer ${quote(source.name)}; LayerLab layers have a single output`);
        return;
      }
      const edge: GraphEdge = { id: edgeId(source.id, entry.id, inputIndex), source: source.id, target: entry.id, inputIndex };
      edges.push(edge);
      if (input.shape !== null) edgeShapes.set(edge.id, input.shape);
    });
  }

  const ids = entries.map((e) => e.id);
  const sorted = topologicalSort(ids, edges);
  if (sorted.remaining.size > 0) {
    const incoming = new Map<string, string[]>();
    for (const edge of edges) append(incoming, edge.target, edge.source);
    const names = new Map(entries.map((e) => [e.id, e.name]));
    const cycleIds = findCycle(sorted.remaining, incoming);
    const cycle = cycleIds.map((id) => names.get(id) ?? id);
    const path = [...cycle, cycle[0] ?? ''].map(quote).join(' → ');
    problems.push({
      layer: cycleIds[0] ?? null,
      message: `Layers ${listNames(cycle)} take their inputs from each other in a loop (${path}); in a Keras model data flows one way.`,
    });
    return { order: [], edges, edgeShapes, synthesizedInput: null };
  }

  const inputStructure = modelRefs(config, 'input_layers', legacy);
  const outputStructure = modelRefs(config, 'output_layers', legacy);
  const inputRefs = inputStructure === null ? null : inputStructure.refs.map((r) => r.ref);
  const outputRefs = outputStructure === null ? null : outputStructure.refs.map((r) => r.ref);
  const inputLayers = entries.filter((e) => e.className === 'InputLayer');
  const consumers = new Map<string, string[]>();
  for (const edge of edges) append(consumers, edge.source, edge.target);
  const nameOf = new Map(entries.map((e) => [e.id, e.name]));

  const checkRefs = (refs: LayerRef[], what: 'input' | 'output'): LayerEntry[] => {
    const listed: LayerEntry[] = [];
    for (const ref of refs) {
      const entry = byName.get(ref.layer);
      if (entry === undefined) {
        problems.push({ layer: null, message: `The model ${what} ${quote(ref.layer)} is not a layer of this model.` });
      } else if (listed.includes(entry)) {
        push(entry, `This layer is listed twice among the model's ${what}s`);
      } else if (ref.nodeIndex !== 0 || ref.tensorIndex !== 0) {
        push(entry, `The model ${what} is call ${ref.nodeIndex}, output ${ref.tensorIndex} of this layer; LayerLab layers have one call and one output`);
      } else {
        listed.push(entry);
      }
    }
    return listed;
  };

  const inputs = inputRefs === null ? inputLayers : checkRefs(inputRefs, 'input');
  for (const entry of inputs) {
    if (entry.className !== 'InputLayer') push(entry, `This layer is a model input but a ${entry.className.slice(0, 80)}, not an InputLayer`);
  }
  for (const entry of inputLayers) {
    if (!inputs.includes(entry)) push(entry, "This layer is an InputLayer but not one of the model's inputs");
  }
  const terminal = entries.filter((e) => e.className !== 'InputLayer' && (consumers.get(e.id) ?? []).length === 0);
  const outputs = outputRefs === null ? terminal : checkRefs(outputRefs, 'output');
  for (const entry of outputs) {
    const feeds = consumers.get(entry.id) ?? [];
    if (entry.className === 'InputLayer') {
      push(entry, 'This layer is both a model input and a model output; LayerLab needs a layer between them');
    } else if (feeds.length > 0) {
      push(
        entry,
        `This layer is a model output but also feeds ${listNames(feeds.map((id) => nameOf.get(id) ?? id))}; in LayerLab a model's outputs are the layers whose output goes nowhere`,
      );
    }
  }
  for (const entry of terminal) {
    if (!outputs.includes(entry)) push(entry, 'This layer is not a model output, but nothing uses its output, so LayerLab would make it an extra output');
  }
  if (outputs.length === 0 && problems.length === 0) problems.push({ layer: null, message: 'The model has no outputs.' });

  // Graph order: file order, except that model inputs and outputs take the places of their kind in the order
  // Keras lists them (LayerLab reads a model's inputs and outputs in graph order).
  const order = entries.map((e) => e.id);
  const permute = (listed: LayerEntry[]): void => {
    const listedIds = new Set(listed.map((e) => e.id));
    const slots = order.map((id, i) => (listedIds.has(id) ? i : -1)).filter((i) => i >= 0);
    slots.forEach((slot, k) => {
      const entry = listed[k];
      if (entry !== undefined) order[slot] = entry.id;
    });
  };
  if (problems.length === 0) {
    permute(inputs);
    permute(outputs);
  }
  // The structure itself (single, list or dict, keys and order) is recorded for every importer and exporter.
  const model: ModelStructure = { api: 'functional' };
  const inputEnds = recordedEnds(inputStructure, inputs);
  const outputEnds = recordedEnds(outputStructure, outputs);
  if (inputEnds !== undefined) model.inputs = inputEnds;
  if (outputEnds !== undefined) model.outputs = outputEnds;
  return { order, edges, edgeShapes, synthesizedInput: null, model };
}
