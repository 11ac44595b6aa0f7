import { describe, expect, it } from 'vitest';
import { chainGraph, connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { Diagnostic, DiagnosticCode } from '../../../src/core/shapes/diagnostic.ts';
import { inferShapes } from '../../../src/core/shapes/inferShapes.ts';

function only(graph: Graph, code: DiagnosticCode): Diagnostic {
  const found = inferShapes(graph).diagnostics.filter((d) => d.code === code);
  expect(found, `diagnostics with code ${code}`).toHaveLength(1);
  return found[0] as Diagnostic;
}

const input = (id = 'x', shape: number[] = [2]) => createNode(id, 'Input', { shape });

describe('validation messages a student reads', () => {
  it('an empty canvas says how to start', () => {
    const d = only({ nodes: [], edges: [] }, 'empty-graph');
    expect(d.message).toBe('The network is empty.');
    expect(d.fix).toBe('Start with an Input node, then add a Dense layer and connect them.');
  });

  it('no Input', () => {
    const d = only(chainGraph([createNode('hidden', 'Dense'), createNode('out', 'Dense', { units: 1 })]), 'no-input');
    expect(d.message).toBe('The network has no Input layer, so no data can enter it.');
    expect(d.fix).toBe('Add an Input node and connect it to your first layer.');
    expect(d.nodeIds).toEqual([]);
  });

  it('a cycle names its nodes in flow order and every node on it', () => {
    const graph: Graph = {
      nodes: [input(), createNode('a', 'Dense'), createNode('b', 'Dense'), createNode('c', 'Dense'), createNode('add', 'Add')],
      edges: [connect('x', 'a'), connect('a', 'add', 0), connect('c', 'add', 1), connect('add', 'b'), connect('b', 'c')],
    };
    const d = only(graph, 'cycle');
    expect(d.message).toBe(
      'add, b and c form a loop (add → b → c → add). Data must flow one way, from the Input to the output.',
    );
    expect(d.nodeIds).toEqual(['add', 'b', 'c']);
    expect(d.fix).toBe('Remove one of these connections, for example c → add.');
    const result = inferShapes(graph);
    expect(result.nodes.get('add')?.status).toBe('error');
    expect(result.nodes.get('a')?.status).toBe('ok');
  });

  it('a node connected to itself', () => {
    const graph: Graph = { nodes: [input(), createNode('d', 'Dense')], edges: [connect('x', 'd'), connect('d', 'd', 1)] };
    const d = only(graph, 'cycle');
    expect(d.message).toBe('d is connected to itself, making a loop. Data must flow one way, from the Input to the output.');
    expect(d.nodeIds).toEqual(['d']);
  });

  it('a node not reachable from any Input', () => {
    const graph: Graph = {
      nodes: [input(), createNode('h', 'Dense', { units: 1 }), createNode('orphan', 'Dense'), createNode('after', 'Dense')],
      edges: [connect('x', 'h'), connect('orphan', 'after')],
    };
    const result = inferShapes(graph);
    const unreachable = result.diagnostics.filter((d) => d.code === 'unreachable');
    expect(unreachable.map((d) => [d.nodeIds, d.message])).toEqual([
      [['orphan'], 'orphan has no input, so no data reaches it.'],
      [['after'], 'No data reaches after: it is not connected, through the layers before it, to any Input.'],
    ]);
    expect(unreachable[0]?.fix).toBe('Connect x or a layer after it to orphan, or delete it.');
  });

  it("a node whose output goes nowhere is a warning naming the model's outputs", () => {
    const graph: Graph = {
      nodes: [input(), createNode('h', 'Dense'), createNode('out', 'Dense', { units: 1 }), createNode('left', 'Dense')],
      edges: [connect('x', 'h'), connect('h', 'out'), connect('h', 'left')],
    };
    const result = inferShapes(graph);
    expect(result.ok).toBe(true);
    const dangling = result.diagnostics.filter((d) => d.code === 'dangling-output');
    expect(dangling.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(dangling[1]?.nodeIds).toEqual(['left']);
    expect(dangling[1]?.message).toBe("left's output goes nowhere, so it becomes one of 2 separate outputs of the model (out and left).");
    expect(dangling[1]?.fix).toBe('If left is left over, connect it to the next layer or delete it.');
  });

  it('an unconnected Input is a warning', () => {
    const graph: Graph = { nodes: [input(), input('spare'), createNode('out', 'Dense')], edges: [connect('x', 'out')] };
    const d = only(graph, 'unused-input');
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('Input spare is not connected to anything, so its data is never used.');
    expect(d.nodeIds).toEqual(['spare']);
  });

  it('a single-input layer given two inputs', () => {
    const graph: Graph = {
      nodes: [input(), createNode('h1', 'Dense'), createNode('h2', 'Dense'), createNode('out', 'Dense')],
      edges: [connect('x', 'h1'), connect('x', 'h2'), connect('h1', 'out', 0), connect('h2', 'out', 1)],
    };
    const d = only(graph, 'too-many-inputs');
    expect(d.message).toBe('Dense takes one input, but h1 and h2 are all connected to it.');
    expect(d.fix).toBe('Add a Concatenate or Add node to combine them, and connect that to this layer.');
    expect(d.nodeIds).toEqual(['out', 'h1', 'h2']);
  });

  it('an Input given an input', () => {
    const graph: Graph = { nodes: [input(), input('y'), createNode('h', 'Dense')], edges: [connect('x', 'y'), connect('y', 'h')] };
    const d = only(graph, 'input-has-inputs');
    expect(d.message).toBe('y is an Input, where data enters the network, so nothing can feed into it, but x is connected to it.');
    expect(d.nodeIds[0]).toBe('y');
  });

  it('a merge layer with one input', () => {
    const graph = chainGraph([input(), createNode('h', 'Dense'), createNode('cat', 'Concatenate'), createNode('out', 'Dense')]);
    const d = only(graph, 'too-few-inputs');
    expect(d.message).toBe('Concatenate combines two or more inputs, but only h is connected to it.');
    expect(d.fix).toBe('Connect another layer to cat, or delete it and connect h straight to the next layer.');
    const result = inferShapes(graph);
    expect(result.nodes.get('out')).toEqual({ status: 'blocked', blockedBy: ['cat'], message: 'Shape unknown until the problem in cat is fixed.' });
  });

  it('a merge layer with incompatible shapes names both shapes', () => {
    const graph: Graph = {
      nodes: [input(), createNode('a', 'Dense', { units: 3 }), createNode('b', 'Dense', { units: 4 }), createNode('sum', 'Add')],
      edges: [connect('x', 'a'), connect('x', 'b'), connect('a', 'sum', 0), connect('b', 'sum', 1)],
    };
    const d = only(graph, 'incompatible-shapes');
    expect(d.message).toBe('Add adds its inputs value by value, so they must have the same shape, but input 1 is (3,) and input 2 is (4,).');
    expect(d.fix).toBe('Make both branches end in the same size, e.g. a Dense(3) before input 2, or use Concatenate to place them side by side instead.');
    expect(d.nodeIds).toEqual(['sum', 'a', 'b']);
  });

  it('Concatenate of different ranks', () => {
    const graph: Graph = {
      nodes: [input('a', [2, 3]), input('b', [6]), createNode('cat', 'Concatenate')],
      edges: [connect('a', 'cat', 0), connect('b', 'cat', 1)],
    };
    const d = only(graph, 'incompatible-shapes');
    expect(d.message).toBe('Concatenate joins its inputs along axis -1, so every other dimension must match, but input 1 is (2, 3) and input 2 is (6,).');
    expect(d.fix).toBe('Flatten both inputs first so they have the same number of dimensions.');
  });

  it('Reshape whose element count does not match names both counts', () => {
    const d = only(chainGraph([input('x', [12]), createNode('r', 'Reshape', { target_shape: [3, 5] })]), 'reshape-count');
    expect(d.message).toBe('Reshape to (3, 5) needs 15 values, but its input (12,) has 12. Reshape can only rearrange values, not add or remove them.');
    expect(d.fix).toBe('Use a target shape whose dimensions multiply to 12, such as (3, 4), or put -1 in one dimension.');
    expect(d.nodeIds).toEqual(['r']);
  });

  it('Reshape with -1 that cannot divide', () => {
    const d = only(chainGraph([input('x', [10]), createNode('r', 'Reshape', { target_shape: [-1, 3] })]), 'reshape-count');
    expect(d.message).toBe('Reshape to (-1, 3) needs a multiple of 3 values, but its input (10,) has 10, which is not divisible by 3.');
  });

  describe('invalid parameters', () => {
    const dense = (units: number) => chainGraph([input(), createNode('h', 'Dense', { units })]);
    it.each([
      [0, 'Dense units must be at least 1; it is 0.', 'Use 1 or more.'],
      [-3, 'Dense units must be at least 1; it is -3.', 'Use 1 or more.'],
      [2.5, 'Dense units must be a whole number; it is 2.5.', 'Use 3.'],
    ])('units %s', (units, message, fix) => {
      const d = only(dense(units), 'invalid-param');
      expect(d.message).toBe(message);
      expect(d.fix).toBe(fix);
      expect(d.param).toBe('units');
      expect(d.nodeIds).toEqual(['h']);
    });
    it('units above the cap says the cap and why', () => {
      const d = only(dense(100000), 'invalid-param');
      expect(d.message).toBe(
        "Dense units is 100000, above LayerLab's cap of 4096: larger layers make every training step too slow to watch in the browser.",
      );
      expect(d.fix).toBe('Use at most 4096.');
    });
    it('Dropout rate of 1 or more', () => {
      const d = only(chainGraph([input(), createNode('drop', 'Dropout', { rate: 1 })]), 'invalid-param');
      expect(d.message).toBe('Dropout rate must be below 1; it is 1: a rate of 1 would drop every value, so nothing would reach the next layer.');
      expect(d.param).toBe('rate');
    });
    it('negative Dropout rate', () => {
      const d = only(chainGraph([input(), createNode('drop', 'Dropout', { rate: -0.1 })]), 'invalid-param');
      expect(d.message).toBe('Dropout rate must be at least 0; it is -0.1.');
    });
    it('an Input shape with a zero dimension', () => {
      const d = only(chainGraph([input('x', [3, 0])]), 'invalid-param');
      expect(d.message).toBe('Input shape (3, 0) has the dimension 0; every dimension must be a whole number of at least 1.');
    });
    it('axis 0 is the batch', () => {
      const d = only(chainGraph([input(), createNode('s', 'Softmax', { axis: 0 })]), 'invalid-param');
      expect(d.message).toBe('Softmax axis is 0, which is the batch dimension (the examples themselves).');
      expect(d.fix).toBe('Use -1 for the last dimension, or 1 for the first one after the batch.');
    });
    it('a layer with too many weights says the cap and why', () => {
      const graph = chainGraph([input('x', [4000]), createNode('big', 'Dense', { units: 2000 })]);
      const d = only(graph, 'layer-too-large');
      expect(d.message).toBe(
        "big would have 8,002,000 weights, above LayerLab's cap of 5,000,000 per layer: a layer with more weights needs over 20 MB of memory and would freeze training in the browser.",
      );
      expect(d.nodeIds).toEqual(['big']);
    });
  });

  it('a step activation is flagged as not exportable to Keras', () => {
    const d = only(chainGraph([input(), createNode('p', 'Dense', { units: 1, activation: 'step' })]), 'not-in-keras');
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'p cannot be exported to Keras: Keras has no step activation (its slope is zero everywhere, so gradient descent cannot train it); use sigmoid to export.',
    );
  });

  it('two layers with the same name', () => {
    const d = only(chainGraph([input(), createNode('h', 'Dense'), createNode('h', 'Dense')]), 'duplicate-id');
    expect(d.message).toBe("Two layers are named h; every layer needs its own name, because it becomes the layer's name in Keras.");
    expect(d.nodeIds).toEqual(['h']);
  });

  it('a connection to a node that is gone', () => {
    const graph: Graph = { nodes: [input(), createNode('h', 'Dense')], edges: [connect('x', 'h'), { id: 'e9', source: 'h', target: 'ghost', inputIndex: 0 }] };
    const d = only(graph, 'broken-edge');
    expect(d.message).toBe('Connection e9 points to ghost, which is not in the network.');
    expect(d.nodeIds).toEqual(['h']);
  });
});

describe('inference never throws', () => {
  it('handles a 2000-layer chain without overflowing the stack', () => {
    const nodes = [input(), ...Array.from({ length: 2000 }, (_, i) => createNode(`d${i}`, 'Dense', { units: 3 }))];
    const result = inferShapes(chainGraph(nodes));
    expect(result.ok).toBe(true);
    expect(result.totalParams).toBe(9 + 1999 * 12);
  });
});
