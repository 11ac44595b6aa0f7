// User story: a student selects several layers (Shift-click, or Shift and a box), deletes them and gets them back,
// copies, pastes and duplicates a part of the network with its connections, tidies the layout up and uses the view
// controls, all with the mouse and the usual shortcuts.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

const XOR_IDS = ['x', 'hidden', 'out'];

test('Shift-click and box selection, Delete, copy, paste, duplicate, tidy up and the view controls', async ({ page }) => {
  const app = await LayerLabPage.open(page);

  // Shift-click adds to the selection; Delete removes both layers and their connections; Ctrl+Z brings them back.
  await app.selectNode('hidden');
  await page.keyboard.down('Shift');
  await app.nodeTitle('out').click();
  await page.keyboard.up('Shift');
  await eventually(async () => (await app.selectedNodeIds()).sort()).toEqual(['hidden', 'out']);
  await page.keyboard.press('Delete');
  await eventually(() => app.nodeIds()).toEqual(['x']);
  expect(await app.edgeCount()).toBe(0);
  await app.undoKey();
  await eventually(() => app.nodeIds()).toEqual(XOR_IDS);
  expect(await app.edgeCount()).toBe(2);

  // A box drawn with Shift held selects every layer inside it.
  await app.clickEmptyCanvas();
  const corners = await Promise.all(XOR_IDS.map((id) => app.flowNode(id).boundingBox()));
  const left = Math.min(...corners.map((b) => b?.x ?? 0)) - 20;
  const top = Math.min(...corners.map((b) => b?.y ?? 0)) - 20;
  const right = Math.max(...corners.map((b) => (b?.x ?? 0) + (b?.width ?? 0))) + 20;
  const bottom = Math.max(...corners.map((b) => (b?.y ?? 0) + (b?.height ?? 0))) + 20;
  await page.keyboard.down('Shift');
  await page.mouse.move(left, top);
  await page.mouse.down();
  await page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 4 });
  await page.mouse.move(right, bottom, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await eventually(async () => (await app.selectedNodeIds()).sort()).toEqual(['hidden', 'out', 'x']);

  // Copy hidden and out, paste: fresh Keras names, the connection between them copied too, the copies selected.
  await app.clickEmptyCanvas(); // the box selection's frame covers the layers until the selection is cleared
  await app.selectNode('hidden');
  await page.keyboard.down('Shift');
  await app.nodeTitle('out').click();
  await page.keyboard.up('Shift');
  await eventually(async () => (await app.selectedNodeIds()).sort()).toEqual(['hidden', 'out']);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await eventually(() => app.nodeIds()).toEqual([...XOR_IDS, 'dense', 'dense_1']);
  expect((await app.selectedNodeIds()).sort()).toEqual(['dense', 'dense_1']);
  expect(await app.edgeKeys()).toContain('dense->dense_1');
  // The pasted pair is offset from the original, not on top of it.
  const original = await app.nodePosition('hidden');
  const copy = await app.nodePosition('dense');
  expect(Math.hypot(copy.x - original.x, copy.y - original.y)).toBeGreaterThan(20);

  // Ctrl+D duplicates the selection (the pasted pair) in one step.
  await page.keyboard.press('Control+d');
  await eventually(async () => (await app.nodeIds()).length).toBe(7);
  expect(await app.toolbarButton('Undo').getAttribute('title')).toMatch(/^Undo: duplicate 2 layers/);

  // Tidy up lays everything out left to right as one undoable step: every connection points right.
  await app.toolbarButton('Tidy up').click();
  await eventually(() => app.toolbarButton('Undo').getAttribute('title')).toBe('Undo: tidy up the layout (Ctrl+Z)');
  for (const key of await app.edgeKeys()) {
    const [source, target] = key.split('->') as [string, string];
    expect((await app.nodePosition(source)).x).toBeLessThan((await app.nodePosition(target)).x);
  }

  // The view controls: zoom in changes the zoom; fit view brings every layer into the canvas; the minimap is there.
  const before = (await app.viewport()).zoom;
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await eventually(async () => (await app.viewport()).zoom).toBeGreaterThan(before);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await app.waitForStillView();
  const canvas = await app.canvas.boundingBox();
  for (const id of await app.nodeIds()) {
    const box = await app.flowNode(id).boundingBox();
    expect(box !== null && canvas !== null && box.x >= canvas.x - 1 && box.x + box.width <= canvas.x + canvas.width + 1).toBe(true);
  }
  expect(await page.getByRole('img', { name: 'Overview of the whole network' }).count()).toBeGreaterThan(0);
  expect(app.consoleErrors).toEqual([]);
});
