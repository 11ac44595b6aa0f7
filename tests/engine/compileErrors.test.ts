/** compileGraph refuses broken graphs with core's own words, and never throws, whatever it is given. */
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import type { Graph, GraphEdge, GraphNode } from '../../src/core/graph/types.ts';
import { parseParams } from '../../src/core/layers/paramChecks.ts';
import { inferShapes } from '../../src/core/shapes/inferShapes.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { arbitraryValidGraph } from '../support/randomGraph.ts';
import { chain, graph, node } from './helpers.ts';

function firstError(g: Graph): { message: string; nodeIds: string[] } {
  const error = inferShapes(g).diagnostics.find((d) => d.severity === 'error');
  if (error === undefined) throw new Error('expected core to find an error');
  return { message: error.message, nodeIds: error.nodeIds };
}

const INVALID: { name: string; graph: Graph }[] = [
  { name: 'an empty graph', graph: { nodes: [], edges: [] } },
  { name: 'a graph without an Input', graph: chain([node('d', 'Dense'), node('e', 'Dense')]) },
  {
    name: 'a loop',
    graph: graph(
      [node('x', 'Input', { shape: [2] }), node('a', 'Dense'), node('b', 'Dense'), node('c', 'Add')],
      [
        ['x', 'c'],
        ['c', 'a'],
        ['a', 'b'],
        ['b', 'c'],
      ],
    ),
  },
  { name: 'Dense with 0 units', graph: chain([node('x', 'Input', { shape: [2] }), node('d', 'Dense', { units: 0 })]) },
  {
    name: 'Add of different shapes',
    graph: graph(
      [node('x', 'Input', { shape: [2] }), node('a', 'Dense', { units: 3 }), node('b', 'Dense', { units: 4 }), node('sum', 'Add')],
      [
        ['x', 'a'],
        ['x', 'b'],
        ['a', 'sum'],
        ['b', 'sum'],
      ],
    ),
  },
  { name: 'a Reshape that does not fit', graph: chain([node('x', 'Input', { shape: [6] }), node('r', 'Reshape', { target_shape: [4, 2] })]) },
  {
    name: 'a layer no data reaches',
    graph: graph([node('x', 'Input', { shape: [2] }), node('d', 'Dense'), node('lost', 'Dense')], [['x', 'd']]),
  },
  {
    name: 'a connection to a node that does not exist',
    graph: { nodes: [node('x', 'Input', { shape: [2] }), node('d', 'Dense')], edges: [{ id: 'e0', source: 'x', target: 'ghost', inputIndex: 0 }, { id: 'e1', source: 'x', target: 'd', inputIndex: 0 }] },
  },
];

