// Debian's chromium for playwright-core, shared by the browser tests and the benchmarks (no vitest here).
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** Flags for headless Chromium in a container or CI: no sandbox, no GPU, nothing that phones home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const INSTALL_CHROMIUM_HINT =
  "Install Debian's chromium package (`sudo apt-get install -y chromium`, or `apt-get install -y chromium` as root), " +
  'or set CHROMIUM=/path/to/chromium. Playwright downloads no browser here: do not run `playwright install`.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to drive: $CHROMIUM, else `chromium` on PATH. Throws with the install command when there is none. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (isAbsolute(fromEnv) && isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM=${fromEnv} is not an executable file (give an absolute path). ${INSTALL_CHROMIUM_HINT}`);
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'chromium');
    if (dir !== '' && isExecutable(candidate)) return candidate;
  }
  throw new Error(`The browser tests need Chromium and found no \`chromium\` on PATH. ${INSTALL_CHROMIUM_HINT}`);
}

export async function launchChromium(): Promise<Browser> {
  return await chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS], timeout: 30_000 });
}

/** One Chromium for a whole test run, which every test file connects to (a launch costs about a second). */
export async function launchChromiumServer(): Promise<BrowserServer> {
  return await chromium.launchServer({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS], timeout: 30_000 });
}

export async function connectChromium(wsEndpoint: string): Promise<Browser> {
  return await chromium.connect(wsEndpoint, { timeout: 30_000 });
}

