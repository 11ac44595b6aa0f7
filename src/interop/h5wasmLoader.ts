/**
 * Loads h5wasm (HDF5 compiled to WebAssembly, ~1 MB of code) on first use, once, with the build that fits the
 * environment:
 *
 * - Node: `h5wasm/node`. It is built with Emscripten's NODERAWFS, so its files are real files: scratch files go
 *   in the OS temp folder (the one place interop touches Node APIs, loaded here with dynamic imports).
 * - Browser (and web workers): `h5wasm`, whose wasm is embedded in the module (nothing else is downloaded); its
 *   files live in Emscripten's in-memory file system.
 *
 * HDF5 reports errors by printing its error stack to stderr and returning an error code. The loader switches
 * h5wasm to its throwing error handler instead, so a damaged file becomes an exception the caller catches (and
 * turns into a message), with nothing printed.
 */
import type * as H5wasmNamespace from 'h5wasm';

/** The h5wasm module: File, Group, Dataset, ... (the same API in both builds). */
export type H5wasmModule = typeof H5wasmNamespace;

/** Which h5wasm build is loaded. */
export type H5wasmBuild = 'node' | 'browser';

/** The ready h5wasm module and the scratch files it reads and writes HDF5 data through. */
export interface H5wasm {
  readonly h5: H5wasmModule;
  readonly build: H5wasmBuild;
  /** A fresh path for a scratch file (not created yet). */
  scratchPath(): string;
  writeFile(path: string, bytes: Uint8Array): void;
  readFile(path: string): Uint8Array;
  /** Removes a scratch file; does nothing when it does not exist. */
  remove(path: string): void;
}

/** The part of Emscripten's FS that the loader uses. */
interface EmscriptenFs {
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  unlink(path: string): void;
}

interface ReadyModule {
  FS: EmscriptenFs;
  activate_throwing_error_handler(): number;
}

/** Kept in variables so bundlers leave the Node build and Node's modules out of the browser bundle. */
const NODE_BUILD = 'h5wasm/node';
const NODE_OS = 'node:os';
const NODE_PATH = 'node:path';

/** True in Node (not in browsers, web workers or Electron renderers). */
export function isNodeEnvironment(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string }; type?: string } }).process;
  return typeof proc?.versions?.node === 'string' && proc.type !== 'renderer';
}

let scratchCounter = 0;

function uniqueSuffix(): string {
  scratchCounter += 1;
  const random = typeof globalThis.crypto?.randomUUID === 'function' ? globalThis.crypto.randomUUID() : String(Date.now());
  return `${scratchCounter}-${random}`;
}

async function importBuild(build: H5wasmBuild): Promise<{ h5: H5wasmModule; scratchDir: string; join: (dir: string, name: string) => string }> {
  if (build === 'browser') {
    const h5 = await import('h5wasm');
    return { h5, scratchDir: '/tmp', join: (dir, name) => `${dir}/${name}` };
  }
  const h5 = (await import(/* @vite-ignore */ NODE_BUILD)) as H5wasmModule;
  const os = (await import(/* @vite-ignore */ NODE_OS)) as typeof import('node:os');
  const path = (await import(/* @vite-ignore */ NODE_PATH)) as typeof import('node:path');
  return { h5, scratchDir: os.tmpdir(), join: (dir, name) => path.join(dir, name) };
}

async function load(build: H5wasmBuild): Promise<H5wasm> {
  const { h5, scratchDir, join } = await importBuild(build);
  const module = (await h5.ready) as unknown as ReadyModule;
  module.activate_throwing_error_handler();
  const fs = module.FS;
  return {
    h5,
    build,
    scratchPath: () => join(scratchDir, `layerlab-${uniqueSuffix()}.h5`),
    writeFile: (path, bytes) => fs.writeFile(path, bytes),
    readFile: (path) => {
      const bytes = fs.readFile(path);
      // Under NODERAWFS the bytes may be a Node Buffer; hand out a plain Uint8Array.
      return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    remove: (path) => {
      try {
        fs.unlink(path);
      } catch {
        // Not there (never written, or already removed): nothing to do.
      }
    },
  };
}

const cache = new Map<H5wasmBuild, Promise<H5wasm>>();

/**
 * A specific build, loaded once and cached. Tests use it to exercise the browser build in Node; everything else
 * calls {@link loadH5wasm}. A failed load is not cached, so a later call tries again.
 */
export function loadH5wasmBuild(build: H5wasmBuild): Promise<H5wasm> {
  let pending = cache.get(build);
  if (pending === undefined) {
    pending = load(build);
    cache.set(build, pending);
    pending.catch(() => cache.delete(build));
  }
  return pending;
}

/** h5wasm, ready to use: the Node build in Node, the browser build elsewhere. Loaded on first call, then cached. */
export function loadH5wasm(): Promise<H5wasm> {
  return loadH5wasmBuild(isNodeEnvironment() ? 'node' : 'browser');
}
