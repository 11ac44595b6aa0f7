// User story: a student starts a new network, drags Dense and Activation from the palette onto the canvas, wires
// Input → Dense → Activation, and reads the tensor shapes on the wires and on the cards; changing Dense's units in the
// inspector changes the shape downstream at once.
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

test('build Input → Dense → Activation from the palette and read the shapes on the wires and cards', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  await app.newProject();
  await eventually(() => app.nodeFooter('input_layer')).toBe('(None, 2) 0 params');

  // Drop the two layers above the Input (the minimap and zoom controls take the bottom corners).
  const { width, height } = await app.canvasSize();
  const dense = await app.dragFromPalette('Dense', { x: width * 0.3, y: height * 0.18 });
  const activation = await app.dragFromPalette('Activation', { x: width * 0.7, y: height * 0.18 });
  expect(dense).toBe('dense');
  expect(activation).toBe('activation');
  expect(await app.nodeIds()).toEqual(['input_layer', 'dense', 'activation']);
  // Dropped where the pointer was: Activation's card lies right of Dense's.
  expect((await app.nodePosition('activation')).x).toBeGreaterThan((await app.nodePosition('dense')).x);
  expect(await app.edgeCount()).toBe(0);

  await app.connect('input_layer', 'dense');
  await eventually(() => app.edgeShape('input_layer', 'dense')).toBe('(None, 2)');
  await app.connect('dense', 'activation');
  await eventually(() => app.edgeShape('dense', 'activation')).toBe('(None, 8)');
  expect((await app.edgeKeys()).sort()).toEqual(['dense->activation', 'input_layer->dense']);

  // Footers: output shape and parameter count, as `layerlab validate` prints them (Dense: 2·8 + 8 = 24).
  expect(await app.nodeFooter('input_layer')).toBe('(None, 2) 0 params');
  expect(await app.nodeFooter('dense')).toBe('(None, 8) 24 params');
  expect(await app.nodeFooter('activation')).toBe('(None, 8) 0 params');
  // The shapes fit; the one problem left is the data (a new project keeps the XOR dataset: 2 classes, 8 outputs).
  await eventually(() => app.problemCount.textContent()).toBe('1');
  expect(await app.problemEntry('activation').textContent()).toMatch(/2 classes/);

  // Inspector: 16 units; the second wire, the card and its title follow (2·16 + 16 = 48 params).
  await app.selectNode('dense');
  await eventually(() => app.layerNameField.inputValue()).toBe('dense');
  await app.setUnits(16);
  await eventually(() => app.edgeShape('dense', 'activation')).toBe('(None, 16)');
  expect(await app.edgeShape('input_layer', 'dense')).toBe('(None, 2)');
  expect(await app.nodeFooter('dense')).toBe('(None, 16) 48 params');
  expect(await app.nodeFooter('activation')).toBe('(None, 16) 0 params');
  expect(await app.nodeTitle('dense').textContent()).toMatch(/^Dense 16\b/);

  expect(app.consoleErrors).toEqual([]);
  expect(app.failedRequests).toEqual([]);
});
