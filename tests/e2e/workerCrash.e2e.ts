// User story: the engine worker dies in the middle of a run (as when a layer is too big for memory). The student
// reads what happened, the network on the canvas is untouched, and pressing Train again starts a fresh worker.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';
import { TrainTab } from './support/training.ts';

test('a crashed engine worker leaves the network as it was, says so, and the next Train starts a new one', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  const train = new TrainTab(app);
  await train.open();
  await page.getByLabel('Keep training until I press Pause').check();
  await train.train();
  await eventually(() => train.epoch(), 15_000).toBeGreaterThan(2);
  const nodes = await app.nodeIds();
  const edges = await app.edgeKeys();

  // Kill the real worker the way a fatal error does: an exception nobody catches, inside the worker.
  const worker = page.workers()[0];
  if (worker === undefined) throw new Error('no engine worker is running');
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated: out of memory');
    }, 0);
  });

  await eventually(() => app.errorToasts.allTextContents()).toEqual([
    expect.stringMatching(/^The engine stopped unexpectedly \(.*out of memory\)\. It restarts on the next try\. Your network is unchanged; press Train to start again\./),
  ]);
  await eventually(() => train.mainButton.textContent()).toBe('Train');
  expect(await app.nodeIds()).toEqual(nodes);
  expect(await app.edgeKeys()).toEqual(edges);

  await train.train();
  await eventually(() => train.epoch(), 15_000).toBeGreaterThan(0);
  await train.pause();
});
