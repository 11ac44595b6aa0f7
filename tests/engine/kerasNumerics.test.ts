/**
 * Real Keras (3.15, TensorFlow backend, the repo's .keras-venv) and the compiled tfjs model compute the same numbers
 * for random valid graphs, with the same random weights and inputs. This checks every kind and parameter mapping,
 * the custom layers and activations, and the weight names and order, against the ground truth.
 * Skipped without the venv on a developer machine; a failure in CI (see tests/support/keras.ts).
 */
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { createRng } from '../../src/core/datasets/rng.ts';
import type { Graph, GraphNode } from '../../src/core/graph/types.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { getLayerWeights, setLayerWeights } from '../../src/engine/weights.ts';
import type { LayerWeights } from '../../src/engine/weights.ts';
import { describeKeras, runKerasScript } from '../support/keras.ts';
import { arbitraryValidGraph, withoutStep } from '../support/randomGraph.ts';
import { asList } from './helpers.ts';

const GRAPH_COUNT = 80;
const BATCH = 3;
const SCRIPT = fileURLToPath(new URL('./keras_predict.py', import.meta.url));

type KerasResult =
  | { ok: true; outputs: (number | null)[][]; weights: Record<string, Record<string, (number | null)[]>> }
  | { ok: false; error: string };

interface Case {
  graph: Graph;
  weights: Record<string, { name: string; shape: number[]; values: number[] }[]>;
  inputs: number[][];
  batch: number;
  training: boolean;
  /** What tfjs computed, one flat array per output. */
  tfjs: number[][];
  /** tfjs's weights after the call (training moves BatchNormalization's running statistics). */
  tfjsWeights: Record<string, Record<string, number[]>>;
}


/** For the training-mode comparison: no Dropout (its masks are random), so rate 0 (the identity). */
function withoutDropout(graph: Graph): Graph {
  const nodes = graph.nodes.map((n): GraphNode => (n.kind === 'Dropout' ? { ...n, params: { rate: 0 } } : n));
  return { nodes, edges: graph.edges };
}

/** Every weight gets a value of its own, so BatchNormalization and PReLU do something (variances stay positive). */
function randomise(weights: LayerWeights, seed: number): LayerWeights {
  const rng = createRng(seed);
  return new Map(
    [...weights].map(([id, list]) => [
      id,
      list.map((w) => {
        const draw = (): number => {
          if (w.name === 'moving_variance' || w.name === 'gamma') return 0.5 + rng.next();
          if (w.name === 'kernel') return (rng.next() - 0.5) * 1.5;
          return rng.next() - 0.5;
        };
        return { ...w, values: w.values.map(draw) };
      }),
    ]),
  );
}

function makeCase(graph: Graph, index: number, training: boolean): Case {
  const result = compileGraph(graph, { seed: index });
  if (!result.ok) throw new Error(`graph ${index}: ${result.message}`);
  const { model } = result;
  try {
    const weights = randomise(getLayerWeights(model), index);
    const problems = setLayerWeights(model, weights);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const inputs = model.inputs.map((t, i) => tf.randomNormal([BATCH, ...(t.shape.slice(1) as number[])], 0, 1, 'float32', index * 10 + i));
    const outputs = asList(model.apply(inputs, { training }) as tf.Tensor | tf.Tensor[]);
    const c: Case = {
      graph,
      weights: Object.fromEntries([...weights].map(([id, list]) => [id, list.map((w) => ({ name: w.name, shape: w.shape, values: [...w.values] }))])),
      inputs: inputs.map((t) => Array.from(t.dataSync())),
      batch: BATCH,
      training,
      tfjs: outputs.map((t) => Array.from(t.dataSync())),
      tfjsWeights: Object.fromEntries(
        [...getLayerWeights(model)].map(([id, list]) => [id, Object.fromEntries(list.map((w) => [w.name, [...w.values]]))]),
      ),
    };
    tf.dispose([...inputs, ...outputs]);
    return c;
  } finally {
    model.dispose();
  }
}

describeKeras('compiled models compute what real Keras computes', () => {
  let cases: Case[] = [];
  let results: KerasResult[] = [];

  beforeAll(async () => {
    const graphs = fc.sample(arbitraryValidGraph(), { numRuns: GRAPH_COUNT, seed: 20261126 }).map(withoutStep);
    cases = [
      ...graphs.map((g, i) => makeCase(g, i, false)),
      ...graphs.map((g, i) => makeCase(withoutDropout(g), i, true)),
    ];
    const reply = await runKerasScript<{ results: KerasResult[] }>(
      SCRIPT,
      { cases: cases.map(({ graph, weights, inputs, batch, training }) => ({ graph, weights, inputs, batch, training })) },
      300_000,
    );
    results = reply.results;
  }, 320_000);

  /** Index of the first value that differs by more than 1e-4 + 1e-3 |Keras|, or -1; non-finite must match. */
  function firstMismatch(ours: readonly number[], theirs: readonly (number | null)[]): number {
    if (ours.length !== theirs.length) return 0;
    return ours.findIndex((v, j) => {
      const w = theirs[j];
      if (w === null || w === undefined) return Number.isFinite(v);
      return !(Math.abs(v - w) <= 1e-4 + 1e-3 * Math.abs(w));
    });
  }

  function mismatches(training: boolean): string[] {
    const found: string[] = [];
    cases.forEach((c, i) => {
      if (c.training !== training) return;
      const keras = results[i];
      const label = `graph ${i % GRAPH_COUNT}${training ? ' (training)' : ''}`;
      if (keras === undefined || !keras.ok) {
        found.push(`${label}: Keras failed: ${keras?.ok === false ? keras.error : 'no result'}`);
        return;
      }
      if (keras.outputs.length !== c.tfjs.length) found.push(`${label}: ${c.tfjs.length} outputs, Keras ${keras.outputs.length}`);
      c.tfjs.forEach((ours, k) => {
        const theirs = keras.outputs[k] ?? [];
        const bad = firstMismatch(ours, theirs);
        if (bad !== -1) found.push(`${label} output ${k} at ${bad}: tfjs ${ours[bad]}, Keras ${theirs[bad]}; ${JSON.stringify(c.graph)}`);
      });
      for (const [id, byName] of Object.entries(c.tfjsWeights)) {
        for (const [name, ours] of Object.entries(byName)) {
          const bad = firstMismatch(ours, keras.weights[id]?.[name] ?? []);
          if (bad !== -1) found.push(`${label} ${id} ${name} after the call at ${bad}: tfjs ${ours[bad]}, Keras ${keras.weights[id]?.[name]?.[bad]}`);
        }
      }
    });
    return found;
  }

  it(`predicts Keras's outputs for ${GRAPH_COUNT} random graphs with random weights`, () => {
    expect(results).toHaveLength(cases.length);
    expect(mismatches(false).slice(0, 5)).toEqual([]);
  });

  it('computes training-mode outputs and moves BatchNormalization statistics as Keras does (Dropout off)', () => {
    expect(cases.some((c) => c.training && c.graph.nodes.some((n) => n.kind === 'BatchNormalization'))).toBe(true);
    expect(mismatches(true).slice(0, 5)).toEqual([]);
  });
});
