import { describe, expect, it } from 'vitest';
import { chainGraph, connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { CONNECTION_RULES, checkConnection } from '../../../src/core/editing/index.ts';
import type { ConnectionCheck } from '../../../src/core/editing/index.ts';

/** x → hidden → out */
const xor: Graph = chainGraph([
  createNode('x', 'Input', { shape: [2] }),
  createNode('hidden', 'Dense', { units: 4 }),
  createNode('out', 'Dense', { units: 1 }),
]);

/** x → a, x → b, x → c; a → concat (input 1), b → concat (input 2); a → sum (input 1); loose Dense d. */
const merges: Graph = {
  nodes: [
    createNode('x', 'Input', { shape: [2] }),
    createNode('a', 'Dense', { units: 3 }),
    createNode('b', 'Dense', { units: 3 }),
    createNode('c', 'Dense', { units: 3 }),
    createNode('concat', 'Concatenate'),
    createNode('sum', 'Add'),
    createNode('d', 'Dense', { units: 2 }),
  ],
  edges: [connect('x', 'a'), connect('x', 'b'), connect('x', 'c'), connect('a', 'concat', 0), connect('b', 'concat', 1), connect('a', 'sum', 0)],
};

function reason(result: ConnectionCheck): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

describe('checkConnection: allowed wiring', () => {
  it('accepts a new connection into a free single input', () => {
    const loose: Graph = { nodes: [...xor.nodes, createNode('side', 'Dense')], edges: xor.edges };
    expect(checkConnection(loose, { source: 'x', target: 'side', inputIndex: 0 })).toEqual({ ok: true });
    expect(checkConnection(loose, { source: 'out', target: 'side', inputIndex: 0 })).toEqual({ ok: true });
    expect(checkConnection(merges, { source: 'c', target: 'd', inputIndex: 0 })).toEqual({ ok: true });
  });

  it('accepts a free merge slot, gaps between slots and the same source in two slots (Keras allows Add()([x, x]))', () => {
    expect(checkConnection(merges, { source: 'c', target: 'concat', inputIndex: 2 })).toEqual({ ok: true });
    expect(checkConnection(merges, { source: 'c', target: 'concat', inputIndex: 7 })).toEqual({ ok: true });
    expect(checkConnection(merges, { source: 'c', target: 'concat', inputIndex: 15 })).toEqual({ ok: true });
    expect(checkConnection(merges, { source: 'a', target: 'sum', inputIndex: 1 })).toEqual({ ok: true });
  });

  it('leaves shapes to inference: a mismatch may be connected', () => {
    const graph: Graph = {
      nodes: [createNode('x', 'Input', { shape: [2] }), createNode('y', 'Input', { shape: [5] }), createNode('sum', 'Add')],
      edges: [connect('x', 'sum', 0)],
    };
    expect(checkConnection(graph, { source: 'y', target: 'sum', inputIndex: 1 })).toEqual({ ok: true });
  });

  it('accepts a diamond (two paths from one layer to another are not a loop)', () => {
    expect(checkConnection(merges, { source: 'x', target: 'sum', inputIndex: 1 })).toEqual({ ok: true });
    expect(checkConnection(merges, { source: 'c', target: 'sum', inputIndex: 1 })).toEqual({ ok: true });
  });
});

describe('checkConnection: every refusal, as the student reads it', () => {
  it('refuses a layer that is not in the network', () => {
    expect(checkConnection(xor, { source: 'ghost', target: 'out', inputIndex: 0 })).toEqual({
      ok: false,
      rule: 'missing-layer',
      reason: "There is no layer named 'ghost' in the network (it may have just been deleted).",
    });
    expect(reason(checkConnection(xor, { source: 'x', target: 'gone', inputIndex: 0 }))).toBe(
      "There is no layer named 'gone' in the network (it may have just been deleted).",
    );
    expect(reason(checkConnection(xor, { source: 'a', target: 'b', inputIndex: 0 }))).toBe(
      "There are no layers named 'a' and 'b' in the network (they may have just been deleted).",
    );
    expect(reason(checkConnection(xor, { source: 'z', target: 'z', inputIndex: 0 }))).toBe(
      "There is no layer named 'z' in the network (it may have just been deleted).",
    );
  });

  it('refuses a layer feeding itself (a loop of length 1)', () => {
    expect(checkConnection(xor, { source: 'hidden', target: 'hidden', inputIndex: 0 })).toEqual({
      ok: false,
      rule: 'self-loop',
      reason:
        "A layer cannot feed itself: connecting Dense 'hidden' to its own input would make a loop. Data must flow one way, from the Input to the output. Connect 'hidden' to a layer after it instead.",
    });
  });

  it('refuses any connection into an Input', () => {
    expect(checkConnection(xor, { source: 'out', target: 'x', inputIndex: 0 })).toEqual({
      ok: false,
      rule: 'into-input',
      reason:
        "Input 'x' is where data enters the network; nothing can be connected into it. Connections start at an Input and go to the layers after it.",
    });
    const twoInputs: Graph = { nodes: [createNode('x', 'Input'), createNode('y', 'Input')], edges: [] };
    expect(checkConnection(twoInputs, { source: 'y', target: 'x', inputIndex: 0 })).toMatchObject({ ok: false, rule: 'into-input' });
  });

  it('refuses a connection into a layer of unknown kind', () => {
    const graph = {
      nodes: [createNode('x', 'Input'), { id: 'conv', kind: 'Conv2D', params: {}, position: { x: 0, y: 0 } }],
      edges: [],
    } as unknown as Graph;
    expect(checkConnection(graph, { source: 'x', target: 'conv', inputIndex: 0 })).toEqual({
      ok: false,
      rule: 'unknown-kind',
      reason: "'conv' is a layer of kind 'Conv2D', which LayerLab does not know, so nothing can be connected into it. Delete it and add a layer from the palette.",
    });
  });

  it('refuses an input number the layer does not have', () => {
    expect(checkConnection(xor, { source: 'x', target: 'out', inputIndex: 1 })).toEqual({
      ok: false,
      rule: 'no-such-input',
      reason: "Dense 'out' has one input, so there is no input 2 to connect to.",
    });
    expect(reason(checkConnection(merges, { source: 'c', target: 'concat', inputIndex: 16 }))).toBe(
      "Concatenate 'concat' has inputs 1 to 16, so there is no input 17 to connect to. To combine more branches, merge some of them in another Concatenate first and connect that.",
    );
    expect(reason(checkConnection(merges, { source: 'c', target: 'concat', inputIndex: -1 }))).toBe(
      "Concatenate 'concat' has inputs 1 to 16, so there is no input 0 to connect to.",
    );
    expect(reason(checkConnection(merges, { source: 'c', target: 'sum', inputIndex: 0.5 }))).toBe(
      "Add 'sum' has inputs 1 to 16, so there is no input 0.5 to connect to.",
    );
    expect(checkConnection(merges, { source: 'c', target: 'sum', inputIndex: Number.NaN })).toMatchObject({ ok: false, rule: 'no-such-input' });
  });

  it('refuses a connection that already exists', () => {
    expect(checkConnection(xor, { source: 'x', target: 'hidden', inputIndex: 0 })).toEqual({
      ok: false,
      rule: 'duplicate',
      reason: "'x' is already connected to Dense 'hidden'.",
    });
    expect(reason(checkConnection(merges, { source: 'b', target: 'concat', inputIndex: 1 }))).toBe(
      "'b' is already connected to input 2 of Concatenate 'concat'.",
    );
  });

  it('refuses a loop of length 2 and names it', () => {
    expect(checkConnection(xor, { source: 'out', target: 'hidden', inputIndex: 0 })).toEqual({
      ok: false,
      rule: 'loop',
      reason: 'That would make a loop: out → hidden → out. Data must flow one way, from the Input to the output.',
    });
  });

  it('names a loop of three layers in the order data would flow', () => {
    const graph: Graph = {
      nodes: [...merges.nodes, createNode('after', 'Dense')],
      edges: [...merges.edges, connect('concat', 'after')],
    };
    // Nothing after sum leads to 'after', so this is no loop.
    expect(checkConnection(graph, { source: 'after', target: 'sum', inputIndex: 1 })).toEqual({ ok: true });
    const chained: Graph = {
      nodes: [createNode('x', 'Input'), createNode('h1', 'Dense'), createNode('h2', 'Dense'), createNode('merge', 'Add')],
      edges: [connect('x', 'merge', 0), connect('merge', 'h1'), connect('h1', 'h2')],
    };
    expect(reason(checkConnection(chained, { source: 'h2', target: 'merge', inputIndex: 1 }))).toBe(
      'That would make a loop: h2 → merge → h1 → h2. Data must flow one way, from the Input to the output.',
    );
  });

  it('reports a loop before a taken input, since freeing the input would not help', () => {
    // out → hidden: hidden already has x, but the loop is the real problem.
    expect(checkConnection(xor, { source: 'out', target: 'hidden', inputIndex: 0 })).toMatchObject({ rule: 'loop' });
  });

  it('shortens a long loop and counts its layers', () => {
    const nodes = [createNode('x', 'Input'), ...Array.from({ length: 30 }, (_, i) => createNode(`d${i}`, 'Dense'))];
    const graph = chainGraph(nodes);
    expect(reason(checkConnection(graph, { source: 'd29', target: 'd0', inputIndex: 0 }))).toBe(
      'That would make a loop through 30 layers: d29 → d0 → d1 → d2 → … → d27 → d28 → d29. Data must flow one way, from the Input to the output.',
    );
    // Seven layers still show in full.
    expect(reason(checkConnection(graph, { source: 'd6', target: 'd0', inputIndex: 0 }))).toBe(
      'That would make a loop: d6 → d0 → d1 → d2 → d3 → d4 → d5 → d6. Data must flow one way, from the Input to the output.',
    );
  });

  it('finds the shortest loop when there are several', () => {
    const graph: Graph = {
      nodes: [createNode('x', 'Input'), createNode('a', 'Dense'), createNode('b', 'Dense'), createNode('c', 'Dense'), createNode('m', 'Add')],
      edges: [connect('x', 'a'), connect('a', 'b'), connect('b', 'c'), connect('c', 'm', 0), connect('a', 'm', 1)],
    };
    // m ← a directly and m ← c ← b ← a; connecting m → a: the loop shown is the short one.
    const twoInputs: Graph = { nodes: graph.nodes, edges: graph.edges.filter((e) => e.target !== 'a') };
    expect(reason(checkConnection(twoInputs, { source: 'm', target: 'a', inputIndex: 0 }))).toBe(
      'That would make a loop: m → a → m. Data must flow one way, from the Input to the output.',
    );
  });

  it('refuses a second input into a single-input layer, naming both and what to do', () => {
    expect(checkConnection(merges, { source: 'c', target: 'a', inputIndex: 0 })).toEqual({
      ok: false,
      rule: 'input-taken',
      reason:
        "Dense 'a' already takes its input from 'x'; it takes one input. Remove that connection first, or add a Concatenate or Add layer to combine 'x' and 'c'.",
    });
    const broken: Graph = { nodes: merges.nodes, edges: [...merges.edges, connect('c', 'b')] };
    expect(reason(checkConnection(broken, { source: 'a', target: 'b', inputIndex: 0 }))).toBe(
      "Dense 'b' already takes its input from 'x' and 'c'; it takes one input. Remove those connections first, or add a Concatenate or Add layer to combine 'x', 'c' and 'a'.",
    );
  });

  it('refuses a merge input slot that is already used, pointing at a free one', () => {
    expect(checkConnection(merges, { source: 'c', target: 'concat', inputIndex: 1 })).toEqual({
      ok: false,
      rule: 'slot-taken',
      reason: "Input 2 of Concatenate 'concat' is already connected to 'b'. Connect to input 3, which is free, or remove the connection from 'b' first.",
    });
    const full: Graph = {
      nodes: [...merges.nodes, ...Array.from({ length: 16 }, (_, i) => createNode(`s${i}`, 'Dense'))],
      edges: [...merges.edges, ...Array.from({ length: 15 }, (_, i) => connect(`s${i}`, 'sum', i + 1))],
    };
    expect(reason(checkConnection(full, { source: 's15', target: 'sum', inputIndex: 3 }))).toBe(
      "Input 4 of Add 'sum' is already connected to 's2'. Every input is in use: remove the connection from 's2' first.",
    );
  });

  it('lists each rule it applies, in order', () => {
    expect(CONNECTION_RULES.map((r) => r.rule)).toEqual([
      'missing-layer',
      'self-loop',
      'into-input',
      'unknown-kind',
      'no-such-input',
      'duplicate',
      'loop',
      'input-taken',
      'slot-taken',
    ]);
  });
});

describe('checkConnection: moving an existing wire (React Flow reconnect)', () => {
  it('ignores the edge being moved', () => {
    const moving = 'x->hidden#0';
    expect(checkConnection(merges, { source: 'c', target: 'a', inputIndex: 0 }, { replacing: 'x->a#0' })).toEqual({ ok: true });
    expect(checkConnection(xor, { source: 'x', target: 'hidden', inputIndex: 0 }, { replacing: moving })).toEqual({ ok: true });
    expect(checkConnection(merges, { source: 'c', target: 'concat', inputIndex: 1 }, { replacing: 'b->concat#1' })).toEqual({ ok: true });
  });

  it('does not count the moved edge as part of a loop', () => {
    // Moving hidden → out to out → hidden's place: without hidden → out there is no loop, but hidden has x.
    expect(checkConnection(xor, { source: 'out', target: 'hidden', inputIndex: 0 }, { replacing: 'hidden->out#0' })).toMatchObject({
      rule: 'input-taken',
    });
    expect(checkConnection(xor, { source: 'out', target: 'hidden', inputIndex: 0 }, { replacing: 'nothing' })).toMatchObject({ rule: 'loop' });
  });
});

describe('checkConnection: cheap and total', () => {
  it('answers on a 200-node graph, many times, with the same answers (the index is reused per graph)', () => {
    const nodes = [createNode('x', 'Input', { shape: [4] }), ...Array.from({ length: 199 }, (_, i) => createNode(`d${i}`, 'Dense'))];
    const graph = chainGraph(nodes);
    for (let i = 0; i < 400; i += 1) {
      const result = checkConnection(graph, { source: 'd198', target: `d${i % 199}`, inputIndex: 0 });
      expect(result.ok).toBe(false);
    }
    expect(checkConnection(graph, { source: 'd198', target: 'd0', inputIndex: 0 })).toMatchObject({ rule: 'loop' });
    expect(checkConnection(graph, { source: 'd10', target: 'd5', inputIndex: 0 })).toMatchObject({ rule: 'loop' });
    const wider: Graph = { nodes: [...graph.nodes, createNode('extra', 'Dense')], edges: graph.edges };
    expect(checkConnection(wider, { source: 'd198', target: 'extra', inputIndex: 0 })).toEqual({ ok: true });
    // A new edges array is a new graph: the answer follows it.
    const withExtra: Graph = { nodes: wider.nodes, edges: [...wider.edges, connect('extra', 'd0')] };
    expect(checkConnection(withExtra, { source: 'd198', target: 'extra', inputIndex: 0 })).toMatchObject({ rule: 'loop' });
    expect(checkConnection(wider, { source: 'd198', target: 'extra', inputIndex: 0 })).toEqual({ ok: true });
  });

  it('never throws on nonsense', () => {
    const odd = [
      { nodes: null, edges: null },
      { nodes: [null], edges: [] },
      { nodes: [{ id: '__proto__', kind: 'toString' }], edges: [{ source: '__proto__', target: '__proto__' }] },
      {},
    ] as unknown as Graph[];
    for (const graph of odd) {
      for (const candidate of [
        { source: '__proto__', target: 'constructor', inputIndex: 0 },
        { source: undefined, target: null, inputIndex: 'a' },
        {},
      ] as unknown as { source: string; target: string; inputIndex: number }[]) {
        expect(() => checkConnection(graph, candidate)).not.toThrow();
        expect(checkConnection(graph, candidate).ok).toBe(false);
      }
    }
    expect(checkConnection(xor, null as unknown as { source: string; target: string; inputIndex: number })).toMatchObject({ ok: false });
    expect(reason(checkConnection({ nodes: null, edges: null } as unknown as Graph, { source: 'a', target: 'b', inputIndex: 0 }))).toMatch(
      /^LayerLab could not check this connection \(/,
    );
  });
});
