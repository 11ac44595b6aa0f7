/** How import messages show layer names and Keras shapes. */
import type { KerasBatchShape } from '../kerasFormat.ts';

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
