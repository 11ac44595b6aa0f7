/**
 * Hostile text for the injection tests: what a student (or a file they were sent) could put in a project name, a
 * layer name, a CSV file's name, its header line or its label values. Each would run code, add markup or a link,
 * or end a comment or a string literal if it were written unescaped somewhere.
 */
import type { GraphNode } from '../../src/core/graph/types.ts';
import { NODE_ID_PATTERN } from '../../src/core/graph/types.ts';

/** Names for the page, the SVG diagram and the notebook's markdown: markup, links, entities, math. */
export const HOSTILE_MARKUP = [
  '<script>window.__pwned = 1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  '</text><a href="javascript:window.__pwned=1"><text>click</text></a>',
  '<![CDATA[x]]> <!-- c --> <?xml-stylesheet href="evil.xsl"?> <!DOCTYPE x [<!ENTITY e "pwned">]>&e;',
  '&lt;b&gt;not bold&lt;/b&gt; &amp; &#60;i&#62; &#x3C;u&#x3E;',
  '[click me](javascript:window.__pwned=1) ![x](https://evil.example/x.png) <https://evil.example>',
  'https://evil.example www.evil.example mail@evil.example',
  '**bold** _it_ `code` ~~gone~~ # not a heading | not | a table |',
  '$\\alpha$ $$x$$ \\(y\\) \\[z\\] \\begin{equation}w\\end{equation} \\$',
  '<style>*{display:none}</style><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
];

/**
 * Text that would end a Python comment or string literal and start code, or make Python decode the file
 * differently; every payload creates a file named PWNED-<something> in the working folder if it runs.
 */
export const HOSTILE_PYTHON = [
  'a\nopen("PWNED-newline", "w")',
  'a\ropen("PWNED-cr", "w")',
  'a\r\nopen("PWNED-crlf", "w")',
  'a\u2028open("PWNED-u2028", "w")',
  'a\u2029open("PWNED-u2029", "w")',
  'a\u0085open("PWNED-nel", "w")',
  'a\fopen("PWNED-ff", "w")',
  'a\vopen("PWNED-vt", "w")',
  '-*- coding: utf-7 -*- +AAo-open(+ACI-PWNED-utf7+ACI-, +ACI-w+ACI-)',
  'vim: set fileencoding=utf-7 : +AAo-open(+ACI-PWNED-utf7b+ACI-, +ACI-w+ACI-)',
  // Long enough that the header wraps it, so the declaration lands on the script's second line.
  `${'A long project name '.repeat(4)}-*- coding: utf-7 -*- +AAo-open(+ACI-PWNED-utf7line2+ACI-, +ACI-w+ACI-)`,
  '"); open("PWNED-quote", "w"); print("',
  "'); open('PWNED-single', 'w'); print('",
  '"""; open("PWNED-triple", "w"); """',
  "'''; open('PWNED-triple1', 'w'); '''",
  '\\"); open("PWNED-backslash", "w"); ("',
  '\\N{QUOTATION MARK}); open("PWNED-named", "w"); ("',
  '\\x22); open("PWNED-hex", "w"); ("',
  '{open("PWNED-fstring", "w")} {__import__("os").system("touch PWNED-system")}',
  '\u202e"); open("PWNED-bidi", "w"); ("\u202c',
  'tab\there # and a comment',
];

/** Layer names (node ids) NODE_ID_PATTERN allows that are Python builtins, keywords or the script's own names. */
export const HOSTILE_IDS = ['__import__', 'exec', 'os.system', 'None', 'print', 'keras', '__builtins__', 'np', 'model', 'x'];

/** Every hostile id is a name LayerLab accepts, so the tests test what a student can really make. */
export function expectAllowedIds(nodes: readonly GraphNode[]): void {
  for (const node of nodes) if (!NODE_ID_PATTERN.test(node.id)) throw new Error(`${node.id} is not an id LayerLab allows`);
}
