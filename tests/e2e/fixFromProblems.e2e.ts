// User story: a student makes a mistake (0 neurons in `hidden`), sees it in the problems list under the canvas, clicks
// the problem to get to the layer (selected, its settings in the inspector), fixes it there, and the list clears.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

test('a problem in the list leads to its layer, where it is fixed, and the list then says no problems', async ({ page }) => {
  const app = await LayerLabPage.open(page); // the XOR preset
  expect(await app.noProblems.textContent()).toBe('No problems: every layer fits together.');

  // Make the error: units 0 on hidden.
  await app.selectNode('hidden');
  await app.setUnits(0);
  const entry = app.problemEntry('hidden');
  await entry.waitFor({ state: 'visible' });
  expect(await entry.getAttribute('aria-label')).toBe('Error in hidden: Dense units must be at least 1; it is 0.');
  expect(await app.problemCount.textContent()).not.toBe('0');
  expect(await app.node('hidden').getAttribute('data-severity')).toBe('error');
  // A layer with 0 neurons has no output shape.
  expect(await app.nodeShape('hidden').textContent()).toBe('?');

  // Leave the layer: nothing is selected, the inspector shows the network summary.
  await app.clickEmptyCanvas();
  await eventually(() => app.selectedNodeIds()).toEqual([]);
  await app.sideTab('Train').click();
  await app.inspector.waitFor({ state: 'detached' });

  // The problem leads back to the layer: selected on the canvas, in view, and its settings in the inspector.
  await entry.click();
  await eventually(() => app.selectedNodeIds()).toEqual(['hidden']);
  await eventually(() => app.sideTab('Layer').getAttribute('aria-selected')).toBe('true');
  await eventually(() => app.inspectorHeading.textContent()).toBe('Dense layer hidden');
  expect(await app.layerNameField.inputValue()).toBe('hidden');
  expect(await app.unitsField.inputValue()).toBe('0');
  expect(await app.unitsField.getAttribute('aria-invalid')).toBe('true');
  await app.waitForStillView();
  expect(await app.node('hidden').isVisible()).toBe(true);
  const canvas = await app.canvas.boundingBox();
  const card = await app.node('hidden').boundingBox();
  expect(canvas !== null && card !== null && card.x >= canvas.x && card.x + card.width <= canvas.x + canvas.width).toBe(true);

  // Fix it in the inspector: the list says there are no problems.
  await app.setUnits(4);
  await app.noProblems.waitFor({ state: 'visible' });
  expect(await app.problemsList.count()).toBe(0);
  expect(await app.problemCount.textContent()).toBe('0');
  expect(await app.nodeFooter('hidden')).toBe('(None, 4) 12 params');
  expect(await app.unitsField.getAttribute('aria-invalid')).toBe('false');
  expect(app.consoleErrors).toEqual([]);
});
