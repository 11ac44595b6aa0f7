// User story: a student opens a share link someone sent them whose project name and layer names are hostile, uploads
// a CSV file whose name, header line and label values are hostile, downloads the network diagram, and imports a Keras
// file with a hostile layer name. Every name is shown as text, exactly as it was written; no element, attribute,
// script or dialog comes from any of them (a payload would set window.__pwned), and the diagram files hold only
// the diagram's own elements.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createNode } from '../../src/core/graph/build.ts';
import { createProject } from '../../src/core/project/index.ts';
import { encodeShareFragment } from '../../src/state/persistence/shareLink.ts';
import { allElements, ownText, parseXml } from '../injection/xmlTree.ts';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

const PROJECT_NAME = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
/** Layer names LayerLab allows (letters, digits, '_', '.', '-') that read like markup and code. */
const LAYER_IDS = ['onerror', 'script', 'javascript.alert-1'];
/** Each a column of the CSV file (the last one its label); none has a "/" so it also works as a file name. */
const HEADERS = ['<img src=x onerror=window.__pwned=3>', '<svg onload=window.__pwned=4>', '"><iframe srcdoc="<script>parent.__pwned=5</script>">'];
const CLASSES = ['<b onmouseover=window.__pwned=6>yes</b>', "'><script>window.__pwned=7</script>"];
const FILE_NAME = '<img src=x onerror=window.__pwned=8>.csv';
const KERAS_LAYER_NAME = '<img src=x onerror="window.__pwned=9">';

const FIXTURES = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));

/** The shared network: Input -> Dense -> Dense on the XOR data, named PROJECT_NAME, its layers named LAYER_IDS. */
function sharePath(): string {
  const [input = '', hidden = '', out = ''] = LAYER_IDS;
  const project = createProject(
    PROJECT_NAME,
    {
      nodes: [
        { ...createNode(input, 'Input', { shape: [2] }), position: { x: 0, y: 0 } },
        { ...createNode(hidden, 'Dense', { units: 4, activation: 'tanh' }), position: { x: 300, y: 0 } },
        { ...createNode(out, 'Dense', { units: 1, activation: 'sigmoid' }), position: { x: 600, y: 0 } },
      ],
      edges: [
        { id: 'e0', source: input, target: hidden, inputIndex: 0 },
        { id: 'e1', source: hidden, target: out, inputIndex: 0 },
      ],
    },
    { kind: 'builtin', name: 'xor', samples: 200, noise: 0, seed: 1, classes: 2 },
  );
  const encoded = encodeShareFragment(project);
  if (!encoded.ok) throw new Error('the project does not fit in a link');
  return `/${encoded.fragment}`;
}

function csvFile(): string {
  const cell = (text: string): string => `"${text.replace(/"/g, '""')}"`;
  const lines = [HEADERS.map(cell).join(',')];
  for (let i = 0; i < 60; i += 1) {
    const w = ((i * 37) % 100) / 10 - 5;
    const h = ((i * 61) % 100) / 10 - 5;
    lines.push(`${String(w)},${String(h)},${cell(w * h > 0 ? (CLASSES[0] ?? '') : (CLASSES[1] ?? ''))}`);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'layerlab-injection-')), FILE_NAME);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** seq_mlp.json (written by Keras) with its first hidden layer renamed KERAS_LAYER_NAME. */
function kerasFile(): string {
  const text = readFileSync(`${FIXTURES}seq_mlp.json`, 'utf8').replace(/"name": "hidden1"/g, `"name": ${JSON.stringify(KERAS_LAYER_NAME)}`);
  expect(text).toContain(JSON.stringify(KERAS_LAYER_NAME));
  const path = join(mkdtempSync(join(tmpdir(), 'layerlab-injection-')), 'model.json');
  writeFileSync(path, text);
  return path;
}

