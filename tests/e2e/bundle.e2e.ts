// User story: the first visit is quick, because TensorFlow.js (over a megabyte) is not part of it: it arrives with the
// engine worker, on first use (an export with weights, training). Checked twice: on the built files the test server
// serves (the entry chunk of index.html and everything it imports statically, versus every chunk the app can load)
// and on what the browser actually fetches on load. Prints the entry chunk's gzip size.
//
// The files are read over HTTP from the server the browser uses (not by listing dist/), so the test measures exactly
// what a browser gets, starting from index.html.
import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { baseURL, test } from './support/browser.ts';
import { LayerLabPage } from './support/layerlabPage.ts';

/**
 * Strings only TensorFlow.js's own code contains (tfjs-core's environment flags and messages): minified builds drop
 * package names, so '@tensorflow' alone proves nothing. The app's own code may say "tfjs" (it names the TF.js export
 * format), so that word is not a marker.
 */
const TFJS_MARKERS = ['@tensorflow/tfjs', 'tfjsflags', 'WEBGL_VERSION', 'Cannot evaluate flag', 'High memory usage in GPU'];

const markersIn = (code: string): string[] => TFJS_MARKERS.filter((m) => code.includes(m));

async function served(path: string): Promise<string> {
  const response = await fetch(new URL(path, baseURL()));
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.text();
}

/** The JS files a module statically imports (`import … from "./x.js"`, `import "./x.js"`), as /assets/… paths. */
function staticImports(code: string, from: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    if (m[1] !== undefined) found.add(new URL(m[1], `http://x${from}`).pathname);
  }
  return [...found];
}

/** Every /assets/….js a piece of code names (lazy chunks in Vite's dependency map, worker URLs). */
const namedChunks = (code: string): string[] => [...new Set([...code.matchAll(/assets\/[\w.-]+\.js/g)].map((m) => `/${m[0]}`))];

test('the initial page load carries no TensorFlow.js: not in the entry chunk, its imports, or any request', async ({ page }) => {
  // What index.html loads before the app runs: its module script, modulepreloads, and their static imports.
  const html = await served('/');
  const entry = /<script[^>]*type="module"[^>]*src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (entry === undefined) throw new Error('index.html loads no module script');
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const initial = new Map<string, string>();
  for (const queue = [entry, ...preloads]; queue.length > 0; ) {
    const file = queue.shift() ?? '';
    if (initial.has(file)) continue;
    const code = await served(file);
    initial.set(file, code);
    queue.push(...staticImports(code, file));
  }
  for (const [file, code] of initial) expect(markersIn(code), `${file} (loaded at start) contains TF.js`).toEqual([]);

  // Every other chunk the app can load later; the markers are real: the engine worker's chunk, which bundles TF.js, has
  // them, and it is not among the initial files.
  const all = new Map(initial);
  for (const queue = [...initial.values()].flatMap(namedChunks); queue.length > 0; ) {
    const file = queue.shift() ?? '';
    if (all.has(file)) continue;
    const code = await served(file);
    all.set(file, code);
    queue.push(...namedChunks(code));
  }
  const withTfjs = [...all].filter(([, code]) => markersIn(code).length > 0).map(([file]) => file);
  expect(withTfjs.some((file) => /^\/assets\/engine\.worker-[\w-]+\.js$/.test(file)), `chunks with TF.js: ${withTfjs.join(', ')}`).toBe(true);
  expect(withTfjs.filter((file) => initial.has(file))).toEqual([]);

  const entryCode = initial.get(entry) ?? '';
  const gzip = (code: string): number => gzipSync(code, { level: 9 }).length;
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  const initialGzip = [...initial.values()].reduce((sum, code) => sum + gzip(code), 0);
  console.log(
    `[bundle] entry chunk ${entry}: ${kib(Buffer.byteLength(entryCode))}, ${kib(gzip(entryCode))} gzip (level 9); ` +
      `${initial.size} JS file(s) at start, ${kib(initialGzip)} gzip in all; TF.js only in ${withTfjs.join(', ')}`,
  );

  // What the browser really fetches, from the first request until the network is quiet, before any interaction.
  const scripts: { url: string; body: string }[] = [];
  const reading: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('javascript')) return;
    reading.push(response.text().then((body) => void scripts.push({ url: new URL(response.url()).pathname, body }), () => undefined));
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const app = new LayerLabPage(page);
  await app.goto('/');
  await app.waitUntilReady();
  await page.waitForLoadState('networkidle');
  await Promise.all(reading);

  expect(scripts.map((s) => s.url)).toContain(entry);
  for (const script of scripts) expect(markersIn(script.body), `${script.url} (fetched at start) contains TF.js`).toEqual([]);
  expect(scripts.filter((s) => s.url.includes('engine.worker'))).toEqual([]);
  expect(workers).toEqual([]);
  expect(app.failedRequests).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});
