// User story: a student on a tablet (820×1180, touch): the layers palette is a drawer opened with "Show layers", a
// finger drags a Dense out of it onto the canvas, and the Train button is on screen without scrolling.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { LayerLabPage } from './support/layerlabPage.ts';

const TABLET = { width: 820, height: 1180 };
test.override('contextOptions', { viewport: TABLET, hasTouch: true });

test('on a tablet a finger drags a Dense from the palette drawer onto the canvas; Train is visible without scrolling', async ({ page }) => {
  const app = await LayerLabPage.open(page);

  // Train: on screen at first sight, nothing scrolled.
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const box = await train.boundingBox();
  expect(box).not.toBeNull();
  if (box !== null) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(TABLET.width);
    expect(box.y + box.height).toBeLessThanOrEqual(TABLET.height);
  }
  expect(await page.evaluate(() => [window.scrollX, window.scrollY, document.scrollingElement?.scrollTop ?? 0])).toEqual([0, 0, 0]);
  // Not covered by anything either: the button itself is what a finger on its centre would touch.
  expect(await train.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  })).toBe(true);

  // The palette is a drawer, closed until asked for.
  expect(await app.palette('Dense').isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Show layers', exact: true }).tap();
  await app.palette('Dense').waitFor({ state: 'visible' });

  const { width, height } = await app.canvasSize();
  const dense = await app.touchDragFromPalette('Dense', { x: width * 0.75, y: height * 0.2 });
  expect(dense).toBe('dense');
  expect(await app.nodeIds()).toEqual(['x', 'hidden', 'out', 'dense']);
  // It landed where the finger let go (its centre under the finger).
  const card = await app.node('dense').boundingBox();
  const drop = await app.toScreen({ x: width * 0.75, y: height * 0.2 });
  expect(card !== null && Math.abs(card.x + card.width / 2 - drop.x) < 40 && Math.abs(card.y + card.height / 2 - drop.y) < 40).toBe(true);
  expect(app.consoleErrors).toEqual([]);
});
