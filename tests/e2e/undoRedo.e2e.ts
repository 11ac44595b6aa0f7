// User story: a student adds a layer, drags a card, and types a new number of neurons; each is one undo step (a whole
// drag is one step, typing "16" is one step), undone with Ctrl+Z and the toolbar's Undo, and redone with
// Ctrl+Shift+Z, Ctrl+Y and the toolbar's Redo, each step restoring exactly the state it left.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';
import type { Point } from './support/layerlabPage.ts';

test('add, drag and a typed parameter are three undo steps, undone and redone by keyboard and toolbar', async ({ page }) => {
  const app = await LayerLabPage.open(page); // the XOR preset, nothing to undo
  const undo = app.toolbarButton('Undo');
  const redo = app.toolbarButton('Redo');
  expect(await undo.isDisabled()).toBe(true);
  expect(await redo.isDisabled()).toBe(true);
  const x0: Point = await app.nodePosition('x');

  // Step 1: add a layer (click in the palette; nothing is selected, so it goes in view, unconnected).
  const added = await app.addFromPalette('Dropout');
  expect(added).toBe('dropout');
  await app.waitForStillView();
  expect(await undo.getAttribute('title')).toBe('Undo: add Dropout dropout (Ctrl+Z)');

  // Step 2: one drag of x, many pointer moves: one step.
  await app.dragNode('x', { x: 0, y: 140 });
  await eventually(async () => (await app.nodePosition('x')).y).toBeGreaterThan(x0.y + 50);
  const x1 = await app.nodePosition('x');
  expect(await undo.getAttribute('title')).toBe('Undo: move x (Ctrl+Z)');

  // Step 3: type "16" into hidden's units, key by key: "1" then "16", one step.
  await app.selectNode('hidden');
  await app.setUnits(16);
  await eventually(() => app.nodeTitle('hidden').textContent()).toBe('Dense 16 · tanh');
  expect(await app.nodeFooter('hidden')).toBe('(None, 16) 48 params');
  expect(await undo.getAttribute('title')).toBe('Undo: set hidden units (Ctrl+Z)');
  await app.clickEmptyCanvas(); // leave the field: Ctrl+Z in a text field belongs to the field
  const focus = await app.focused();
  expect(['INPUT', 'TEXTAREA', 'SELECT']).not.toContain(focus.tag);

  const state = async () => ({
    ids: await app.nodeIds(),
    x: await app.nodePosition('x'),
    hidden: await app.nodeTitle('hidden').textContent(),
  });
  const afterAll = { ids: ['x', 'hidden', 'out', 'dropout'], x: x1, hidden: 'Dense 16 · tanh' };
  const afterDrag = { ids: ['x', 'hidden', 'out', 'dropout'], x: x1, hidden: 'Dense 4 · tanh' };
  const afterAdd = { ids: ['x', 'hidden', 'out', 'dropout'], x: x0, hidden: 'Dense 4 · tanh' };
  const start = { ids: ['x', 'hidden', 'out'], x: x0, hidden: 'Dense 4 · tanh' };
  expect(await state()).toEqual(afterAll);

  // Undo ×3: Ctrl+Z, the toolbar button, Ctrl+Z.
  await app.undoKey();
  await eventually(state).toEqual(afterDrag);
  expect(await app.nodeFooter('hidden')).toBe('(None, 4) 12 params');
  await app.undo();
  await eventually(state).toEqual(afterAdd);
  await app.undoKey();
  await eventually(state).toEqual(start);
  expect(await undo.isDisabled()).toBe(true);
  expect(await redo.getAttribute('title')).toBe('Redo: add Dropout dropout (Ctrl+Shift+Z)');

  // Redo ×3: Ctrl+Shift+Z, Ctrl+Y, the toolbar button.
  await app.redoKey('shift-z');
  await eventually(state).toEqual(afterAdd);
  await app.redoKey('y');
  await eventually(state).toEqual(afterDrag);
  await app.redo();
  await eventually(state).toEqual(afterAll);
  expect(await app.nodeFooter('hidden')).toBe('(None, 16) 48 params');
  expect(await redo.isDisabled()).toBe(true);
  expect(await undo.getAttribute('title')).toBe('Undo: set hidden units (Ctrl+Z)');
  expect(app.consoleErrors).toEqual([]);
});
