// User story: a student opens each ready-made network from the Presets dialog (the list is examples/index.json): its
// layers appear with their shapes, nothing fails, and each comes with its data (the Data tab names it).
import { expect } from 'vitest';
import { test } from './support/browser.ts';
import { exampleProject, LayerLabPage, presetIndex } from './support/layerlabPage.ts';

test('every preset opens from the Presets dialog with its layers, and no errors anywhere', async ({ page }) => {
  const app = await LayerLabPage.open(page);
  const presets = presetIndex();
  expect(presets.length).toBeGreaterThanOrEqual(6);
  await app.sideTab('Data').click();
  const dataset = page.getByTestId('dataset-name').locator('h3');

  for (const preset of presets) {
    const project = exampleProject(preset.file);
    const ids = project.graph.nodes.map((n) => n.id);
    await app.openPreset(preset.title, ids);
    expect.soft(await app.projectName.inputValue(), preset.title).toBe(project.name);
    expect.soft((await app.edgeKeys()).length, preset.title).toBe(project.graph.edges.length);
    for (const id of ids) {
      expect.soft(await app.node(id).isVisible(), `${preset.title}: ${id} on the canvas`).toBe(true);
      expect.soft(await app.nodeShape(id).textContent(), `${preset.title}: ${id} has a shape`).toMatch(/^\(None(, \d+)+\)$/);
    }
    const expectedData = project.dataset.kind === 'none' ? 'No dataset chosen yet' : null;
    if (expectedData !== null) expect.soft(await dataset.textContent(), preset.title).toBe(expectedData);
    else expect.soft(await dataset.textContent(), preset.title).not.toBe('No dataset chosen yet');
    expect.soft(await app.errorToasts.allTextContents(), `${preset.title}: error toasts`).toEqual([]);
    expect.soft(app.consoleErrors, `${preset.title}: console errors`).toEqual([]);
    expect.soft(app.failedRequests, `${preset.title}: failed requests`).toEqual([]);
  }
  // Every preset comes with its data (Iris and MNIST included), ready to train.
  const noData = presets.filter((p) => exampleProject(p.file).dataset.kind === 'none').map((p) => p.title);
  expect(noData).toEqual([]);
});
