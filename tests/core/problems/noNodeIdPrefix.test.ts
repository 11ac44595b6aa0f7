/**
 * One wording: no validation, import or export message starts with its node's id followed by ": " (or with
 * "layer <name>: "). The node is in the problem's nodeId, and renderers show it beside the message, so a prefix would
 * show it twice ("error [hidden]: hidden: ...").
 *
 * Checked over random valid graphs (tests/support/randomGraph.ts), the same graphs broken in every way a student can
 * break one (bad parameters, missing, extra and looping connections, repeated ids, deleted nodes), checked against a
 * dataset and loss, exported to Keras and TF.js, and Keras files made from them and then damaged for the importer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph, GraphEdge, GraphNode } from '../../../src/core/graph/types.ts';
import { exportKerasModel } from '../../../src/core/keras/exportConfig.ts';
import { importKerasConfig } from '../../../src/core/keras/importConfig.ts';
import { exportTfjsModel } from '../../../src/core/keras/tfjsExport.ts';
import { problemsFromDiagnostics, problemsFromLayerProblems } from '../../../src/core/problems/index.ts';
import type { Problem } from '../../../src/core/problems/index.ts';
import type { LossName } from '../../../src/core/training/settings.ts';
import { validateNetwork } from '../../../src/core/validation/validateNetwork.ts';
import { arbitraryValidGraph, withoutStep } from '../../support/randomGraph.ts';

type Mutation =
  | { kind: 'bad-param'; node: number; value: number }
  | { kind: 'drop-edge'; edge: number }
  | { kind: 'add-edge'; from: number; to: number }
  | { kind: 'repeat-id'; node: number; as: number }
  | { kind: 'delete-node'; node: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('bad-param' as const), node: fc.nat(), value: fc.constantFrom(0, -3, 2.5, 1, 100_000, -1) }),
  fc.record({ kind: fc.constant('drop-edge' as const), edge: fc.nat() }),
  fc.record({ kind: fc.constant('add-edge' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('repeat-id' as const), node: fc.nat(), as: fc.nat() }),
  fc.record({ kind: fc.constant('delete-node' as const), node: fc.nat() }),
);

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

/** Every number parameter of the node set to `value` (units 0, rate 1, axis 0, shape (-3), ...). */
function withBadParams(node: GraphNode, value: number): GraphNode {
  const params = { ...(node.params as unknown as Record<string, unknown>) };
  for (const [key, current] of Object.entries(params)) {
    if (typeof current === 'number') params[key] = value;
    else if (Array.isArray(current)) params[key] = current.map(() => value);
  }
  return { ...node, params } as unknown as GraphNode;
}

function mutate(graph: Graph, m: Mutation): Graph {
  const { nodes, edges } = graph;
  switch (m.kind) {
    case 'bad-param':
      return { nodes: nodes.map((n, i) => (i === m.node % nodes.length ? withBadParams(n, m.value) : n)), edges };
    case 'drop-edge':
      return { nodes, edges: edges.filter((_, i) => i !== m.edge % Math.max(1, edges.length)) };
    case 'add-edge': {
      const from = pick(nodes, m.from);
      const to = pick(nodes, m.to);
      if (from === undefined || to === undefined) return graph;
      const edge: GraphEdge = { id: `extra${edges.length}`, source: from.id, target: to.id, inputIndex: edges.filter((e) => e.target === to.id).length };
      return { nodes, edges: [...edges, edge] };
    }
    case 'repeat-id': {
      const other = pick(nodes, m.as);
      if (other === undefined) return graph;
      return { nodes: nodes.map((n, i) => (i === m.node % nodes.length ? { ...n, id: other.id } : n)), edges };
    }
    case 'delete-node':
      return { nodes: nodes.filter((_, i) => i !== m.node % nodes.length), edges };
  }
}

const brokenGraph: fc.Arbitrary<Graph> = fc
  .tuple(arbitraryValidGraph(), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([graph, mutations]) => mutations.reduce(mutate, graph));

