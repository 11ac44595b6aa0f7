/** Messages between the pool (pool.ts) and a fuzz worker (worker.ts). */
import type { CaseReport } from './outcome.ts';

export type ToWorker = { type: 'run'; category: string; seed: number; index: number } | { type: 'go' };

export type FromWorker =
  | { type: 'ready' }
  /** Resource-limit cases: the input is built; the pool measures memory from now on and answers 'go'. */
  | { type: 'armed' }
  | { type: 'result'; report: CaseReport }
  /** The worker could not start (seeds or tfjs failed to load). */
  | { type: 'failed'; error: string };
