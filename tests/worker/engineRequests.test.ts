/** The engine worker's request handler, run in Node with the real engine (tfjs cpu backend), as the worker runs it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/core/project/index.ts';
import type { LayerLabProject } from '../../src/core/project/index.ts';
import { initialProjectWeights } from '../../src/engine/projectWeights.ts';
import { handleEngineRequest } from '../../src/worker/engineRequests.ts';
import type { EngineRequest } from '../../src/worker/protocol.ts';
import { chain, graph, node } from '../engine/helpers.ts';

function xor(): LayerLabProject {
  const loaded = parseProject(readFileSync(new URL('../../examples/xor.layerlab.json', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('examples/xor.layerlab.json does not load');
  return loaded.project;
}

describe('handleEngineRequest', () => {
  it('answers initialWeights with the weights initialProjectWeights gives, by node id, with Keras shapes', async () => {
    const project = xor();
    const reply = await handleEngineRequest({ id: 7, type: 'initialWeights', graph: project.graph, seed: 1 });
    expect(reply.ok).toBe(true);
    if (!reply.ok || reply.type !== 'initialWeights') throw new Error('expected weights');
    expect(reply).toMatchObject({ id: 7, type: 'initialWeights' });
    const expected = initialProjectWeights(project.graph, 1);
    if (!expected.ok) throw new Error(expected.message);
    expect(reply.weights).toEqual(expected.weights);
    const shapes = Object.fromEntries(Object.entries(reply.weights.layers).map(([id, list]) => [id, list.map((w) => [w.name, w.shape])]));
    expect(shapes).toEqual({ hidden: [['kernel', [2, 4]], ['bias', [4]]], out: [['kernel', [4, 1]], ['bias', [1]]] });
    for (const list of Object.values(reply.weights.layers)) for (const w of list) expect(w.values).toHaveLength(w.shape.reduce((a, b) => a * b, 1));
  });

  it('gives the same weights for the same seed and different ones for another seed', async () => {
    const g = xor().graph;
    const a = await handleEngineRequest({ id: 1, type: 'initialWeights', graph: g, seed: 3 });
    const b = await handleEngineRequest({ id: 2, type: 'initialWeights', graph: g, seed: 3 });
    const c = await handleEngineRequest({ id: 3, type: 'initialWeights', graph: g, seed: 4 });
    if (!a.ok || !b.ok || !c.ok || a.type !== 'initialWeights' || b.type !== 'initialWeights' || c.type !== 'initialWeights') throw new Error('expected weights');
    expect(b.weights).toEqual(a.weights);
    expect(c.weights).not.toEqual(a.weights);
  });

  it('answers a network that cannot be built with ok: false and a message, keeping the id', async () => {
    // A Dense layer fed by two layers cannot be built.
    const broken = graph([node('x', 'Input'), node('a', 'Dense'), node('b', 'Dense'), node('c', 'Dense')], [['x', 'a'], ['x', 'b'], ['a', 'c'], ['b', 'c']]);
    const reply = await handleEngineRequest({ id: 12, type: 'initialWeights', graph: broken, seed: 1 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.id).toBe(12);
    expect(reply.message).toMatch(/^The network cannot be built: /);
    expect(reply.message.length).toBeGreaterThan('The network cannot be built: '.length);
  });

  it('answers an empty network with ok: false', async () => {
    const reply = await handleEngineRequest({ id: 4, type: 'initialWeights', graph: { nodes: [], edges: [] }, seed: 1 });
    expect(reply).toMatchObject({ id: 4, ok: false });
  });

  it('never throws: a malformed graph, an unknown request or a non-request become ok: false replies', async () => {
    const garbage = { id: 5, type: 'initialWeights', graph: { nodes: 'no', edges: null }, seed: 1 } as unknown as EngineRequest;
    expect(await handleEngineRequest(garbage)).toMatchObject({ id: 5, ok: false });
    const unknown = { id: 6, type: 'fly' } as unknown as EngineRequest;
    const reply = await handleEngineRequest(unknown);
    expect(reply).toMatchObject({ id: 6, ok: false });
    if (!reply.ok) expect(reply.message).toContain('fly');
    expect(await handleEngineRequest(null as unknown as EngineRequest)).toEqual({ id: -1, ok: false, message: 'The engine received a message that is not a request.' });
  });

  it('builds a larger chain', async () => {
    const g = chain([node('in', 'Input', { shape: [3] }), node('d1', 'Dense', { units: 5 }), node('bn', 'BatchNormalization'), node('d2', 'Dense', { units: 2 })]);
    const reply = await handleEngineRequest({ id: 9, type: 'initialWeights', graph: g, seed: 2 });
    if (!reply.ok) throw new Error(reply.message);
    if (reply.type !== 'initialWeights') throw new Error('expected weights');
    expect(reply.weights.layers.bn?.map((w) => w.name)).toEqual(['gamma', 'beta', 'moving_mean', 'moving_variance']);
  });
});
