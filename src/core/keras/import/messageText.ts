/** How import messages show layer names and Keras shapes, and how they make their sentences. */
import type { KerasBatchShape } from '../kerasFormat.ts';
import { capitalized, sentence } from '../../problems/sentence.ts';
import type { KerasImportProblem } from './importResult.ts';

/** `'name'`, shortened so a hostile name cannot flood a message. */
export function quote(text: string): string {
  return `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'`;
}

export function formatBatchShape(shape: KerasBatchShape): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0] ?? ''},)` : `(${dims.join(', ')})`;
}

export function listNames(names: readonly string[]): string {
  const quoted = names.map(quote);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}

export { capitalized, sentence };

/**
 * A problem with one layer of the file: `layer` is the node id the layer gets, and the message is a plain sentence
 * that does not start with the layer's name (renderers show it). When the node id differs from the layer's name in
 * the file, the message says that name too, so the student can find the layer in their file.
 */
export function layerProblem(entry: { readonly name: string; readonly id: string }, message: string): KerasImportProblem {
  const renamed = entry.id === entry.name ? '' : ` In the file this layer is named ${quote(entry.name)}.`;
  return { layer: entry.id, message: `${sentence(message)}${renamed}` };
}

/** A warning about one layer: warnings have no node of their own, so the sentence names the layer (as in the file). */
export function layerWarning(name: string, reason: string): string {
  return sentence(`In layer ${quote(name)}, ${reason}`);
}
