/**
 * The tfjs trainer's predictions against what real Keras 3 predicted (tests/fixtures/keras): each fixture's model
 * JSON imported into a LayerLab graph, Keras's weights as the trainer's starting weights, and the fixture's inputs
 * given flattened, as the trainer's callers give them (seq_flatten_reshape has a (2, 3) Input).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importKerasConfig } from '../../../src/core/keras/import/importKerasConfig.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { LayerWeights } from '../../../src/engine/weights.ts';
import { createTfjsTrainer } from '../../../src/engine/tfjs/index.ts';
import { closeness } from '../helpers.ts';
import { specFor } from './support.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/keras/', import.meta.url));

interface FixtureIo {
  inputs: unknown[];
  outputs: unknown[];
}

interface FixtureWeights {
  layer: string;
  weights: { name: string; shape: number[]; values: number[] }[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')) as T;
}

function fixtureGraph(name: string): Graph {
  const imported = importKerasConfig(readJson<unknown>(`${name}.json`));
  if (!imported.ok) throw new Error(`${name} did not import: ${JSON.stringify(imported.problems)}`);
  return imported.graph;
}

function fixtureWeights(name: string): LayerWeights {
  return new Map(
    readJson<FixtureWeights[]>(`${name}.weights.json`).map((layer) => [
      layer.layer,
      layer.weights.map((w) => ({ name: w.name, shape: w.shape, values: Float32Array.from(w.values) })),
    ]),
  );
}

/** Every number of a nested array, in row-major order. */
function flat(value: unknown): number[] {
  return Array.isArray(value) ? value.flatMap(flat) : [Number(value)];
}

const ONE_INPUT_ONE_OUTPUT = [
  'seq_mlp',
  'seq_activations',
  'seq_activation_layers',
  'seq_bn_dropout',
  'seq_flatten_reshape',
  'seq_default_names',
  'seq_trained_compiled',
  'func_concat_add',
  'func_activation_layers',
  'func_bn_flatten_reshape',
];

describe("the tfjs trainer predicts what Keras predicted, with Keras's weights", () => {
  it.each(ONE_INPUT_ONE_OUTPUT)('%s', (name) => {
    const graph = fixtureGraph(name);
    const io = readJson<FixtureIo>(`${name}.io.json`);
    const x = Float32Array.from(flat(io.inputs[0]));
    const want = flat(io.outputs[0]);
    const created = createTfjsTrainer(specFor(graph, { weights: fixtureWeights(name), loss: 'mean_squared_error', task: 'regression' }));
    if (!created.ok) throw new Error(created.message);
    const { trainer } = created;
    try {
      const count = x.length / trainer.inputSize;
      const got = trainer.predict(x, count);
      expect(got).toHaveLength(want.length);
      // Within 1e-5 + 1e-5 relative (Keras ran float32 on TensorFlow's kernels, tfjs on its own).
      expect(closeness(got, want, 1e-5, 1e-5)).toBeLessThanOrEqual(1);
      // layerOutputs ends in the same numbers, and starts with the input as given.
      const outputs = trainer.layerOutputs(x, count);
      const outputId = graph.nodes.find((n) => !graph.edges.some((e) => e.source === n.id))?.id ?? '';
      const inputId = graph.nodes.find((n) => n.kind === 'Input')?.id ?? '';
      expect(closeness(outputs.get(outputId)?.values ?? [], want, 1e-5, 1e-5)).toBeLessThanOrEqual(1);
      expect(outputs.get(inputId)?.values).toEqual(x);
      expect([...outputs.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    } finally {
      trainer.dispose();
    }
  });

  it('refuses a network with two Inputs, naming them', () => {
    const created = createTfjsTrainer(specFor(fixtureGraph('func_multi_input'), { weights: fixtureWeights('func_multi_input') }));
    expect(created).toEqual({ ok: false, message: 'LayerLab trains networks with one Input, but this one has 2 (in_a, in_b).' });
  });

  it('refuses a network with two outputs, naming them', () => {
    const created = createTfjsTrainer(specFor(fixtureGraph('func_multi_output'), { weights: fixtureWeights('func_multi_output') }));
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.message).toMatch(/one output layer, but this one has 2 \((class_head, reg_head|reg_head, class_head)\)/);
  });
});
