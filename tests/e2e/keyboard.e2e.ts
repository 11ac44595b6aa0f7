// User story: a student who does not use a mouse edits the network with the keyboard alone: Tab to a layer and select
// it with Enter, Tab to the palette and add a Dense after it with Enter, rename it, change its units, choose where its
// input comes from, and delete it, with the focus visible at every step.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

test('keyboard only: select, add after, rename, set units, rewire and delete a layer, focus always visible', async ({ page }) => {
  const app = await LayerLabPage.open(page); // the XOR preset; nothing selected, nothing focused
  const keyboard = page.keyboard;
  /** After each step: something other than the page has the focus, and it shows it. */
  const focusIsVisible = async (step: string): Promise<void> => {
    const focus = await app.focused();
    expect(focus.isBody, `${step}: the focus is lost (document.activeElement is <body>)`).toBe(false);
    expect(focus.focusVisible, `${step}: ${focus.tag} "${focus.label}" does not match :focus-visible`).toBe(true);
    expect(focus.ring, `${step}: ${focus.tag} "${focus.label}" draws no focus ring`).toBe(true);
  };

  // Tab (backwards: from the page, the canvas is nearer its end) to the layer `out`, and select it with Enter.
  await app.tabTo(app.flowNode('out'), { backward: true });
  await focusIsVisible('focus out');
  await keyboard.press('Enter');
  await eventually(() => app.selectedNodeIds()).toEqual(['out']);
  await eventually(() => app.inspectorHeading.textContent()).toBe('Dense layer out');
  await focusIsVisible('select out');

  // Back to the palette; Enter on Dense adds a Dense after out, wired to it, and selects it.
  await app.tabTo(app.palette('Dense'), { backward: true });
  await focusIsVisible('focus Dense in the palette');
  await keyboard.press('Enter');
  await app.node('dense').waitFor({ state: 'visible' });
  await eventually(() => app.edgeShape('out', 'dense')).toBe('(None, 1)');
  await eventually(() => app.selectedNodeIds()).toEqual(['dense']);
  await eventually(() => app.inspectorHeading.textContent()).toBe('Dense layer dense');
  await focusIsVisible('add Dense');

  // Rename it: Layer name, select all, type, Enter.
  await app.tabTo(app.layerNameField);
  await focusIsVisible('focus Layer name');
  await keyboard.press('Control+a');
  await keyboard.type('features');
  await keyboard.press('Enter');
  await app.node('features').waitFor({ state: 'visible' });
  expect(await app.node('dense').count()).toBe(0);
  expect(await app.edgeLabel('out', 'features').count()).toBe(1);
  await focusIsVisible('rename to features');

  // Units: 12.
  await app.tabTo(app.unitsField);
  await keyboard.press('Control+a');
  await keyboard.type('12');
  await keyboard.press('Enter');
  await eventually(() => app.nodeFooter('features')).toBe('(None, 12) 24 params');
  await focusIsVisible('units 12');

  // Its input comes from hidden instead of out: the select, arrow keys.
  const source = app.inputSource();
  await app.tabTo(source);
  expect(await source.inputValue()).toBe('out');
  await focusIsVisible('focus Input comes from');
  await keyboard.press('ArrowUp'); // the options: — none —, x, hidden, out
  await eventually(() => source.inputValue()).toBe('hidden');
  await eventually(() => app.edgeShape('hidden', 'features')).toBe('(None, 4)');
  expect(await app.edgeLabel('out', 'features').count()).toBe(0);
  expect(await app.nodeFooter('features')).toBe('(None, 12) 60 params');
  await focusIsVisible('input from hidden');

  // Delete it with the Delete layer button.
  await app.tabTo(app.deleteLayerButton);
  await focusIsVisible('focus Delete layer');
  await keyboard.press('Enter');
  await eventually(() => app.nodeIds()).toEqual(['x', 'hidden', 'out']);
  expect((await app.edgeKeys()).sort()).toEqual(['hidden->out', 'x->hidden']);
  await focusIsVisible('delete the layer');

  expect(app.consoleErrors).toEqual([]);
});
