/**
 * The messages between the app (worker/client.ts) and the engine worker (engine.worker.ts). Types only: nothing here
 * runs, so importing it pulls no code (and no TensorFlow.js) into the app's bundle.
 *
 * Every request carries an `id` the client chose; the worker answers each request with exactly one final reply
 * carrying the same id: `ok: true` with the result for that request type, or `ok: false` with a message a student can
 * read. Data crosses as plain structured-clonable objects (graphs and ProjectWeights: numbers, strings, arrays).
 *
 * To add a request: add its body to EngineRequestBody and its result to EngineResult (same `type`), then handle it in
 * engineRequests.ts (the compiler checks the switch is exhaustive). Requests that report progress before their final
 * reply (training) will add their own non-final message type next to EngineReply.
 */
import type { Graph } from '../core/graph/types.ts';
import type { ProjectWeights } from '../core/project/types.ts';

/** The weights a freshly built network starts with for `seed` (what an untrained project exports). */
export interface InitialWeightsRequest {
  type: 'initialWeights';
  graph: Graph;
  seed: number;
}

/** Every request the worker understands, without its id. */
export type EngineRequestBody = InitialWeightsRequest;

export type EngineRequestType = EngineRequestBody['type'];

/** A request as posted to the worker. */
export type EngineRequest = EngineRequestBody & { id: number };

export interface InitialWeightsResult {
  type: 'initialWeights';
  weights: ProjectWeights;
}

/** The result of each request type, tagged with the same `type`. */
export type EngineResult = InitialWeightsResult;

export type EngineResultFor<T extends EngineRequestType> = Extract<EngineResult, { type: T }>;

export type EngineSuccessReply = EngineResult & { id: number; ok: true };

export interface EngineFailureReply {
  id: number;
  ok: false;
  /** What went wrong, in full sentences. */
  message: string;
}

/** The worker's one final answer to a request. */
export type EngineReply = EngineSuccessReply | EngineFailureReply;
