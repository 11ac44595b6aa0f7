/**
 * What the Keras file readers and writers report: one problem per layer (or for the whole file), worded with the
 * small text helpers below.
 */

/** One problem with a Keras file, at the layer it concerns (its Keras name), or null for the whole file. */
export interface InteropProblem {
  layer: string | null;
  message: string;
}

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
