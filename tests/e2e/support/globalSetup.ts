// Vitest globalSetup for the browser tests (vitest.e2e.config.ts): builds the app once into a folder of its own (a
// temporary one, removed afterwards, so another build of dist/ meanwhile cannot pull the app out from under the
// tests), serves it on 127.0.0.1 (a port the OS picks) and provides its URL to the tests as inject('baseURL').
// LAYERLAB_E2E_NO_BUILD=1 tests the existing dist/ instead (quick local reruns; it builds when dist/ is missing).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './chromium.ts';
import { startStaticServer } from './staticServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app's origin, e.g. http://127.0.0.1:40123 (no trailing slash). */
    baseURL: string;
    /** The run's one Chromium, for playwright's chromium.connect(). */
    browserWSEndpoint: string;
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

function viteBuild(outDir: string): Promise<void> {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((done, fail) => {
    // --logLevel warn: quiet on success except for warnings; errors print as vite writes them.
    // NODE_ENV=production: Vitest sets NODE_ENV=test, and a child inheriting it builds React's development bundle
    // (jsxDEV, source paths, ~25% larger); the browser tests must test what `npm run build` ships.
    const env = { ...process.env, NODE_ENV: 'production' };
    const args = [viteBin, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'];
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done();
      else fail(new Error(`vite build failed (exit ${code}, its output is above); the browser tests run against the built app.`));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reuse = process.env.LAYERLAB_E2E_NO_BUILD === '1' && existsSync(`${DIST}index.html`);
  let root = DIST;
  let built: string | null = null;
  if (reuse) {
    console.log('[e2e] LAYERLAB_E2E_NO_BUILD=1: testing the existing dist/ (not rebuilt)');
  } else {
    const started = performance.now();
    built = mkdtempSync(join(tmpdir(), 'layerlab-e2e-'));
    await viteBuild(built);
    root = built;
    console.log(`[e2e] vite build -> ${built} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const server = await startStaticServer(root);
  project.provide('baseURL', server.url);
  const chromium = await launchChromiumServer();
  project.provide('browserWSEndpoint', chromium.wsEndpoint());
  return async () => {
    await chromium.close();
    await server.close();
    if (built !== null) rmSync(built, { recursive: true, force: true });
  };
}
