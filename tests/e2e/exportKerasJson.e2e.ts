// User story: a student takes the network to Python (Export). The Keras architecture JSON and the .keras file (with
// the starting weights, which LayerLab's core computes without TensorFlow.js or the engine worker) load in real Keras
// with the one line the dialog shows, which is the README's line with the downloaded file's name.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, expect } from 'vitest';
import { test } from './support/browser.ts';
import { startKeras } from './support/kerasProcess.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

// Real Keras, importing TensorFlow while the browser starts; both tests use it.
const keras = startKeras();
afterAll(() => keras.close());

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The "load it with" column of the README's export table for `format`, e.g. keras.models.load_model("model.keras"). */
function readmeLoadLine(format: string): string {
  const row = README.split('\n').find((line) => line.startsWith(`| \`${format}\` |`));
  const cell = row?.split('|').map((c) => c.trim())[3];
  if (cell === undefined) throw new Error(`README.md has no export table row for ${format}`);
  return cell.replace(/^`|`$/g, '');
}

const XOR_PARAMS = 17; // 2·4 + 4 + 4·1 + 1, as the app's summary says

test('Keras architecture (JSON) downloads and real Keras rebuilds it: 17 params for XOR', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  await eventually(() => page.locator('.drawer-summary').textContent()).toBe(`3 layers · ${XOR_PARAMS} params`);

  const path = await app.exportDownload('Keras architecture (JSON)');
  expect(basename(path)).toBe('xor-2-4-1.json');
  await eventually(() => app.loadLine.textContent()).toBe(readmeLoadLine('keras-json').replace('model.json', basename(path)));
  expect(JSON.parse(readFileSync(path, 'utf8')).class_name).toBe('Sequential');

  const result = await keras.run<{ params: number; layers: string[] }>(
    'm = keras.models.model_from_json(open(path).read())\n' + 'result = {"params": m.count_params(), "layers": [l.name for l in m.layers]}',
    path,
  );
  expect(result).toEqual({ params: XOR_PARAMS, layers: ['hidden', 'out'] });
  expect(app.consoleErrors).toEqual([]);
  expect(app.failedRequests).toEqual([]);
});

test('a .keras file with the starting weights (no engine worker, no TF.js) loads in real Keras with the same params', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  expect(workers).toEqual([]); // TF.js is not loaded until it is needed
  const path = await app.exportDownload('Keras model');
  expect(basename(path)).toBe('xor-2-4-1.keras');
  expect(workers, 'the export needs no engine worker').toEqual([]);
  await eventually(() => app.loadLine.textContent()).toBe(readmeLoadLine('keras').replace('model.keras', basename(path)));
  expect(await app.dialog('Export').textContent()).toContain('The network has not been trained yet: the file holds its starting weights (seed 1).');

  const result = await keras.run<{ params: number; kernels: number[]; biases: number[]; loss: string }>(
    'm = keras.models.load_model(path)\n' +
      'ws = [l.get_weights() for l in m.layers]\n' +
      'result = {"params": m.count_params(),\n' +
      '  "kernels": [int(np.count_nonzero(w[0])) for w in ws if w],\n' +
      '  "biases": [float(np.abs(w[1]).sum()) for w in ws if w],\n' +
      '  "loss": str(m.loss)}',
    path,
  );
  // Glorot-initialised kernels (no zero weight), zero biases: a fresh network, as Keras itself would start it.
  expect(result).toEqual({ params: XOR_PARAMS, kernels: [8, 4], biases: [0, 0], loss: 'binary_crossentropy' });
  expect(app.consoleErrors).toEqual([]);
  expect(app.failedRequests).toEqual([]);
});
