/** Small helpers that make problem messages read as plain sentences (see Problem.message). */

/** `text` as the end of a sentence: a full stop added unless it already ends with one (or ! or ?). */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** `text` with its first letter capitalised, for a sentence that starts with an ordinary word (not a name). */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
