/** The engine client against fake workers: lazy start, replies matched by id, failures, crash and respawn, dispose. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/core/project/index.ts';
import type { Graph } from '../../src/core/graph/types.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import { initialProjectWeights } from '../../src/core/weights/initialWeights.ts';
import { createEngineClient, EngineError } from '../../src/worker/client.ts';
import type { EngineWorkerEvent, EngineWorkerLike } from '../../src/worker/client.ts';
import { handleEngineRequest } from '../../src/worker/engineRequests.ts';
import type { EngineReply, EngineRequest, TrainLoadRequest, TrainLoadResult, TrainWeightsResult } from '../../src/worker/protocol.ts';

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
const XOR: TrainLoadRequest['dataset'] = { kind: 'builtin', name: 'xor', samples: 40, noise: 0, seed: 1, classes: 2 };
/** A train.load request, told apart from the others by its seed. */
const load = (seed: number): TrainLoadRequest => ({ type: 'train.load', graph: G, dataset: XOR, settings: { ...DEFAULT_TRAINING, seed }, weights: null });
/** The worker's answer to a train.load; `tag` makes each answer different. */
const loaded = (tag: number): TrainLoadResult => ({
  type: 'train.load',
  path: 'typed',
  pathReason: `Answer ${tag}.`,
  metric: 'accuracy',
  task: 'classification',
  numTrain: tag,
  numTest: 0,
  numFeatures: 2,
  classNames: ['0', '1'],
  featureNames: ['x1', 'x2'],
  points: null,
  image: null,
  batchesPerEpoch: tag,
  outputNodeId: 'out',
});
const weights = (tag: number) => ({ layers: { d: [{ name: 'bias', shape: [1], values: [tag] }] } });
/** The worker's answer to a train.weights; `tag` makes each answer different. */
const trained = (tag: number): TrainWeightsResult => ({ type: 'train.weights', weights: weights(tag), epoch: tag, steps: tag * 10 });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const NO_SESSION = 'There is no training session: load the network and its data first.';

