/**
 * May the user draw this wire? The rule React Flow's isValidConnection asks while a wire is dragged.
 *
 * It is about the wiring only. A connection whose shapes do not fit is allowed: it is drawn, and shape inference
 * then explains the mismatch on the node, which says far more than a refused drag could. What is refused is what
 * no network can have (a loop, an input into an Input), what would silently replace or double a connection, and
 * what names a layer or an input slot that does not exist.
 *
 * Cost. isValidConnection may run on every pointer move, so the check is O(nodes + edges) at worst and usually
 * much less: the node and edge indexes are built once per `graph.nodes` / `graph.edges` array pair and kept in a
 * WeakMap (graphs are immutable data, and their arrays are readonly), so repeated calls while dragging only
 * walk the layers downstream of the target, looking for the source.
 *
 * Total: never throws, whatever the graph or candidate; an unexpected failure is a refusal with a reason.
 */
import type { Graph, GraphEdge, GraphNode } from '../graph/types.ts';
import { isLayerKind, LAYER_REGISTRY } from '../layers/index.ts';
import { layerName, quoteList, quoteName } from './words.ts';

/** The wire being drawn: from `source`'s output to `target`'s input number `inputIndex` (0 is the first). */
export interface ConnectionCandidate {
  source: string;
  target: string;
  inputIndex: number;
}

export interface ConnectionOptions {
  /**
   * The id of an edge being moved to new ends (React Flow's reconnect): it is treated as already removed, so
   * dropping it back on a slot it occupies, or moving its source end, is not refused because of itself.
   */
  replacing?: string;
}

/** Which rule refused a connection (stable names for tests and the UI). */
export type ConnectionRule =
  | 'missing-layer'
  | 'self-loop'
  | 'into-input'
  | 'unknown-kind'
  | 'no-such-input'
  | 'duplicate'
  | 'loop'
  | 'input-taken'
  | 'slot-taken'
  | 'internal';

export type ConnectionCheck = { ok: true } | { ok: false; rule: ConnectionRule; reason: string };

/**
 * Every rule checkConnection applies, in the order it applies them (the first that fails is reported).
 *
 * - missing-layer: the source or target is not a node of the graph (it may have just been deleted).
 * - self-loop: source === target. A layer cannot feed itself.
 * - into-input: the target is an Input; data enters the network there, so nothing connects into it.
 * - unknown-kind: the target's kind is not in the layer registry, so how many inputs it takes is unknown.
 * - no-such-input: inputIndex is not a whole number from 0 to the target's `inputs.max - 1` (single-input
 *   layers have only input 0; merge layers 0..15).
 * - duplicate: the same wire already exists (same source and target; and for a merge, the same input slot).
 * - loop: the target already reaches the source, so the new wire would close a loop; the reason names the path.
 * - input-taken: the target takes one input (inputs.max === 1) and already has one.
 * - slot-taken: the target is a merge layer and that input slot is already used by another source.
 *
 * Allowed on purpose: a shape mismatch (inference reports it on the node); the same source feeding two slots of one
 * merge layer (Keras allows Add()([x, x]), which doubles x); gaps between a merge layer's used slots (inputs are
 * taken in ascending slot order); a connection into a node whose other inputs are still missing.
 */
export const CONNECTION_RULES: readonly { rule: Exclude<ConnectionRule, 'internal'>; refuses: string }[] = Object.freeze([
  { rule: 'missing-layer', refuses: 'a source or target that is not a layer of the network' },
  { rule: 'self-loop', refuses: 'a layer connected to its own input' },
  { rule: 'into-input', refuses: 'any connection into an Input layer' },
  { rule: 'unknown-kind', refuses: 'a connection into a layer of a kind LayerLab does not know' },
  { rule: 'no-such-input', refuses: "an input number the target does not have (single-input layers have one; merges 16)" },
  { rule: 'duplicate', refuses: 'a connection that already exists' },
  { rule: 'loop', refuses: 'a connection that would make data flow in a circle' },
  { rule: 'input-taken', refuses: 'a second input into a layer that takes one' },
  { rule: 'slot-taken', refuses: "a connection into a merge layer's input that is already connected" },
] as const);

interface WiringIndex {
  nodes: readonly GraphNode[];
  byId: Map<string, GraphNode>;
  /** Edges whose ends are both nodes, by target, then by source. */
  incoming: Map<string, GraphEdge[]>;
  outgoing: Map<string, GraphEdge[]>;
}

const indexes = new WeakMap<readonly GraphEdge[], WiringIndex>();

function buildIndex(graph: Graph): WiringIndex {
  const byId = new Map<string, GraphNode>();
  for (const node of graph.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    const into = incoming.get(edge.target);
    if (into === undefined) incoming.set(edge.target, [edge]);
    else into.push(edge);
    const from = outgoing.get(edge.source);
    if (from === undefined) outgoing.set(edge.source, [edge]);
    else from.push(edge);
  }
  return { nodes: graph.nodes, byId, incoming, outgoing };
}

function indexOf(graph: Graph): WiringIndex {
  const cached = indexes.get(graph.edges);
  if (cached !== undefined && cached.nodes === graph.nodes) return cached;
  const index = buildIndex(graph);
  indexes.set(graph.edges, index);
  return index;
}

/**
 * A shortest path of node ids from `from` to `to` along existing edges (both included), or null when `to` cannot
 * be reached. Breadth-first, so it visits only what lies downstream of `from`, and stops as soon as `to` is found.
 */
function pathBetween(index: WiringIndex, from: string, to: string, skipEdge: string | undefined): string[] | null {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i] ?? '';
    for (const edge of index.outgoing.get(id) ?? []) {
      if (edge.id === skipEdge || previous.has(edge.target)) continue;
      previous.set(edge.target, id);
      if (edge.target === to) {
        const path = [to];
        for (let cursor = to; cursor !== from; ) {
          cursor = previous.get(cursor) ?? from;
          path.push(cursor);
        }
        return path.reverse();
      }
      queue.push(edge.target);
    }
  }
  return null;
}

