/**
 * One fuzz worker (a worker_thread, started by pool.ts with tsx's loader): loads the seeds once, then runs the cases
 * it is sent, one at a time, and answers each with its outcome, any exception that escaped (a crash) and any change
 * to the shared prototypes (pollution). A case that never returns is the pool's to detect: it terminates this worker.
 */
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { FILE_CATEGORIES, runFileCase } from './fileCases.ts';
import type { FileCategory } from './fileCases.ts';
import { runGraphCase } from './graphCases.ts';
import { LIMIT_CASES } from './limitCases.ts';
import type { CaseOutcome } from './outcome.ts';
import { messageProblems, prototypeChanges, prototypeKeys } from './outcome.ts';
import { caseRng } from './random.ts';
import { loadSeeds } from './seeds.ts';
import { loadH5wasm } from '../src/interop/h5wasmLoader.ts';
import type { Seeds } from './seeds.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

function workerPort(): NonNullable<typeof parentPort> {
  if (parentPort === null) throw new Error('fuzz/worker.ts runs as a worker thread');
  return parentPort;
}
const port = workerPort();

const post = (message: FromWorker): void => port.postMessage(message);
let go: (() => void) | null = null;

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(error);
}

async function runCase(message: Extract<ToWorker, { type: 'run' }>, seeds: Seeds): Promise<CaseOutcome> {
  const rng = caseRng(message.seed, message.category, message.index);
  if (message.category === 'graphs') return runGraphCase(rng);
  if (message.category === 'limits') {
    const limitCase = LIMIT_CASES[message.index % LIMIT_CASES.length];
    if (limitCase === undefined) throw new Error('no limit cases');
    const input = await limitCase.build();
    // The pool measures memory from here: the input exists, nothing has read it yet.
    await new Promise<void>((resolve) => {
      go = resolve;
      post({ type: 'armed' });
    });
    const outcome = await limitCase.run(input);
    const violations = [...outcome.violations];
    if (outcome.status !== 'refused') violations.push('was not refused');
    const text = outcome.messages.join(' ');
    if (limitCase.limit.length > 0 && !limitCase.limit.some((l) => text.includes(l))) {
      violations.push(`the message does not state the limit (${limitCase.limit.join(' or ')}): ${text.slice(0, 300)}`);
    }
    return { ...outcome, label: limitCase.name, violations };
  }
  if ((FILE_CATEGORIES as readonly string[]).includes(message.category)) return runFileCase(message.category as FileCategory, rng, seeds);
  throw new Error(`unknown category ${message.category}`);
}

/** h5wasm's WebAssembly memory grows and never shrinks: a damaged weights file must not grow it past this. */
const MAX_H5WASM_HEAP = 256 * 1024 * 1024;

async function h5wasmHeapBytes(): Promise<number> {
  const h5 = await loadH5wasm();
  const module = (await h5.h5.ready) as unknown as { HEAPU8?: Uint8Array };
  return module.HEAPU8?.length ?? 0;
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
  const seeds = await loadSeeds();
  let baseline = prototypeKeys();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'go') {
      go?.();
      go = null;
      return;
    }
    const started = performance.now();
    void runCase(message, seeds).then(
      async (outcome) => {
        const heap = message.category === 'keras-file' || message.category === 'limits' ? await h5wasmHeapBytes() : 0;
        if (heap > MAX_H5WASM_HEAP) outcome.violations.push(`h5wasm's memory grew to ${Math.round(heap / 2 ** 20)} MB (it never shrinks)`);
        const after = prototypeKeys();
        const pollution = prototypeChanges(baseline, after);
        baseline = after;
        const checked = outcome.status === 'refused' ? messageProblems(outcome.messages) : { violations: [], crash: null };
        post({
          type: 'result',
          report: {
            ...outcome,
            category: message.category,
            index: message.index,
            violations: [...outcome.violations, ...checked.violations],
            messages: outcome.messages.map((m) => m.slice(0, 500)).slice(0, 5),
            ...(checked.crash === null ? {} : { crash: checked.crash }),
            ...(pollution.length > 0 ? { pollution } : {}),
            ms: performance.now() - started,
          },
        });
      },
      (error: unknown) => {
        post({
          type: 'result',
          report: { category: message.category, index: message.index, label: '(thrown before the case finished)', crash: errorText(error), violations: [], ms: performance.now() - started },
        });
      },
    );
  });
  post({ type: 'ready' });
}

void main().catch((error: unknown) => post({ type: 'failed', error: errorText(error) }));
