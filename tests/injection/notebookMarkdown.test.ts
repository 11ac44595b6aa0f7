/**
 * The notebook's markdown cells with a hostile project name, CSV file name, column names and class names: rendered
 * as Jupyter renders them (marked, the markdown library JupyterLab uses, with GitHub's extensions: tables and
 * autolinks), every name reads exactly as typed, and the HTML has the same elements as a plainly named project's:
 * no tag, link, image or emphasis came from a name. Jupyter also runs MathJax over markdown; no name adds a "$" or
 * a "\\(" that would start math.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { exportNotebook } from '../../src/core/keras/python/index.ts';
import type { LayerLabProject } from '../../src/core/project/index.ts';
import { BENIGN_TEXT, csvProject, datasetOf, hostileText } from './hostileProjects.ts';
import type { ProjectText } from './hostileProjects.ts';
import { HOSTILE_MARKUP, HOSTILE_PYTHON } from './hostileText.ts';

interface NotebookJson {
  cells: { cell_type: string; source: string[] }[];
}

function markdownOf(project: LayerLabProject): string {
  const result = exportNotebook(project, { dataset: datasetOf(project) });
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.problems)}`);
  const notebook = JSON.parse(result.text) as NotebookJson;
  return notebook.cells
    .filter((c) => c.cell_type === 'markdown')
    .map((c) => c.source.join(''))
    .join('\n\n');
}

const render = (markdown: string): string => marked.parse(markdown, { gfm: true, async: false });

/** The HTML's tags with their attribute names, in order: the document's structure, whatever its text says. */
const tags = (html: string): string[] =>
  Array.from(html.matchAll(/<(\/?[a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/gi), (m) =>
    `${m[1] ?? ''}${Array.from((m[2] ?? '').matchAll(/\s([a-z-]+)/gi), (a) => ` ${a[1] ?? ''}`).join('')}`,
  );

/** What a reader sees: the HTML's text with its character references decoded. */
function shownText(html: string): string {
  expect(html.replace(/<\/?[a-z0-9]+(?:\s+[a-z-]+(?:="[^"]*")?)*\s*\/?>/gi, '')).not.toMatch(/[<>]/);
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');
}

/** Characters and sequences that start math in Jupyter's markdown (its removeMath). */
const mathStarts = (markdown: string): number => (markdown.match(/\$|\\\\|\\(?:begin|end)\b/g) ?? []).length;

/** What markdownText shows for a name: each line break and control character as a space. */
// eslint-disable-next-line no-control-regex
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');

function expectShownAsText(text: ProjectText, shown: ProjectText = text): void {
  const project = csvProject(text, 'classification');
  const dataset = datasetOf(project);
  const benignMarkdown = markdownOf(csvProject(BENIGN_TEXT, 'classification'));
  const markdown = markdownOf(project);
  const html = render(markdown);
  expect(tags(html)).toEqual(tags(render(benignMarkdown)));
  for (const tag of tags(html)) expect(tag).not.toMatch(/^\/?(a|img|script|svg|iframe|style)\b|href|src|\son[a-z]+/);
  const seen = shownText(html);
  for (const expected of [shown.projectName, shown.fileName, ...shown.features, shown.label, ...shown.classes]) expect(seen).toContain(expected);
  // The names as LayerLab read them from the file (its reader makes "\r\n" and "\r" in a quoted header "\n").
  for (const expected of [...dataset.featureNames, ...dataset.classNames]) expect(seen).toContain(oneLine(expected));
  expect(mathStarts(markdown)).toBe(mathStarts(benignMarkdown));
}

describe('the notebook shows hostile names in its markdown as text', () => {
  it.each(HOSTILE_MARKUP)('%j as the project, file, column and class names', (hostile) => {
    expectShownAsText(hostileText(hostile));
  });

  it('shows the project name as the heading, exactly as typed', () => {
    const name = HOSTILE_MARKUP[1] ?? '';
    const html = render(markdownOf(csvProject(hostileText(name), 'classification')));
    expect(shownText(html.match(/<h1>.*<\/h1>/)?.[0] ?? '')).toBe(name);
  });

  it.each(HOSTILE_PYTHON)('%j (line breaks shown as spaces) starts no markdown line of its own', (hostile) => {
    const text = hostileText(hostile);
    // The heading is the project name on one line, runs of white space as one space (the script's title).
    expectShownAsText(text, { ...text, projectName: oneLine(text.projectName).replace(/\s+/g, ' ').trim(), fileName: oneLine(text.fileName), features: ['', ''], label: '', classes: ['', ''] });
  });

  it('a name that is markdown for a heading, a list and raw HTML on lines of their own stays in its heading', () => {
    const name = 'Net\n# Injected heading\n- item\n<script>window.__pwned = 1</script>\n    code block';
    const html = render(markdownOf(csvProject({ ...BENIGN_TEXT, projectName: name }, 'classification')));
    expect(tags(html)).toEqual(tags(render(markdownOf(csvProject(BENIGN_TEXT, 'classification')))));
    expect(shownText(html.match(/<h1>.*<\/h1>/)?.[0] ?? '')).toBe('Net # Injected heading - item <script>window.__pwned = 1</script> code block');
  });
});
