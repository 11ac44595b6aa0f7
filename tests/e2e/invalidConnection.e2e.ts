// User story: a student drags a wire that would make a loop (out's output back into hidden's input, on the XOR
// network). While the wire hovers over the input, the canvas says why it cannot go there, in the words of
// src/core/editing/checkConnection.ts; dropping it changes nothing and says the same thing once more.
import { expect } from 'vitest';
import { checkConnection } from '../../src/core/editing/checkConnection.ts';
import type { Graph } from '../../src/core/graph/types.ts';
import { test } from './support/browser.ts';
import { eventually, exampleProject, LayerLabPage } from './support/layerlabPage.ts';

// The reason is the core's own (the canvas must say exactly what checkConnection says): its 'loop' rule, which comes
// before 'input-taken' (hidden's one input is also taken, by x).
const refusal = checkConnection(exampleProject('xor.layerlab.json').graph as unknown as Graph, { source: 'out', target: 'hidden', inputIndex: 0 });
if (refusal.ok || refusal.rule !== 'loop') throw new Error(`expected checkConnection to refuse out → hidden as a loop: ${JSON.stringify(refusal)}`);
const LOOP_REASON = refusal.reason;

test('a wire from out back to hidden is refused with the loop reason, and the network is unchanged', async ({ page }) => {
  const app = await LayerLabPage.open(page); // first visit: the XOR preset
  expect(await app.nodeIds()).toEqual(['x', 'hidden', 'out']);
  expect((await app.edgeKeys()).sort()).toEqual(['hidden->out', 'x->hidden']);
  expect(LOOP_REASON).toMatch(/^That would make a loop: out → hidden → out\. /);
  await eventually(() => app.connectionHint.textContent()).toBe('');

  const wire = await app.startWire('out', 'hidden');
  // Hovering over hidden's input: the hint says why, and the wire is drawn as refused.
  await eventually(() => app.connectionHint.textContent()).toBe(LOOP_REASON);
  expect(await app.connectionHint.getAttribute('role')).toBe('status');
  expect(await page.locator('.connection-line.connection-invalid').count()).toBe(1);

  await wire.drop();
  await eventually(() => app.connectionHint.textContent()).toBe('');
  // The refusal is said once more, where it stays readable.
  await eventually(() => app.errorToasts.filter({ hasText: LOOP_REASON }).count()).toBe(1);

  // Nothing changed: the same two wires, the same shapes, nothing to undo.
  expect((await app.edgeKeys()).sort()).toEqual(['hidden->out', 'x->hidden']);
  expect(await app.edgeLabel('out', 'hidden').count()).toBe(0);
  expect(await app.edgeShape('x', 'hidden')).toBe('(None, 2)');
  expect(await app.edgeShape('hidden', 'out')).toBe('(None, 4)');
  expect(await app.toolbarButton('Undo').isDisabled()).toBe(true);
  expect(await app.noProblems.isVisible()).toBe(true);

  expect(app.consoleErrors).toEqual([]);
});
