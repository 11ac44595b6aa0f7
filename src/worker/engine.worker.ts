/**
 * The engine worker: training and TensorFlow.js run here, off the main thread and out of the app's initial bundle
 * (the client creates this worker on first use). It answers each request with one reply and, while a training
 * session runs, posts snapshots between them (see protocol.ts).
 */
import { initEngine } from '../engine/createTrainer.ts';
import { browserAssets } from './browserAssets.ts';
import { createEngineHandler } from './engineRequests.ts';
import type { EngineMessage, EngineRequest } from './protocol.ts';
import { WASM_PATHS } from './wasmAssets.ts';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineRequest>) => void): void;
  postMessage(message: EngineMessage, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/** A macrotask without setTimeout's 4 ms clamp: lets queued messages (Pause, a new learning rate) run between slices. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const ready = initEngine({ wasmPaths: WASM_PATHS, preferGpu: true });

const handler = createEngineHandler({
  post: (snapshot, transfer) => scope.postMessage(snapshot, transfer),
  assets: browserAssets,
  now: () => performance.now(),
  yieldToEvents,
});

/** Requests are handled one after another, in the order they came: Run must not overtake the Load before it. */
let queue: Promise<unknown> = ready.catch(() => undefined);

scope.addEventListener('message', (event) => {
  queue = queue
    .then(() => handler.handle(event.data))
    .then((reply) => {
      try {
        scope.postMessage(reply);
      } catch (error) {
        // A reply that cannot be cloned still settles its request.
        const message = error instanceof Error ? error.message : String(error);
        scope.postMessage({ id: reply.id, ok: false, message: `The engine could not send its answer: ${message}` });
      }
    });
});
