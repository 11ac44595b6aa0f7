/** The engine worker's request handler, run in Node with the real engine, as the worker runs it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/core/project/index.ts';
import { handleEngineRequest } from '../../src/worker/engineRequests.ts';
import type { EngineRequest } from '../../src/worker/protocol.ts';

function xorGraph(): unknown {
  const loaded = parseProject(readFileSync(new URL('../../examples/xor.layerlab.json', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('examples/xor.layerlab.json does not load');
  return loaded.project.graph;
}

describe('handleEngineRequest', () => {
  it('never throws: a malformed graph, an unknown request or a non-request become ok: false replies', async () => {
    const garbage = { id: 5, type: 'train.load', graph: { nodes: 'no', edges: null }, dataset: null, settings: null } as unknown as EngineRequest;
    expect(await handleEngineRequest(garbage)).toMatchObject({ id: 5, ok: false });
    const noData = { id: 7, type: 'train.load', graph: xorGraph(), dataset: { kind: 'nonsense' }, settings: {} } as unknown as EngineRequest;
    expect(await handleEngineRequest(noData)).toMatchObject({ id: 7, ok: false });
    const unknown = { id: 6, type: 'fly' } as unknown as EngineRequest;
    const reply = await handleEngineRequest(unknown);
    expect(reply).toMatchObject({ id: 6, ok: false });
    if (!reply.ok) expect(reply.message).toContain('fly');
    expect(await handleEngineRequest(null as unknown as EngineRequest)).toEqual({ id: -1, ok: false, message: 'The engine received a message that is not a request.' });
  });

  it('answers a control request before any session was loaded with a message, keeping the id', async () => {
    const reply = await handleEngineRequest({ id: 12, type: 'train.step' } as unknown as EngineRequest);
    expect(reply).toMatchObject({ id: 12, ok: false });
    if (!reply.ok) expect(reply.message.length).toBeGreaterThan(10);
  });
});
