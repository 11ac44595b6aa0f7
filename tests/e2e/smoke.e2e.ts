// The built app loads in headless Chromium: title, a rendered page, no errors, no failed requests.
// Asserts only what stays true while the placeholder page becomes the canvas.
import { expect } from 'vitest';
import { openApp, test } from './support/browser.ts';
import { eventually, LayerLabPage } from './support/layerlabPage.ts';

test('the built app loads at / with the title LayerLab and no console or page errors', async ({ page }) => {
  const app = await openApp(page);

  expect(await page.title()).toBe('LayerLab');
  await page.locator('#root > *').first().waitFor({ state: 'visible' });
  expect(await page.locator('#root').evaluate((root) => root.childElementCount)).toBeGreaterThan(0);
  expect(app.consoleErrors).toEqual([]);
});

test('every request the page makes succeeds (no status >= 400, no network failure)', async ({ page }) => {
  const responses: { status: number; url: string }[] = [];
  page.on('response', (response) => responses.push({ status: response.status(), url: response.url() }));
  const app = await openApp(page);
  await page.waitForLoadState('networkidle'); // lazy chunks, wasm and fonts too

  expect(responses.map((r) => new URL(r.url).pathname)).toContain('/'); // the page itself, then its assets
  expect(responses.length).toBeGreaterThan(1);
  expect(responses.filter((r) => r.status >= 400)).toEqual([]);
  expect(app.failedRequests).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('the theme button switches between dark and light, and the choice survives a reload', async ({ page }) => {
  const app = await LayerLabPage.open(page); // the context asks for a light system theme
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  expect(await theme()).toBe('light');
  expect(await app.themeButton.getAttribute('aria-label')).toBe('Theme: same as the system');

  await app.themeButton.click();
  await eventually(theme).toBe('dark');
  expect(await app.themeButton.getAttribute('aria-label')).toBe('Theme: dark');
  await app.reload();
  expect(await theme()).toBe('dark');
  expect(await app.themeButton.getAttribute('aria-label')).toBe('Theme: dark');
  // React Flow's own colours follow (its colorMode).
  expect(await page.locator('.react-flow').evaluate((el) => el.classList.contains('dark'))).toBe(true);

  await app.themeButton.click();
  await eventually(theme).toBe('light');
  await app.reload();
  expect(await theme()).toBe('light');
  expect(await app.themeButton.getAttribute('aria-label')).toBe('Theme: light');
  expect(app.consoleErrors).toEqual([]);
});
