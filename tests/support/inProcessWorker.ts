/**
 * The engine worker run in this process: an EngineWorkerLike whose messages go to the real request handler (engine,
 * training session and all) and whose replies and snapshots come back as message events, as a Web Worker's would.
 * Lets Node tests drive the app's client and training controller against the real engine.
 */
import { nodeDatasetAssets } from '../../src/cli/mnistAssetNode.ts';
import type { EngineWorkerEvent, EngineWorkerFactory, EngineWorkerLike } from '../../src/worker/client.ts';
import { createEngineHandler } from '../../src/worker/engineRequests.ts';
import type { EngineMessage, EngineRequest } from '../../src/worker/protocol.ts';

type Listener = (event: EngineWorkerEvent) => void;

export interface InProcessWorker extends EngineWorkerLike {
  /** Every request posted, in order. */
  readonly posted: EngineRequest[];
  /** Makes the worker fail as a crashed Worker does (an `error` event). */
  crash(message: string): void;
  terminated: boolean;
}

export function inProcessWorkerFactory(): { factory: EngineWorkerFactory; workers: InProcessWorker[] } {
  const workers: InProcessWorker[] = [];
  const factory: EngineWorkerFactory = () => {
    const listeners = new Map<string, Listener[]>();
    const emit = (type: string, event: EngineWorkerEvent): void => {
      for (const listener of listeners.get(type) ?? []) listener(event);
    };
    const deliver = (message: EngineMessage): void => {
      // Asynchronous, as postMessage is.
      setImmediate(() => {
        if (!worker.terminated) emit('message', { type: 'message', data: message });
      });
    };
    const handler = createEngineHandler({
      post: (snapshot) => deliver(snapshot),
      assets: nodeDatasetAssets(),
      now: () => performance.now(),
      yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    });
    let queue: Promise<unknown> = Promise.resolve();
    const worker: InProcessWorker = {
      posted: [],
      terminated: false,
      postMessage(request) {
        worker.posted.push(request);
        queue = queue.then(async () => deliver(await handler.handle(request)));
      },
      addEventListener(type, listener) {
        listeners.set(type, [...(listeners.get(type) ?? []), listener]);
      },
      terminate() {
        worker.terminated = true;
        void handler.handle({ id: -1, type: 'train.close' });
      },
      crash(message) {
        emit('error', { type: 'error', message });
      },
    };
    workers.push(worker);
    return worker;
  };
  return { factory, workers };
}
