// Browser-test support: Debian's chromium driven by playwright-core (nothing is downloaded), one browser per test
// file, a fresh context and page per test, and AppPage, the generic page object app page objects extend.
//
//   import { expect } from 'vitest';
//   import { openApp, test } from './support/browser.ts';
//
//   test('the app opens', async ({ page }) => {
//     const app = await openApp(page);
//     await expect.poll(() => page.title()).toBe('LayerLab');
//     expect(app.consoleErrors).toEqual([]);
//   });
//
// Context options per describe block: test.override('contextOptions', { viewport: { width: 390, height: 844 }, hasTouch: true }).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { inject, test as base } from 'vitest';

import { connectChromium } from './chromium.ts';

export { CHROMIUM_ARGS, INSTALL_CHROMIUM_HINT, findChromium, launchChromium } from './chromium.ts';

/** The built app's origin, served by tests/e2e/support/globalSetup.ts. */
export function baseURL(): string {
  return inject('baseURL');
}

export interface AppContextOptions {
  /** Default 1280x720. */
  viewport?: { width: number; height: number };
  colorScheme?: BrowserContextOptions['colorScheme'];
  hasTouch?: boolean;
}

/** A fresh, isolated context (its own storage, cookies and downloads) on the served app. */
export async function newAppContext(browser: Browser, options: AppContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport: options.viewport ?? { width: 1280, height: 720 },
    colorScheme: options.colorScheme ?? 'light',
    hasTouch: options.hasTouch ?? false,
    acceptDownloads: true,
  });
  // Fail a missing element with Playwright's own message well before the 30 s test timeout.
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/**
 * The generic page object: collects what a test asserts is empty (console errors, uncaught page errors, failed
 * requests) from the moment it is created, and saves downloads. App page objects extend it.
 */
export class AppPage {
  /** console.error messages and uncaught exceptions, as `console.error: …` / `pageerror: …`. */
  readonly consoleErrors: string[] = [];
  /** Responses with status >= 400 and requests that failed at the network level, as `404 GET http://…`. */
  readonly failedRequests: string[] = [];
  private downloadDir: string | null = null;

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      this.consoleErrors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`pageerror: ${error.stack ?? error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) this.failedRequests.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // ERR_ABORTED is a request the page itself cancelled (a navigation, a download), not a failure.
      if (reason !== 'net::ERR_ABORTED') this.failedRequests.push(`${reason} ${request.method()} ${request.url()}`);
    });
  }

  /** Navigates to a path of the served app (default `/`) and waits until React has rendered into #root. */
  async goto(path = '/'): Promise<void> {
    await this.page.goto(new URL(path, baseURL()).href);
    await this.page.locator('#root > *').first().waitFor({ state: 'attached' });
  }

  /**
   * Runs `trigger` (a click, a key press) and saves the download it starts into a temporary folder; returns the
   * file's path. The folder is removed when the test's context closes.
   */
  async download(trigger: () => Promise<unknown>): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), trigger()]);
    if (this.downloadDir === null) {
      const dir = mkdtempSync(join(tmpdir(), 'layerlab-e2e-downloads-'));
      this.page.context().once('close', () => rmSync(dir, { recursive: true, force: true }));
      this.downloadDir = dir;
    }
    const path = join(this.downloadDir, basename(download.suggestedFilename()));
    await download.saveAs(path);
    return path;
  }
}

/** Opens the app at `path` (default `/`) in `page`, collecting console errors and page errors from the start. */
export async function openApp(page: Page, path = '/'): Promise<AppPage> {
  const app = new AppPage(page);
  await app.goto(path);
  return app;
}

const DEFAULT_CONTEXT_OPTIONS: AppContextOptions = {};

/**
 * Vitest `test` with browser fixtures: `browser` (one per test file, started on first use), `contextOptions`
 * (override per describe block), and a fresh `context` and `page` per test.
 */
export const test = base
  // Vitest reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    // The run's Chromium, started once by globalSetup; closing this connection leaves it running for other files.
    const browser = await connectChromium(inject('browserWSEndpoint'));
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('contextOptions', DEFAULT_CONTEXT_OPTIONS)
  .extend('context', async ({ browser, contextOptions }, { onCleanup }) => {
    const context = await newAppContext(browser, contextOptions);
    onCleanup(() => context.close());
    return context;
  })
  .extend('page', async ({ context }) => context.newPage());
