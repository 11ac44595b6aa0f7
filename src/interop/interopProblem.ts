/**
 * What the Keras file readers and writers report: one problem per layer (or for the whole file), worded with the
 * small text helpers below.
 */

/**
 * One problem with a Keras file, at the layer it concerns, or null for the whole file. `layer` is the layer's name in
 * the file where only the file is known (the weights file readers and writers), and the node id it becomes once the
 * import knows it (readKerasFile).
 */
export interface InteropProblem {
  layer: string | null;
  /** One or more plain sentences; never starts with the layer's name (renderers show `layer` beside it). */
  message: string;
}

export { capitalized, sentence } from '../core/problems/sentence.ts';

export function quote(text: string): string {
  return `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'`;
}

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

export function formatTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
}
