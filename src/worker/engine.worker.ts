/**
 * The engine worker: TensorFlow.js runs here, off the main thread and out of the app's initial bundle (the client
 * creates this worker on first use). It answers each request posted to it with one reply (see protocol.ts).
 */
import { handleEngineRequest } from './engineRequests.ts';
import type { EngineReply, EngineRequest } from './protocol.ts';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineRequest>) => void): void;
  postMessage(reply: EngineReply): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void handleEngineRequest(event.data).then((reply) => {
    try {
      scope.postMessage(reply);
    } catch (error) {
      // A reply that cannot be cloned still settles its request.
      const message = error instanceof Error ? error.message : String(error);
      scope.postMessage({ id: reply.id, ok: false, message: `The engine could not send its answer: ${message}` });
    }
  });
});
