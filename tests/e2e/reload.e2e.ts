// User story: a student adds a layer, renames the project, pans and zooms, and reloads the page (or the browser
// crashes): the same network comes back, with the same names and positions, the same project name and the same view.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

test('after a reload the autosaved nodes, names, positions, project name and view are restored', async ({ page }) => {
  const app = await LayerLabPage.open(page);

  const added = await app.addFromPalette('Dense');
  await app.waitForStillView();
  await app.renameProject('Reload me');
  await eventually(() => app.projectName.inputValue()).toBe('Reload me');

  // Pan (drag the empty canvas), then zoom in with the wheel.
  const before = await app.viewport();
  const start = await app.toScreen({ x: 60, y: 60 });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 90, start.y + 50, { steps: 6 });
  await page.mouse.up();
  await eventually(async () => (await app.viewport()).x).toBeCloseTo(before.x + 90, 0);
  await page.mouse.wheel(0, -300);
  await eventually(async () => (await app.viewport()).zoom).toBeGreaterThan(before.zoom);
  await app.waitForStillView();

  const ids = await app.nodeIds();
  expect(ids).toEqual(['x', 'hidden', 'out', added]);
  const snapshot = async () => ({
    ids: await app.nodeIds(),
    titles: await Promise.all(ids.map((id) => app.nodeTitle(id).textContent())),
    footers: await Promise.all(ids.map((id) => app.nodeFooter(id))),
    positions: await Promise.all(ids.map((id) => app.nodePosition(id))),
    edges: (await app.edgeKeys()).sort(),
    projectName: await app.projectName.inputValue(),
    viewport: await app.viewportTransform(),
  });
  const was = await snapshot();
  const view = await app.viewport();

  // Autosave has caught up with everything (it writes 150 ms after the last change, and when the page hides). The
  // DOM's transform is rounded to 6 significant digits; the saved view is not.
  await app.waitForAutosave(
    (s) =>
      s.project.name === 'Reload me' &&
      s.project.graph.nodes.map((n) => n.id).join() === ids.join() &&
      Math.abs(s.viewport.zoom - view.zoom) < 1e-4 &&
      Math.abs(s.viewport.x - view.x) < 1e-2 &&
      Math.abs(s.viewport.y - view.y) < 1e-2,
  );

  await app.reload();
  expect(await snapshot()).toEqual(was);
  expect(was.footers).toEqual(['(None, 2) 0 params', '(None, 4) 12 params', '(None, 1) 5 params', '?']); // dense is not wired
  // A restored session is not an undoable change, and it says nothing.
  expect(await app.toolbarButton('Undo').isDisabled()).toBe(true);
  expect(await app.errorToasts.count()).toBe(0);
  expect(app.consoleErrors).toEqual([]);
  expect(app.failedRequests).toEqual([]);
});
