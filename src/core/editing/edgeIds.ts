/**
 * Edge ids. New edges use graph/build.ts's `connect` scheme, `${source}->${target}#${inputIndex}`, so an id reads
 * as the wire it names; when that id is already taken (an edge a file named so, or a wire drawn twice in a broken
 * graph), a suffix makes it unique: "a->b#0_1", "a->b#0_2" …
 */
import { connect } from '../graph/build.ts';
import type { Graph } from '../graph/types.ts';

/** The edge ids already in use: a graph's, or the set itself (anything else: none). */
export function takenEdgeIds(taken: Graph | ReadonlySet<string>): ReadonlySet<string> {
  const edges = (taken as Partial<Graph> | null)?.edges;
  if (Array.isArray(edges)) return new Set(edges.map((e: { id?: unknown } | null) => String(e?.id)));
  return typeof (taken as ReadonlySet<string> | null)?.has === 'function' ? (taken as ReadonlySet<string>) : new Set();
}

/** The id `connect(source, target, inputIndex)` gives. */
export const connectEdgeId = (source: string, target: string, inputIndex: number): string => connect(source, target, inputIndex).id;

/** The id Keras import gives (core/keras/import/wiring.ts): `${source}->${target}:${inputIndex}`. */
export const importEdgeId = (source: string, target: string, inputIndex: number): string => `${source}->${target}:${inputIndex}`;

/** `base` when free, else base_1, base_2 …, the first not in `taken`. */
export function freeEdgeId(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 1; ; n += 1) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** An id for a new edge from `source` to `target`'s input `inputIndex`, unused by any edge in `taken`. */
export function uniqueEdgeId(taken: Graph | ReadonlySet<string>, source: string, target: string, inputIndex: number): string {
  return freeEdgeId(takenEdgeIds(taken), connectEdgeId(source, target, inputIndex));
}