const MAX_SHOWN_LOOP = 8;

/** "out → hidden → out"; a long loop shows its start and end around "…". */
function loopText(loop: readonly string[]): string {
  if (loop.length <= MAX_SHOWN_LOOP) return loop.join(' → ');
  return [...loop.slice(0, 4), '…', ...loop.slice(-3)].join(' → ');
}

const refuse = (rule: ConnectionRule, reason: string): ConnectionCheck => ({ ok: false, rule, reason });

/** A slot number as the student sees it: input 1 is inputIndex 0. */
const slotName = (inputIndex: number): string => `input ${Number.isInteger(inputIndex) ? inputIndex + 1 : String(inputIndex)}`;

const FLOW = 'Data must flow one way, from the Input to the output.';

function check(graph: Graph, candidate: ConnectionCandidate, options: ConnectionOptions): ConnectionCheck {
  const { source, target, inputIndex } = candidate;
  const index = indexOf(graph);
  const skip = options?.replacing;

  const missing = [source, target].filter((id, i, all) => !(typeof id === 'string' && index.byId.has(id)) && all.indexOf(id) === i);
  if (missing.length > 0) {
    const names = quoteList(missing.map((id) => (typeof id === 'string' ? id : String(id))));
    return refuse(
      'missing-layer',
      missing.length === 1
        ? `There is no layer named ${names} in the network (it may have just been deleted).`
        : `There are no layers named ${names} in the network (they may have just been deleted).`,
    );
  }
  const from = index.byId.get(source);
  const to = index.byId.get(target);
  if (from === undefined || to === undefined) return refuse('missing-layer', 'That layer is not in the network.');

  if (source === target) {
    return refuse(
      'self-loop',
      `A layer cannot feed itself: connecting ${layerName(to.kind, target)} to its own input would make a loop. ${FLOW} Connect ${quoteName(target)} to a layer after it instead.`,
    );
  }
  if (to.kind === 'Input') {
    return refuse(
      'into-input',
      `Input ${quoteName(target)} is where data enters the network; nothing can be connected into it. Connections start at an Input and go to the layers after it.`,
    );
  }
  if (!isLayerKind(to.kind)) {
    return refuse(
      'unknown-kind',
      `${quoteName(target)} is a layer of kind ${quoteName(String(to.kind))}, which LayerLab does not know, so nothing can be connected into it. Delete it and add a layer from the palette.`,
    );
  }

  const max = LAYER_REGISTRY[to.kind].inputs.max;
  const single = max === 1;
  const targetName = layerName(to.kind, target);
  if (!(typeof inputIndex === 'number' && Number.isInteger(inputIndex) && inputIndex >= 0 && inputIndex < max)) {
    const asked = typeof inputIndex === 'number' ? slotName(inputIndex) : 'that input';
    const tooHigh = typeof inputIndex === 'number' && inputIndex >= max && !single;
    return refuse(
      'no-such-input',
      single
        ? `${targetName} has one input, so there is no ${asked} to connect to.`
        : `${targetName} has inputs 1 to ${max}, so there is no ${asked} to connect to.${tooHigh ? ` To combine more branches, merge some of them in another ${to.kind} first and connect that.` : ''}`,
    );
  }

  const incoming = (index.incoming.get(target) ?? []).filter((e) => e.id !== skip);
  if (incoming.some((e) => e.source === source && (single || e.inputIndex === inputIndex))) {
    return refuse(
      'duplicate',
      single
        ? `${quoteName(source)} is already connected to ${targetName}.`
        : `${quoteName(source)} is already connected to ${slotName(inputIndex)} of ${targetName}.`,
    );
  }

  const path = pathBetween(index, target, source, skip);
  if (path !== null) {
    const loop = [source, ...path];
    const size = loop.length > MAX_SHOWN_LOOP ? ` through ${loop.length - 1} layers` : '';
    return refuse('loop', `That would make a loop${size}: ${loopText(loop)}. ${FLOW}`);
  }

  if (single && incoming.length > 0) {
    const current = [...new Set(incoming.map((e) => e.source))];
    return refuse(
      'input-taken',
      `${targetName} already takes its input from ${quoteList(current)}; it takes one input. Remove ${current.length === 1 ? 'that connection' : 'those connections'} first, or add a Concatenate or Add layer to combine ${quoteList([...current, source])}.`,
    );
  }
  const holder = incoming.find((e) => e.inputIndex === inputIndex);
  if (holder !== undefined) {
    const used = new Set(incoming.map((e) => e.inputIndex));
    let free = -1;
    for (let i = 0; i < max; i += 1) {
      if (!used.has(i)) {
        free = i;
        break;
      }
    }
    const what = free >= 0 ? `Connect to ${slotName(free)}, which is free, or remove` : 'Every input is in use: remove';
    return refuse(
      'slot-taken',
      `Input ${inputIndex + 1} of ${targetName} is already connected to ${quoteName(holder.source)}. ${what} the connection from ${quoteName(holder.source)} first.`,
    );
  }
  return { ok: true };
}

/**
 * Whether `candidate` may be added to `graph` as a new edge, and if not, why, in words a student understands,
 * naming the layers involved and what to do. See {@link CONNECTION_RULES}. Never throws.
 */
export function checkConnection(graph: Graph, candidate: ConnectionCandidate, options: ConnectionOptions = {}): ConnectionCheck {
  try {
    return check(graph, candidate, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse('internal', `LayerLab could not check this connection (${detail}).`);
  }
}
