// User story: a student brings a model made in Keras onto the canvas (Import): every layer becomes a card named after
// the Keras layer, merge layers get their inputs in Keras's order, and Undo brings back what was there before. A
// `.keras` file with trained weights and compile settings imports too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));

interface KerasLayer {
  class_name: string;
  name?: string;
  config: { name: string };
  inbound_nodes?: { args: unknown[] }[];
}

/** Layer names and, per layer, the names of its inputs in order, read from a Keras functional model.to_json(). */
function kerasWiring(file: string): { names: string[]; inputs: Map<string, string[]> } {
  const model = JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')) as { config: { layers: KerasLayer[] } };
  const names: string[] = [];
  const inputs = new Map<string, string[]>();
  const historyOf = (arg: unknown): string[] => {
    if (Array.isArray(arg)) return arg.flatMap(historyOf);
    const history = (arg as { config?: { keras_history?: [string, number, number] } } | null)?.config?.keras_history;
    return history === undefined ? [] : [history[0]];
  };
  for (const layer of model.config.layers) {
    names.push(layer.config.name);
    inputs.set(layer.config.name, (layer.inbound_nodes ?? []).flatMap((node) => historyOf(node.args)));
  }
  return { names, inputs };
}

test('Keras JSON with merges imports as one card per layer, merges wired in order; Undo brings back the network', async ({ page }) => {
  const app = await LayerLabPage.open(page); // the XOR preset
  const { names, inputs } = kerasWiring('func_concat_add.json');
  expect(names).toEqual(['x', 'branch_a', 'branch_b', 'cat', 'drop', 'proj', 'sum', 'act', 'y']);

  await app.importFiles([`${FIXTURES}func_concat_add.json`]);
  await eventually(async () => (await app.nodeIds()).sort()).toEqual([...names].sort());
  for (const name of names) expect(await app.node(name).isVisible()).toBe(true);

  // Every Keras inbound connection is a wire; into a merge layer, Keras's input order is the input number (the
  // canvas names input 2 and up: "Connection from branch_b to cat input 2").
  const expected: string[] = [];
  for (const [target, sources] of inputs) sources.forEach((source, i) => expected.push(`${source}->${target}${i > 0 ? `#${i + 1}` : ''}`));
  expect(expected).toContain('branch_b->cat#2');
  expect((await app.edgeKeys()).sort()).toEqual(expected.sort());
  expect(await app.edgeShape('branch_a', 'cat')).toMatch(/^\(None, \d+\)$/);
  expect(await app.edgeShape('branch_b', 'cat')).toMatch(/^\(None, \d+\)$/);
  expect(await app.edgeShape('proj', 'sum')).toMatch(/^\(None, \d+\)$/);
  expect(await app.edgeShape('branch_a', 'sum')).toMatch(/^\(None, \d+\)$/);
  // The inspector names the same order.
  await app.selectNode('cat');
  expect(await app.inputSource(1).inputValue()).toBe('branch_a');
  expect(await app.inputSource(2).inputValue()).toBe('branch_b');
  await app.selectNode('sum');
  expect(await app.inputSource(1).inputValue()).toBe('proj');
  expect(await app.inputSource(2).inputValue()).toBe('branch_a');
  expect(await app.problemsList.filter({ hasText: 'shape' }).count()).toBe(0);

  // Undo: the XOR network is back, exactly.
  await app.undo();
  await eventually(() => app.nodeIds()).toEqual(['x', 'hidden', 'out']);
  expect((await app.edgeKeys()).sort()).toEqual(['hidden->out', 'x->hidden']);
  expect(await app.projectName.inputValue()).toBe('XOR 2-4-1');
  expect(app.consoleErrors).toEqual([]);
  expect(app.failedRequests).toEqual([]);
});

test('a trained, compiled .keras file imports with its layers and weights', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  await app.importFiles([`${FIXTURES}seq_trained_compiled.keras`]);
  const ids = ['input_layer_5', 'dense_16', 'dense_17'];
  await eventually(() => app.nodeIds()).toEqual(ids);
  expect((await app.edgeKeys()).sort()).toEqual(['dense_16->dense_17', 'input_layer_5->dense_16']);
  // 67 parameters, as Keras counts them (tests/fixtures/keras/index.json).
  await eventually(() => page.locator('.drawer-summary').textContent()).toMatch(/^3 layers · 67 params/);
  // The weights came along: the project holds them (autosave), and the Train tab can reset them.
  const saved = await app.waitForAutosave((s) => s.project.graph.nodes.some((n) => n.id === 'dense_17'));
  expect(saved.project.weights).not.toBeNull();
  await app.sideTab('Train').click();
  expect(await page.getByRole('button', { name: 'Reset', exact: true }).isEnabled()).toBe(true);
  expect(await app.toasts.filter({ hasText: 'architecture only' }).count()).toBe(0);
  expect(await app.errorToasts.count()).toBe(0);
  expect(app.consoleErrors).toEqual([]);
  expect(app.failedRequests).toEqual([]);
});
