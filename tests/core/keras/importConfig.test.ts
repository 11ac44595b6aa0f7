/**
 * Keras architecture import: every real-Keras fixture, Keras 2 / TensorFlow.js formats, everything LayerLab
 * cannot represent, and hostile input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../../src/core/graph/types.ts';
import { NODE_ID_PATTERN } from '../../../src/core/graph/types.ts';
import { LAYOUT } from '../../../src/core/graph/layoutSizes.ts';
import type { KerasImportProblem, KerasImportResult } from '../../../src/core/keras/importConfig.ts';
import { importKerasConfig, KERAS_IMPORT_LIMITS } from '../../../src/core/keras/importConfig.ts';
import type { Shape } from '../../../src/core/layers/index.ts';
import { inferShapes } from '../../../src/core/shapes/inferShapes.ts';

const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/keras/', import.meta.url));

interface FixtureIndex {
  keras_version: string;
  fixtures: { name: string; class: string; params: number; layers: string[] }[];
}

interface FixtureIo {
  input_names: string[];
  output_names: string[];
  input_shapes: (number | null)[][];
  output_shapes: (number | null)[][];
}

type Json = Record<string, unknown>;

const INDEX = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'index.json'), 'utf8')) as FixtureIndex;

function readFixture(name: string): Json {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8')) as Json;
}

function readIo(name: string): FixtureIo {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${name}.io.json`), 'utf8')) as FixtureIo;
}

/** One file from a zip archive (stored or deflated), enough to read config.json out of a .keras file. */
function readZipEntry(archive: Buffer, wanted: string): Buffer {
  const eocd = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(eocd + 10);
  let at = archive.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i += 1) {
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localHeader = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === wanted) {
      const start = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
      const data = archive.subarray(start, start + compressedSize);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${wanted} is not in the archive`);
}

function expectOk(result: KerasImportResult): Extract<KerasImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`import failed: ${result.problems.map((p) => p.message).join(' | ')}`);
  return result;
}

function expectProblems(result: KerasImportResult): KerasImportProblem[] {
  if (result.ok) throw new Error('import succeeded but should have failed');
  return result.problems;
}

function nodeById(graph: Graph, id: string): GraphNode {
  const node = graph.nodes.find((n) => n.id === id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
}

function shapeOf(graph: Graph, id: string): Shape {
  const info = inferShapes(graph).nodes.get(id);
  if (info?.status !== 'ok') throw new Error(`no shape for ${id}`);
  return info.shape;
}

const withoutBatch = (shape: readonly (number | null)[]): (number | null)[] => shape.slice(1);

/**
 * Keras expects problems for fixtures LayerLab cannot import. Every fixture imports today; a fixture added with
 * a feature LayerLab lacks must be listed here with the exact problems.
 */
const EXPECTED_FIXTURE_PROBLEMS: Record<string, KerasImportProblem[]> = {};

// ---- every real-Keras fixture --------------------------------------------------------------------------------

describe('importKerasConfig on the Keras 3.15.1 fixtures', () => {
  it('covers every fixture in index.json', () => {
    expect(INDEX.fixtures.length).toBeGreaterThanOrEqual(12);
  });

  for (const fixture of INDEX.fixtures) {
    describe(fixture.name, () => {
      const json = readFixture(fixture.name);
      const result = importKerasConfig(json);
      const expectedProblems = EXPECTED_FIXTURE_PROBLEMS[fixture.name];

      if (expectedProblems !== undefined) {
        it('is refused with the exact problems', () => {
          expect(expectProblems(result)).toEqual(expectedProblems);
        });
        return;
      }

      it('imports without warnings, and shape inference gives Keras count_params()', () => {
        const { graph, warnings } = expectOk(result);
        expect(warnings).toEqual([]);
        const inference = inferShapes(graph);
        expect(inference.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(inference.ok).toBe(true);
        expect(inference.totalParams).toBe(fixture.params);
      });

      it('keeps the Keras layer names as node ids and the layer classes in order', () => {
        const { graph } = expectOk(result);
        const config = json.config as { layers: { name?: string; config: { name: string } }[] };
        expect(graph.nodes.map((n) => n.id).sort()).toEqual(config.layers.map((l) => l.name ?? l.config.name).sort());
        expect(graph.nodes.filter((n) => n.kind !== 'Input').map((n) => n.kind)).toEqual(fixture.layers.filter((l) => l !== 'InputLayer'));
        for (const node of graph.nodes) expect(node.id).toMatch(NODE_ID_PATTERN);
      });

      it("gives the model's input and output shapes, in Keras's order", () => {
        const { graph } = expectOk(result);
        const io = readIo(fixture.name);
        const inference = inferShapes(graph);
        // Functional models name their inputs and outputs after layers; Sequential ones after Keras tensors.
        if (fixture.class === 'Functional') {
          expect(inference.inputs).toEqual(io.input_names);
          expect(inference.outputs).toEqual(io.output_names);
        }
        expect(inference.inputs.map((id) => shapeOf(graph, id))).toEqual(io.input_shapes.map(withoutBatch));
        expect(inference.outputs.map((id) => shapeOf(graph, id))).toEqual(io.output_shapes.map(withoutBatch));
      });

      it("gives every layer the shapes Keras recorded (build_config and the tensors between layers)", () => {
        const { graph } = expectOk(result);
        const inference = inferShapes(graph);
        const layers = (json.config as { layers: Json[] }).layers;
        const nameOf = (layer: Json): string => (layer.name as string | undefined) ?? ((layer.config as Json).name as string);
        let checked = 0;
        layers.forEach((layer, i) => {
          const info = inference.nodes.get(nameOf(layer));
          if (info?.status !== 'ok') throw new Error(`no shape for ${nameOf(layer)}`);
          const built = (layer.build_config as { input_shape?: unknown } | undefined)?.input_shape;
          if (Array.isArray(built)) {
            const shapes = (Array.isArray(built[0]) ? built : [built]) as (number | null)[][];
            expect(info.inputShapes).toEqual(shapes.map(withoutBatch));
            checked += 1;
          }
          // The output of a Sequential layer is the input its successor was built for.
          const next = fixture.class === 'Sequential' ? layers[i + 1] : undefined;
          const nextBuilt = (next?.build_config as { input_shape?: (number | null)[] } | undefined)?.input_shape;
          if (nextBuilt !== undefined) {
            expect(info.shape).toEqual(withoutBatch(nextBuilt));
            checked += 1;
          }
          // Functional: every Keras tensor records its shape and the layer it comes from.
          const inbound = (layer.inbound_nodes ?? []) as { args: unknown[] }[];
          for (const call of inbound) {
            for (const arg of call.args.flat()) {
              const tensor = arg as { config: { shape: (number | null)[]; keras_history: [string, number, number] } };
              const [source] = tensor.config.keras_history;
              expect(shapeOf(graph, source)).toEqual(withoutBatch(tensor.config.shape));
              checked += 1;
            }
          }
        });
        expect(checked).toBeGreaterThan(0);
      });

      it('is plain JSON data and deterministic', () => {
        const { graph } = expectOk(result);
        expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
        expect(importKerasConfig(readFixture(fixture.name))).toEqual(result);
      });

      it('imports the same from the config.json inside the .keras file, a JSON string and a tfjs model.json', () => {
        const { graph } = expectOk(result);
        const keras = readFileSync(path.join(FIXTURES_DIR, `${fixture.name}.keras`));
        const configJson = JSON.parse(readZipEntry(keras, 'config.json').toString('utf8')) as unknown;
        expect(expectOk(importKerasConfig(configJson)).graph).toEqual(graph);
        expect(expectOk(importKerasConfig(JSON.stringify(json))).graph).toEqual(graph);
        const tfjs = { format: 'layers-model', modelTopology: { model_config: json, keras_version: '3.15.1' }, weightsManifest: [] };
        expect(expectOk(importKerasConfig(tfjs)).graph).toEqual(graph);
        expect(expectOk(importKerasConfig({ modelTopology: json, weightsManifest: [] })).graph).toEqual(graph);
      });
    });
  }

  it('wires merge inputs in Keras order and lays the graph out left to right (core/graph/layout.ts)', () => {
    const { graph } = expectOk(importKerasConfig(readFixture('func_multi_input')));
    expect(graph.edges.filter((e) => e.target === 'merge').map((e) => [e.source, e.inputIndex])).toEqual([
      ['ha', 0],
      ['hb', 1],
    ]);
    // Columns a box plus a gap apart by depth; the merge's inputs top to bottom in input order, the merge centred on them.
    const col = LAYOUT.nodeWidth + LAYOUT.rankGap;
    const row = LAYOUT.nodeHeight + LAYOUT.nodeGap;
    expect(Object.fromEntries(graph.nodes.map((n) => [n.id, n.position]))).toEqual({
      in_a: { x: 0, y: 0 },
      in_b: { x: 0, y: row },
      ha: { x: col, y: 0 },
      hb: { x: col, y: row },
      merge: { x: 2 * col, y: row / 2 },
      score: { x: 3 * col, y: row / 2 },
    });
    const residual = expectOk(importKerasConfig(readFixture('func_concat_add'))).graph;
    // proj is at depth 4 (x → branch_a → cat → drop → proj); sum takes proj and branch_a (in that order), so it is at depth 5.
    expect(nodeById(residual, 'sum').position).toEqual({ x: 5 * col, y: row / 2 });
    expect(residual.edges.filter((e) => e.target === 'sum').map((e) => [e.source, e.inputIndex])).toEqual([
      ['proj', 0],
      ['branch_a', 1],
    ]);
  });

  it('maps Keras 3 params into LayerLab params', () => {
    const { graph } = expectOk(importKerasConfig(readFixture('seq_activation_layers')));
    expect(nodeById(graph, 'input_layer')).toEqual({ id: 'input_layer', kind: 'Input', params: { shape: [6] }, position: { x: 0, y: 0 } });
    expect(nodeById(graph, 'dense').params).toEqual({
      units: 8,
      activation: 'linear',
      use_bias: true,
      kernel_initializer: 'glorot_uniform',
      bias_initializer: 'zeros',
      kernel_regularizer: null,
    });
    expect(nodeById(graph, 're_lu_1').params).toEqual({ max_value: 1, negative_slope: 0, threshold: 0 });
    expect(nodeById(graph, 'leaky_re_lu').params).toEqual({ negative_slope: 0.1 });
    expect(nodeById(graph, 'elu').params).toEqual({ alpha: 1 });
    expect(nodeById(graph, 'p_re_lu').params).toEqual({ shared_axes: null });
    expect(nodeById(graph, 'softmax').params).toEqual({ axis: -1 });
    const bn = expectOk(importKerasConfig(readFixture('seq_bn_dropout'))).graph;
    expect(nodeById(bn, 'bn').params).toEqual({ axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true });
    expect(nodeById(bn, 'drop').params).toEqual({ rate: 0.5 });
    expect(nodeById(bn, 'dense_nobias').params).toMatchObject({ use_bias: false });
    const activations = expectOk(importKerasConfig(readFixture('seq_activations'))).graph;
    expect(activations.nodes.filter((n) => n.kind === 'Dense').map((n) => (n.params as { activation: string }).activation)).toEqual([
      'sigmoid', 'elu', 'selu', 'softplus', 'gelu', 'leaky_relu', 'linear', 'relu6', 'softsign', 'silu', 'silu', 'mish',
      'hard_sigmoid', 'tanh', 'relu', 'exponential', 'softmax',
    ]);
  });
});

// ---- Keras 2 / tf.keras and TensorFlow.js --------------------------------------------------------------------

const glorot = { class_name: 'GlorotUniform', config: { seed: null } };
const zeros = { class_name: 'Zeros', config: {} };
const ones = { class_name: 'Ones', config: {} };

function keras2Dense(name: string, units: number, activation: string, extra: Json = {}): Json {
  return {
    name,
    trainable: true,
    dtype: 'float32',
    units,
    activation,
    use_bias: true,
    kernel_initializer: glorot,
    bias_initializer: zeros,
    kernel_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    bias_constraint: null,
    ...extra,
  };
}

/** tf.keras 2.15 `model.to_json()` of a two-input functional model, with float32 values written as doubles. */
const KERAS2_FUNCTIONAL = {
  class_name: 'Functional',
  config: {
    name: 'legacy_func',
    layers: [
      {
        class_name: 'InputLayer',
        config: { batch_input_shape: [null, 3], dtype: 'float32', sparse: false, ragged: false, name: 'left' },
        name: 'left',
        inbound_nodes: [],
      },
      {
        class_name: 'InputLayer',
        config: { batch_input_shape: [null, 2], dtype: 'float32', sparse: false, ragged: false, name: 'right' },
        name: 'right',
        inbound_nodes: [],
      },
      {
        class_name: 'Dense',
        config: keras2Dense('dl', 4, 'relu', { kernel_regularizer: { class_name: 'L2', config: { l2: 0.009999999776482582 } } }),
        name: 'dl',
        inbound_nodes: [[['left', 0, 0, {}]]],
      },
      {
        class_name: 'Concatenate',
        config: { name: 'cat', trainable: true, dtype: 'float32', axis: -1 },
        name: 'cat',
        inbound_nodes: [[['right', 0, 0, {}], ['dl', 0, 0, {}]]],
      },
      {
        class_name: 'BatchNormalization',
        config: {
          name: 'bn',
          trainable: true,
          dtype: 'float32',
          axis: [1],
          momentum: 0.99,
          epsilon: 0.001,
          center: true,
          scale: true,
          beta_initializer: zeros,
          gamma_initializer: ones,
          moving_mean_initializer: zeros,
          moving_variance_initializer: ones,
          beta_regularizer: null,
          gamma_regularizer: null,
          beta_constraint: null,
          gamma_constraint: null,
        },
        name: 'bn',
        inbound_nodes: [[['cat', 0, 0, {}]]],
      },
      {
        class_name: 'LeakyReLU',
        config: { name: 'lrelu', trainable: true, dtype: 'float32', alpha: 0.30000001192092896 },
        name: 'lrelu',
        inbound_nodes: [[['bn', 0, 0, {}]]],
      },
      {
        class_name: 'Dropout',
        config: { name: 'drop', trainable: true, dtype: 'float32', rate: 0.25, noise_shape: null, seed: null },
        name: 'drop',
        inbound_nodes: [[['lrelu', 0, 0, { training: false }]]],
      },
      {
        class_name: 'Dense',
        config: keras2Dense('out', 1, 'sigmoid', {
          kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 2.0, mode: 'fan_in', distribution: 'truncated_normal', seed: null } },
        }),
        name: 'out',
        inbound_nodes: [[['drop', 0, 0, {}]]],
      },
    ],
    input_layers: [
      ['left', 0, 0],
      ['right', 0, 0],
    ],
    output_layers: [['out', 0, 0]],
  },
  keras_version: '2.15.0',
  backend: 'tensorflow',
};

/** What tfjs-layers 4.22 `model.toJSON()` writes for a Sequential model built with inputShape on its first layer. */
const TFJS_SEQUENTIAL = {
  class_name: 'Sequential',
  config: {
    name: 'tiny',
    layers: [
      {
        class_name: 'Dense',
        config: {
          units: 8,
          activation: 'hard_sigmoid',
          use_bias: true,
          kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null } },
          bias_initializer: { class_name: 'Zeros', config: {} },
          kernel_regularizer: { class_name: 'L1L2', config: { l1: 0, l2: 0.01 } },
          bias_regularizer: null,
          activity_regularizer: null,
          kernel_constraint: null,
          bias_constraint: null,
          name: 'h',
          trainable: true,
          batch_input_shape: [null, 4],
          dtype: 'float32',
        },
      },
      { class_name: 'LeakyReLU', config: { alpha: 0.1, name: 'leaky_re_lu_LeakyReLU1', trainable: true } },
      {
        class_name: 'Dense',
        config: {
          units: 3,
          activation: 'swish',
          use_bias: true,
          kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 2, mode: 'fan_in', distribution: 'normal', seed: null } },
          bias_initializer: { class_name: 'Zeros', config: {} },
          kernel_regularizer: null,
          bias_regularizer: null,
          activity_regularizer: null,
          kernel_constraint: null,
          bias_constraint: null,
          name: 'dense_Dense1',
          trainable: true,
        },
      },
    ],
  },
  keras_version: 'tfjs-layers 4.22.0',
  backend: 'tensor_flow.js',
};

const HARD_SIGMOID_WARNING =
  "In layer 'h', activation 'hard_sigmoid' is clip(0.2x + 0.5, 0, 1) in Keras 2 and TensorFlow.js, but LayerLab, like Keras 3, uses clip(x/6 + 0.5, 0, 1), so the outputs will differ.";

describe('importKerasConfig on Keras 2 and TensorFlow.js files', () => {
  it('imports a tf.keras 2 functional model with legacy inbound_nodes', () => {
    const { graph, modelName, warnings } = expectOk(importKerasConfig(KERAS2_FUNCTIONAL));
    expect(modelName).toBe('legacy_func');
    expect(warnings).toEqual([]);
    expect(graph.edges.filter((e) => e.target === 'cat').map((e) => [e.source, e.inputIndex])).toEqual([
      ['right', 0],
      ['dl', 1],
    ]);
    expect(nodeById(graph, 'dl').params).toMatchObject({ kernel_regularizer: { l1: 0, l2: 0.01 } });
    expect(nodeById(graph, 'bn').params).toMatchObject({ axis: 1 });
    expect(nodeById(graph, 'lrelu').params).toEqual({ negative_slope: 0.3 });
    expect(nodeById(graph, 'out').params).toMatchObject({ kernel_initializer: 'he_normal', activation: 'sigmoid' });
    const inference = inferShapes(graph);
    expect(inference.ok).toBe(true);
    // dl 3*4+4, bn 6*4, out 6+1
    expect(inference.totalParams).toBe(47);
    expect(inference.inputs).toEqual(['left', 'right']);
    expect(shapeOf(graph, 'cat')).toEqual([6]);
  });

  it('imports the older class name "Model" and a model_config wrapper (HDF5 attribute / tfjs modelTopology)', () => {
    const asModel = { ...KERAS2_FUNCTIONAL, class_name: 'Model' };
    const expected = expectOk(importKerasConfig(KERAS2_FUNCTIONAL)).graph;
    expect(expectOk(importKerasConfig(asModel)).graph).toEqual(expected);
    expect(expectOk(importKerasConfig({ model_config: JSON.stringify(asModel), keras_version: '2.15.0' })).graph).toEqual(expected);
  });

  it('imports a tfjs Sequential whose first layer has batch_input_shape, with a hard_sigmoid warning', () => {
    const { graph, warnings } = expectOk(importKerasConfig(TFJS_SEQUENTIAL));
    expect(warnings).toEqual([HARD_SIGMOID_WARNING]);
    expect(graph.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['h_input', 'Input'],
      ['h', 'Dense'],
      ['leaky_re_lu_LeakyReLU1', 'LeakyReLU'],
      ['dense_Dense1', 'Dense'],
    ]);
    expect(nodeById(graph, 'h_input').params).toEqual({ shape: [4] });
    expect(nodeById(graph, 'h').params).toEqual({
      units: 8,
      activation: 'hard_sigmoid',
      use_bias: true,
      kernel_initializer: 'glorot_normal',
      bias_initializer: 'zeros',
      kernel_regularizer: { l1: 0, l2: 0.01 },
    });
    expect(nodeById(graph, 'leaky_re_lu_LeakyReLU1').params).toEqual({ negative_slope: 0.1 });
    expect(nodeById(graph, 'dense_Dense1').params).toMatchObject({ activation: 'swish', kernel_initializer: 'he_normal' });
    expect(graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['h_input>h', 'h>leaky_re_lu_LeakyReLU1', 'leaky_re_lu_LeakyReLU1>dense_Dense1']);
    expect(inferShapes(graph).totalParams).toBe(4 * 8 + 8 + 8 * 3 + 3);
  });

  it('reads tfjs camelCase activation names such as hardSigmoid', () => {
    const layers = TFJS_SEQUENTIAL.config.layers.map((l, i) => (i === 0 ? { ...l, config: { ...l.config, activation: 'hardSigmoid' } } : l));
    const { graph } = expectOk(importKerasConfig({ ...TFJS_SEQUENTIAL, config: { ...TFJS_SEQUENTIAL.config, layers } }));
    expect(nodeById(graph, 'h').params).toMatchObject({ activation: 'hard_sigmoid' });
  });

  it('imports a tf.keras 2 Sequential with an explicit InputLayer, and a Keras 2.0 list-of-layers Sequential', () => {
    const withInput = {
      class_name: 'Sequential',
      config: {
        name: 'sequential',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 4], dtype: 'float32', sparse: false, ragged: false, name: 'dense_input' } },
          { class_name: 'Dense', config: keras2Dense('dense', 2, 'softmax') },
        ],
      },
      keras_version: '2.15.0',
      backend: 'tensorflow',
    };
    const { graph } = expectOk(importKerasConfig(withInput));
    expect(graph.nodes.map((n) => n.id)).toEqual(['dense_input', 'dense']);
    expect(inferShapes(graph).totalParams).toBe(10);
    const listConfig = { class_name: 'Sequential', config: [{ class_name: 'Dense', config: keras2Dense('dense_1', 3, 'linear', { batch_input_shape: [null, 5] }) }] };
    const legacy = expectOk(importKerasConfig(listConfig));
    expect(legacy.graph.nodes.map((n) => n.id)).toEqual(['dense_1_input', 'dense_1']);
    expect(legacy.modelName).toBe('model');
    expect(inferShapes(legacy.graph).totalParams).toBe(18);
  });

  it('takes the input shape from build_input_shape for a Keras 3 Sequential built without an Input', () => {
    const json = readFixture('seq_mlp');
    const config = json.config as { layers: unknown[] };
    const { graph } = expectOk(importKerasConfig({ ...json, config: { ...config, layers: config.layers.slice(1) } }));
    expect(nodeById(graph, 'input_layer').params).toEqual({ shape: [4] });
    expect(inferShapes(graph).totalParams).toBe(243);
  });

  it('matches TensorFlow.js itself: models built and serialized by tfjs import with the same parameter counts', async () => {
    const seq = tf.sequential({ name: 'tfjs_seq' });
    seq.add(tf.layers.dense({ units: 6, inputShape: [5], activation: 'relu', kernelInitializer: 'heUniform', name: 'first' }));
    seq.add(tf.layers.batchNormalization({ name: 'norm' }));
    seq.add(tf.layers.dropout({ rate: 0.2, name: 'drop' }));
    seq.add(tf.layers.reshape({ targetShape: [3, 2], name: 'grid' }));
    seq.add(tf.layers.flatten({ name: 'flat' }));
    seq.add(tf.layers.prelu({ name: 'prelu' }));
    seq.add(tf.layers.elu({ name: 'elu' }));
    seq.add(tf.layers.reLU({ maxValue: 6, name: 'relu6' }));
    seq.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: 'leCunNormal', name: 'probs' }));
    seq.add(tf.layers.softmax({ name: 'again' }));

    const a = tf.input({ shape: [3], name: 'a' });
    const b = tf.input({ shape: [5], name: 'b' });
    const da = tf.layers.dense({ units: 5, activation: 'tanh', name: 'da' }).apply(a) as tf.SymbolicTensor;
    const added = tf.layers.add({ name: 'added' }).apply([b, da]) as tf.SymbolicTensor;
    const gated = tf.layers.multiply({ name: 'gated' }).apply([added, b]) as tf.SymbolicTensor;
    const joined = tf.layers.concatenate({ name: 'joined' }).apply([gated, da]) as tf.SymbolicTensor;
    const act = tf.layers.activation({ activation: 'selu', name: 'act' }).apply(joined) as tf.SymbolicTensor;
    const leaky = tf.layers.leakyReLU({ name: 'leaky' }).apply(act) as tf.SymbolicTensor;
    const y = tf.layers.dense({ units: 1, name: 'y', kernelInitializer: 'glorotUniform' }).apply(leaky) as tf.SymbolicTensor;
    const func = tf.model({ inputs: [a, b], outputs: y, name: 'tfjs_func' });

    for (const model of [seq, func] as tf.LayersModel[]) {
      const { graph, modelName } = expectOk(importKerasConfig(model.toJSON(null, false)));
      expect(modelName).toBe(model.name);
      const inference = inferShapes(graph);
      expect(inference.ok).toBe(true);
      expect(inference.totalParams).toBe(model.countParams());
      const outputs = model.outputs.map((t) => t.shape.slice(1));
      expect(inference.outputs.map((id) => shapeOf(graph, id))).toEqual(outputs);
      let artifacts: tf.io.ModelArtifacts | undefined;
      await model.save(
        tf.io.withSaveHandler((saved) => {
          artifacts = saved;
          return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
        }),
      );
      const modelJson = { format: artifacts?.format, generatedBy: artifacts?.generatedBy, modelTopology: artifacts?.modelTopology, weightsManifest: [{ paths: ['w.bin'], weights: artifacts?.weightSpecs }] };
      expect(expectOk(importKerasConfig(modelJson)).graph).toEqual(graph);
    }
    const funcGraph = expectOk(importKerasConfig(func.toJSON(null, false))).graph;
    expect(funcGraph.edges.filter((e) => e.target === 'added').map((e) => e.source)).toEqual(['b', 'da']);
    expect(nodeById(funcGraph, 'leaky').params).toEqual({ negative_slope: 0.3 });
    const seqGraph = expectOk(importKerasConfig(seq.toJSON(null, false))).graph;
    expect(nodeById(seqGraph, 'first').params).toMatchObject({ kernel_initializer: 'he_uniform' });
    expect(nodeById(seqGraph, 'probs').params).toMatchObject({ kernel_initializer: 'lecun_normal' });
    expect(nodeById(seqGraph, 'relu6').params).toEqual({ max_value: 6, negative_slope: 0, threshold: 0 });
    expect(nodeById(seqGraph, 'elu').params).toEqual({ alpha: 1 });
  });
});

// ---- what LayerLab cannot represent ----------------------------------------------------------------------------

function tensor(layer: string, shape: (number | null)[] | null = null, nodeIndex = 0): Json {
  return { class_name: '__keras_tensor__', config: { shape, dtype: 'float32', keras_history: [layer, nodeIndex, 0] } };
}

function k3(className: string, name: string, config: Json, inbound: (Json | Json[])[][] = []): Json {
  return {
    module: 'keras.layers',
    class_name: className,
    config: { name, trainable: true, dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null }, ...config },
    registered_name: null,
    name,
    inbound_nodes: inbound.map((args) => ({ args, kwargs: {} })),
  };
}

const k3Input = (name: string, shape: (number | null)[]): Json =>
  k3('InputLayer', name, { batch_shape: [null, ...shape], sparse: false, ragged: false, optional: false });

function k3Dense(name: string, units: number, from: string, extra: Json = {}): Json {
  return k3(
    'Dense',
    name,
    {
      units,
      activation: 'linear',
      use_bias: true,
      kernel_initializer: { module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null }, registered_name: null },
      bias_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
      kernel_regularizer: null,
      bias_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      ...extra,
    },
    [[tensor(from)]],
  );
}

function functional(layers: Json[], inputs: string[], outputs: string[]): Json {
  return {
    module: 'keras.src.models.functional',
    class_name: 'Functional',
    config: {
      name: 'hand_made',
      trainable: true,
      layers,
      input_layers: inputs.map((n) => [n, 0, 0]),
      output_layers: outputs.map((n) => [n, 0, 0]),
    },
    registered_name: 'Functional',
  };
}

const simple = (extra: Json = {}, units = 2): Json =>
  functional([k3Input('x', [4]), k3Dense('d', units, 'x', extra)], ['x'], ['d']);

describe('importKerasConfig refuses what LayerLab cannot represent, naming each layer', () => {
  it('lists every unsupported layer kind and unknown activation, and imports nothing', () => {
    const json = functional(
      [
        k3Input('x', [8, 8, 1]),
        k3('Conv2D', 'conv', { filters: 4, kernel_size: [3, 3] }, [[tensor('x')]]),
        k3('Activation', 'act', { activation: 'foo' }, [[tensor('conv')]]),
        k3('MaxPooling2D', 'pool', {}, [[tensor('act')]]),
      ],
      ['x'],
      ['pool'],
    );
    expect(expectProblems(importKerasConfig(json))).toEqual([
      { layer: 'conv', message: 'Conv2D is not a LayerLab layer kind.' },
      { layer: 'act', message: "activation 'foo' is unknown." },
      { layer: 'pool', message: 'MaxPooling2D is not a LayerLab layer kind.' },
    ]);
  });

  it('refuses a shared layer', () => {
    const json = functional(
      [
        k3Input('a', [4]),
        k3Input('b', [4]),
        { ...k3Dense('shared', 4, 'a'), inbound_nodes: [{ args: [tensor('a')], kwargs: {} }, { args: [tensor('b')], kwargs: {} }] },
        k3('Add', 'sum', {}, [[[tensor('shared', null, 0), tensor('shared', null, 1)]]]),
      ],
      ['a', 'b'],
      ['sum'],
    );
    expect(expectProblems(importKerasConfig(json))).toEqual([
      { layer: 'shared', message: 'This layer is used 2 times (a shared layer); LayerLab layers each have one use.' },
    ]);
  });

  it('refuses custom layers, nested models and subclassed models', () => {
    const custom = { ...k3Dense('mine', 2, 'x'), module: 'my_package.layers', registered_name: 'my_package>Dense' };
    expect(expectProblems(importKerasConfig(functional([k3Input('x', [4]), custom], ['x'], ['mine'])))).toEqual([
      { layer: 'mine', message: `'Dense' is a custom layer ("my_package>Dense"); LayerLab imports built-in Keras layers only.` },
    ]);
    const nested = { ...k3('Sequential', 'inner', { layers: [] }, [[tensor('x')]]), module: 'keras', registered_name: null };
    expect(expectProblems(importKerasConfig(functional([k3Input('x', [4]), nested], ['x'], ['inner'])))).toEqual([
      { layer: 'inner', message: 'This layer is a nested Sequential model; LayerLab cannot import a model inside a model.' },
    ]);
    expect(expectProblems(importKerasConfig({ class_name: 'MyModel', config: {} }))).toEqual([
      {
        layer: null,
        message:
          "The model is a 'MyModel', not a Sequential or Functional model; LayerLab imports only those (a subclassed model's architecture is Python code, not configuration).",
      },
    ]);
  });

  it('reads initializers: Keras 3 objects, names and matching VarianceScaling; anything else is a problem', () => {
    const init = (value: unknown): KerasImportResult => importKerasConfig(simple({ kernel_initializer: value }));
    const kernel = (value: unknown): unknown => {
      const { graph } = expectOk(init(value));
      return (nodeById(graph, 'd').params as { kernel_initializer: string }).kernel_initializer;
    };
    expect(kernel({ module: 'keras.initializers', class_name: 'HeNormal', config: { seed: null }, registered_name: null })).toBe('he_normal');
    expect(kernel('lecun_uniform')).toBe('lecun_uniform');
    expect(kernel({ class_name: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } })).toBe('random_uniform');
    expect(kernel({ class_name: 'TruncatedNormal', config: { mean: 0, stddev: 0.05 } })).toBe('truncated_normal');
    expect(kernel({ class_name: 'Constant', config: { value: 1 } })).toBe('ones');
    expect(kernel({ class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform' } })).toBe('glorot_uniform');
    expect(kernel({ class_name: 'VarianceScaling', config: {} })).toBe('lecun_normal');
    expect(expectProblems(init({ class_name: 'VarianceScaling', config: { scale: 3, mode: 'fan_in', distribution: 'uniform', seed: null } }))).toEqual([
      { layer: 'd', message: "kernel_initializer VarianceScaling(scale=3, mode=\"fan_in\", distribution=\"uniform\") matches none of LayerLab's initializers." },
    ]);
    expect(expectProblems(init({ class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_in', distribution: 'untruncated_normal' } }))).toHaveLength(1);
    expect(expectProblems(init({ class_name: 'Orthogonal', config: { gain: 1, seed: null } }))).toEqual([
      { layer: 'd', message: "kernel_initializer Orthogonal(gain=1) is not one of LayerLab's initializers." },
    ]);
    expect(expectProblems(init({ class_name: 'RandomUniform', config: { minval: -1, maxval: 1 } }))).toEqual([
      { layer: 'd', message: "kernel_initializer RandomUniform(minval=-1, maxval=1) is not LayerLab's random_uniform (-0.05 to 0.05)." },
    ]);
    expect(expectOk(init({ class_name: 'GlorotUniform', config: { seed: 42 } })).warnings).toEqual([
      "In layer 'd', kernel_initializer has seed 42, which LayerLab ignores.",
    ]);
  });

  it('reads L1, L2 and L1L2 regularizers', () => {
    const reg = (value: unknown): unknown => {
      const { graph } = expectOk(importKerasConfig(simple({ kernel_regularizer: value })));
      return (nodeById(graph, 'd').params as { kernel_regularizer: unknown }).kernel_regularizer;
    };
    expect(reg({ module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.001 }, registered_name: null })).toEqual({ l1: 0, l2: 0.001 });
    expect(reg({ module: 'keras.regularizers', class_name: 'L1', config: { l1: 0.02 }, registered_name: null })).toEqual({ l1: 0.02, l2: 0 });
    expect(reg({ class_name: 'L1L2', config: { l1: 0.009999999776482582, l2: 0.5 } })).toEqual({ l1: 0.01, l2: 0.5 });
    expect(reg('l2')).toEqual({ l1: 0, l2: 0.01 });
    expect(expectProblems(importKerasConfig(simple({ kernel_regularizer: { class_name: 'OrthogonalRegularizer', config: { factor: 0.01 } } })))).toEqual([
      { layer: 'd', message: 'kernel_regularizer OrthogonalRegularizer(factor=0.01) is not an L1/L2 penalty, the only regularizer LayerLab has.' },
    ]);
  });

  it('warns about non-default arguments LayerLab ignores, naming layer and argument', () => {
    const maxNorm = { module: 'keras.constraints', class_name: 'MaxNorm', config: { max_value: 2, axis: 0 }, registered_name: null };
    expect(expectOk(importKerasConfig(simple({ kernel_constraint: maxNorm, trainable: false }))).warnings).toEqual([
      "In layer 'd', trainable is false (a frozen layer); LayerLab trains every layer.",
      "In layer 'd', kernel_constraint is MaxNorm(max_value=2, axis=0), which LayerLab ignores.",
    ]);
    const dropout = functional([k3Input('x', [4]), k3('Dropout', 'drop', { rate: 0.5, seed: null, noise_shape: [null, 1] }, [[tensor('x')]])], ['x'], ['drop']);
    expect(expectOk(importKerasConfig(dropout)).warnings).toEqual(["In layer 'drop', noise_shape is [null, 1], which LayerLab ignores."]);
    const bnConfig = (readFixture('seq_bn_dropout').config as { layers: Json[] }).layers[2]?.config as Json;
    const bn = functional(
      [k3Input('x', [4]), k3('BatchNormalization', 'bn', { ...bnConfig, name: 'bn', beta_initializer: ones, synchronized: true }, [[tensor('x')]])],
      ['x'],
      ['bn'],
    );
    expect(expectOk(importKerasConfig(bn)).warnings).toEqual([
      "In layer 'bn', beta_initializer is Ones(), which LayerLab ignores.",
      "In layer 'bn', synchronized is true, which LayerLab ignores.",
    ]);
    expect(expectOk(importKerasConfig(simple({ future_argument: 3 }))).warnings).toEqual([
      "In layer 'd', the argument 'future_argument' (3) is not one LayerLab knows, so it is ignored.",
    ]);
    const mixed = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'mixed_float16' }, registered_name: null };
    expect(expectOk(importKerasConfig(simple({ dtype: mixed }))).warnings).toEqual([
      "In layer 'd', dtype DTypePolicy(name=\"mixed_float16\") is ignored; LayerLab computes in float32.",
    ]);
  });

  it('refuses arguments that change weights or shapes', () => {
    expect(expectProblems(importKerasConfig(simple({ lora_rank: 4 })))).toEqual([
      { layer: 'd', message: "lora_rank is 4, which changes the layer's weights; LayerLab cannot represent it." },
    ]);
    const input = functional([k3Input('x', [null, 3]), k3Dense('d', 2, 'x')], ['x'], ['d']);
    expect(expectProblems(importKerasConfig(input))).toEqual([
      {
        layer: 'x',
        message: 'The input shape (None, None, 3) has a dimension of unknown size (None); LayerLab needs every size of an example fixed.',
      },
    ]);
    const softmax = functional([k3Input('x', [2, 3]), k3('Softmax', 's', { axis: [1, 2] }, [[tensor('x')]])], ['x'], ['s']);
    expect(expectProblems(importKerasConfig(softmax))).toEqual([
      { layer: 's', message: 'axis is [1, 2], several axes; LayerLab layers work along one axis.' },
    ]);
  });

  it("refuses a model LayerLab's limits or shape rules reject, in LayerLab's words", () => {
    const tooWide = expectProblems(importKerasConfig(simple({}, 5000)));
    expect(tooWide.map((p) => p.layer)).toEqual(['d']);
    expect(tooWide[0]?.message).toMatch(/^Dense units is 5000, above LayerLab's cap of 4096/);
    const badConcat = functional(
      [k3Input('a', [2, 3]), k3Input('b', [4]), k3('Concatenate', 'cat', { axis: -1 }, [[[tensor('a'), tensor('b')]]])],
      ['a', 'b'],
      ['cat'],
    );
    const problems = expectProblems(importKerasConfig(badConcat));
    expect(problems.map((p) => p.layer)).toEqual(['cat']);
    expect(problems[0]?.message).toMatch(/^Concatenate joins its inputs along axis -1/);
  });

  it('refuses a model whose recorded Keras shapes disagree with LayerLab', () => {
    const json = simple();
    const layers = (json.config as { layers: Json[] }).layers;
    const d = layers[1] as Json;
    layers[1] = { ...d, inbound_nodes: [{ args: [tensor('x', [null, 5])], kwargs: {} }], build_config: { input_shape: [null, 5] } };
    expect(expectProblems(importKerasConfig(json))).toEqual([
      { layer: 'd', message: 'Keras built this layer for input (None, 5), but LayerLab computes (None, 4).' },
      { layer: 'x', message: "Keras records this layer's output as (None, 5), but LayerLab computes (None, 4)." },
    ]);
  });

  it('keeps Keras output order and refuses outputs LayerLab cannot express', () => {
    const heads = [k3Input('x', [4]), k3Dense('trunk', 8, 'x'), k3Dense('first', 2, 'trunk'), k3Dense('second', 1, 'trunk')];
    const { graph } = expectOk(importKerasConfig(functional(heads, ['x'], ['second', 'first'])));
    expect(inferShapes(graph).outputs).toEqual(['second', 'first']);
    expect(expectProblems(importKerasConfig(functional(heads, ['x'], ['trunk', 'first', 'second'])))).toEqual([
      {
        layer: 'trunk',
        message: "This layer is a model output but also feeds 'first' and 'second'; in LayerLab a model's outputs are the layers whose output goes nowhere.",
      },
    ]);
    expect(expectProblems(importKerasConfig(functional(heads, ['x'], ['first'])))).toEqual([
      { layer: 'second', message: 'This layer is not a model output, but nothing uses its output, so LayerLab would make it an extra output.' },
    ]);
  });
});

// ---- names -------------------------------------------------------------------------------------------------

describe('importKerasConfig names', () => {
  it('sanitizes names that are not valid node ids, deterministically and without collisions', () => {
    const json = functional(
      [k3Input('in put', [4]), k3Dense('my layer/1', 3, 'in put'), k3Dense('my_layer_1', 2, 'my layer/1'), k3Dense('7up', 1, 'my_layer_1')],
      ['in put'],
      ['7up'],
    );
    const result = expectOk(importKerasConfig(json));
    expect(result.graph.nodes.map((n) => n.id)).toEqual(['in_put', 'my_layer_1_2', 'my_layer_1', '_7up']);
    expect(result.graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['in_put>my_layer_1_2', 'my_layer_1_2>my_layer_1', 'my_layer_1>_7up']);
    expect(result.warnings[0]).toBe(
      "Layer 'in put' was renamed 'in_put': LayerLab layer names use only letters, digits, '_', '.' and '-', start with a letter or '_', and have at most 64 characters.",
    );
    expect(result.warnings).toHaveLength(3);
    expect(importKerasConfig(json)).toEqual(result);
    const long = 'x'.repeat(100);
    const longResult = expectOk(importKerasConfig(functional([k3Input(long, [2]), k3Dense('d', 1, long)], [long], ['d'])));
    expect(longResult.graph.nodes[0]?.id).toBe('x'.repeat(64));
  });

  it('refuses duplicate names and names such as __proto__, without touching Object.prototype', () => {
    const proto = JSON.parse(
      '{"class_name":"Sequential","config":{"name":"m","layers":[{"class_name":"InputLayer","config":{"name":"__proto__","batch_shape":[null,2],"__proto__":{"polluted":1}}},{"class_name":"Dense","config":{"name":"constructor","units":1}}]}}',
    ) as unknown;
    expect(expectProblems(importKerasConfig(proto))).toEqual([
      { layer: '__proto__', message: "'__proto__' is reserved in JavaScript and cannot be a LayerLab layer name; rename the layer." },
      { layer: 'constructor', message: "'constructor' is reserved in JavaScript and cannot be a LayerLab layer name; rename the layer." },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const duplicate = functional([k3Input('x', [4]), k3Dense('d', 2, 'x'), k3Dense('d', 2, 'd')], ['x'], ['d']);
    expect(expectProblems(importKerasConfig(duplicate))).toEqual([
      { layer: 'd', message: "Two layers are named 'd'; Keras layer names must be unique." },
    ]);
  });
});

// ---- malformed and hostile input ---------------------------------------------------------------------------

describe('importKerasConfig on malformed and hostile input', () => {
  const fileProblems = (json: unknown): string[] => expectProblems(importKerasConfig(json)).map((p) => p.message);

  it('refuses things that are not Keras models with a clear message', () => {
    expect(fileProblems(null)).toEqual(['A Keras model file holds a JSON object, but this is null.']);
    expect(fileProblems(42)).toEqual(['A Keras model file holds a JSON object, but this is a number.']);
    expect(fileProblems([])).toEqual(['A Keras model file holds a JSON object, but this is a list.']);
    expect(fileProblems('{not json')).toEqual(['The text is not valid JSON.']);
    expect(fileProblems({})).toEqual([
      'The JSON has no "class_name": expected a Keras model (from model.to_json(), the config.json inside a .keras file, or a TensorFlow.js model.json).',
    ]);
    expect(fileProblems({ class_name: 'Sequential' })).toEqual(['The model has no "config" object.']);
    expect(fileProblems({ class_name: 'Functional', config: { layers: 'many' } })).toEqual(['The model config has no "layers" list.']);
    expect(fileProblems({ class_name: 'Sequential', config: { layers: [] } })).toEqual(['The model has no layers.']);
    expect(fileProblems({ class_name: 'Sequential', config: { layers: [7, { class_name: 'Dense' }] } })).toEqual([
      'Layer #1 is not an object.',
      "Layer #2 ('Dense') has no \"config\" object.",
    ]);
    expect(fileProblems({ format: 'graph-model', modelTopology: { node: [] } })).toEqual([
      'This is a TensorFlow.js graph model (a frozen TensorFlow graph), not a layers model; LayerLab can import only Keras layers models.',
    ]);
    expect(fileProblems({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 2 } }] } })).toEqual([
      'The Sequential model has no input shape (no InputLayer, and its first layer has no batch_input_shape); add keras.Input(shape=...) as its first layer, or build it, before saving.',
    ]);
  });

  it(`refuses more than ${KERAS_IMPORT_LIMITS.maxLayers} layers before reading them`, () => {
    const layers = Array.from({ length: 2500 }, (_, i) => ({ class_name: 'Dense', config: { name: `d${i}`, units: 1 } }));
    expect(fileProblems({ class_name: 'Sequential', config: { name: 'big', layers } })).toEqual([
      'The model has 2500 layers; LayerLab imports at most 2000.',
    ]);
    const chain = [k3Input('x', [2]), ...Array.from({ length: 1999 }, (_, i) => k3Dense(`d${i}`, 2, i === 0 ? 'x' : `d${i - 1}`))];
    const { graph } = expectOk(importKerasConfig(functional(chain, ['x'], ['d1998'])));
    expect(graph.nodes).toHaveLength(2000);
    // Too deep for dagre: the layered fallback, a straight row a box plus a gap apart.
    expect(nodeById(graph, 'd1998').position).toEqual({ x: (LAYOUT.nodeWidth + LAYOUT.rankGap) * 1999, y: 0 });
  });

  it('refuses cycles and references to unknown layers', () => {
    const cycle = functional(
      [
        k3Input('x', [4]),
        k3('Concatenate', 'cat', { axis: -1 }, [[[tensor('x'), tensor('b')]]]),
        k3Dense('a', 4, 'cat'),
        k3Dense('b', 4, 'a'),
        k3Dense('c', 1, 'b'),
      ],
      ['x'],
      ['c'],
    );
    expect(expectProblems(importKerasConfig(cycle))).toEqual([
      {
        layer: 'a',
        message: "Layers 'a', 'b' and 'cat' take their inputs from each other in a loop ('a' → 'b' → 'cat' → 'a'); in a Keras model data flows one way.",
      },
    ]);
    const self = functional([k3Input('x', [4]), k3('Add', 'loop', {}, [[[tensor('x'), tensor('loop')]]])], ['x'], ['loop']);
    expect(expectProblems(importKerasConfig(self))[0]?.message).toContain("('loop' → 'loop')");
    const unknown = functional([k3Input('x', [4]), k3Dense('d', 2, 'ghost')], ['x'], ['d']);
    expect(expectProblems(importKerasConfig(unknown))).toEqual([{ layer: 'd', message: "This layer's input 'ghost' is not a layer of this model." }]);
    const badHistory = functional([k3Input('x', [4]), k3('Dense', 'd', { units: 2 }, [[{ class_name: '__keras_tensor__', config: { keras_history: 'x' } }]])], ['x'], ['d']);
    expect(expectProblems(importKerasConfig(badHistory))).toEqual([
      { layer: 'd', message: 'An inbound tensor has no valid "keras_history" [layer name, node index, tensor index].' },
    ]);
  });

  it('survives deeply nested values', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(expectOk(importKerasConfig(simple({ kernel_constraint: deep }))).warnings).toEqual([
      "In layer 'd', kernel_constraint is [[[…]]], which LayerLab ignores.",
    ]);
    expect(() => importKerasConfig({ class_name: 'Sequential', config: { layers: [deep] } })).not.toThrow();
    expect(() => importKerasConfig(functional([k3Input('x', [4]), { ...k3Dense('d', 2, 'x'), inbound_nodes: deep }], ['x'], ['d']))).not.toThrow();
  });

  function checkTotal(json: unknown): void {
    let result: KerasImportResult | undefined;
    expect(() => {
      result = importKerasConfig(json);
    }).not.toThrow();
    if (result === undefined) return;
    if (result.ok) {
      const ids = new Set(result.graph.nodes.map((n) => n.id));
      for (const id of ids) expect(id).toMatch(NODE_ID_PATTERN);
      for (const edge of result.graph.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(inferShapes(result.graph).ok).toBe(true);
    } else {
      expect(result.problems.length).toBeGreaterThan(0);
      for (const problem of result.problems) expect(typeof problem.message).toBe('string');
    }
  }

  it('never throws on arbitrary JSON (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (json) => checkTotal(json)), { numRuns: 300 });
    fc.assert(
      fc.property(fc.constantFrom('Sequential', 'Functional', 'Model'), fc.array(fc.jsonValue(), { maxLength: 6 }), fc.jsonValue(), (className, layers, refs) =>
        checkTotal({ class_name: className, config: { name: 'm', layers, input_layers: refs, output_layers: refs } }),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated fixtures, and whatever imports is a valid graph (property)', () => {
    const fixtures = INDEX.fixtures.map((f) => readFixture(f.name));
    const mutate = (root: unknown, steps: readonly number[], replacement: unknown, remove: boolean): unknown => {
      const copy = structuredClone(root);
      let parent: unknown[] | Record<string, unknown> | null = null;
      let key: string | number = 0;
      let current: unknown = copy;
      for (const step of steps) {
        if (Array.isArray(current) && current.length > 0) {
          parent = current as unknown[];
          key = step % current.length;
          current = parent[key];
        } else if (typeof current === 'object' && current !== null && Object.keys(current).length > 0) {
          const record = current as Record<string, unknown>;
          const keys = Object.keys(record);
          parent = record;
          key = keys[step % keys.length] ?? '';
          current = record[key];
        } else {
          break;
        }
      }
      if (parent === null) return replacement;
      if (Array.isArray(parent)) {
        if (remove) parent.splice(Number(key), 1);
        else parent[Number(key)] = replacement;
      } else if (remove) {
        delete parent[String(key)];
      } else {
        parent[String(key)] = replacement;
      }
      return copy;
    };
    fc.assert(
      fc.property(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 3 }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.boolean(),
        (which, paths, replacement, remove) => {
          let json: unknown = fixtures[which];
          for (const steps of paths) json = mutate(json, steps, replacement, remove);
          checkTotal(json);
        },
      ),
      { numRuns: 500 },
    );
  });
});
