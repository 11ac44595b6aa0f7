/**
 * Test support for checking LayerLab against real Keras (Python, in the repo's `.keras-venv`).
 *
 * - On a developer machine without the venv, Keras suites are skipped (the reason is in the suite name).
 * - In CI (`CI` or `LAYERLAB_REQUIRE_KERAS` set), a missing venv is a test FAILURE, never a silent skip.
 *
 * Create the venv with `bash .ci/run`, or:
 *   python3 -m venv .keras-venv && .keras-venv/bin/pip install --retries 0 -r requirements-keras.txt
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Absolute path of the Python interpreter with Keras: `<repo>/.keras-venv/bin/python`,
 * unless the environment variable LAYERLAB_KERAS_PYTHON names another one.
 */
export const KERAS_PYTHON: string = process.env.LAYERLAB_KERAS_PYTHON
  ? path.resolve(process.env.LAYERLAB_KERAS_PYTHON)
  : fileURLToPath(new URL('../../.keras-venv/bin/python', import.meta.url));

const SETUP_HINT =
  'run `bash .ci/run`, or create it: python3 -m venv .keras-venv && .keras-venv/bin/pip install --retries 0 -r requirements-keras.txt';

/** How long checking `import keras` may take (TensorFlow's import takes a few seconds). */
const AVAILABILITY_TIMEOUT_MS = 120_000;
/** Default time limit for one runKerasScript process. */
const DEFAULT_SCRIPT_TIMEOUT_MS = 120_000;
/** How much of stderr goes into error messages. */
const STDERR_TAIL_CHARS = 4_000;

function kerasEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3', KERAS_BACKEND: 'tensorflow', PYTHONHASHSEED: '0' };
}

function tail(text: string, chars = STDERR_TAIL_CHARS): string {
  const trimmed = text.trimEnd();
  return trimmed.length <= chars ? trimmed : `…${trimmed.slice(-chars)}`;
}

export type KerasAvailability = { available: true } | { available: false; reason: string };

let cachedAvailability: KerasAvailability | undefined;

/**
 * Whether real Keras can be used: KERAS_PYTHON exists and `import keras` works in it.
 * Checked once per test process (it takes a few seconds) and cached.
 */
export function kerasAvailability(): KerasAvailability {
  cachedAvailability ??= checkKerasAvailability();
  return cachedAvailability;
}

function checkKerasAvailability(): KerasAvailability {
  if (!existsSync(KERAS_PYTHON)) {
    const where = process.env.LAYERLAB_KERAS_PYTHON ? `LAYERLAB_KERAS_PYTHON=${KERAS_PYTHON}` : KERAS_PYTHON;
    return { available: false, reason: `.keras-venv is missing: ${where} does not exist` };
  }
  const result = spawnSync(KERAS_PYTHON, ['-c', 'import keras'], {
    cwd: REPO_ROOT,
    env: kerasEnv(),
    encoding: 'utf8',
    timeout: AVAILABILITY_TIMEOUT_MS,
  });
  if (result.error) {
    return { available: false, reason: `cannot run ${KERAS_PYTHON}: ${result.error.message}` };
  }
  if (result.status !== 0) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${String(result.status)}`;
    return {
      available: false,
      reason: `\`import keras\` fails in ${KERAS_PYTHON} (${how}): ${tail(result.stderr, 1_000)}`,
    };
  }
  return { available: true };
}