describe('compileGraph on invalid graphs', () => {
  it.each(INVALID)('refuses $name with core’s first error', ({ graph: g }) => {
    const before = tf.memory().numTensors;
    const result = compileGraph(g);
    expect(result).toEqual({ ok: false, ...firstError(g) });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses an Input with nothing after it (core only warns), naming the Input', () => {
    const result = compileGraph({ nodes: [node('x', 'Input', { shape: [2] })], edges: [] });
    expect(result).toEqual({ ok: false, message: 'The network has no layers after its Input, so there is nothing to compute.', nodeIds: ['x'] });
  });

  it('reports a parameter of the wrong type (e.g. from a hand-edited file) through core, before tfjs sees it', () => {
    const broken = chain([
      node('x', 'Input', { shape: [3] }),
      { ...node('bad', 'Dense'), params: { ...(node('bad', 'Dense').params as object), units: 'many' } } as unknown as GraphNode,
    ]);
    expect(compileGraph(broken)).toEqual({ ok: false, message: 'Dense units must be a number.', nodeIds: ['bad'] });
  });

  it('turns a tfjs failure into a message about the node instead of throwing, and frees what it built', () => {
    const before = tf.memory().numTensors;
    const original = tf.layers.Layer.prototype.apply;
    // Simulate tfjs rejecting one layer that core accepted.
    const spy = vi.spyOn(tf.layers.Layer.prototype, 'apply').mockImplementation(function (this: tf.layers.Layer, ...args) {
      if (this.name === 'bad') throw new Error('simulated tfjs failure');
      return original.apply(this, args);
    });
    try {
      const result = compileGraph(chain([node('x', 'Input', { shape: [3] }), node('ok', 'Dense', { units: 4 }), node('bad', 'Dense')]));
      expect(result).toEqual({
        ok: false,
        message: 'LayerLab could not build bad in TensorFlow.js: simulated tfjs failure',
        nodeIds: ['bad'],
      });
    } finally {
      spy.mockRestore();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** One random change that may break a valid graph. */
const arbitraryMutation = fc.oneof(
  fc.record({ kind: fc.constant('drop-edge' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop-node' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add-edge' as const), from: fc.nat(), to: fc.nat(), inputIndex: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    kind: fc.constant('set-param' as const),
    at: fc.nat(),
    value: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.double({ min: -2, max: 2, noNaN: true }), fc.constant(null), fc.array(fc.integer({ min: -2, max: 7 }), { maxLength: 5 })),
  }),
);

type Mutation = typeof arbitraryMutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(g: Graph, mutation: Mutation): Graph {
  const nodes = [...g.nodes];
  const edges: GraphEdge[] = [...g.edges];
  switch (mutation.kind) {
    case 'drop-edge':
      if (edges.length > 0) edges.splice(mutation.at % edges.length, 1);
      break;
    case 'drop-node': {
      const [removed] = nodes.splice(mutation.at % nodes.length, 1);
      return { nodes, edges: edges.filter((e) => e.source !== removed?.id && e.target !== removed?.id) };
    }
    case 'add-edge': {
      const source = nodes[mutation.from % nodes.length];
      const target = nodes[mutation.to % nodes.length];
      if (source !== undefined && target !== undefined) {
        edges.push({ id: `extra${edges.length}`, source: source.id, target: target.id, inputIndex: mutation.inputIndex });
      }
      break;
    }
    case 'set-param': {
      const index = mutation.at % nodes.length;
      const target = nodes[index];
      const names = target === undefined ? [] : Object.keys(target.params);
      const name = names[mutation.at % Math.max(1, names.length)];
      if (target !== undefined && name !== undefined) {
        nodes[index] = { ...target, params: { ...target.params, [name]: mutation.value } } as GraphNode;
      }
      break;
    }
  }
  return { nodes, edges };
}

describe('compileGraph on randomly broken graphs', () => {
  it('never throws, refuses exactly what core refuses (with core’s message), and leaks nothing', () => {
    const before = tf.memory().numTensors;
    fc.assert(
      fc.property(arbitraryValidGraph(), fc.array(arbitraryMutation, { minLength: 1, maxLength: 3 }), (valid, mutations) => {
        const g = mutations.reduce(mutate, valid);
        let result: ReturnType<typeof compileGraph> | undefined;
        expect(() => {
          result = compileGraph(g);
        }).not.toThrow();
        if (result === undefined) return;
        let core: ReturnType<typeof inferShapes>;
        try {
          core = inferShapes(g);
        } catch {
          // Core itself fails on some parameters of the wrong type (e.g. an Input shape of null).
          expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^LayerLab could not check this network: /) as string });
          return;
        }
        if (!core.ok) {
          expect(result).toEqual({ ok: false, ...firstError(g) });
        } else if (result.ok) {
          result.model.dispose();
        } else if (g.nodes.every((n) => parseParams(n.kind, n.params).ok)) {
          // Core accepts it and every parameter has the right type: only "nothing to compute" may be refused.
          expect(result.message).toBe('The network has no layers after its Input, so there is nothing to compute.');
        } else {
          expect(result.message).toMatch(/^LayerLab could not build /);
        }
      }),
      { numRuns: 300 },
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
