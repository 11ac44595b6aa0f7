import { useCallback, useState } from 'react';

export interface Draft<V> {
  /** What the field shows: the student's own text while it is theirs. */
  text: string;
  /** Why the text is not used (it is kept in the field), or null. */
  message: string | null;
  /** The project value the text stands for. */
  source: V;
}

/**
 * The text of a field that edits a project value, so that the field never "jumps": the student's text stays as typed
 * ("1.0", "28,", "abc") while the project holds the value it was read as (or its last good value), and the text is
 * replaced by the project's value only when that value changes from elsewhere (undo, redo, the canvas, another
 * field). `accept(text, value)` records text that was read as `value` (the caller applies it); `reject(text,
 * message)` keeps text that could not be read; `revert()` shows the project's value again.
 */
export function useDraft<V>(value: V, format: (v: V) => string, equals: (a: V, b: V) => boolean) {
  const [draft, setDraft] = useState<Draft<V>>(() => ({ text: format(value), message: null, source: value }));
  let current = draft;
  if (!equals(draft.source, value)) {
    // The project changed from elsewhere: show its value (adjusting state while rendering, as React recommends
    // instead of an effect, so the stale text is never painted).
    current = { text: format(value), message: null, source: value };
    setDraft(current);
  }
  const accept = useCallback((text: string, next: V) => setDraft({ text, message: null, source: next }), []);
  const reject = useCallback((text: string, message: string) => setDraft((d) => ({ text, message, source: d.source })), []);
  const revert = useCallback(() => setDraft({ text: format(value), message: null, source: value }), [format, value]);
  return { text: current.text, message: current.message, accept, reject, revert };
}
