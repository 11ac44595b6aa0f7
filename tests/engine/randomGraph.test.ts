/** The random graph generator itself: valid graphs, every kind, every node reachable, ids well formed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reachableFrom } from '../../src/core/graph/topology.ts';
import { NODE_ID_PATTERN } from '../../src/core/graph/types.ts';
import { LAYER_KINDS } from '../../src/core/layers/index.ts';
import { inferShapes } from '../../src/core/shapes/inferShapes.ts';
import { MAX_LAYERS, arbitraryValidGraph } from '../support/randomGraph.ts';

const SAMPLES = 500;

describe('arbitraryValidGraph', () => {
  const graphs = fc.sample(arbitraryValidGraph(), { numRuns: SAMPLES, seed: 424242 });

  it(`makes ${SAMPLES} graphs that core accepts without a single error`, () => {
    const refused = graphs
      .map((graph, i) => ({ i, inference: inferShapes(graph) }))
      .filter(({ inference }) => !inference.ok)
      .map(({ i, inference }) => `graph ${i}: ${inference.diagnostics.find((d) => d.severity === 'error')?.message ?? ''}`);
    expect(refused).toEqual([]);
  });

  it('uses every layer kind', () => {
    const counts = new Map<string, number>();
    for (const graph of graphs) for (const n of graph.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...LAYER_KINDS].sort());
    // Not just once: every kind shows up often enough to be exercised in its different settings.
    expect(Math.min(...LAYER_KINDS.map((k) => counts.get(k) ?? 0))).toBeGreaterThan(50);
  });

  it('reaches every node from an Input and uses every Input', () => {
    for (const graph of graphs) {
      const inputs = graph.nodes.filter((n) => n.kind === 'Input').map((n) => n.id);
      expect(reachableFrom(graph, inputs).size).toBe(graph.nodes.length);
      for (const id of inputs) expect(graph.edges.some((e) => e.source === id)).toBe(true);
    }
  });

  it('keeps to 1-2 Inputs of rank 1-3 with dimensions 1-6, and 1-12 layers', () => {
    for (const graph of graphs) {
      const inputs = graph.nodes.filter((n) => n.kind === 'Input');
      expect(inputs.length).toBeGreaterThanOrEqual(1);
      expect(inputs.length).toBeLessThanOrEqual(2);
      for (const input of inputs) {
        if (input.kind !== 'Input') continue;
        expect(input.params.shape.length).toBeGreaterThanOrEqual(1);
        expect(input.params.shape.length).toBeLessThanOrEqual(3);
        for (const d of input.params.shape) expect(d >= 1 && d <= 6).toBe(true);
      }
      const layers = graph.nodes.length - inputs.length;
      expect(layers).toBeGreaterThanOrEqual(1);
      expect(layers).toBeLessThanOrEqual(MAX_LAYERS);
    }
  });

  it('gives unique ids that match NODE_ID_PATTERN, unique edge ids, and merge inputs 0, 1, 2 in order', () => {
    for (const graph of graphs) {
      const ids = graph.nodes.map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(NODE_ID_PATTERN);
      const edgeIds = graph.edges.map((e) => e.id);
      expect(new Set(edgeIds).size).toBe(edgeIds.length);
      for (const node of graph.nodes) {
        const indices = graph.edges.filter((e) => e.target === node.id).map((e) => e.inputIndex);
        expect(indices).toEqual(indices.map((_, i) => i));
      }
    }
  });

  it('exercises the interesting corners: ids starting with "_", rank-4 tensors, merges of two Inputs, every ReLU form', () => {
    const all = graphs.flatMap((g) => g.nodes);
    expect(all.some((n) => n.id.startsWith('_'))).toBe(true);
    expect(all.some((n) => n.kind === 'Reshape' && n.params.target_shape.length === 4)).toBe(true);
    expect(all.some((n) => n.kind === 'Reshape' && n.params.target_shape.includes(-1))).toBe(true);
    expect(all.some((n) => n.kind === 'ReLU' && n.params.threshold > 0 && n.params.negative_slope > 0 && n.params.max_value !== null)).toBe(true);
    expect(all.some((n) => n.kind === 'BatchNormalization' && !n.params.center)).toBe(true);
    expect(all.some((n) => n.kind === 'Concatenate' && n.params.axis < -1)).toBe(true);
    const bnOnRank4 = graphs.some((graph) => {
      const inference = inferShapes(graph);
      return graph.nodes.some((n) => {
        const info = inference.nodes.get(n.id);
        return n.kind === 'BatchNormalization' && info?.status === 'ok' && info.inputShapes[0]?.length === 4;
      });
    });
    expect(bnOnRank4).toBe(true);
    const mergesTwoInputs = graphs.some((graph) => {
      const inputs = graph.nodes.filter((n) => n.kind === 'Input').map((n) => n.id);
      if (inputs.length < 2) return false;
      return graph.nodes.some((n) => {
        if (n.kind !== 'Add' && n.kind !== 'Multiply' && n.kind !== 'Concatenate') return false;
        const sources = graph.edges.filter((e) => e.target === n.id).map((e) => e.source);
        return inputs.every((input) => sources.some((s) => reachableFrom(graph, [input]).has(s)));
      });
    });
    expect(mergesTwoInputs).toBe(true);
  });
});
