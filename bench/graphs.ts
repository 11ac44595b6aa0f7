import { connect, createNode } from '../src/core/graph/build.ts';
import type { Graph, GraphEdge, GraphNode } from '../src/core/graph/types.ts';

/**
 * A realistic large classroom graph: an Input, then residual blocks
 * (Dense → BatchNormalization → Activation → Dropout, added back onto the block's input),
 * with a Concatenate every fourth block, until it has `size` nodes.
 */
export function residualGraph(size: number): Graph {
  const nodes: GraphNode[] = [createNode('x', 'Input', { shape: [32] })];
  const edges: GraphEdge[] = [];
  let last = 'x';
  const width = 32;
  let block = 0;
  const add = (node: GraphNode, ...sources: string[]) => {
    nodes.push(node);
    sources.forEach((source, i) => edges.push(connect(source, node.id, i)));
    return node.id;
  };
  while (nodes.length + 6 <= size) {
    const b = block;
    const dense = add(createNode(`dense_${b}`, 'Dense', { units: width }), last);
    const bn = add(createNode(`bn_${b}`, 'BatchNormalization'), dense);
    const act = add(createNode(`act_${b}`, 'Activation', { activation: 'relu' }), bn);
    const drop = add(createNode(`drop_${b}`, 'Dropout', { rate: 0.1 }), act);
    if (b % 4 === 3) {
      // Concatenate doubles the width; a Dense squeezes it back so the next Add still matches.
      last = add(createNode(`cat_${b}`, 'Concatenate'), last, drop);
      last = add(createNode(`squeeze_${b}`, 'Dense', { units: width }), last);
    } else {
      last = add(createNode(`add_${b}`, 'Add'), last, drop);
    }
    block += 1;
  }
  while (nodes.length < size) last = add(createNode(`tail_${nodes.length}`, 'Dense', { units: 8 }), last);
  return { nodes, edges };
}
