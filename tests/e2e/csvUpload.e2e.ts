// User stories: a student uploads their own small CSV file, picks the columns and trains the network on it; another
// uploads a file with a bad value and reads which line and column to fix, with their work untouched.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';
import { TrainTab } from './support/training.ts';

/** Two measurements and a yes/no label that depends on both (the XOR network on the canvas can learn it). */
function csvText(rows: number, bad?: { line: number; value: string }): string {
  const lines = ['width,height,label'];
  for (let i = 0; i < rows; i += 1) {
    const w = ((i * 37) % 100) / 10 - 5;
    const h = ((i * 61) % 100) / 10 - 5;
    lines.push(`${w},${h},${w * h > 0 ? 'same' : 'opposite'}`);
  }
  if (bad !== undefined) lines[bad.line - 1] = `${bad.value},1.5,same`;
  return `${lines.join('\n')}\n`;
}

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'layerlab-csv-')), name);
  writeFileSync(path, text);
  return path;
}

async function upload(app: LayerLabPage, path: string): Promise<void> {
  await app.sideTab('Data').click();
  const input = app.page.getByTestId('csv-file');
  if ((await input.count()) === 0) await app.page.getByTestId('data-choice-csv').click();
  await input.setInputFiles(path);
}

test('a CSV file is uploaded, its columns picked, and the network trains on it', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  await upload(app, file('signs.csv', csvText(200)));
  await page.getByRole('button', { name: 'Use this data', exact: true }).click();
  await eventually(() => page.getByTestId('dataset-name').textContent()).toContain('signs.csv');
  await eventually(() => app.problemCount.textContent()).toBe('0');
  const train = new TrainTab(app);
  await train.open();
  await train.train();
  await eventually(() => train.epoch(), 20_000).toBeGreaterThanOrEqual(20);
  expect(await train.trainLoss()).toBeLessThan(0.69);
  expect(app.consoleErrors).toEqual([]);
});

test('a CSV file with a bad value is refused with its line and column, and the project keeps its data', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  await app.sideTab('Data').click();
  const before = await page.getByTestId('dataset-name').textContent();
  await upload(app, file('broken.csv', csvText(50, { line: 7, value: 'abc' })));
  const alert = page.getByTestId('csv-error');
  await eventually(() => alert.textContent()).toMatch(/Line 7, column "width": "abc" is not a number/);
  expect(await alert.getAttribute('role')).toBe('alert');
  expect(await page.getByTestId('dataset-name').textContent()).toBe(before);
  expect(await app.nodeIds()).toEqual(['x', 'hidden', 'out']);
});