const XOR = { title: 'XOR', numFeatures: 2, numClasses: 2, featureNames: ['x1', 'x2'] };
const SPIRAL = { title: 'Spiral', numFeatures: 2, numClasses: 3, featureNames: ['x1', 'x2'] };
const LOSSES: readonly LossName[] = ['binary_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy', 'mean_squared_error'];

/** The ways a message could repeat its node in front: "<id>: ...", "layer <id>: ...", "layer '<id>': ...". */
function startsWithNode(message: string, ids: Iterable<string>): string | null {
  if (/^layers? \S+: /i.test(message)) return 'layer <name>: ';
  for (const id of ids) {
    if (message.startsWith(`${id}: `) || message.startsWith(`'${id}': `)) return `${id}: `;
  }
  return null;
}

function expectNoPrefix(problems: readonly Problem[], graph: Graph): void {
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const problem of problems) {
    const seen = startsWithNode(problem.message, [...ids, ...(problem.nodeId === null ? [] : [problem.nodeId])]);
    expect(seen, `${problem.source} message starts with "${seen ?? ''}": ${problem.message}`).toBeNull();
    expect(problem.message, 'a message is a full sentence').toMatch(/[.!?)]$/);
  }
}

describe('no problem message starts with its node id', () => {
  it('validation of random valid graphs, against datasets and losses', () => {
    fc.assert(
      fc.property(arbitraryValidGraph(), fc.constantFrom(XOR, SPIRAL), fc.constantFrom(...LOSSES), (graph, dataset, loss) => {
        expectNoPrefix(problemsFromDiagnostics(validateNetwork(graph, { dataset, loss }).diagnostics), graph);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('validation of random broken graphs (bad parameters, missing, extra and looping connections, repeated ids, deleted nodes)', () => {
    let errors = 0;
    fc.assert(
      fc.property(brokenGraph, (graph) => {
        const validation = validateNetwork(graph, { dataset: XOR, loss: 'binary_crossentropy' });
        errors += validation.ok ? 0 : 1;
        expectNoPrefix(problemsFromDiagnostics(validation.diagnostics), graph);
      }),
      { numRuns: 500, seed: 12 },
    );
    expect(errors).toBeGreaterThan(250);
  });

  it('Keras and TF.js export problems of random valid and broken graphs', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryValidGraph(), brokenGraph), (graph) => {
        const keras = exportKerasModel(graph);
        if (!keras.ok) expectNoPrefix(problemsFromLayerProblems(keras.problems, 'export'), graph);
        const tfjs = exportTfjsModel(graph, { layers: {} });
        if (!tfjs.ok) expectNoPrefix(problemsFromLayerProblems(tfjs.problems, 'export'), graph);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('import problems of Keras files made from random graphs, then damaged', () => {
    const damage = fc.constantFrom(
      (layer: Record<string, unknown>) => ({ ...layer, class_name: 'Conv2D' }),
      (layer: Record<string, unknown>) => ({ ...layer, config: { ...(layer.config as object), activation: 'foo', units: 'many' } }),
      (layer: Record<string, unknown>) => ({ ...layer, config: { ...(layer.config as object), lora_rank: 4, trainable: false } }),
      (layer: Record<string, unknown>) => ({ ...layer, inbound_nodes: [{ args: [{ class_name: '__keras_tensor__', config: { keras_history: ['ghost', 0, 0] } }], kwargs: {} }] }),
      (layer: Record<string, unknown>) => ({ ...layer, config: { ...(layer.config as object), name: '__proto__' }, name: '__proto__' }),
    );
    let refused = 0;
    fc.assert(
      fc.property(arbitraryValidGraph(), fc.nat(), damage, (graph, at, hurt) => {
        const exported = exportKerasModel(withoutStep(graph), { functional: true });
        if (!exported.ok) return;
        const json = JSON.parse(exported.text) as { config: { layers: Record<string, unknown>[] } };
        const layers = json.config.layers;
        const index = at % layers.length;
        layers[index] = hurt(layers[index] ?? {});
        const result = importKerasConfig(json);
        if (result.ok) return;
        refused += 1;
        expectNoPrefix(problemsFromLayerProblems(result.problems, 'import'), graph);
      }),
      { numRuns: 200, seed: 14 },
    );
    expect(refused).toBeGreaterThan(100);
  });
});
