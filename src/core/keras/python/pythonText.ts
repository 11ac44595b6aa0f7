/**
 * A student's text (a project name, a CSV file's name, its column and class names) written into Python source: in
 * a comment, a string literal or the text of an f-string. Whatever the text holds, it stays text: a line break or a
 * quote never ends the comment or the literal and starts code, a brace never starts an f-string expression, and a
 * "coding:" never becomes the file's encoding declaration (which Python reads from the first two lines: a project
 * named "-*- coding: utf-7 -*-" would otherwise make Python decode "+AAo-" in the rest of the line as a line break).
 * Characters an editor would show as a line break or that reorder what it shows (line separators, bidi controls)
 * are written as escapes in literals and as spaces in comments, so the code reads as it runs.
 */

/**
 * Characters that end a line for Python or for an editor, or that hide or reorder what an editor shows: C0 and C1
 * controls, U+2028/U+2029, zero-width and bidi formatting characters, the byte order mark.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_SOURCE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** Halves of a surrogate pair without their other half: they have no UTF-8 form. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for a Python comment: on one line (every character in UNSAFE_IN_SOURCE, tab and line breaks included,
 * becomes a space), with "coding:" and "coding=" written "coding :" so no line is an encoding declaration.
 * Spaces are kept as they are, so an indented line of the header stays indented.
 */
export function pythonCommentText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(UNSAFE_IN_SOURCE, ' ')
    .replace(/coding(?=[:=])/g, 'coding ');
}

/**
 * A Python string literal in double quotes that holds exactly `text`: JSON's escapes (valid in Python), plus \u
 * escapes for the characters in UNSAFE_IN_SOURCE that JSON leaves as they are. Lone surrogates are written as JSON
 * writes them (\udXXX), which Python reads as the same code units.
 */
export function pythonString(text: string): string {
  return JSON.stringify(text).replace(UNSAFE_IN_SOURCE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` to go between the quotes of an f"..." literal and print as itself: pythonString's escapes, braces doubled. */
export function pythonFStringText(text: string): string {
  return pythonString(text).slice(1, -1).replace(/[{}]/g, (brace) => brace + brace);
}

/** Every name Python 3 defines in builtins (functions, types, constants), without the exceptions. */
const PYTHON_BUILTIN_NAMES = new Set(
  (
    'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex ' +
    'copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals ' +
    'hasattr hash help hex id input int isinstance issubclass iter len license list locals map max memoryview min ' +
    'next object oct open ord pow print property quit range repr reversed round set setattr slice sorted ' +
    'staticmethod str sum super tuple type vars zip Ellipsis NotImplemented'
  ).split(' '),
);

/**
 * Whether a variable of this name (made from a layer name) would hide something the script's own code needs from
 * Python: a builtin function or type (`ord`, `len`), an exception (`SystemExit`), or a dunder name such as
 * `__builtins__`, which Python reads to find every builtin.
 */
export function hidesPythonBuiltin(name: string): boolean {
  return (
    PYTHON_BUILTIN_NAMES.has(name) ||
    /^__\w*__$/.test(name) ||
    /^[A-Z]\w*(Error|Exception|Warning)$/.test(name) ||
    ['SystemExit', 'KeyboardInterrupt', 'GeneratorExit', 'StopIteration', 'StopAsyncIteration'].includes(name)
  );
}
