/**
 * Mutations of a JSON document, the way a damaged or hostile file differs from a good one: values of the wrong type,
 * extreme numbers, deep nesting, long strings, duplicated names, `__proto__` / `constructor` / `prototype` keys,
 * missing and repeated parts; then, sometimes, damage to the text itself (cut short, a flipped character).
 */
import type { FuzzRng } from './random.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Stands for a value that JSON.stringify cannot write (10,000 levels of nesting, NaN, ...); replaced in the text. */
const MARK = '\u0001FUZZ';
const RAW_VALUES: Record<string, () => string> = {
  deepArrays: () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  deepObjects: () => `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
  NaN: () => 'NaN',
  Infinity: () => 'Infinity',
  hugeExponent: () => '1e999999',
  longNumber: () => '9'.repeat(5000),
};

const HUGE_NUMBERS: Json[] = [1e308, -1e308, -0, 2 ** 53 + 1, -(2 ** 53) - 1, 1e-320, 0, -1, 1e9, 1e10, 4294967296, 0.5, 'NaN', 'Infinity', '-0', '1e308'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

interface Slot {
  parent: Json[] | { [key: string]: Json } | null;
  key: string | number;
  value: Json;
}

/** Every value in the document with where it sits (at most `limit`, breadth first). */
function slots(root: Json, limit = 5000): Slot[] {
  const found: Slot[] = [{ parent: null, key: '', value: root }];
  for (let i = 0; i < found.length && found.length < limit; i += 1) {
    const { value } = found[i] as Slot;
    if (Array.isArray(value)) value.forEach((v, k) => found.push({ parent: value, key: k, value: v }));
    else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) found.push({ parent: value, key: k, value: value[k] as Json });
  }
  return found;
}

function setSlot(slot: Slot, value: Json): Json | null {
  if (slot.parent === null) return value;
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else Object.defineProperty(slot.parent, slot.key, { value, enumerable: true, writable: true, configurable: true });
  return null;
}

function otherType(rng: FuzzRng, value: Json): Json {
  // The text of a value is its JSON (String({}) would put "[object Object]" in the file, which a message then quotes).
  const options: Json[] = [rng.int(100) - 10, (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 40), [value as Json], { value: value as Json }, null, true, ''];
  const kinds = options.filter((o) => (Array.isArray(o) ? 'array' : o === null ? 'null' : typeof o) !== (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value));
  return rng.pick(kinds);
}

function longString(rng: FuzzRng): string {
  return rng.pick(['x', 'é', '😀', '\u0000', '<script>', '%s', '../', '\\u0000'])
    .repeat(rng.pick([300, 10_000, 1_000_000]));
}

type Mutation = (rng: FuzzRng, root: Json, raw: string[]) => { root: Json; name: string };

const MUTATIONS: Mutation[] = [
  function typeSwap(rng, root) {
    const slot = rng.pick(slots(root));
    return { root: setSlot(slot, otherType(rng, slot.value)) ?? root, name: `type swap at ${String(slot.key)}` };
  },
  function hugeNumber(rng, root) {
    const all = slots(root);
    const numbers = all.filter((s) => typeof s.value === 'number');
    const slot = rng.pick(numbers.length > 0 && rng.chance(0.8) ? numbers : all);
    const value = rng.pick(HUGE_NUMBERS);
    return { root: setSlot(slot, value) ?? root, name: `number ${JSON.stringify(value)} at ${String(slot.key)}` };
  },
  function rawValue(rng, root, raw) {
    const slot = rng.pick(slots(root));
    const kind = rng.pick(Object.keys(RAW_VALUES));
    raw.push(kind);
    return { root: setSlot(slot, `${MARK}${raw.length - 1}`) ?? root, name: `${kind} at ${String(slot.key)}` };
  },
  function longStringValue(rng, root) {
    const all = slots(root);
    const strings = all.filter((s) => typeof s.value === 'string');
    const slot = rng.pick(strings.length > 0 ? strings : all);
    return { root: setSlot(slot, longString(rng)) ?? root, name: `long string at ${String(slot.key)}` };
  },
  function duplicateName(rng, root) {
    const named = slots(root).filter((s) => ['name', 'id', 'source', 'target', 'class_name', 'kind'].includes(String(s.key)) && typeof s.value === 'string');
    if (named.length < 2) return { root, name: 'duplicate name (none found)' };
    const from = rng.pick(named);
    const to = rng.pick(named);
    setSlot(to, from.value);
    return { root, name: `${String(to.key)} set to ${JSON.stringify(from.value).slice(0, 40)}` };
  },
  function protoKey(rng, root) {
    const objects = slots(root).filter((s) => s.value !== null && typeof s.value === 'object' && !Array.isArray(s.value));
    if (objects.length === 0) return { root, name: 'proto key (no object)' };
    const target = rng.pick(objects).value as { [key: string]: Json };
    const key = rng.pick(PROTO_KEYS);
    const keys = Object.keys(target);
    const payload: Json = rng.pick<Json>([{ polluted: 'yes', toString: 'x' }, { prototype: { polluted: 'yes' } }, 'polluted', [1], null]);
    if (keys.length > 0 && rng.chance(0.5)) {
      // Rename an existing key: the value a loader wanted now sits under the hostile key.
      const old = rng.pick(keys);
      const value = target[old] as Json;
      delete target[old];
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      return { root, name: `key ${old} renamed ${key}` };
    }
    Object.defineProperty(target, key, { value: payload, enumerable: true, writable: true, configurable: true });
    return { root, name: `key ${key} added` };
  },
  function remove(rng, root) {
    const slot = rng.pick(slots(root).filter((s) => s.parent !== null).concat([{ parent: null, key: '', value: root }]));
    if (slot.parent === null) return { root: {}, name: 'emptied' };
    if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else delete slot.parent[slot.key as string];
    return { root, name: `removed ${String(slot.key)}` };
  },
  function repeat(rng, root) {
    const arrays = slots(root).filter((s) => Array.isArray(s.value) && s.value.length > 0);
    if (arrays.length === 0) return { root, name: 'repeat (no array)' };
    const list = rng.pick(arrays).value as Json[];
    const at = rng.int(list.length);
    const copies = rng.pick([1, 1, 2, 50]);
    for (let i = 0; i < copies; i += 1) list.splice(at, 0, structuredClone(list[at] as Json));
    return { root, name: `array element repeated ${copies}x` };
  },
  function emptyContainer(rng, root) {
    const containers = slots(root).filter((s) => s.value !== null && typeof s.value === 'object');
    if (containers.length === 0) return { root, name: 'empty (nothing)' };
    const slot = rng.pick(containers);
    return { root: setSlot(slot, Array.isArray(slot.value) ? [] : {}) ?? root, name: `emptied ${String(slot.key)}` };
  },
];

/** Damage to the text: cut short, a character changed, a character inserted or removed. */
export function mutateText(rng: FuzzRng, text: string): { text: string; name: string } {
  if (text.length === 0) return { text: '{', name: 'text {' };
  const at = rng.int(text.length);
  switch (rng.int(5)) {
    case 0:
      return { text: text.slice(0, at), name: `cut at ${at}` };
    case 1:
      return { text: text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << rng.int(7))) + text.slice(at + 1), name: `bit flip at ${at}` };
    case 2:
      return { text: text.slice(0, at) + rng.pick(['{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', '\ud800', '-', 'e']) + text.slice(at), name: `insert at ${at}` };
    case 3:
      return { text: text.slice(0, at) + text.slice(at + 1 + rng.int(20)), name: `delete at ${at}` };
    default:
      return { text: `${text}${rng.pick(['x', ',', '}', ' {}', '\n\n'])}`, name: 'trailing junk' };
  }
}

/** A mutated copy of the JSON document `text`: 1-3 structural mutations, and sometimes damage to the text. */
export function mutateJsonText(rng: FuzzRng, text: string): { text: string; mutations: string[] } {
  let root = JSON.parse(text) as Json;
  const raw: string[] = [];
  const mutations: string[] = [];
  const count = rng.pick([1, 1, 1, 2, 3]);
  for (let i = 0; i < count; i += 1) {
    const mutated = rng.pick(MUTATIONS)(rng, root, raw);
    root = mutated.root;
    mutations.push(mutated.name);
  }
  let out = JSON.stringify(root) ?? 'null';
  // JSON.stringify writes the marker as "\u0001FUZZ<n>"; swap in the raw text (nesting, NaN, ...).
  out = out.replace(/"\\u0001FUZZ(\d+)"/g, (_, n: string) => RAW_VALUES[raw[Number(n)] ?? 'NaN']?.() ?? 'NaN');
  if (rng.chance(0.15)) {
    const damaged = mutateText(rng, out);
    out = damaged.text;
    mutations.push(damaged.name);
  }
  return { text: out, mutations };
}
