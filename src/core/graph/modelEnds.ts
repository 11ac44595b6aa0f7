/**
 * A model's inputs and outputs as Keras sees them: which nodes, in which order, and in which structure (one bare
 * tensor, a list, or a dict of named tensors). Keras keeps that structure (`model.predict` returns an array, a list or
 * a dict accordingly), so a model read from a file records it in `graph.model`, and every importer, exporter and the
 * engine reads the model's ends through {@link modelEnds}, never in graph order.
 *
 * The recorded structure and the live graph can disagree after canvas edits; modelEnds reconciles them: ends whose
 * node was deleted (or is no longer an Input / an output) drop out, new Inputs and outputs are appended in graph
 * order, a dict key defaults to the node id (made unique), and a single end that gains a second becomes a list.
 */
import type { Graph, ModelEnd, ModelEnds, ModelEndsForm, ModelStructure } from './types.ts';

/** A model input or output after reconciling: `key` is the dict key (the node id in the other forms). */
export interface ResolvedEnd {
  node: string;
  key: string;
}

export interface ResolvedEnds {
  form: ModelEndsForm;
  ends: ResolvedEnd[];
}

export interface ResolvedModelEnds {
  inputs: ResolvedEnds;
  outputs: ResolvedEnds;
}

/** The graph's Input nodes, in graph order. */
export function liveInputs(graph: Graph): string[] {
  return graph.nodes.filter((n) => n.kind === 'Input').map((n) => n.id);
}

/** The graph's outputs: the nodes (not Inputs) whose output goes nowhere, in graph order (as inferShapes has them). */
export function liveOutputs(graph: Graph): string[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const feeding = new Set(graph.edges.filter((e) => ids.has(e.target)).map((e) => e.source));
  return graph.nodes.filter((n) => n.kind !== 'Input' && !feeding.has(n.id)).map((n) => n.id);
}

/** `base`, or `base_2`, `base_3`, ... : the first not in `taken`. */
function freeKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${String(n)}`)) n += 1;
  return `${base}_${String(n)}`;
}

/**
 * The recorded ends reconciled with `live` (the graph's actual inputs or outputs, in graph order). Without a record:
 * one end is a single tensor, several are a list, as Keras writes a model built from them.
 */
export function reconcileEnds(recorded: ModelEnds | undefined, live: readonly string[]): ResolvedEnds {
  if (recorded === undefined) {
    return { form: live.length === 1 ? 'single' : 'list', ends: live.map((node) => ({ node, key: node })) };
  }
  const liveSet = new Set(live);
  const seen = new Set<string>();
  const kept: ModelEnd[] = [];
  for (const end of recorded.ends) {
    if (!liveSet.has(end.node) || seen.has(end.node)) continue;
    seen.add(end.node);
    kept.push(end);
  }
  for (const node of live) if (!seen.has(node)) kept.push({ node });
  const keys = new Set<string>();
  const ends = kept.map((end): ResolvedEnd => {
    const key = recorded.form === 'dict' ? freeKey(end.key ?? end.node, keys) : end.node;
    keys.add(key);
    return { node: end.node, key };
  });
  const form: ModelEndsForm = recorded.form === 'single' && ends.length > 1 ? 'list' : recorded.form;
  return { form, ends };
}

/** The model's inputs and outputs: the recorded structure (graph.model) reconciled with the graph as it is now. */
export function modelEnds(graph: Graph): ResolvedModelEnds {
  return {
    inputs: reconcileEnds(graph.model?.inputs, liveInputs(graph)),
    outputs: reconcileEnds(graph.model?.outputs, liveOutputs(graph)),
  };
}

/** The node ids of `ends`, in model order. */
export function endNodes(ends: ResolvedEnds): string[] {
  return ends.ends.map((e) => e.node);
}

/** Resolved ends as a record again (dict keys written out), e.g. to save them. */
export function recordEnds(ends: ResolvedEnds): ModelEnds {
  return { form: ends.form, ends: ends.ends.map((e) => (ends.form === 'dict' ? { node: e.node, key: e.key } : { node: e.node })) };
}

/**
 * The graph's recorded structure brought up to date with the graph (deleted nodes gone, new ends appended), keeping
 * only what was recorded; undefined when nothing is. What a saved project holds.
 */
export function reconciledStructure(graph: Graph): ModelStructure | undefined {
  const model = graph.model;
  if (model === undefined) return undefined;
  const resolved = modelEnds(graph);
  const out: ModelStructure = {};
  if (model.api !== undefined) out.api = model.api;
  if (model.inputs !== undefined) out.inputs = recordEnds(resolved.inputs);
  if (model.outputs !== undefined) out.outputs = recordEnds(resolved.outputs);
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * `graph.model` with node `from` renamed to `to` (dict keys are the model's own names, so they stay; an end without an
 * explicit key keeps the old id as its key, since that is the name Keras code reads it by). Undefined stays undefined.
 */
export function renameInStructure(model: ModelStructure | undefined, from: string, to: string): ModelStructure | undefined {
  if (model === undefined) return undefined;
  const rename = (ends: ModelEnds | undefined): ModelEnds | undefined =>
    ends === undefined
      ? undefined
      : {
          form: ends.form,
          ends: ends.ends.map((e): ModelEnd => {
            if (e.node !== from) return e;
            return ends.form === 'dict' ? { node: to, key: e.key ?? from } : { ...e, node: to };
          }),
        };
  const out: ModelStructure = { ...model };
  const inputs = rename(model.inputs);
  const outputs = rename(model.outputs);
  if (inputs !== undefined) out.inputs = inputs;
  if (outputs !== undefined) out.outputs = outputs;
  return out;
}

/** A short description of ends for messages: `a dict with keys "a" and "b"`, `a list of one`, ... */
export function describeEndsForm(ends: ResolvedEnds): string {
  if (ends.form === 'dict') {
    const keys = ends.ends.map((e) => `"${e.key}"`);
    const last = keys.pop();
    const list = keys.length === 0 ? (last ?? '') : `${keys.join(', ')} and ${last ?? ''}`;
    return `a dict with ${ends.ends.length === 1 ? 'the key' : 'the keys'} ${list}`;
  }
  if (ends.form === 'list') return ends.ends.length === 1 ? 'a list of one' : `a list of ${String(ends.ends.length)}`;
  return 'a single tensor';
}