describe('createEngineClient', () => {
  it('starts no worker until the first request, then reuses it', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    expect(workers).toHaveLength(0);
    const first = client.request(load(1));
    const second = client.request(load(2));
    expect(workers).toHaveLength(1);
    const worker = workers[0]!;
    expect(worker.posted).toEqual([
      { id: 1, ...load(1) },
      { id: 2, ...load(2) },
    ]);
    worker.reply({ id: 1, ok: true, ...loaded(1) });
    worker.reply({ id: 2, ok: true, ...loaded(2) });
    await expect(first).resolves.toEqual(loaded(1));
    await expect(second).resolves.toEqual(loaded(2));
    client.dispose();
  });

  it('matches replies to requests by id, whatever order they come in', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const a = client.request(load(10));
    const b = client.request(load(20));
    const c = client.request(load(30));
    const worker = workers[0]!;
    const idOf = (seed: number) => worker.posted.find((r) => r.type === 'train.load' && r.settings.seed === seed)!.id;
    worker.reply({ id: idOf(30), ok: true, ...loaded(30) });
    worker.reply({ id: idOf(10), ok: true, ...loaded(10) });
    worker.reply({ id: 999, ok: true, ...loaded(999) }); // unknown id: ignored
    worker.reply({ id: idOf(20), ok: true, ...loaded(20) });
    await expect(a).resolves.toEqual(loaded(10));
    await expect(b).resolves.toEqual(loaded(20));
    await expect(c).resolves.toEqual(loaded(30));
    expect(new Set(worker.posted.map((r) => r.id)).size).toBe(3);
  });

  it('rejects only the request the worker could not answer, with its message', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const bad = client.request(load(1));
    const good = client.request(load(2));
    const worker = workers[0]!;
    worker.reply({ id: 1, ok: false, message: 'The network cannot be built: hidden has no input.' });
    worker.reply({ id: 2, ok: true, ...loaded(2) });
    await expect(bad).rejects.toThrow(new EngineError('The network cannot be built: hidden has no input.'));
    await expect(bad).rejects.toBeInstanceOf(EngineError);
    await expect(good).resolves.toEqual(loaded(2));
  });

  it('rejects a reply of the wrong type for its request, and takes the shared ack for a control request', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const asked = client.request({ type: 'train.weights' });
    const reset = client.request({ type: 'train.reset', seed: 7 });
    const worker = workers[0]!;
    expect(worker.posted).toEqual([
      { id: 1, type: 'train.weights' },
      { id: 2, type: 'train.reset', seed: 7 },
    ]);
    worker.reply({ id: 1, ok: true, type: 'train.ack' });
    worker.reply({ id: 2, ok: true, type: 'train.ack' });
    await expect(asked).rejects.toThrow(new EngineError('The engine answered a train.weights request with train.ack.'));
    await expect(reset).resolves.toEqual({ type: 'train.ack' });
  });

  it('ignores messages that are not replies', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const pending = client.request({ type: 'train.weights' });
    const worker = workers[0]!;
    worker.emit('message', { data: 'hello' });
    worker.emit('message', { data: { id: 'one', ok: true } });
    worker.emit('message', { data: null });
    worker.reply({ id: 1, ok: true, ...trained(1) });
    await expect(pending).resolves.toEqual(trained(1));
  });

  it('after a worker error, rejects every pending request, terminates the worker and starts a new one on the next request', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const a = client.request({ type: 'train.weights' });
    const b = client.request({ type: 'train.weights' });
    const first = workers[0]!;
    first.emit('error', { message: 'Out of memory' });
    await expect(a).rejects.toThrow('The engine stopped unexpectedly (Out of memory). It restarts on the next try.');
    await expect(b).rejects.toThrow(EngineError);
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(1); // respawned lazily, not right away

    // A late reply from the dead worker changes nothing.
    first.reply({ id: 1, ok: true, ...trained(1) });

    const c = client.request({ type: 'train.weights' });
    expect(workers).toHaveLength(2);
    const second = workers[1]!;
    expect(second.posted).toHaveLength(1);
    const id = second.posted[0]!.id;
    expect(id).not.toBe(1);
    expect(id).not.toBe(2);
    second.reply({ id, ok: true, ...trained(3) });
    await expect(c).resolves.toEqual(trained(3));
  });

  it('names a worker that could not start (an error event without a message)', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const a = client.request({ type: 'train.weights' });
    workers[0]!.emit('error', {});
    await expect(a).rejects.toThrow('The engine stopped unexpectedly (it could not be started or hit an error). It restarts on the next try.');
  });

  it('treats a reply that cannot be read (messageerror) as a crash', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const a = client.request({ type: 'train.weights' });
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
    await expect(client.request({ type: 'train.weights' })).rejects.toThrow('The engine could not be started: Workers are disabled');
    const retry = client.request({ type: 'train.weights' });
    expect(calls).toBe(2);
    worker.reply({ id: worker.posted[0]!.id, ok: true, ...trained(1) });
    await expect(retry).resolves.toEqual(trained(1));
  });

  it('rejects a request that cannot be posted, without touching the others', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const good = client.request({ type: 'train.weights' });
    const worker = workers[0]!;
    const post = worker.postMessage.bind(worker);
    worker.postMessage = () => {
      throw new Error('DataCloneError: could not be cloned');
    };
    await expect(client.request({ type: 'train.weights' })).rejects.toThrow('The engine could not be sent the request: DataCloneError: could not be cloned');
    worker.postMessage = post;
    worker.reply({ id: 1, ok: true, ...trained(1) });
    await expect(good).resolves.toEqual(trained(1));
  });

  it('dispose terminates the worker, rejects pending requests and every later one', async () => {
    const { factory, workers } = spawner();
    const client = createEngineClient(factory);
    const pending = client.request({ type: 'train.weights' });
    client.dispose();
    await expect(pending).rejects.toThrow('The engine was shut down.');
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.request({ type: 'train.weights' })).rejects.toThrow('The engine was shut down.');
    expect(workers).toHaveLength(1);
    client.dispose(); // twice is fine
  });

  it('runs real requests end to end through a worker that calls handleEngineRequest', async () => {
    const project = parseProject(readFileSync(new URL('../../examples/xor.layerlab.json', import.meta.url), 'utf8'));
    if (!project.ok) throw new Error('examples/xor.layerlab.json does not load');
    const { graph, dataset, training } = project.project;
    if (dataset.kind === 'none') throw new Error('examples/xor.layerlab.json has no dataset');

    class EchoWorker extends FakeWorker {
      override postMessage(message: EngineRequest): void {
        super.postMessage(message);
        void handleEngineRequest(structuredClone(message)).then((reply) => this.reply(reply));
      }
    }
    const client = createEngineClient(() => new EchoWorker());
    const expected = initialProjectWeights(graph, training.seed);
    if (!expected.ok) throw new Error(expected.message);

    await expect(client.request({ type: 'train.weights' })).rejects.toThrow(new EngineError(NO_SESSION));
    // The project has no saved weights: the session starts from the seed's initial weights, as core computes them.
    const described = await client.request({ type: 'train.load', graph, dataset, settings: training, weights: null });
    expect(described).toMatchObject({ type: 'train.load', task: 'classification', numFeatures: 2, numTrain: 320, numTest: 80 });
    await expect(client.request({ type: 'train.weights' })).resolves.toEqual({ type: 'train.weights', weights: expected.weights, epoch: 0, steps: 0 });
    const broken = client.request({ type: 'train.load', graph: { nodes: [], edges: [] }, dataset, settings: training, weights: null });
    await expect(broken).rejects.toThrow(/^The network cannot be built: /);
    // The failed load closed the old session.
    await expect(client.request({ type: 'train.weights' })).rejects.toThrow(new EngineError(NO_SESSION));
    await expect(client.request({ type: 'train.close' })).resolves.toEqual({ type: 'train.ack' });
    await flush();
    client.dispose();
  });
});
