// User story: a student takes the XOR chain to Python as a functional model instead of a Sequential one. The Export
// dialog offers "Keras API: Sequential / Functional"; picking Functional is an edit the project keeps (Undo takes it
// back), and the Keras JSON downloaded then is a Functional model that real Keras rebuilds as one.
import { readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';
import { test } from './support/browser.ts';
import { startKeras } from './support/kerasProcess.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

const keras = startKeras();
afterAll(() => keras.close());

test('Keras API: the pick in the Export dialog decides the class real Keras builds, and Undo takes it back', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  await app.toolbarButton('Export').click();
  const dialog = app.dialog('Export');
  const api = dialog.getByRole('group', { name: 'Keras API' });
  const sequential = api.getByRole('radio', { name: 'Sequential' });
  const functional = api.getByRole('radio', { name: 'Functional' });
  // The XOR preset is a chain built on the canvas: Sequential by default, and both are possible.
  expect(await sequential.isChecked()).toBe(true);
  expect(await sequential.isDisabled()).toBe(false);

  await functional.check();
  await eventually(() => functional.isChecked()).toBe(true);
  const path = await app.exportDownload('Keras architecture (JSON)');
  expect(JSON.parse(readFileSync(path, 'utf8')).class_name).toBe('Functional');
  const built = await keras.run<{ cls: string; layers: string[] }>(
    'm = keras.models.model_from_json(open(path).read())\nresult = {"cls": type(m).__name__, "layers": [l.name for l in m.layers]}',
    path,
  );
  expect(built).toEqual({ cls: 'Functional', layers: ['x', 'hidden', 'out'] });

  // The pick is an edit of the project: Undo goes back to Sequential, and the next download is Sequential again.
  await page.keyboard.press('Escape');
  await eventually(() => dialog.isVisible()).toBe(false);
  await app.undo();
  await app.toolbarButton('Export').click();
  await eventually(() => sequential.isChecked()).toBe(true);
  const again = await app.exportDownload('Keras architecture (JSON)');
  expect(JSON.parse(readFileSync(again, 'utf8')).class_name).toBe('Sequential');
  expect(app.consoleErrors).toEqual([]);
});
