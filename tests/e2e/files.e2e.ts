// User story: a student saves the network as a .layerlab.json file (which the command line validates), opens project
// files (a damaged one is refused and changes nothing), starts a new network and gets the old one back with Undo, and
// downloads a picture of the network for a slide.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function layerlab(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'layerlab.mjs'), ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

test('Save writes a file layerlab validate accepts; Open opens any project file and refuses a damaged one; New and Undo', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  await app.selectNode('hidden');
  await app.setUnits(6);
  await eventually(() => app.nodeFooter('hidden')).toBe('(None, 6) 18 params');

  // Save: the file is the project, and the command line validates it.
  const saved = await app.download(() => app.toolbarButton('Save').click());
  expect(saved.endsWith('xor-2-4-1.layerlab.json')).toBe(true);
  const project = JSON.parse(readFileSync(saved, 'utf8')) as { graph: { nodes: { id: string; params: { units?: number } }[] } };
  expect(project.graph.nodes.find((n) => n.id === 'hidden')?.params.units).toBe(6);
  const validated = await layerlab(['validate', saved]);
  expect(validated.code).toBe(0);
  expect(validated.stdout).toContain('hidden  Dense  (None, 6)         18');

  // Open: a project file from elsewhere (an imported Keras model) opens with all its layers.
  const input = page.getByTestId('open-project-input');
  await input.setInputFiles(join(ROOT, 'tests/fixtures/projects/func_concat_add.layerlab.json'));
  await eventually(() => app.projectName.inputValue()).toBe('func_concat_add');
  expect(await app.nodeIds()).toContain('cat');

  // A damaged file is refused with a message naming the problem, and the open project stays as it was.
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-e2e-open-'));
  const damaged = join(dir, 'broken.layerlab.json');
  writeFileSync(damaged, '{ "format": "layerlab-project", "version": 1, "name": ');
  const before = await app.nodeIds();
  await input.setInputFiles(damaged);
  await eventually(() => app.errorToasts.count()).toBe(1);
  expect(await app.errorToasts.first().textContent()).toMatch(/not valid JSON/);
  expect(await app.nodeIds()).toEqual(before);
  expect(await app.projectName.inputValue()).toBe('func_concat_add');

  // New starts a blank network with one Input; Undo brings the previous one back.
  await app.toolbarButton('New').click();
  await eventually(() => app.nodeIds()).toEqual(['input_layer']);
  await app.clickEmptyCanvas();
  await app.undoKey();
  await eventually(() => app.nodeIds()).toEqual(before);
  expect(app.consoleErrors).toEqual([]);
});

test('the network diagram downloads as SVG and PNG for slides', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  await app.toolbarButton('Export').click();
  const svg = await app.download(() => page.getByRole('button', { name: 'Download diagram as SVG' }).click());
  const text = readFileSync(svg, 'utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  for (const title of ['Input (2)', 'Dense 4 · tanh', 'Dense 1 · sigmoid', '(None, 4)', '12 params']) expect(text).toContain(title);
  const png = await app.download(() => page.getByRole('button', { name: 'Download diagram as PNG' }).click());
  const bytes = readFileSync(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // A 2x picture of three 200 px cards side by side is well over 1000 px wide (IHDR width, big-endian, at byte 16).
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000);
  expect(app.consoleErrors).toEqual([]);
});
