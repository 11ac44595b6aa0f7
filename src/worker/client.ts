/**
 * The app's side of the engine worker: posts requests, matches each reply to its request by id, and turns it into a
 * promise. The worker (and with it TensorFlow.js) is created on the first request, not before, so the app's initial
 * bundle holds no tfjs. When the worker crashes (an `error` event, or a reply that cannot be read) every pending
 * request is rejected with an EngineError saying so, the broken worker is terminated, and the next request starts a
 * fresh one.
 *
 * This file imports only protocol types: it must never import the engine or tfjs (the worker does that).
 */
import type { EngineReply, EngineRequest, EngineRequestBody, EngineRequestType, EngineResultFor, TrainingSnapshot } from './protocol.ts';

/** What the client listens to: a message (`data`), an error (`message`, e.g. an ErrorEvent) or a messageerror. */
export interface EngineWorkerEvent {
  readonly type: string;
  readonly data?: unknown;
  readonly message?: unknown;
}

/** The part of a Worker the client uses; a real `Worker` is one, and tests pass a fake. */
export interface EngineWorkerLike {
  postMessage(message: EngineRequest): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: EngineWorkerEvent) => void): void;
  terminate(): void;
}

/** A request the engine could not answer: `message` says why, in full sentences. */
export class EngineError extends Error {
  override name = 'EngineError';
}

export interface EngineClient {
  /** Sends one request; resolves with its result, or rejects with an EngineError. */
  request<T extends EngineRequestType>(body: Extract<EngineRequestBody, { type: T }>): Promise<EngineResultFor<T>>;
  /** Calls `listener` with every training snapshot the worker posts; returns a function that stops it. */
  onSnapshot(listener: (snapshot: TrainingSnapshot) => void): () => void;
  /** Calls `listener` with a sentence when the worker crashed (it restarts on the next request). */
  onCrash(listener: (message: string) => void): () => void;
  /** Terminates the worker and rejects every pending request; later requests reject too. */
  dispose(): void;
}

export type EngineWorkerFactory = () => EngineWorkerLike;

const defaultFactory: EngineWorkerFactory = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });

interface Pending {
  type: EngineRequestType;
  resolve(reply: EngineReply & { ok: true }): void;
  reject(error: EngineError): void;
}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isSnapshot(data: unknown): data is TrainingSnapshot {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'snapshot';
}

function isReply(data: unknown): data is EngineReply {
  if (typeof data !== 'object' || data === null) return false;
  const reply = data as { id?: unknown; ok?: unknown };
  return typeof reply.id === 'number' && typeof reply.ok === 'boolean';
}

/** The result type a request type is answered with (control requests get 'train.ack'). */
function expectedResult(type: EngineRequestType): string {
  return type === 'train.load' || type === 'train.weights' ? type : 'train.ack';
}

export function createEngineClient(factory: EngineWorkerFactory = defaultFactory): EngineClient {
  let worker: EngineWorkerLike | null = null;
  let nextId = 1;
  let disposed = false;
  const pending = new Map<number, Pending>();
  const snapshotListeners = new Set<(snapshot: TrainingSnapshot) => void>();
  const crashListeners = new Set<(message: string) => void>();

  function rejectAll(message: string): void {
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(new EngineError(message));
  }

  function stop(w: EngineWorkerLike): void {
    if (worker === w) worker = null;
    try {
      w.terminate();
    } catch {
      // Already gone.
    }
  }

  function crashed(w: EngineWorkerLike, reason: string): void {
    if (worker !== w) return;
    stop(w);
    const message = `The engine stopped unexpectedly (${reason}). It restarts on the next try.`;
    rejectAll(message);
    for (const listener of [...crashListeners]) listener(message);
  }

  function onReply(data: unknown): void {
    if (isSnapshot(data)) {
      for (const listener of [...snapshotListeners]) listener(data);
      return;
    }
    if (!isReply(data)) return;
    const p = pending.get(data.id);
    if (p === undefined) return;
    pending.delete(data.id);
    if (!data.ok) p.reject(new EngineError(data.message));
    else if (data.type !== expectedResult(p.type)) p.reject(new EngineError(`The engine answered a ${p.type} request with ${String(data.type)}.`));
    else p.resolve(data);
  }

  function spawn(): EngineWorkerLike {
    const w = factory();
    w.addEventListener('message', (event) => {
      if (worker === w) onReply(event.data);
    });
    w.addEventListener('error', (event) => {
      const message = typeof event.message === 'string' && event.message.trim() !== '' ? event.message : 'it could not be started or hit an error';
      crashed(w, message);
    });
    w.addEventListener('messageerror', () => crashed(w, 'one of its answers could not be read'));
    return w;
  }

  function request<T extends EngineRequestType>(body: Extract<EngineRequestBody, { type: T }>): Promise<EngineResultFor<T>> {
    return new Promise<EngineResultFor<T>>((resolve, reject) => {
      if (disposed) {
        reject(new EngineError('The engine was shut down.'));
        return;
      }
      let w: EngineWorkerLike;
      try {
        w = worker ?? spawn();
        worker = w;
      } catch (error) {
        reject(new EngineError(`The engine could not be started: ${detail(error)}`));
        return;
      }
      const id = nextId;
      nextId += 1;
      pending.set(id, {
        type: body.type,
        resolve: (reply) => {
          const { id: _id, ok: _ok, ...result } = reply;
          resolve(result as EngineResultFor<T>);
        },
        reject,
      });
      try {
        w.postMessage({ ...body, id } as EngineRequest);
      } catch (error) {
        pending.delete(id);
        reject(new EngineError(`The engine could not be sent the request: ${detail(error)}`));
      }
    });
  }

  return {
    request,
    onSnapshot(listener) {
      snapshotListeners.add(listener);
      return () => snapshotListeners.delete(listener);
    },
    onCrash(listener) {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      if (worker !== null) stop(worker);
      rejectAll('The engine was shut down.');
    },
  };
}
