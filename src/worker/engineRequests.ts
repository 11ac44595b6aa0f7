/**
 * What the engine worker does with each request: a plain async function from request to reply, so it runs (and is
 * tested) in Node as well as in the worker. Never throws and never rejects: every failure, including a malformed
 * request, becomes an `ok: false` reply.
 *
 * Training requests steer the one training session the handler keeps (see trainingSession.ts); its snapshots go out
 * through `deps.post`, between replies.
 */
import type { EngineReply, EngineRequest } from './protocol.ts';
import type { SessionDeps, TrainingSession } from './trainingSession.ts';
import { openTrainingSession } from './trainingSession.ts';

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() === '' ? 'an unexpected error' : text;
}

function requestId(request: unknown): number {
  const id = typeof request === 'object' && request !== null ? (request as { id?: unknown }).id : undefined;
  return typeof id === 'number' ? id : -1;
}

export interface EngineHandler {
  /** The reply to one request (never throws). */
  handle(request: EngineRequest): Promise<EngineReply>;
}

const NO_SESSION = 'There is no training session: load the network and its data first.';

/** A handler with its own training session; `deps` carries snapshots out and brings data assets in. */
export function createEngineHandler(deps: SessionDeps): EngineHandler {
  let session: TrainingSession | null = null;
  let run = 0;

  async function answer(request: EngineRequest): Promise<EngineReply> {
    const id = request.id;
    switch (request.type) {
      case 'train.load': {
        session?.close();
        session = null;
        run += 1;
        const opened = await openTrainingSession(request, deps, run);
        if (!opened.ok) return { id, ok: false, message: opened.message };
        session = opened.session;
        session.control({ type: 'train.pause' });
        return { id, ok: true, ...opened.result };
      }
      case 'train.close':
        session?.close();
        session = null;
        return { id, ok: true, type: 'train.ack' };
      case 'train.frame':
        session?.frame();
        return { id, ok: true, type: 'train.ack' };
      case 'train.weights':
        if (session === null) return { id, ok: false, message: NO_SESSION };
        return { id, ok: true, ...session.weights() };
      case 'train.run':
      case 'train.pause':
      case 'train.step':
      case 'train.settings':
      case 'train.reset':
      case 'train.restore':
      case 'train.view':
        if (session === null) return { id, ok: false, message: NO_SESSION };
        session.control(request);
        return { id, ok: true, type: 'train.ack' };
      default: {
        const unknown: never = request;
        return { id: requestId(unknown), ok: false, message: `The engine does not know the request "${String((unknown as { type?: unknown }).type)}".` };
      }
    }
  }

  return {
    async handle(request) {
      const id = requestId(request);
      if (typeof request !== 'object' || request === null || typeof (request as { type?: unknown }).type !== 'string') {
        return { id, ok: false, message: 'The engine received a message that is not a request.' };
      }
      try {
        return await answer(request);
      } catch (error) {
        return { id, ok: false, message: `The engine failed: ${errorMessage(error)}` };
      }
    },
  };
}

const withoutTraining = createEngineHandler({
  post: () => undefined,
  assets: { mnist: () => Promise.reject(new Error('No data assets here.')) },
  now: () => Date.now(),
  yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
});

/** The reply to one request, for callers that do not train (never throws). */
export function handleEngineRequest(request: EngineRequest): Promise<EngineReply> {
  return withoutTraining.handle(request);
}
