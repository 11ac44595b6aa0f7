// User story: a student on a first visit presses Train on the XOR network that is already there, and watches it
// learn: the test accuracy passes 95% within 20 seconds, the loss curve falls, and the weight lines on the canvas
// change colour as the weights change.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';
import { TrainTab } from './support/training.ts';

test('the XOR preset learns: test accuracy ≥ 95% within 20 s, the loss falls, the weight colours change', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  const train = new TrainTab(app);
  await train.open();

  // One epoch first, to see the starting colours of the weights.
  await train.button('Epoch').click();
  await eventually(() => train.epoch(), 15_000).toBe(1);
  await eventually(async () => (await train.weightLineColours()).length).toBe(2 * 4 + 4 * 1);
  const before = await train.weightLineColours();

  const started = Date.now();
  await train.train();
  await eventually(() => train.testMetric(), 20_000).toBeGreaterThanOrEqual(0.95);
  const seconds = (Date.now() - started) / 1000;
  console.log(`XOR: test accuracy ≥ 95% after ${seconds.toFixed(1)} s`);
  expect(seconds).toBeLessThan(20);

  await eventually(() => page.getByTestId('train-epoch').textContent()).toMatch(/^\d/);
  const curve = await train.lossCurveEnds();
  expect(curve.points).toBeGreaterThan(1);
  expect(curve.last).toBeLessThan(curve.first / 2);
  const after = await train.weightLineColours();
  expect(after).toHaveLength(before.length);
  expect(after).not.toEqual(before);
  expect(app.consoleErrors).toEqual([]);
});
