/** The engine client against fake workers: lazy start, replies matched by id, failures, crash and respawn, dispose. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/core/project/index.ts';
import type { Graph } from '../../src/core/graph/types.ts';
import { initialProjectWeights } from '../../src/engine/projectWeights.ts';
import { createEngineClient, EngineError } from '../../src/worker/client.ts';
import type { EngineWorkerEvent, EngineWorkerLike } from '../../src/worker/client.ts';
import { handleEngineRequest } from '../../src/worker/engineRequests.ts';
import type { EngineReply, EngineRequest } from '../../src/worker/protocol.ts';

type Listener = (event: EngineWorkerEvent) => void;

/** A worker that records what it is sent and answers only when the test says so. */
class FakeWorker implements EngineWorkerLike {
  readonly posted: EngineRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();

  postMessage(message: EngineRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.posted.push(structuredClone(message));
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(type: string, event: Omit<EngineWorkerEvent, 'type'> = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ type, ...event });
  }

  reply(reply: EngineReply): void {
    this.emit('message', { data: structuredClone(reply) });
  }
}

function spawner(): { factory: () => FakeWorker; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    factory: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  };
}

const G: Graph = { nodes: [], edges: [] };
const weights = (tag: number) => ({ layers: { d: [{ name: 'bias', shape: [1], values: [tag] }] } });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createEngineClient', () => {
  it('starts no worker until the first request, then reuses it', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    expect(workers).toHaveLength(0);
    const first = client.initialWeights(G, 1);
    const second = client.initialWeights(G, 2);
    expect(workers).toHaveLength(1);
    const worker = workers[0]!;
    expect(worker.posted).toEqual([
      { id: 1, type: 'initialWeights', graph: G, seed: 1 },
      { id: 2, type: 'initialWeights', graph: G, seed: 2 },
    ]);
    worker.reply({ id: 1, ok: true, type: 'initialWeights', weights: weights(1) });
    worker.reply({ id: 2, ok: true, type: 'initialWeights', weights: weights(2) });
    await expect(first).resolves.toEqual(weights(1));
    await expect(second).resolves.toEqual(weights(2));
    client.dispose();
  });

  it('matches replies to requests by id, whatever order they come in', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const a = client.request({ type: 'initialWeights', graph: G, seed: 10 });
    const b = client.request({ type: 'initialWeights', graph: G, seed: 20 });
    const c = client.request({ type: 'initialWeights', graph: G, seed: 30 });
    const worker = workers[0]!;
    const idOf = (seed: number) => worker.posted.find((r) => r.type === 'initialWeights' && r.seed === seed)!.id;
    worker.reply({ id: idOf(30), ok: true, type: 'initialWeights', weights: weights(30) });
    worker.reply({ id: idOf(10), ok: true, type: 'initialWeights', weights: weights(10) });
    worker.reply({ id: 999, ok: true, type: 'initialWeights', weights: weights(999) }); // unknown id: ignored
    worker.reply({ id: idOf(20), ok: true, type: 'initialWeights', weights: weights(20) });
    await expect(a).resolves.toEqual({ type: 'initialWeights', weights: weights(10) });
    await expect(b).resolves.toEqual({ type: 'initialWeights', weights: weights(20) });
    await expect(c).resolves.toEqual({ type: 'initialWeights', weights: weights(30) });
    expect(new Set(worker.posted.map((r) => r.id)).size).toBe(3);
  });

  it('rejects only the request the worker could not answer, with its message', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const bad = client.initialWeights(G, 1);
    const good = client.initialWeights(G, 2);
    const worker = workers[0]!;
    worker.reply({ id: 1, ok: false, message: 'The network cannot be built: hidden has no input.' });
    worker.reply({ id: 2, ok: true, type: 'initialWeights', weights: weights(2) });
    await expect(bad).rejects.toThrow(new EngineError('The network cannot be built: hidden has no input.'));
    await expect(bad).rejects.toBeInstanceOf(EngineError);
    await expect(good).resolves.toEqual(weights(2));
  });

  it('ignores messages that are not replies', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const pending = client.initialWeights(G, 1);
    const worker = workers[0]!;
    worker.emit('message', { data: 'hello' });
    worker.emit('message', { data: { id: 'one', ok: true } });
    worker.emit('message', { data: null });
    worker.reply({ id: 1, ok: true, type: 'initialWeights', weights: weights(1) });
    await expect(pending).resolves.toEqual(weights(1));
  });

  it('after a worker error, rejects every pending request, terminates the worker and starts a new one on the next request', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const a = client.initialWeights(G, 1);
    const b = client.initialWeights(G, 2);
    const first = workers[0]!;
    first.emit('error', { message: 'Out of memory' });
    await expect(a).rejects.toThrow('The engine stopped unexpectedly (Out of memory). It restarts on the next try.');
    await expect(b).rejects.toThrow(EngineError);
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(1); // respawned lazily, not right away

    // A late reply from the dead worker changes nothing.
    first.reply({ id: 1, ok: true, type: 'initialWeights', weights: weights(1) });

    const c = client.initialWeights(G, 3);
    expect(workers).toHaveLength(2);
    const second = workers[1]!;
    expect(second.posted).toHaveLength(1);
    const id = second.posted[0]!.id;
    expect(id).not.toBe(1);
    expect(id).not.toBe(2);
    second.reply({ id, ok: true, type: 'initialWeights', weights: weights(3) });
    await expect(c).resolves.toEqual(weights(3));
  });

  it('names a worker that could not start (an error event without a message)', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const a = client.initialWeights(G, 1);
    workers[0]!.emit('error', {});
    await expect(a).rejects.toThrow('The engine stopped unexpectedly (it could not be started or hit an error). It restarts on the next try.');
  });

  it('treats a reply that cannot be read (messageerror) as a crash', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const a = client.initialWeights(G, 1);
    workers[0]!.emit('messageerror');
    await expect(a).rejects.toThrow('one of its answers could not be read');
    expect(workers[0]!.terminated).toBe(true);
  });

  it('rejects with a clear message when the worker cannot be created, and tries again next time', async () => {
    let calls = 0;
    const worker = new FakeWorker();
    const client = createEngineClient(() => {
      calls += 1;
      if (calls === 1) throw new Error('Workers are disabled');
      return worker;
    });
    await expect(client.initialWeights(G, 1)).rejects.toThrow('The engine could not be started: Workers are disabled');
    const retry = client.initialWeights(G, 1);
    expect(calls).toBe(2);
    worker.reply({ id: worker.posted[0]!.id, ok: true, type: 'initialWeights', weights: weights(1) });
    await expect(retry).resolves.toEqual(weights(1));
  });

  it('rejects a request that cannot be posted, without touching the others', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const good = client.initialWeights(G, 1);
    const worker = workers[0]!;
    const post = worker.postMessage.bind(worker);
    worker.postMessage = () => {
      throw new Error('DataCloneError: could not be cloned');
    };
    await expect(client.initialWeights(G, 2)).rejects.toThrow('The engine could not be sent the request: DataCloneError: could not be cloned');
    worker.postMessage = post;
    worker.reply({ id: 1, ok: true, type: 'initialWeights', weights: weights(1) });
    await expect(good).resolves.toEqual(weights(1));
  });

  it('dispose terminates the worker, rejects pending requests and every later one', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const pending = client.initialWeights(G, 1);
    client.dispose();
    await expect(pending).rejects.toThrow('The engine was shut down.');
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.initialWeights(G, 2)).rejects.toThrow('The engine was shut down.');
    expect(workers).toHaveLength(1);
    client.dispose(); // twice is fine
  });

  it('runs real requests end to end through a worker that calls handleEngineRequest', async () => {
    const loaded = parseProject(readFileSync(new URL('../../examples/xor.layerlab.json', import.meta.url), 'utf8'));
    if (!loaded.ok) throw new Error('examples/xor.layerlab.json does not load');
    const { graph } = loaded.project;

    class EchoWorker extends FakeWorker {
      override postMessage(message: EngineRequest): void {
        super.postMessage(message);
        void handleEngineRequest(structuredClone(message)).then((reply) => this.reply(reply));
      }
    }
    const client = createEngineClient(() => new EchoWorker());
    const expected = initialProjectWeights(graph, 1);
    if (!expected.ok) throw new Error(expected.message);
    await expect(client.initialWeights(graph, 1)).resolves.toEqual(expected.weights);
    await expect(client.initialWeights({ nodes: [], edges: [] }, 1)).rejects.toThrow(/^The network cannot be built: /);
    await flush();
    client.dispose();
  });
});
