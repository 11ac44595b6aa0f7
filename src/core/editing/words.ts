/** Small text helpers shared by the editing messages. */

const MAX_SHOWN = 40;

/** 'name' in single quotes, shortened to 40 characters (a pasted paragraph must not become the message). */
export function quoteName(name: unknown): string {
  const text = typeof name === 'string' ? name : String(name);
  return `'${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text}'`;
}

/** "'a'", "'a' and 'b'", "'a', 'b' and 'c'". */
export function quoteList(names: readonly string[]): string {
  const quoted = names.map(quoteName);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}

/** "Dense 'hidden'": the layer's kind, then its name, as the UI design's "Words" section asks. */
export function layerName(kind: unknown, id: string): string {
  return typeof kind === 'string' && kind !== '' ? `${kind} ${quoteName(id)}` : quoteName(id);
}
