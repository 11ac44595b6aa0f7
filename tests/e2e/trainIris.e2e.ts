// User story: a student opens the Iris preset (150 real flowers, 4 measurements, 3 species), trains it, and reads
// the confusion matrix: which species the network mixes up, on flowers it never trained on.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, exampleProject, LayerLabPage } from './support/layerlabPage.ts';
import { TrainTab } from './support/training.ts';

test('the Iris preset trains, and its confusion matrix counts every test flower by true and predicted species', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  const project = exampleProject('iris-softmax.layerlab.json');
  await app.openPreset('Iris softmax classifier', project.graph.nodes.map((n) => n.id));
  const train = new TrainTab(app);
  await train.open();
  await train.train();
  const epochs = project.training.epochs;
  await eventually(() => train.epoch(), 30_000).toBe(epochs);
  await eventually(() => train.mainButton.textContent()).toBe('Train');
  expect(await train.testMetric()).toBeGreaterThanOrEqual(0.9);

  await page.getByRole('tab', { name: 'Confusion matrix' }).click();
  const table = page.getByTestId('confusion-matrix').locator('table');
  await table.waitFor();
  const columns = await table.locator('thead th').allTextContents();
  for (const species of ['setosa', 'versicolor', 'virginica']) expect(columns.join(' ')).toContain(species);
  const rows = await table.locator('tbody tr').count();
  expect(rows).toBe(3);
  const counts = await table.locator('tbody td').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-count') ?? Number.NaN)));
  expect(counts).toHaveLength(9);
  const total = counts.reduce((a, b) => a + b, 0);
  const diagonal = (counts[0] ?? 0) + (counts[4] ?? 0) + (counts[8] ?? 0);
  expect(total).toBe(Math.floor(150 * project.training.validationSplit));
  expect(diagonal / total).toBeGreaterThanOrEqual(0.9);
  expect(app.consoleErrors).toEqual([]);
});
