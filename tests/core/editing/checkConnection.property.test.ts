import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConnection } from '../../../src/core/editing/index.ts';
import type { ConnectionCandidate } from '../../../src/core/editing/index.ts';
import { findCycles, incomingEdges } from '../../../src/core/graph/topology.ts';
import type { Graph, GraphEdge } from '../../../src/core/graph/types.ts';
import { LAYER_REGISTRY } from '../../../src/core/layers/index.ts';
import { arbitraryValidGraph } from '../../support/randomGraph.ts';

/**
 * A random valid graph with some edges removed (so that inputs and merge slots are free and "ok" answers happen)
 * and some random edges added (possibly loops, doubled inputs or dangling ends), plus candidates drawn mostly from
 * its node ids.
 */
const scenario = arbitraryValidGraph().chain((graph) => {
  const ids = graph.nodes.map((n) => n.id);
  const endpoint = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constantFrom('ghost', '__proto__', 'constructor', '') },
  );
  const inputIndex = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
    { weight: 1, arbitrary: fc.integer({ min: -2, max: 18 }) },
    { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 0.5, Number.POSITIVE_INFINITY) },
  );
  const candidate: fc.Arbitrary<ConnectionCandidate> = fc.record({ source: endpoint, target: endpoint, inputIndex });
  const extraEdges: fc.Arbitrary<GraphEdge[]> = fc
    .array(fc.record({ source: endpoint, target: endpoint, inputIndex: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 })
    .map((edges) => edges.map((e, i) => ({ ...e, id: `extra${i}` })));
  return fc.record({
    graph: fc.constant(graph),
    keep: fc.array(fc.boolean(), { minLength: graph.edges.length, maxLength: graph.edges.length }),
    extra: extraEdges,
    candidates: fc.array(candidate, { minLength: 1, maxLength: 8 }),
  });
});

function withEdges(graph: Graph, keep: readonly boolean[], extra: readonly GraphEdge[]): Graph {
  return { nodes: graph.nodes, edges: [...graph.edges.filter((_, i) => keep[i] !== false), ...extra] };
}

describe('checkConnection on random graphs', () => {
  it('never throws, whatever the graph and candidate', () => {
    fc.assert(
      fc.property(scenario, ({ graph, keep, extra, candidates }) => {
        const g = withEdges(graph, keep, extra);
        for (const c of candidates) {
          const result = checkConnection(g, c);
          if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('when it says ok on an acyclic graph, adding the wire keeps the graph acyclic and every layer within its inputs', () => {
    let accepted = 0;
    fc.assert(
      fc.property(scenario, ({ graph, keep, candidates }) => {
        const g = withEdges(graph, keep, []);
        expect(findCycles(g)).toEqual([]);
        for (const c of candidates) {
          if (!checkConnection(g, c).ok) continue;
          accepted += 1;
          const after: Graph = { nodes: g.nodes, edges: [...g.edges, { id: 'new-wire', ...c }] };
          expect(findCycles(after)).toEqual([]);
          const incoming = incomingEdges(after);
          for (const node of after.nodes) {
            const edges = incoming.get(node.id) ?? [];
            const { max } = LAYER_REGISTRY[node.kind].inputs;
            // Inputs take none, single-input layers one, merges at most max with one source per slot.
            expect(edges.length).toBeLessThanOrEqual(max);
            if (max > 1) {
              expect(new Set(edges.map((e) => e.inputIndex)).size).toBe(edges.length);
              for (const e of edges) expect(e.inputIndex >= 0 && e.inputIndex < max && Number.isInteger(e.inputIndex)).toBe(true);
            } else {
              for (const e of edges) expect(e.inputIndex).toBe(0);
            }
          }
          // No exact duplicate of an existing wire.
          expect(g.edges.some((e) => e.source === c.source && e.target === c.target && e.inputIndex === c.inputIndex)).toBe(false);
        }
      }),
      { numRuns: 300, seed: 12 },
    );
    // The property is only worth something if "ok" happens often.
    expect(accepted).toBeGreaterThan(100);
  });
});
