import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Graph } from '../../src/core/graph/types.ts';
import { inferShapes } from '../../src/core/shapes/inferShapes.ts';
import { arbitraryValidGraph, withoutStep } from '../support/randomGraph.ts';
import type { KerasGraphReport } from '../support/keras.ts';
import { describeKeras, kerasGraphReports } from '../support/keras.ts';


// 150 graphs here, and 200 more (another seed) checked against Keras in tests/keras/exportConfig.test.ts.
const GRAPH_COUNT = 150;

describeKeras('core shape inference agrees with real Keras', () => {
  let graphs: Graph[] = [];
  let reports: KerasGraphReport[] = [];

  beforeAll(async () => {
    graphs = fc.sample(arbitraryValidGraph(), { numRuns: GRAPH_COUNT, seed: 20261125 }).map(withoutStep);
    reports = await kerasGraphReports(graphs, 300_000);
  }, 320_000);

  it(`gives every layer of ${GRAPH_COUNT} random valid graphs Keras's output shape and parameter count`, () => {
    expect(reports).toHaveLength(GRAPH_COUNT);
    const mismatches: string[] = [];
    graphs.forEach((graph, i) => {
      const report = reports[i];
      const core = inferShapes(graph);
      if (report === undefined || !report.ok) {
        mismatches.push(`graph ${i}: Keras could not build it: ${report?.ok === false ? report.error : 'no report'}`);
        return;
      }
      if (core.totalParams !== report.total_params) {
        mismatches.push(`graph ${i}: total params core ${core.totalParams} vs Keras ${report.total_params}`);
      }
      for (const node of graph.nodes) {
        const info = core.nodes.get(node.id);
        const keras = report.layers[node.id];
        if (info?.status !== 'ok' || keras === undefined) {
          mismatches.push(`graph ${i} ${node.id} (${node.kind}): core ${info?.status}, Keras ${keras === undefined ? 'missing' : 'ok'}`);
          continue;
        }
        if (JSON.stringify(info.shape) !== JSON.stringify(keras.output_shape) || info.params !== keras.params) {
          mismatches.push(
            `graph ${i} ${node.id} (${node.kind} ${JSON.stringify(node.params)}): core ${JSON.stringify(info.shape)}/${info.params}, Keras ${JSON.stringify(keras.output_shape)}/${keras.params}`,
          );
        }
      }
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('covers every layer kind', () => {
    const kinds = new Set(graphs.flatMap((g) => g.nodes.map((n) => n.kind)));
    expect([...kinds].sort()).toEqual(
      ['Activation', 'Add', 'BatchNormalization', 'Concatenate', 'Dense', 'Dropout', 'ELU', 'Flatten', 'Input', 'LeakyReLU', 'Multiply', 'PReLU', 'ReLU', 'Reshape', 'Softmax'].sort(),
    );
  });
});
