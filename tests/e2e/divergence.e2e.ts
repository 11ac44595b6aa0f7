// User story: a student sets the learning rate to 10 while the XOR network trains. Training pauses with a message
// that names the learning rate as the likely cause; "Go back to the last good weights" restores the network, and with
// a sensible learning rate it learns again.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';
import { TrainTab } from './support/training.ts';

test('a learning rate of 10 diverges with a message naming it; the last good weights come back', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  const train = new TrainTab(app);
  await train.open();
  await train.train();
  await eventually(() => train.testMetric(), 20_000).toBeGreaterThanOrEqual(0.95);
  await eventually(() => train.mainButton.textContent(), 20_000).toBe('Train');

  await train.setLearningRate('10');
  await train.train();
  await eventually(() => train.message.textContent(), 15_000).toMatch(/learning rate \(10\) is too high/);
  expect(await train.message.getAttribute('role')).toBe('alert');
  expect(await train.mainButton.textContent()).toBe('Train');

  await train.setLearningRate('0.5');
  await train.button('Go back to the last good weights').click();
  await eventually(() => train.message.count()).toBe(0);
  await train.button('Epoch').click();
  await eventually(() => page.getByTestId('train-metric').textContent()).toMatch(/^(9\d|100)\.\d%$/);
  expect(app.consoleErrors).toEqual([]);
});
