/**
 * What the engine worker does with each request: a plain async function from request to reply, so it runs (and is
 * tested) in Node as well as in the worker. Never throws and never rejects: every failure, including a malformed
 * request, becomes an `ok: false` reply.
 */
import { initialProjectWeights } from '../engine/projectWeights.ts';
import type { EngineReply, EngineRequest } from './protocol.ts';

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() === '' ? 'an unexpected error' : text;
}

function requestId(request: unknown): number {
  const id = typeof request === 'object' && request !== null ? (request as { id?: unknown }).id : undefined;
  return typeof id === 'number' ? id : -1;
}

async function answer(request: EngineRequest): Promise<EngineReply> {
  switch (request.type) {
    case 'initialWeights': {
      const result = initialProjectWeights(request.graph, request.seed);
      if (!result.ok) return { id: request.id, ok: false, message: `The network cannot be built: ${result.message}` };
      return { id: request.id, ok: true, type: 'initialWeights', weights: result.weights };
    }
    default: {
      const unknown: never = request.type;
      return { id: requestId(request), ok: false, message: `The engine does not know the request "${String(unknown)}".` };
    }
  }
}

/** The reply to one request (never throws). */
export async function handleEngineRequest(request: EngineRequest): Promise<EngineReply> {
  const id = requestId(request);
  if (typeof request !== 'object' || request === null || typeof (request as { type?: unknown }).type !== 'string') {
    return { id, ok: false, message: 'The engine received a message that is not a request.' };
  }
  try {
    return await answer(request);
  } catch (error) {
    return { id, ok: false, message: `The engine failed: ${errorMessage(error)}` };
  }
}