/** What a payload would have left in the page: the flag, event-handler attributes, script URLs, foreign elements. */
function injected(page: Page): Promise<{ pwned: unknown; handlers: string[]; scripts: string[]; elements: string[]; urls: string[] }> {
  return page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'));
    const describe = (e: Element): string => e.outerHTML.slice(0, 120);
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      handlers: all.filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name))).map(describe),
      scripts: Array.from(document.scripts).filter((s) => s.src === '').map(describe),
      elements: Array.from(document.querySelectorAll('iframe, object, embed, b, img[src="x"], svg[onload], style:not([data-vite-dev-id])'))
        .filter((e) => (e.textContent ?? '').includes('pwned') || e.outerHTML.includes('pwned') || e.tagName === 'IFRAME' || e.getAttribute('src') === 'x')
        .map(describe),
      // Attributes that load or run something (a name in an input's value, an aria-label or a title is only text).
      urls: all
        .filter((e) => Array.from(e.attributes).some((a) => /^(href|src|srcdoc|action|formaction|xlink:href|data|style|poster)$/i.test(a.name) && /javascript:|pwned/i.test(a.value)))
        .map(describe),
    };
  });
}

async function expectNothingInjected(page: Page, dialogs: readonly string[]): Promise<void> {
  expect(await injected(page)).toEqual({ pwned: undefined, handlers: [], scripts: [], elements: [], urls: [] });
  expect(dialogs).toEqual([]);
}

test('hostile project, layer, file, column and class names are shown as text and never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  // A share link with a hostile project name and layer names.
  const app = await LayerLabPage.open(page, sharePath());
  expect(await app.nodeIds()).toEqual(LAYER_IDS);
  expect(await app.projectName.inputValue()).toBe(PROJECT_NAME);
  await eventually(() => app.toasts.filter({ hasText: `Opened the shared network “${PROJECT_NAME}”.` }).count()).toBe(1);
  for (const id of LAYER_IDS) expect(await app.node(id).getByText(id, { exact: true }).count()).toBeGreaterThan(0);
  await expectNothingInjected(page, dialogs);

  // A CSV file with a hostile name, header line and label values.
  await app.sideTab('Data').click();
  const input = page.getByTestId('csv-file');
  if ((await input.count()) === 0) await page.getByTestId('data-choice-csv').click();
  await input.setInputFiles(csvFile());
  for (const header of HEADERS) await eventually(() => page.getByText(header, { exact: true }).count()).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Use this data', exact: true }).click();
  await eventually(() => page.getByTestId('dataset-name').textContent()).toContain(FILE_NAME);
  await eventually(() => page.getByText(CLASSES[0] ?? '', { exact: false }).count()).toBeGreaterThan(0);
  await expectNothingInjected(page, dialogs);

  // The network diagram, as SVG and as PNG.
  await app.toolbarButton('Export').click();
  const dialog = app.dialog('Export');
  const svgPath = await app.download(() => dialog.getByRole('button', { name: 'Download diagram as SVG', exact: true }).click());
  const { root, otherMarkup } = parseXml(readFileSync(svgPath, 'utf8'));
  expect(otherMarkup).toEqual([]);
  const elements = allElements(root);
  expect([...new Set(elements.map((e) => e.name))].sort()).toEqual(['g', 'path', 'polygon', 'rect', 'svg', 'text', 'title']);
  for (const e of elements) for (const [name, value] of Object.entries(e.attributes)) expect(`${name}=${value}`).not.toMatch(/^on|pwned|javascript/i);
  expect(ownText(elements.find((e) => e.name === 'title') ?? root)).toBe(PROJECT_NAME);
  const texts = elements.filter((e) => e.name === 'text').map(ownText);
  expect(texts[0]).toBe(PROJECT_NAME);
  for (const id of LAYER_IDS) expect(texts).toContain(id);
  const pngPath = await app.download(() => dialog.getByRole('button', { name: 'Download diagram as PNG', exact: true }).click());
  const png = readFileSync(pngPath);
  // A PNG (its signature), drawn from the SVG at twice its size: the browser read the SVG as an image.
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.readUInt32BE(16)).toBe(2 * Number(root.attributes.width));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await expectNothingInjected(page, dialogs);

  // A Keras file whose layer name is markup: LayerLab renames the layer and says so, quoting the name as text.
  await app.importFiles([kerasFile()]);
  await eventually(() => app.nodeIds()).toContain('features');
  await eventually(() => page.getByText(KERAS_LAYER_NAME, { exact: false }).count()).toBeGreaterThan(0);
  await expectNothingInjected(page, dialogs);
  expect(app.consoleErrors).toEqual([]);
});