function envFlag(name: string): boolean {
  const value = process.env[name];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** True when a missing Keras must fail the run (CI, or LAYERLAB_REQUIRE_KERAS set). */
function kerasRequired(): boolean {
  return envFlag('CI') || envFlag('LAYERLAB_REQUIRE_KERAS');
}

/**
 * vitest's `describe` for suites that need real Keras.
 * - Keras available: runs `fn` normally.
 * - Missing, and `CI` or `LAYERLAB_REQUIRE_KERAS` set: registers one failing test saying why.
 * - Missing otherwise: `describe.skip`, with the reason in the suite name.
 */
export function describeKeras(name: string, fn: () => void): void {
  const availability = kerasAvailability();
  if (availability.available) {
    describe(name, fn);
    return;
  }
  const { reason } = availability;
  if (kerasRequired()) {
    describe(name, () => {
      it('has real Keras available', () => {
        throw new Error(
          `Real Keras is required in CI but ${reason}: ${SETUP_HINT}. (Required because CI or LAYERLAB_REQUIRE_KERAS is set.)`,
        );
      });
    });
    return;
  }
  describe.skip(`${name} [skipped: real Keras unavailable: ${reason}; ${SETUP_HINT}]`, fn);
}

/**
 * Runs `scriptPath` (relative paths are resolved against the repo root) with KERAS_PYTHON,
 * writes `input` as JSON to its stdin and resolves with the JSON it prints on stdout.
 * Rejects, with the tail of stderr, when the process exits non-zero, is killed after `timeoutMs`,
 * or prints something that is not JSON.
 */
export async function runKerasScript<T>(
  scriptPath: string,
  input: unknown,
  timeoutMs: number = DEFAULT_SCRIPT_TIMEOUT_MS,
): Promise<T> {
  const script = path.resolve(REPO_ROOT, scriptPath);
  const label = path.relative(REPO_ROOT, script);
  return new Promise<T>((resolve, reject) => {
    const child = spawn(KERAS_PYTHON, [script], {
      cwd: REPO_ROOT,
      env: kerasEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);

    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // The script may exit before reading all of stdin; its exit status tells the real story.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${KERAS_PYTHON} ${label}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const err = tail(Buffer.concat(stderr).toString('utf8'));
      if (timedOut) {
        reject(new Error(`${label} timed out after ${String(timeoutMs)} ms\n--- stderr (tail) ---\n${err}`));
        return;
      }
      if (code !== 0) {
        const how = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`;
        reject(new Error(`${label} ${how}\n--- stderr (tail) ---\n${err}`));
        return;
      }
      const out = Buffer.concat(stdout).toString('utf8');
      try {
        resolve(JSON.parse(out) as T);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        reject(
          new Error(
            `${label} printed invalid JSON (${message}): ${tail(out, 1_000)}\n--- stderr (tail) ---\n${err}`,
          ),
        );
      }
    });
    child.stdin.end(JSON.stringify(input));
  });
}

/** What a Python process did: its exit code (null when killed), its output, and how long it ran. */
export interface PythonRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs KERAS_PYTHON with `args` in `cwd` (stdin closed) and resolves with its exit code and output, whatever the
 * code: the caller's assertions say what a failure means. The process is killed (code null) after `timeoutMs`.
 * `extraEnv` adds to or overrides the Keras environment (e.g. KERAS_HOME). Rejects only when it cannot start.
 */
export function runPython(
  args: readonly string[],
  cwd: string,
  timeoutMs: number = DEFAULT_SCRIPT_TIMEOUT_MS,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<PythonRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(KERAS_PYTHON, args, { cwd, env: { ...kerasEnv(), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
      });
    });
  });
}

/** Runs the jobs, at most `limit` at a time (the machine's cores are shared), and returns their results in order. */
export async function pool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next;
      next += 1;
      const job = jobs[index];
      if (job !== undefined) results[index] = await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

// ---- JSON formats of tests/keras/keras_graph_report.py -------------------------------------------

/** Path of the script that builds Keras models from LayerLab graphs. */
export const KERAS_GRAPH_REPORT_SCRIPT: string = fileURLToPath(
  new URL('../keras/keras_graph_report.py', import.meta.url),
);

/** LayerLab's graph format, as keras_graph_report.py reads it. */
export interface KerasGraphInput {
  nodes: readonly { id: string; kind: string; params: object; position: { x: number; y: number } }[];
  edges: readonly { id: string; source: string; target: string; inputIndex: number }[];
}

export interface KerasLayerReport {
  /** Output shape without the batch dimension (null for a dimension Keras does not know). */
  output_shape: (number | null)[];
  /** layer.count_params() */
  params: number;
}

export type KerasGraphReport =
  | { ok: true; layers: Record<string, KerasLayerReport>; total_params: number }
  | { ok: false; error: string };

/** Builds every graph in real Keras (one Python process) and returns one report per graph, in order. */
export async function kerasGraphReports(
  graphs: readonly KerasGraphInput[],
  timeoutMs?: number,
): Promise<KerasGraphReport[]> {
  const { results } = await runKerasScript<{ results: KerasGraphReport[] }>(
    KERAS_GRAPH_REPORT_SCRIPT,
    { graphs },
    timeoutMs,
  );
  return results;
}
