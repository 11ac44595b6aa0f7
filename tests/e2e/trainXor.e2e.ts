// User story: a student on a first visit presses Train on the XOR network that is already there, and watches it
// learn: the test accuracy passes 95% within 20 seconds, the loss curve falls, and the weight lines on the canvas
// change colour as the weights change. The cards grow to show their neurons, and the view follows: every card stays
// inside the canvas, clear of the zoom controls.
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

  await app.waitForStillView();
  await eventually(async () => {
    const canvas = await app.canvas.boundingBox();
    const controls = await page.getByRole('button', { name: 'Zoom In' }).boundingBox();
    const misplaced: string[] = [];
    for (const id of await app.nodeIds()) {
      const box = await app.flowNode(id).boundingBox();
      if (box === null || canvas === null || controls === null) return ['not measured'];
      const inside = box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height;
      const overControls = box.x < controls.x + controls.width && box.y + box.height > controls.y;
      if (!inside || overControls) misplaced.push(id);
    }
    return misplaced;
  }, 5_000).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});
