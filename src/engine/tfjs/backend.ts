/**
 * Chooses and starts the TensorFlow.js backend the tfjs training path runs on, once per process (or worker):
 *   1. WebGL, when asked (preferGpu) and the browser has a real graphics card;
 *   2. WebAssembly (SIMD when the engine supports it; threads only when the page is cross-origin isolated, since
 *      threaded wasm needs SharedArrayBuffer and does not start in Node);
 *   3. plain JavaScript ("cpu"), when WebAssembly cannot start, e.g. its .wasm files cannot be loaded.
 * The result carries one sentence saying why, which the app shows next to the training controls.
 *
 * The .wasm files' location differs by host, so the caller passes it: the worker gives Vite's asset URLs
 * (src/worker/wasmAssets.ts), Node gives the package's dist folder (src/cli/tfjsBackendNode.ts). The engine itself
 * never touches the file system.
 */
import * as tf from '@tensorflow/tfjs';
import '../tfjsEnvironment.ts';
import { checkGpu } from './webglRenderer.ts';

export type TfjsPath = 'tfjs-wasm' | 'tfjs-webgl' | 'tfjs-cpu';

export interface BackendChoice {
  path: TfjsPath;
  /** One plain sentence: why this backend. */
  reason: string;
}

export interface BackendOptions {
  /** A folder URL or path ending in "/", or the URL of each .wasm file by its file name. */
  wasmPaths?: string | Record<string, string>;
  /** Try WebGL first (the app asks for it in a browser). */
  preferGpu?: boolean;
}

/** The three binaries tfjs-backend-wasm 4.22 may load; setWasmPaths needs all of them when given a map. */
export const WASM_FILE_NAMES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;

let choice: Promise<BackendChoice> | null = null;

/**
 * Starts the best backend available and says which and why. Idempotent: later calls return the first call's
 * answer whatever their options, because tfjs can initialise the wasm module only once per process.
 */
export function initBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  choice ??= choose(options);
  return choice;
}

/** The answer of the first initBackend call, or null before it has finished (or when it was never called). */
let settled: BackendChoice | null = null;

export function lastBackendChoice(): BackendChoice | null {
  return settled;
}

/** The tfjs path of the backend active now; a backend LayerLab does not set up counts as cpu. */
export function activeTfjsPath(): TfjsPath {
  const name = tf.getBackend();
  if (name === 'wasm') return 'tfjs-wasm';
  if (name === 'webgl') return 'tfjs-webgl';
  return 'tfjs-cpu';
}

async function trySetBackend(name: string): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

function describePaths(paths: BackendOptions['wasmPaths']): string {
  if (paths === undefined) return 'beside the script';
  if (typeof paths === 'string') return paths;
  return paths['tfjs-backend-wasm-simd.wasm'] ?? Object.values(paths)[0] ?? 'the given files';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Tries wasm; on success the sentence, on failure why it did not start. */
async function startWasm(paths: BackendOptions['wasmPaths']): Promise<{ ok: true; reason: string } | { ok: false; why: string }> {
  if (typeof WebAssembly === 'undefined') return { ok: false, why: 'this browser has no WebAssembly' };
  try {
    // Imported here, not at the top: importing it registers 'wasm' as tfjs's preferred backend, which starts
    // asynchronously, so every synchronous op before initBackend would fail (and the browser loads it on demand).
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    // tfjs would try threads wherever SharedArrayBuffer exists (Node included, where threaded wasm hangs).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', isolated && typeof SharedArrayBuffer !== 'undefined');
    if (paths !== undefined) wasm.setWasmPaths(paths);
  } catch (error) {
    return { ok: false, why: `its module could not be loaded (${errorText(error)})` };
  }
  if (!(await trySetBackend('wasm'))) {
    return { ok: false, why: `its .wasm file could not be loaded from ${describePaths(paths)}` };
  }
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const threads = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  const features = simd ? (threads ? 'with SIMD and threads' : 'with SIMD') : 'without SIMD (this engine lacks it, so it is slower)';
  return { ok: true, reason: `TensorFlow.js runs on WebAssembly ${features}.` };
}

async function choose(options: BackendOptions): Promise<BackendChoice> {
  try {
    return await chooseOrThrow(options);
  } catch (error) {
    // Nothing above should throw; if tfjs does anyway, plain JavaScript still works.
    await trySetBackend('cpu');
    return remember({ path: 'tfjs-cpu', reason: `TensorFlow.js runs in plain JavaScript because starting a faster backend failed: ${errorText(error)}.` });
  }
}

async function chooseOrThrow(options: BackendOptions): Promise<BackendChoice> {
  let gpuNote = '';
  if (options.preferGpu === true) {
    const gpu = checkGpu();
    if (gpu.ok && (await trySetBackend('webgl'))) {
      return remember({ path: 'tfjs-webgl', reason: `TensorFlow.js runs on the graphics card (${gpu.renderer}) through WebGL.` });
    }
    gpuNote = gpu.ok ? ' (WebGL did not start on this graphics card)' : ` (no graphics card: ${gpu.reason})`;
  }
  const wasm = await startWasm(options.wasmPaths);
  if (wasm.ok) return remember({ path: 'tfjs-wasm', reason: wasm.reason.replace(/\.$/, `${gpuNote}.`) });
  await trySetBackend('cpu');
  return remember({
    path: 'tfjs-cpu',
    reason: `TensorFlow.js runs in plain JavaScript, which is much slower for large layers, because WebAssembly did not start: ${wasm.why}.`,
  });
}

function remember(result: BackendChoice): BackendChoice {
  settled = result;
  return result;
}
