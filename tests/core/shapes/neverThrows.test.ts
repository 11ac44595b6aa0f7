import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/core/graph/types.ts';
import { LAYER_KINDS } from '../../../src/core/layers/index.ts';
import { inferShapes } from '../../../src/core/shapes/inferShapes.ts';

/** Graphs as a buggy caller or a hand-edited file might produce them: any kind, any params, any wiring. */
const hostileGraph = fc
  .array(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', '__proto__', 'constructor'),
      kind: fc.oneof(fc.constantFrom(...LAYER_KINDS), fc.string()),
      params: fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom('units', 'shape', 'rate', 'axis', 'activation', 'target_shape'), fc.anything())),
    }),
    { maxLength: 8 },
  )
  .chain((nodes) =>
    fc
      .array(
        fc.record({
          id: fc.string({ maxLength: 3 }),
          source: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'ghost', '__proto__'),
          target: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'ghost', 'constructor'),
          inputIndex: fc.integer({ min: -2, max: 3 }),
        }),
        { maxLength: 12 },
      )
      .map((edges) => ({ nodes: nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })), edges }) as unknown as Graph),
  );

describe('inferShapes on any input', () => {
  it('never throws and gives every node a status', () => {
    fc.assert(
      fc.property(hostileGraph, (graph) => {
        const result = inferShapes(graph);
        for (const node of graph.nodes) expect(result.nodes.has(node.id)).toBe(true);
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('reports a parameter of the wrong type instead of throwing', () => {
    const graph = {
      nodes: [{ id: 'x', kind: 'Input', params: { shape: null }, position: { x: 0, y: 0 } }],
      edges: [],
    } as unknown as Graph;
    const d = inferShapes(graph).diagnostics[0];
    expect(d?.message).toBe('Input shape must be a list of numbers.');
    expect(d?.nodeIds).toEqual(['x']);
  });
});
