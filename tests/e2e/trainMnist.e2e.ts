// User story: a student opens the MNIST preset (real handwritten digits, loaded on demand as one compact binary
// file), trains it to at least 85% test accuracy, and sees a test digit beside the network's probabilities for it.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, exampleProject, LayerLabPage } from './support/layerlabPage.ts';
import { TrainTab } from './support/training.ts';

test('the MNIST preset reaches 85% test accuracy, and shows a digit with its probabilities', { timeout: 120_000 }, async ({ page }) => {
  const app = await LayerLabPage.open(page);
  const project = exampleProject('mnist-mlp.layerlab.json');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await app.openPreset('MNIST 784-16-16-10', project.graph.nodes.map((n) => n.id));
  const train = new TrainTab(app);
  await train.open();
  const started = Date.now();
  await train.train();
  await eventually(() => train.testMetric(), 90_000).toBeGreaterThanOrEqual(0.85);
  const seconds = (Date.now() - started) / 1000;
  console.log(`MNIST preset: 85% test accuracy after ${seconds.toFixed(1)} s (epoch ${await train.epoch()})`);

  // The digits came as the binary asset, not as JSON.
  expect(requests.some((url) => url.endsWith('/data/mnist-10k.bin'))).toBe(true);
  expect(requests.some((url) => url.endsWith('.json') && url.includes('mnist'))).toBe(false);
  await expect.poll(() => page.getByRole('img', { name: /^A digit/ }).count()).toBe(1);
  await expect.poll(() => page.locator('.viz-probs tbody tr').count()).toBe(10);
  expect(app.consoleErrors).toEqual([]);
});
