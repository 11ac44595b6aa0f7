// User story: a student shares a network as a link; whoever opens it (a browser that has never seen LayerLab) gets
// the same network. A damaged link says so and never costs anyone their work.
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { newAppContext, test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

const DAMAGED_LINK = '/#p=1.garbage';
const XOR_IDS = ['x', 'hidden', 'out'];

/** Opens `path` in a brand-new browser context (empty storage, as on another student's computer). */
async function openFresh(browser: Browser, path: string): Promise<{ app: LayerLabPage; close: () => Promise<void> }> {
  const context = await newAppContext(browser);
  const app = await LayerLabPage.open(await context.newPage(), path);
  return { app, close: () => context.close() };
}

test('a share link opens the same network in a fresh browser, with no errors', async ({ page, browser }) => {
  const app = await LayerLabPage.open(page);
  await app.renameProject('Shared XOR');
  await app.selectNode('hidden');
  await app.setUnits(6);
  await app.activationField.selectOption('relu');
  await eventually(() => app.nodeTitle('hidden').textContent()).toBe('Dense 6 · relu');
  const footers = { x: '(None, 2) 0 params', hidden: '(None, 6) 18 params', out: '(None, 1) 7 params' };
  for (const [id, footer] of Object.entries(footers)) expect(await app.nodeFooter(id)).toBe(footer);

  const link = await app.shareLink();
  expect(link.startsWith(`${new URL('/', page.url()).href}#p=1.`)).toBe(true);

  const other = await openFresh(browser, link);
  try {
    const shared = other.app;
    expect(await shared.nodeIds()).toEqual(XOR_IDS);
    expect((await shared.edgeKeys()).sort()).toEqual(['hidden->out', 'x->hidden']);
    for (const [id, footer] of Object.entries(footers)) expect(await shared.nodeFooter(id)).toBe(footer);
    expect(await shared.nodeTitle('hidden').textContent()).toBe('Dense 6 · relu');
    expect(await shared.projectName.inputValue()).toBe('Shared XOR');
    expect(await shared.edgeShape('hidden', 'out')).toBe('(None, 6)');
    await eventually(() => shared.toasts.filter({ hasText: 'Opened the shared network “Shared XOR”.' }).count()).toBe(1);
    // The link has done its job: the address loses its fragment, and the network is now this browser's autosave.
    expect(new URL(shared.page.url()).hash).toBe('');
    await shared.waitForAutosave((s) => s.project.name === 'Shared XOR' && s.project.graph.nodes.some((n) => n.id === 'hidden' && n.params.units === 6));
    expect(shared.consoleErrors).toEqual([]);
    expect(shared.failedRequests).toEqual([]);
  } finally {
    await other.close();
  }
  expect(app.consoleErrors).toEqual([]);
});

test('a damaged link in a fresh browser shows an error and opens the XOR preset', async ({ browser }) => {
  const { app, close } = await openFresh(browser, DAMAGED_LINK);
  try {
    await eventually(() => app.errorToasts.count()).toBe(1);
    expect(await app.errorToasts.first().textContent()).toMatch(/^This link is damaged/);
    expect(await app.nodeIds()).toEqual(XOR_IDS);
    expect(await app.projectName.inputValue()).toBe('XOR 2-4-1');
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});

test('a damaged link in a browser with autosaved work leaves that work untouched', async ({ page, context }) => {
  const first = await LayerLabPage.open(page);
  await first.renameProject('My own work');
  const added = await first.addFromPalette('Dropout');
  const saved = await first.waitForAutosave((s) => s.project.name === 'My own work' && s.project.graph.nodes.some((n) => n.id === added));
  await page.close(); // the student closes the tab, and later clicks a broken link

  const app = await LayerLabPage.open(await context.newPage(), DAMAGED_LINK);
  await eventually(() => app.errorToasts.count()).toBe(1);
  expect(await app.errorToasts.first().textContent()).toMatch(/^This link is damaged/);
  expect(await app.nodeIds()).toEqual([...XOR_IDS, added]);
  expect(await app.projectName.inputValue()).toBe('My own work');
  expect(await app.toolbarButton('Undo').isDisabled()).toBe(true); // nothing was opened over it
  // Still stored as it was.
  const after = await app.readAutosave();
  expect(after?.project).toEqual(saved.project);
  expect(app.consoleErrors).toEqual([]);
  // The refused link is gone from the address: a reload restores the work without the error again.
  expect(new URL(app.page.url()).hash).toBe('');
  await app.page.reload();
  await app.node(added).waitFor();
  expect(await app.errorToasts.count()).toBe(0);
});
