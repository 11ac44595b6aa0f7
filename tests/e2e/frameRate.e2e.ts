// User story: the page never stutters while a network trains — training runs in a Web Worker, and the main thread
// draws the snapshots it sends at most once per frame. Measured here: frames per second on the main thread, and how
// often the numbers on screen change, while the spiral preset trains.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, exampleProject, LayerLabPage } from './support/layerlabPage.ts';
import { TrainTab } from './support/training.ts';

test('the main thread keeps its frame rate while the spiral preset trains', { timeout: 60_000 }, async ({ page }) => {
  const app = await LayerLabPage.open(page);
  const project = exampleProject('spiral-deep-mlp.layerlab.json');
  await app.openPreset('Spiral deep MLP', project.graph.nodes.map((n) => n.id));
  await app.waitForStillView();
  const train = new TrainTab(app);
  await train.open();
  await page.getByLabel('Keep training until I press Pause').check();
  await train.train();
  await eventually(() => train.epoch(), 15_000).toBeGreaterThan(2);
  const measured = await page.evaluate(
    () =>
      new Promise<{ fps: number; worstFrameMs: number; updatesPerSecond: number }>((resolve) => {
        const epoch = document.querySelector('[data-testid="train-epoch"]');
        let updates = 0;
        // One count per drawn snapshot: the epoch counter changes with every one while the spiral trains.
        const observer = new MutationObserver(() => (updates += 1));
        if (epoch !== null) observer.observe(epoch, { characterData: true, childList: true, subtree: true });
        const times: number[] = [];
        const tick = (t: number): void => {
          times.push(t);
          if (t - (times[0] ?? t) < 3000) requestAnimationFrame(tick);
          else {
            observer.disconnect();
            const seconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
            let worst = 0;
            for (let i = 1; i < times.length; i += 1) worst = Math.max(worst, (times[i] ?? 0) - (times[i - 1] ?? 0));
            resolve({ fps: (times.length - 1) / seconds, worstFrameMs: worst, updatesPerSecond: updates / seconds });
          }
        };
        requestAnimationFrame(tick);
      }),
  );
  console.log(`Spiral training: main thread ${measured.fps.toFixed(1)} fps (worst frame ${measured.worstFrameMs.toFixed(0)} ms), ${measured.updatesPerSecond.toFixed(1)} updates/s on screen`);
  await train.pause();
  expect(measured.fps).toBeGreaterThanOrEqual(30);
  expect(measured.updatesPerSecond).toBeGreaterThanOrEqual(30);
  expect(app.consoleErrors).toEqual([]);
});
