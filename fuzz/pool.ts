/**
 * Runs fuzz cases in worker_threads, so that a case stuck in a synchronous loop can be stopped: each case gets a
 * time limit, and a worker that passes it is terminated (the case counts as a hang) and replaced. A worker that dies
 * (an uncaught exception, out of memory) is a crash of its case and is replaced too; so is one whose prototypes were
 * changed, so that no later case runs in a polluted realm.
 *
 * Resource-limit cases ("limits") also get the peak growth of the process's resident memory while they run,
 * sampled from this thread every 2 ms (the workers share the process).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CaseReport } from './outcome.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export interface Task {
  category: string;
  index: number;
}

export interface PoolOptions {
  seed: number;
  /** Workers running at once (default 1). */
  workers?: number;
  /** A case running longer than this is a hang (default 10 s; resource-limit cases get at least 60 s). */
  timeoutMs?: number;
  /** Called with each report as it comes in. */
  onReport?: (report: CaseReport) => void;
}

const STARTUP_MS = 180_000;
const LIMIT_TIMEOUT_MS = 60_000;

/**
 * A worker's first code: registers tsx's TypeScript loader (tsx/esm/api, found from here) and then imports worker.ts.
 * (Node 20 does not apply `--import` from a worker's execArgv before its entry file.)
 */
function bootstrap(): string {
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(join(dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  // h5wasm's Node build is 4 MB of JavaScript that tsx would transform on every start (16 s instead of 1 s): loaded
  // first, natively, it is already in the module map when the loader would see it.
  const h5wasm = fileURLToPath(new URL('../node_modules/h5wasm/dist/node/hdf5_hl.js', import.meta.url));
  const preload = existsSync(h5wasm) ? `import(${JSON.stringify(pathToFileURL(h5wasm).href)})` : 'Promise.resolve()';
  return `${preload}.then(() => import(${JSON.stringify(api)})).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

class FuzzWorker {
  private readonly worker: Worker;
  private pending: ((message: FromWorker | { type: 'died'; error: string }) => void) | null = null;
  private dead = false;

  constructor() {
    this.worker = new Worker(bootstrap(), {
      eval: true,
      // A case that fills the heap kills its worker (a crash), not the campaign.
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    this.worker.on('message', (message: FromWorker) => this.pending?.(message));
    this.worker.on('error', (error: Error) => this.die(`${error.name}: ${error.message}`));
    this.worker.on('exit', (code) => this.die(`the worker exited (code ${code})`));
  }

  private die(error: string): void {
    if (this.dead) return;
    this.dead = true;
    this.pending?.({ type: 'died', error });
  }

  /** The next message, or null after `timeoutMs`. */
  next(timeoutMs: number): Promise<FromWorker | { type: 'died'; error: string } | null> {
    if (this.dead) return Promise.resolve({ type: 'died', error: 'the worker is gone' });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        resolve(null);
      }, timeoutMs);
      this.pending = (message) => {
        clearTimeout(timer);
        this.pending = null;
        resolve(message);
      };
    });
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  async stop(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

async function startWorker(): Promise<FuzzWorker> {
  const worker = new FuzzWorker();
  const first = await worker.next(STARTUP_MS);
  if (first?.type === 'ready') return worker;
  await worker.stop();
  const why = first === null ? 'it did not start in time' : first.type === 'failed' || first.type === 'died' ? first.error : first.type;
  throw new Error(`A fuzz worker could not start: ${why}`);
}

/** Runs one case on `worker`; `replace` is true when the worker must not be used again. */
async function runOne(worker: FuzzWorker, task: Task, options: PoolOptions): Promise<{ report: CaseReport; replace: boolean }> {
  const limit = task.category === 'limits' ? Math.max(options.timeoutMs ?? 10_000, LIMIT_TIMEOUT_MS) : (options.timeoutMs ?? 10_000);
  const started = performance.now();
  const base = { category: task.category, index: task.index, label: '', violations: [] as string[] };
  worker.send({ type: 'run', category: task.category, seed: options.seed, index: task.index });
  let sampler: ReturnType<typeof setInterval> | null = null;
  let rssBefore = 0;
  let rssPeak = 0;
  try {
    for (;;) {
      const message = await worker.next(limit - (performance.now() - started));
      if (message === null) return { report: { ...base, hang: true, ms: performance.now() - started }, replace: true };
      if (message.type === 'died' || message.type === 'failed') {
        return { report: { ...base, crash: message.error, ms: performance.now() - started }, replace: true };
      }
      if (message.type === 'armed') {
        rssBefore = process.memoryUsage.rss();
        rssPeak = rssBefore;
        sampler = setInterval(() => {
          rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
        }, 2);
        worker.send({ type: 'go' });
        continue;
      }
      if (message.type === 'result') {
        const report: CaseReport = { ...message.report };
        if (sampler !== null) {
          rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
          report.peakRssGrowth = rssPeak - rssBefore;
        }
        return { report, replace: report.pollution !== undefined || report.crash !== undefined };
      }
    }
  } finally {
    if (sampler !== null) clearInterval(sampler);
  }
}

/**
 * Workers kept between runs (starting one loads tfjs, h5wasm and the seeds: 10-20 s), `workers` of them at most.
 * `run` gives the reports in task order; `close` stops every worker.
 */
export class FuzzPool {
  private readonly idle: FuzzWorker[] = [];

  constructor(private readonly options: PoolOptions) {}

  async run(tasks: readonly Task[], lanes = this.options.workers ?? 1): Promise<CaseReport[]> {
    const reports: CaseReport[] = new Array<CaseReport>(tasks.length);
    let next = 0;
    const lane = async (): Promise<void> => {
      let worker: FuzzWorker | null = this.idle.pop() ?? null;
      try {
        while (next < tasks.length) {
          const at = next;
          next += 1;
          const task = tasks[at] as Task;
          worker ??= await startWorker();
          const { report, replace } = await runOne(worker, task, this.options);
          reports[at] = report;
          this.options.onReport?.(report);
          if (replace) {
            await worker.stop();
            worker = null;
          }
        }
      } finally {
        if (worker !== null) this.idle.push(worker);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, this.options.workers ?? 1)) }, lane));
    return reports;
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.stop()));
  }
}

/** Runs every task on a pool of its own, and stops its workers. */
export async function runTasks(tasks: readonly Task[], options: PoolOptions): Promise<CaseReport[]> {
  const pool = new FuzzPool(options);
  try {
    return await pool.run(tasks);
  } finally {
    await pool.close();
  }
}
