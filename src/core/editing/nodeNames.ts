/**
 * Layer names (node ids): checking a name the user types, and choosing a fresh one the way Keras does.
 *
 * A node id is also the layer's name in Keras and TF.js, so the rules are the project file's
 * (NODE_ID_PATTERN, RESERVED_KEYS) and the defaults are Keras 3's: a new Dense is "dense", then "dense_1",
 * "dense_2" …; an Input is "input_layer" (Keras 3 names Input layers input_layer, input_layer_1 …).
 * Names are case-sensitive, as in Keras: "Dense" and "dense" are two different names.
 */
import type { Graph } from '../graph/types.ts';
import { NODE_ID_PATTERN } from '../graph/types.ts';
import type { LayerKind } from '../layers/index.ts';
import { RESERVED_KEYS } from '../project/schema.ts';
import { quoteName } from './words.ts';

/** The longest name NODE_ID_PATTERN accepts. */
export const MAX_NODE_NAME_LENGTH = 64;

export type NodeNameCheck = { ok: true; name: string } | { ok: false; reason: string };

const WHY = "because it becomes the layer's name in Keras";
const FIRST_CHARACTER = /^[A-Za-z_]/;
const ALLOWED_CHARACTER = /^[A-Za-z0-9_.-]$/u;

function describeCharacter(c: string): string {
  if (c === ' ') return "' ' (a space)";
  if (c === '\t') return 'a tab';
  if (/^\s$/u.test(c)) return 'a blank character';
  return `'${c}'`;
}

/** "'a'", "'a' and 'b'": the first three distinct characters of `name` that a name may not contain. */
function badCharacters(name: string): string {
  const bad = [...new Set([...name].filter((c) => !ALLOWED_CHARACTER.test(c)))].slice(0, 3).map(describeCharacter);
  if (bad.length <= 1) return bad.join('');
  return `${bad.slice(0, -1).join(', ')} and ${bad[bad.length - 1] ?? ''}`;
}

/** The ids already in use: a graph's node ids, or the set itself (anything else: none). */
export function takenIds(taken: Graph | ReadonlySet<string>): ReadonlySet<string> {
  const nodes = (taken as Partial<Graph> | null)?.nodes;
  if (Array.isArray(nodes)) return new Set(nodes.map((n: { id?: unknown } | null) => String(n?.id)));
  return typeof (taken as ReadonlySet<string> | null)?.has === 'function' ? (taken as ReadonlySet<string>) : new Set();
}

const usable = (id: string, taken: ReadonlySet<string>): boolean =>
  !taken.has(id) && !RESERVED_KEYS.includes(id) && NODE_ID_PATTERN.test(id);

/**
 * `base`, else base_1, base_2 … : the first that is free, not reserved and a valid id (Keras's uniquify, which
 * counts per name). A base too long for a suffix is shortened first.
 */
export function freeName(taken: ReadonlySet<string>, base: string): string {
  const stem = NODE_ID_PATTERN.test(base) ? base : 'layer';
  if (usable(stem, taken)) return stem;
  for (let n = 1; ; n += 1) {
    const suffix = `_${n}`;
    const id = `${stem.slice(0, MAX_NODE_NAME_LENGTH - suffix.length)}${suffix}`;
    if (usable(id, taken)) return id;
  }
}

/**
 * Keras's `to_snake_case` (keras/src/utils/naming.py), which names layers after their class:
 * Dense → dense, BatchNormalization → batch_normalization, LeakyReLU → leaky_re_lu, PReLU → p_re_lu, ELU → elu.
 *
 *     name = re.sub(r"\W+", "", name)
 *     name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
 *     name = re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()
 *
 * (core/keras/import/camelToSnake.ts is a different rule, for initializer and activation names: it turns PReLU
 * into "pre_lu", where Keras's layer naming gives "p_re_lu".)
 */
export function kerasSnakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The name Keras 3 gives the first layer of this kind: input_layer for Input, else the snake_case class name. */
export function defaultNodeName(kind: LayerKind): string {
  if (kind === 'Input') return 'input_layer';
  const snake = typeof kind === 'string' ? kerasSnakeCase(kind) : '';
  return NODE_ID_PATTERN.test(snake) ? snake : 'layer';
}

/**
 * A fresh id for a new node of `kind`, as Keras would name it: dense, dense_1, dense_2 … (the first free one).
 * Never returns an id in `taken` (a graph's node ids, or a set of ids), a reserved key or an invalid id.
 */
export function nextNodeId(taken: Graph | ReadonlySet<string>, kind: LayerKind): string {
  return freeName(takenIds(taken), defaultNodeName(kind));
}

/**
 * Whether `name` (trimmed) may become the id of the node now called `currentId` (null for a node not yet in the
 * graph), and the trimmed name when it may. Keeping a node's own name is fine. Never throws.
 */
export function checkNodeName(graph: Graph, currentId: string | null, name: string): NodeNameCheck {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '') {
    return { ok: false, reason: "A layer needs a name: type one, such as 'hidden' or 'dense_1'." };
  }
  if (trimmed.length > MAX_NODE_NAME_LENGTH) {
    return {
      ok: false,
      reason: `${quoteName(trimmed)} is ${trimmed.length} characters long; a layer name can have at most ${MAX_NODE_NAME_LENGTH}.`,
    };
  }
  if (!FIRST_CHARACTER.test(trimmed)) {
    return {
      ok: false,
      reason: `A layer name must start with a letter (a-z, A-Z) or '_', ${WHY}; ${quoteName(trimmed)} starts with ${describeCharacter([...trimmed][0] ?? '')}.`,
    };
  }
  if (!NODE_ID_PATTERN.test(trimmed)) {
    return {
      ok: false,
      reason: `A layer name can only use letters (a-z, A-Z), digits, '_', '.' and '-', ${WHY}; ${quoteName(trimmed)} contains ${badCharacters(trimmed)}.`,
    };
  }
  if (RESERVED_KEYS.includes(trimmed)) {
    return { ok: false, reason: `${quoteName(trimmed)} is reserved by JavaScript; choose another name.` };
  }
  if (trimmed !== currentId) {
    const ids = takenIds(graph);
    if (ids.has(trimmed)) {
      return {
        ok: false,
        reason: `Another layer is already named ${quoteName(trimmed)}; every layer needs its own name, ${WHY}. Try ${quoteName(freeName(ids, trimmed))}.`,
      };
    }
  }
  return { ok: true, name: trimmed };
}
