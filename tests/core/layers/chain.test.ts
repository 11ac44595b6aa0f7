import { describe, expect, it } from 'vitest';
import { chainOrder } from '../../../src/core/graph/chain.ts';
import { chainGraph, connect, createNode } from '../../../src/core/graph/build.ts';

describe('chainOrder (Sequential or functional?)', () => {
  it('follows a straight chain in data-flow order, whatever the node order', () => {
    const graph = chainGraph([createNode('x', 'Input'), createNode('a', 'Dense'), createNode('b', 'Dense')]);
    expect(chainOrder({ nodes: [...graph.nodes].reverse(), edges: graph.edges })).toEqual(['x', 'a', 'b']);
  });
  it('is null for branches, merges, two Inputs or loose nodes', () => {
    const x = createNode('x', 'Input');
    const a = createNode('a', 'Dense');
    const b = createNode('b', 'Dense');
    expect(chainOrder({ nodes: [x, a, b], edges: [connect('x', 'a'), connect('x', 'b')] })).toBeNull();
    expect(chainOrder({ nodes: [x, createNode('y', 'Input'), createNode('add', 'Add')], edges: [connect('x', 'add'), connect('y', 'add', 1)] })).toBeNull();
    expect(chainOrder({ nodes: [x, a, b], edges: [connect('x', 'a')] })).toBeNull();
    expect(chainOrder({ nodes: [a, b], edges: [connect('a', 'b')] })).toBeNull();
  });
});
