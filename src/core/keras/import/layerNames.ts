/**
 * Layer names and node ids, for every format: Keras layer names become LayerLab node ids (invalid names are sanitized
 * and made unique), and node ids become TensorFlow.js layer names and back.
 */
import { NODE_ID_PATTERN } from '../../graph/types.ts';
import type { LayerEntry } from './layerEntries.ts';
import { quote } from './messageText.ts';

/** Names that would reach Object.prototype when used as object keys elsewhere. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A valid node id made from any layer name: "_" for each character LayerLab does not allow, at most 64 long. */
export function sanitizeName(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!/^[A-Za-z_]/.test(id)) id = `_${id}`;
  return id.slice(0, 64);
}

/** A free id based on `base`: base, base_2, base_3, ... each at most 64 characters. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !RESERVED_NAMES.has(base)) return base;
  for (let k = 2; ; k += 1) {
    const suffix = `_${k}`;
    const candidate = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The node id each Keras layer name gets: the name itself when it is a valid node id, otherwise the sanitized
 * name made unique. The one rule for every importer (JSON, .keras, TF.js), so weights always find their layer.
 */
export function nodeIdsForNames(names: readonly string[]): Map<string, string> {
  const taken = new Set(names.filter((n) => NODE_ID_PATTERN.test(n)));
  const ids = new Map<string, string>();
  for (const name of names) {
    if (NODE_ID_PATTERN.test(name)) {
      ids.set(name, name);
      continue;
    }
    const id = uniqueId(sanitizeName(name), taken);
    taken.add(id);
    ids.set(name, id);
  }
  return ids;
}

/** Gives each entry a valid node id; names that are already valid keep their name. */
export function assignIds(entries: LayerEntry[], warnings: string[]): Set<string> {
  const ids = nodeIdsForNames(entries.map((e) => e.name));
  for (const entry of entries) {
    if (NODE_ID_PATTERN.test(entry.name)) continue;
    entry.id = ids.get(entry.name) ?? entry.name;
    warnings.push(
      `Layer ${quote(entry.name)} was renamed ${quote(entry.id)}: LayerLab layer names use only letters, digits, '_', '.' and '-', start with a letter or '_', and have at most 64 characters.`,
    );
  }
  return new Set(ids.values());
}

/**
 * The TensorFlow.js layer name of a node (what the engine compiles and the TF.js export writes): its id, with a
 * leading "0" when the id starts with "_", since tfjs rejects names that do not start with a letter or digit ("Not a
 * valid tensor name"). No node id starts with a digit, so the name never collides with another node's.
 */
export function tfjsLayerName(nodeId: string): string {
  return nodeId.startsWith('_') ? `0${nodeId}` : nodeId;
}

/** The node id whose TensorFlow.js layer name is `layerName` (the inverse of {@link tfjsLayerName}). */
export function nodeIdOfTfjsLayer(layerName: string): string {
  return layerName.startsWith('0_') ? layerName.slice(1) : layerName;
}
