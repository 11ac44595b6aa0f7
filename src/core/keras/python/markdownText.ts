/**
 * A student's text (a project name, a CSV file's name, its column and class names) in a notebook's markdown cells,
 * shown exactly as typed. Jupyter renders markdown as HTML and runs MathJax over it, so without escaping a name could
 * add HTML ("<img onerror=...>"), a link ("[x](javascript:...)", an autolinked URL), emphasis, a table cell or math
 * ("$x$", "\(x\)", "\begin{...}"). CommonMark lets every ASCII punctuation character be escaped with a backslash;
 * the backslash and the dollar sign, which start math even when escaped, are written as HTML character references.
 */

/** ASCII punctuation that means nothing in running markdown text, left as it is so plain names read plainly. */
const PLAIN_PUNCTUATION = new Set([',', ';', '?', '%', "'", '"', '-']);

/** C0 and C1 controls and line separators: a line break inside a name would end its line of markdown. */
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text shown literally in running markdown (a heading, a sentence, a table cell), on one line. */
export function markdownText(text: string): string {
  return text.replace(LINE_BREAKING, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => {
    if (c === '\\') return '&#92;';
    if (c === '$') return '&#36;';
    return PLAIN_PUNCTUATION.has(c) ? c : `\\${c}`;
  });
}

/**
 * Text as inline code (`like this`), on one line: fenced with one more backtick than its longest run of backticks,
 * and padded with a space when it starts or ends with one. Markdown shows code spans' text as it is (HTML, brackets
 * and backslashes included) and Jupyter leaves them out of math.
 */
export function markdownCode(text: string): string {
  const line = text.replace(LINE_BREAKING, ' ');
  const longest = Math.max(0, ...Array.from(line.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}
