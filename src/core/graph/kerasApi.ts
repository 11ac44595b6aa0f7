/**
 * Which Keras API a model is written with: the student's (or the imported file's) choice where the graph allows it.
 *
 * - An imported Sequential model records `api: 'sequential'` and is written as Sequential; an imported functional
 *   model records `'functional'` and stays functional, even when it is a chain.
 * - A graph built on the canvas records nothing: a chain is written as Sequential, anything else as functional.
 * - Only a straight chain from one Input, with a single input and a single output (no list or dict), can be
 *   Sequential. Asked for Sequential anyway (a project file, or a pick made before the graph branched), the model is
 *   written as functional and {@link KerasApiChoice.ignored} says why; nothing fails.
 */
import { chainOrder } from './chain.ts';
import type { ResolvedEnds } from './modelEnds.ts';
import { describeEndsForm, modelEnds } from './modelEnds.ts';
import type { Graph, KerasApi } from './types.ts';

export interface KerasApiChoice {
  /** The API the model is written with. */
  api: KerasApi;
  /** The node ids in chain order when the graph is one straight chain from its Input (whatever the API); null otherwise. */
  chain: string[] | null;
  /** Why Sequential is not possible for this graph, or null when it is. */
  sequentialBlocker: string | null;
  /** Set when Sequential was asked for but cannot be used: the message to show (the model is functional). */
  ignored: string | null;
}

function endsBlocker(ends: ResolvedEnds, what: 'inputs' | 'outputs'): string | null {
  if (ends.form === 'single') return null;
  return `The model's ${what} are ${describeEndsForm(ends)}, which only Keras's functional API can express.`;
}

/** Why `graph` cannot be a Keras Sequential model, or null when it can (with its chain order). */
export function sequentialBlocker(graph: Graph): { chain: string[] | null; blocker: string | null } {
  const chain = chainOrder(graph);
  if (chain === null) {
    return {
      chain,
      blocker:
        'Keras Sequential is a straight chain of layers from one Input; this network branches, merges or has more than one Input or output, so only the functional API can build it.',
    };
  }
  const ends = modelEnds(graph);
  const blocker = endsBlocker(ends.inputs, 'inputs') ?? endsBlocker(ends.outputs, 'outputs');
  return { chain, blocker };
}

/** The API `graph` is written with, following graph.model.api where the graph allows it. */
export function kerasApiFor(graph: Graph): KerasApiChoice {
  const { chain, blocker } = sequentialBlocker(graph);
  const asked = graph.model?.api;
  if (asked === 'functional') return { api: 'functional', chain, sequentialBlocker: blocker, ignored: null };
  if (blocker === null && chain !== null) return { api: 'sequential', chain, sequentialBlocker: null, ignored: null };
  const ignored = asked === 'sequential' ? `The model was set to Keras Sequential, but it is written with the functional API: ${blocker ?? ''}` : null;
  return { api: 'functional', chain, sequentialBlocker: blocker, ignored };
}
