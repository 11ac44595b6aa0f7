/**
 * Keras JSON export (src/core/keras/exportConfig.ts) against what real Keras 3.15.1 writes.
 *
 * - Without Keras: every fixture in tests/fixtures/keras (written by Keras's own model.to_json()) is imported and
 *   exported again, and our JSON must equal Keras's exactly; import -> export -> import gives the same graph; graphs
 *   LayerLab cannot export are refused with exact messages.
 * - With Keras (one Python process, tests/keras/check_keras_json.py): each exported model, including 200 random valid
 *   graphs and every optimizer x loss compile_config, is loaded with keras.models.model_from_json. It must load
 *   without a single warning, log line or printed byte, and Keras must write back exactly the JSON we wrote; its
 *   layer names, input and output shapes and count_params() must be core's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainOrder } from '../../src/core/graph/chain.ts';
import type { Graph, GraphEdge, GraphNode } from '../../src/core/graph/types.ts';
import type { KerasExportOptions } from '../../src/core/keras/exportConfig.ts';
import {
  DEFAULT_KERAS_MODEL_NAME,
  exportKerasCompileConfig,
  exportKerasModel,
  KERAS_FLOAT_KEYS,
  kerasJsonText,
  kerasModelName,
} from '../../src/core/keras/exportConfig.ts';
import { importKerasConfig } from '../../src/core/keras/importConfig.ts';
import type { KerasModelJson } from '../../src/core/keras/kerasFormat.ts';
import { ACTIVATION_INFO, LAYER_KINDS } from '../../src/core/layers/index.ts';
import { inferShapes } from '../../src/core/shapes/inferShapes.ts';
import type { LossName, OptimizerName, TrainingSettings } from '../../src/core/training/settings.ts';
import { DEFAULT_TRAINING, LOSSES, OPTIMIZERS } from '../../src/core/training/settings.ts';
import { describeKeras, runKerasScript } from '../support/keras.ts';
import { arbitraryValidGraph, withoutStep } from '../support/randomGraph.ts';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));
const CHECK_SCRIPT = 'tests/keras/check_keras_json.py';

type Json = Record<string, unknown>;

interface FixtureIndex {
  keras_version: string;
  fixtures: { name: string; class: string }[];
}

const INDEX = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'index.json'), 'utf8')) as FixtureIndex;
const FIXTURE_NAMES = INDEX.fixtures.map((f) => f.name);

function readFixture(name: string): KerasModelJson {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8')) as KerasModelJson;
}

/**
 * The only fixture Keras wrote compiled: "compiled with Adam + categorical_crossentropy" (index.json); its
 * compile_config records learning_rate 0.009999999776482582, the float32 of 0.01.
 */
const FIXTURE_TRAINING: Readonly<Record<string, TrainingSettings>> = {
  seq_trained_compiled: { ...DEFAULT_TRAINING, optimizer: 'adam', learningRate: 0.01, loss: 'categorical_crossentropy' },
};

function importFixture(name: string): { graph: Graph; modelName: string } {
  const result = importKerasConfig(readFixture(name));
  if (!result.ok) throw new Error(`${name} does not import: ${JSON.stringify(result.problems)}`);
  return { graph: result.graph, modelName: result.modelName };
}

/**
 * A LayerLab graph records no model class. Keras wrote two fixtures, straight chains, as Functional models
 * (`keras.Model(x, y)`); LayerLab writes every chain as a Sequential model unless asked for a Functional one.
 */
function isFunctionalChain(name: string): boolean {
  return readFixture(name).class_name === 'Functional' && chainOrder(importFixture(name).graph) !== null;
}

/** The export options that reproduce fixture `name`: its model name, its compile settings, its model class. */
function fixtureOptions(name: string): KerasExportOptions {
  const options: KerasExportOptions = { name: importFixture(name).modelName };
  const training = FIXTURE_TRAINING[name];
  if (training !== undefined) options.training = training;
  if (isFunctionalChain(name)) options.functional = true;
  return options;
}

function exportOk(graph: Graph, options?: KerasExportOptions): { model: KerasModelJson; text: string } {
  const result = exportKerasModel(graph, options);
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.problems)}`);
  return result;
}

function parsed(text: string): Json {
  return JSON.parse(text) as Json;
}

function withoutPositions(graph: Graph): { nodes: Omit<GraphNode, 'position'>[]; edges: readonly GraphEdge[] } {
  return { nodes: graph.nodes.map(({ position: _position, ...rest }) => rest), edges: graph.edges };
}



const RANDOM_GRAPH_COUNT = 200;
const RANDOM_GRAPHS: readonly Graph[] = fc
  .sample(arbitraryValidGraph(), { numRuns: RANDOM_GRAPH_COUNT, seed: 20260315 })
  .map(withoutStep);

// ---- fixtures (no Keras needed) ----------------------------------------------------------------------------

describe('exportKerasModel reproduces the JSON Keras 3.15.1 wrote for every fixture', () => {
  it('covers every fixture of index.json', () => {
    expect(INDEX.keras_version).toBe('3.15.1');
    expect(FIXTURE_NAMES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(FIXTURE_NAMES)('%s: imported and exported again, it equals the fixture exactly', (name) => {
    const { graph } = importFixture(name);
    const { model, text } = exportOk(graph, fixtureOptions(name));
    expect(parsed(text)).toStrictEqual(readFixture(name));
    expect(parsed(text)).toStrictEqual(model);
    // (Whole-number floats, 6.0 against 6, are told apart by the real-Keras suite, which compares the types too.)
  });

  it.each(FIXTURE_NAMES.filter(isFunctionalChain))(
    '%s: a chain Keras wrote as Functional stays Functional (the import records the API), and is Sequential once the student picks it',
    (name) => {
      // The import records api "functional", so the default export is the fixture itself.
      const fixture = readFixture(name);
      const { graph, modelName } = importFixture(name);
      expect(graph.model?.api).toBe('functional');
      const { functional: _forced, ...options } = fixtureOptions(name);
      expect(parsed(exportOk(graph, options).text)).toStrictEqual(fixture);
      // Picked Sequential (the Export dialog), the same chain is a Sequential model with the very same layers.
      const { model } = exportOk({ ...graph, model: { ...graph.model, api: 'sequential' } }, { name: modelName });
      expect(model.class_name).toBe('Sequential');
      const strip = (layer: Json): Json => {
        const { name: _name, inbound_nodes: _inbound, ...rest } = layer;
        return rest;
      };
      const ours = model.config.layers.map((l) => strip(l as unknown as Json));
      const keras = fixture.config.layers.map((l) => strip(l as unknown as Json));
      expect(ours).toStrictEqual(keras);
      const inputShape = (fixture.config.layers[0]?.config as { batch_shape: unknown }).batch_shape;
      expect(model.build_config).toStrictEqual({ input_shape: inputShape });
      expect(model.compile_config).toStrictEqual(fixture.compile_config);
    },
  );

  it.each(FIXTURE_NAMES)('%s: import -> export -> import gives the same graph', (name) => {
    const first = importFixture(name);
    const again = importKerasConfig(exportOk(first.graph, fixtureOptions(name)).text);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.warnings).toEqual([]);
    expect(again.modelName).toBe(first.modelName);
    expect(withoutPositions(again.graph)).toStrictEqual(withoutPositions(first.graph));
    // Also as Sequential for the Functional chains: same graph either way.
    const asDefault = importKerasConfig(exportOk(first.graph, { name: first.modelName }).text);
    if (!asDefault.ok) throw new Error(JSON.stringify(asDefault.problems));
    expect(withoutPositions(asDefault.graph)).toStrictEqual(withoutPositions(first.graph));
  });

  it('writes the compile_config of the compiled fixture exactly (Adam, learning rate 0.01, categorical_crossentropy)', () => {
    const training = FIXTURE_TRAINING.seq_trained_compiled;
    if (training === undefined) throw new Error('no training settings');
    expect(exportKerasCompileConfig(training)).toStrictEqual(readFixture('seq_trained_compiled').compile_config);
  });
});

// ---- random graphs without Keras -------------------------------------------------------------------------

describe('exportKerasModel on random valid graphs', () => {
  it(`exports all ${RANDOM_GRAPH_COUNT}: Sequential exactly for chains, layer names are node ids, and the import gives the graph back`, () => {
    const failures: string[] = [];
    let sequential = 0;
    RANDOM_GRAPHS.forEach((graph, i) => {
      const result = exportKerasModel(graph);
      if (!result.ok) {
        failures.push(`graph ${i}: refused: ${JSON.stringify(result.problems)}`);
        return;
      }
      const chain = chainOrder(graph);
      if (chain !== null) sequential += 1;
      if (result.model.class_name !== (chain === null ? 'Functional' : 'Sequential')) failures.push(`graph ${i}: class ${result.model.class_name}`);
      const names = result.model.config.layers.map((l) => (l.config as { name: string }).name).sort();
      if (JSON.stringify(names) !== JSON.stringify(graph.nodes.map((n) => n.id).sort())) failures.push(`graph ${i}: layer names ${names.join(',')}`);
      const back = importKerasConfig(result.text);
      if (!back.ok) {
        failures.push(`graph ${i}: does not import back: ${JSON.stringify(back.problems)}`);
        return;
      }
      // Keras lists layers in its own order; compare nodes by id and edges by their ends.
      const byId = (g: Graph) => withoutPositions(g).nodes.sort((a, b) => (a.id < b.id ? -1 : 1));
      const ends = (g: Graph) => g.edges.map((e) => `${e.source}->${e.target}:${e.inputIndex}`).sort();
      // Activation names come back as written: swish stays swish, silu stays silu.
      if (JSON.stringify(byId(back.graph)) !== JSON.stringify(byId(graph)) || JSON.stringify(ends(back.graph)) !== JSON.stringify(ends(graph))) {
        failures.push(`graph ${i}: imports back as a different graph`);
      }
      if (back.modelName !== DEFAULT_KERAS_MODEL_NAME) failures.push(`graph ${i}: model name ${back.modelName}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
    // Both model classes are exercised.
    expect(sequential).toBeGreaterThan(10);
    expect(RANDOM_GRAPH_COUNT - sequential).toBeGreaterThan(10);
  });

  it('the sample exercises every layer kind, activation, initializer and regularizer class Keras is sent', () => {
    const seen = new Set<string>();
    for (const graph of RANDOM_GRAPHS) {
      const result = exportKerasModel(graph);
      if (!result.ok) continue;
      for (const match of result.text.matchAll(/"class_name":"(\w+)"|"activation":"(\w+)"/g)) seen.add(match[1] ?? `activation:${match[2] ?? ''}`);
    }
    const expected = [
      ...['InputLayer', 'Dense', 'Activation', 'Dropout', 'BatchNormalization', 'Flatten', 'Reshape', 'Concatenate', 'Add', 'Multiply'],
      ...['Softmax', 'ReLU', 'LeakyReLU', 'ELU', 'PReLU', 'Sequential', 'Functional', 'L1', 'L2', 'L1L2'],
      ...['GlorotUniform', 'GlorotNormal', 'HeUniform', 'HeNormal', 'LecunUniform', 'LecunNormal', 'RandomUniform', 'RandomNormal'],
      ...['TruncatedNormal', 'Zeros', 'Ones'],
      ...Object.keys(ACTIVATION_INFO)
        .filter((a) => a !== 'step')
        .map((a) => `activation:${a}`),
    ];
    expect(expected.filter((name) => !seen.has(name))).toEqual([]);
  });
});

// ---- refusals ----------------------------------------------------------------------------------------------

const at = { x: 0, y: 0 };

function dense(id: string, params: Partial<Extract<GraphNode, { kind: 'Dense' }>['params']> = {}): GraphNode {
  return {
    id,
    kind: 'Dense',
    params: { units: 2, activation: 'relu', use_bias: true, kernel_initializer: 'glorot_uniform', bias_initializer: 'zeros', kernel_regularizer: null, ...params },
    position: at,
  };
}

const input = (id: string, shape: number[] = [2]): GraphNode => ({ id, kind: 'Input', params: { shape }, position: at });
const edge = (source: string, target: string, inputIndex = 0): GraphEdge => ({ id: `${source}->${target}`, source, target, inputIndex });

const STEP_REASON = ACTIVATION_INFO.step.notInKeras ?? '';

describe('exportKerasModel refuses what Keras cannot load, naming every offending layer', () => {
  it('the step activation: one problem per node, in the registry’s words, and no model', () => {
    const graph: Graph = {
      nodes: [input('x'), dense('perceptron', { activation: 'step' }), { id: 'fire', kind: 'Activation', params: { activation: 'step' }, position: at }],
      edges: [edge('x', 'perceptron'), edge('perceptron', 'fire')],
    };
    const result = exportKerasModel(graph);
    expect(result).toStrictEqual({
      ok: false,
      problems: [
        {
          layer: 'perceptron',
          message:
            'perceptron cannot be exported to Keras: Keras has no step activation (its slope is zero everywhere, so gradient descent cannot train it); use sigmoid to export.',
        },
        { layer: 'fire', message: `fire cannot be exported to Keras: ${STEP_REASON}` },
      ],
    });
  });

  it('graph errors: core’s messages, one problem per offending node (several messages of one node joined)', () => {
    const graph: Graph = {
      nodes: [input('x'), dense('hidden', { units: 0, activation: 'step' }), dense('a'), dense('b'), { id: 'cat', kind: 'Concatenate', params: { axis: -1 }, position: at }],
      edges: [edge('x', 'hidden'), edge('a', 'b'), edge('b', 'a'), edge('hidden', 'cat')],
    };
    expect(exportKerasModel(graph)).toStrictEqual({
      ok: false,
      problems: [
        { layer: 'a', message: 'a and b form a loop (a → b → a). Data must flow one way, from the Input to the output.' },
        {
          layer: 'hidden',
          message: `Dense units must be at least 1; it is 0. hidden cannot be exported to Keras: ${STEP_REASON}`,
        },
        { layer: 'cat', message: 'Concatenate combines two or more inputs, but only hidden is connected to it.' },
      ],
    });
  });

  it('an empty network, and an Input with nothing after it', () => {
    expect(exportKerasModel({ nodes: [], edges: [] })).toStrictEqual({ ok: false, problems: [{ layer: null, message: 'The network is empty.' }] });
    expect(exportKerasModel({ nodes: [input('x')], edges: [] })).toStrictEqual({
      ok: false,
      problems: [
        {
          layer: null,
          message: 'The network has no layer after its Input, so there is no model to export. Add a layer and connect the Input to it.',
        },
      ],
    });
  });

  it('a node id Keras cannot take as a layer name', () => {
    expect(exportKerasModel({ nodes: [input('x'), dense('a/b')], edges: [edge('x', 'a/b')] })).toStrictEqual({
      ok: false,
      problems: [
        {
          layer: 'a/b',
          message:
            '"a/b" cannot be a Keras layer name: layer names use only letters, digits, \'_\', \'.\' and \'-\', start with a letter or \'_\', and have at most 64 characters.',
        },
      ],
    });
  });

  it('an unused extra Input is not an error: Keras keeps it as a model input (it loads without warnings, see below)', () => {
    const result = exportOk({ nodes: [input('a'), input('b', [3]), dense('out')], edges: [edge('a', 'out')] });
    expect(result.model.config.layers.map((l) => l.name)).toEqual(['a', 'b', 'out']);
    expect((result.model.config as { input_layers: unknown }).input_layers).toEqual([
      ['a', 0, 0],
      ['b', 0, 0],
    ]);
  });
});

describe('exportKerasModel on any input', () => {
  /** Graphs as a buggy caller or a hand-edited file might produce them (as in tests/core/shapes/neverThrows.test.ts). */
  const hostileGraph = fc
    .array(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'd', 'a/b', '__proto__', 'constructor'),
        kind: fc.oneof(fc.constantFrom(...LAYER_KINDS), fc.string()),
        params: fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom('units', 'shape', 'rate', 'axis', 'activation', 'target_shape'), fc.anything())),
      }),
      { maxLength: 6 },
    )
    .chain((nodes) =>
      fc
        .array(
          fc.record({
            id: fc.string({ maxLength: 3 }),
            source: fc.constantFrom('a', 'b', 'c', 'd', 'ghost', '__proto__'),
            target: fc.constantFrom('a', 'b', 'c', 'd', 'ghost', 'constructor'),
            inputIndex: fc.integer({ min: -1, max: 2 }),
          }),
          { maxLength: 8 },
        )
        .map((edges) => ({ nodes: nodes.map((n) => ({ ...n, position: at })), edges }) as unknown as Graph),
    );

  it('never throws: it exports, or refuses with at least one problem found by its checks', () => {
    fc.assert(
      fc.property(hostileGraph, (graph) => {
        const result = exportKerasModel(graph);
        if (result.ok) expect(JSON.parse(result.text)).toStrictEqual(result.model);
        else {
          expect(result.problems.length).toBeGreaterThan(0);
          // Every refusal comes from the checks, not from the safety net catching an exception.
          expect(result.problems.filter((p) => p.message.startsWith('The network could not be exported'))).toEqual([]);
        }
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});

describe('kerasJsonText', () => {
  it('writes whole numbers of Keras float arguments as floats, everything else as JSON.stringify does', () => {
    expect(kerasJsonText({ momentum: 0, learning_rate: 1, units: 3, batch_shape: [null, 2], alpha: 1.5, axis: -1 })).toBe(
      '{"momentum":0.0,"learning_rate":1.0,"units":3,"batch_shape":[null,2],"alpha":1.5,"axis":-1}',
    );
    expect(kerasJsonText({ epsilon: 1e-7, l2: 1e21, threshold: -2, max_value: null, name: 'a"b' })).toBe(
      '{"epsilon":1e-7,"l2":1e+21,"threshold":-2.0,"max_value":null,"name":"a\\"b"}',
    );
    expect(KERAS_FLOAT_KEYS.has('units')).toBe(false);
  });

  it('indents like JSON.stringify(value, null, indent), and parses back to the same value', () => {
    const { model } = exportOk(RANDOM_GRAPHS[0] ?? COMPILE_GRAPH, { training: DEFAULT_TRAINING });
    for (const indent of [0, 2, 4]) {
      const text = kerasJsonText(model, indent);
      expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(model)));
      expect(text.replace(/(\d)\.0(?=[,\n}\]])/g, '$1')).toBe(JSON.stringify(model, null, indent === 0 ? undefined : indent));
    }
    expect(kerasJsonText({ a: [], b: {}, c: [1, { d: 2 }] }, 2)).toBe(JSON.stringify({ a: [], b: {}, c: [1, { d: 2 }] }, null, 2));
  });
});

/** Two Inputs concatenated; the edges are listed against their inputIndex order on purpose. */
const MERGE_ORDER_GRAPH: Graph = {
  nodes: [input('a', [3]), input('b', [5]), { id: 'cat', kind: 'Concatenate', params: { axis: -1 }, position: at }, dense('out')],
  edges: [edge('b', 'cat', 1), edge('a', 'cat', 0), edge('cat', 'out')],
};

describe('exportKerasModel wiring', () => {
  it('takes merge inputs in inputIndex order, not edge order; inputs in graph order; one input or output written flat', () => {
    const { model } = exportOk(MERGE_ORDER_GRAPH);
    const config = model.config as unknown as { layers: Json[]; input_layers: unknown; output_layers: unknown };
    const cat = config.layers.find((l) => l.name === 'cat') as { inbound_nodes: { args: { config: { keras_history: unknown } }[][] }[]; build_config: unknown };
    expect(cat.inbound_nodes[0]?.args[0]?.map((t) => t.config.keras_history)).toEqual([
      ['a', 0, 0],
      ['b', 0, 0],
    ]);
    expect(cat.build_config).toEqual({ input_shape: [[null, 3], [null, 5]] });
    expect(config.input_layers).toEqual([
      ['a', 0, 0],
      ['b', 0, 0],
    ]);
    expect(config.output_layers).toEqual(['out', 0, 0]);
  });
});

describe('kerasModelName', () => {
  it.each([
    [undefined, 'layerlab_model'],
    ['', 'layerlab_model'],
    ['  !!  ', 'layerlab_model'],
    ['XOR 2-4-1', 'XOR_2-4-1'],
    ['seq_mlp', 'seq_mlp'],
    ['Über net!', 'Uber_net'],
    ['a/b\\c', 'a_b_c'],
    ['_private.model', 'private.model'],
    ['-*- coding: utf-7 -*-', 'coding_utf-7_-_-'],
    ['x'.repeat(100), 'x'.repeat(64)],
  ])('%j -> %j', (name, expected) => {
    expect(kerasModelName(name)).toBe(expected);
    const { model } = exportOk({ nodes: [input('x'), dense('y')], edges: [edge('x', 'y')] }, name === undefined ? {} : { name });
    expect(model.config.name).toBe(expected);
  });
});

// ---- real Keras --------------------------------------------------------------------------------------------

interface CheckResultOk {
  written_vs_ours: string[];
  reference_vs_ours: string[];
  key: string;
  ok: true;
  warnings: string[];
  json: Json;
  class_name: string;
  layers: string[];
  layer_params: Record<string, number>;
  inputs: (number | null)[][];
  outputs: (number | null)[][];
  params: number;
  compiled: { optimizer: string; learning_rate: number; loss: string | null; compile_config: Json } | null;
}

type CheckResult = CheckResultOk | { key: string; ok: false; error: string; warnings: string[] };

const COMPILE_GRAPH: Graph = {
  nodes: [input('x', [3]), dense('hidden', { units: 4 }), dense('out', { units: 2, activation: 'softmax' })],
  edges: [edge('x', 'hidden'), edge('hidden', 'out')],
};

const OPTIMIZER_CLASSES: { readonly [O in OptimizerName]: string } = { sgd: 'SGD', momentum: 'SGD', adam: 'Adam', rmsprop: 'RMSprop', adagrad: 'Adagrad' };

/**
 * One learning rate per combination: some not exact in float32 (Keras keeps the float32 value), some whole numbers
 * (Keras refuses learning_rate=1 as an int, so the text must say 1.0).
 */
const LEARNING_RATES = [0.1, 0.01, 0.003, 1, 0.5, 2] as const;
const COMPILE_CASES: { optimizer: OptimizerName; loss: LossName; learningRate: number }[] = OPTIMIZERS.flatMap((optimizer, i) =>
  LOSSES.map((loss, j) => ({ optimizer, loss, learningRate: LEARNING_RATES[(i * LOSSES.length + j) % LEARNING_RATES.length] ?? 0.1 })),
);

interface Batch {
  key: string;
  text: string;
  graph: Graph;
  /** For fixtures: the text Keras wrote, compared with ours with int and float told apart. */
  reference?: string;
}

function buildBatch(): Batch[] {
  const batch: Batch[] = [];
  for (const name of FIXTURE_NAMES) {
    const { graph } = importFixture(name);
    const reference = readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8');
    batch.push({ key: `fixture:${name}`, text: exportOk(graph, fixtureOptions(name)).text, graph, reference });
    if (isFunctionalChain(name)) batch.push({ key: `fixture-sequential:${name}`, text: exportOk(graph, { name }).text, graph });
  }
  RANDOM_GRAPHS.forEach((graph, i) => batch.push({ key: `random:${i}`, text: exportOk(graph).text, graph }));
  for (const c of COMPILE_CASES) {
    const training: TrainingSettings = { ...DEFAULT_TRAINING, ...c };
    batch.push({ key: `compile:${c.optimizer}:${c.loss}`, text: exportOk(COMPILE_GRAPH, { name: 'compiled', training }).text, graph: COMPILE_GRAPH });
  }
  const unusedInput: Graph = { nodes: [input('a'), input('b', [3]), dense('out')], edges: [edge('a', 'out')] };
  batch.push({ key: 'unused-input', text: exportOk(unusedInput).text, graph: unusedInput });
  batch.push({ key: 'merge-order', text: exportOk(MERGE_ORDER_GRAPH).text, graph: MERGE_ORDER_GRAPH });
  return batch;
}

/**
 * Proves the harness hears Keras: a Dense given `input_shape` makes Keras warn ("Do not pass an input_shape/input_dim
 * argument to a layer"). If this model showed no warning, "no warnings" would prove nothing.
 */
function canaryText(): string {
  const model = exportOk({ nodes: [input('x'), dense('y')], edges: [edge('x', 'y')] }).model;
  const layer = model.config.layers[1];
  if (layer === undefined) throw new Error('no layer');
  layer.config = { ...layer.config, input_shape: [2] };
  return kerasJsonText(model);
}

/**
 * Proves the int/float comparison is live: JSON.stringify writes L1L2(0, 0) as {"l1": 0, "l2": 0}, Python reads ints,
 * and Keras writes back 0.0 (its L1L2 stores float(l1)). kerasJsonText writes 0.0 in the first place.
 */
function typeCanaryText(): string {
  return JSON.stringify(exportOk({ nodes: [input('x'), dense('y', { kernel_regularizer: { l1: 0, l2: 0 } })], edges: [edge('x', 'y')] }).model);
}

describeKeras('exportKerasModel against real Keras 3.15.1 (model_from_json, then to_json)', () => {
  const batch = buildBatch();
  const results = new Map<string, CheckResult>();

  beforeAll(async () => {
    const models = [
      ...batch.map((b) => (b.reference === undefined ? { key: b.key, json: b.text } : { key: b.key, json: b.text, reference: b.reference })),
      { key: 'canary', json: canaryText() },
      { key: 'type-canary', json: typeCanaryText() },
    ];
    const { results: list } = await runKerasScript<{ results: CheckResult[] }>(CHECK_SCRIPT, { models }, 300_000);
    for (const result of list) results.set(result.key, result);
  }, 320_000);

  it('hears warnings: the canary model makes Keras warn', () => {
    const canary = results.get('canary');
    expect(canary?.ok).toBe(true);
    expect(canary?.warnings.join('\n')).toMatch(/input_shape/);
  });

  it('tells ints from floats: JSON.stringify text (l1: 0) comes back from Keras as 0.0 and is reported', () => {
    const canary = results.get('type-canary');
    if (canary?.ok !== true) throw new Error(JSON.stringify(canary));
    expect(canary.warnings).toEqual([]);
    expect(canary.written_vs_ours).toEqual([
      '$.config.layers[1].config.kernel_regularizer.config.l1: ours 0 (int), Keras 0.0 (float)',
      '$.config.layers[1].config.kernel_regularizer.config.l2: ours 0 (int), Keras 0.0 (float)',
    ]);
  });

  /** Every difference between what Keras made of `item` and what core says; empty when they agree. */
  function disagreements(item: Batch): string[] {
    const result = results.get(item.key);
    if (result === undefined) return ['no result'];
    if (!result.ok) return [`Keras cannot load it: ${result.error}`, ...result.warnings];
    const out: string[] = [];
    if (result.warnings.length > 0) out.push(`warnings: ${result.warnings.join(' | ')}`);
    // The strongest check: Keras writes back exactly what we wrote, ints and floats included (checked in Python),
    // but for one name: LayerLab writes the student's "swish", which Keras reads and writes back as "silu".
    const swishAsSilu = (d: string): boolean => /\.activation: ours "swish", Keras "silu"$/.test(d);
    out.push(...result.written_vs_ours.filter((d) => !swishAsSilu(d)).map((d) => `Keras wrote back something else: ${d}`));
    out.push(...result.reference_vs_ours.map((d) => `differs from the fixture: ${d}`));
    const asKerasWritesIt = parsed(item.text.replace(/"activation":\s*"swish"/g, '"activation":"silu"'));
    if (JSON.stringify(result.json) !== JSON.stringify(asKerasWritesIt)) {
      try {
        expect(result.json).toStrictEqual(asKerasWritesIt);
      } catch (error) {
        out.push(`to_json differs: ${String(error).slice(0, 2000)}`);
      }
    }
    const ours = parsed(item.text) as unknown as KerasModelJson;
    if (result.class_name !== ours.class_name) out.push(`class ${result.class_name}, ours ${ours.class_name}`);
    // Keras 3: a Sequential model's .layers leaves out its InputLayer; a Functional model's includes them.
    const expectedLayers = ours.config.layers
      .filter((l) => ours.class_name !== 'Sequential' || l.class_name !== 'InputLayer')
      .map((l) => (l.config as { name: string }).name);
    if (JSON.stringify(result.layers) !== JSON.stringify(expectedLayers)) out.push(`layers ${result.layers.join(',')}`);
    const inference = inferShapes(item.graph);
    const shapeOf = (id: string): (number | null)[] => {
      const info = inference.nodes.get(id);
      return info?.status === 'ok' ? [null, ...info.shape] : [];
    };
    if (JSON.stringify(result.inputs) !== JSON.stringify(inference.inputs.map(shapeOf))) out.push(`inputs ${JSON.stringify(result.inputs)}`);
    if (JSON.stringify(result.outputs) !== JSON.stringify(inference.outputs.map(shapeOf))) out.push(`outputs ${JSON.stringify(result.outputs)}`);
    if (result.params !== inference.totalParams) out.push(`count_params ${result.params}, core ${inference.totalParams}`);
    for (const [name, params] of Object.entries(result.layer_params)) {
      const info = inference.nodes.get(name);
      if (info?.status !== 'ok' || info.params !== params) out.push(`${name}: count_params ${params}, core ${info?.status === 'ok' ? info.params : '?'}`);
    }
    return out;
  }

  it.each(FIXTURE_NAMES)('fixture %s: loads without warnings and Keras writes back exactly our JSON', (name) => {
    const items = batch.filter((b) => b.key === `fixture:${name}` || b.key === `fixture-sequential:${name}`);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(disagreements(item), item.key).toEqual([]);
  });

  it(`${RANDOM_GRAPH_COUNT} random valid graphs: each loads without warnings, Keras writes back exactly our JSON, and names, shapes and count_params() are core's`, () => {
    const random = batch.filter((b) => b.key.startsWith('random:'));
    expect(random.length).toBeGreaterThanOrEqual(150);
    const failures = random.flatMap((item) => disagreements(item).map((d) => `${item.key}: ${d}`));
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it.each(['unused-input', 'merge-order'])('%s: loads without warnings and Keras writes back exactly our JSON', (key) => {
    const item = batch.find((b) => b.key === key);
    if (item === undefined) throw new Error('missing');
    expect(disagreements(item)).toEqual([]);
  });

  it.each(COMPILE_CASES)(
    'compile_config $optimizer / $loss: Keras compiles the model with that optimizer, learning rate and loss',
    ({ optimizer, loss, learningRate }) => {
      const item = batch.find((b) => b.key === `compile:${optimizer}:${loss}`);
      if (item === undefined) throw new Error('missing');
      expect(disagreements(item)).toEqual([]);
      const result = results.get(item.key);
      if (result?.ok !== true || result.compiled === null) throw new Error(`not compiled: ${JSON.stringify(result)}`);
      expect(result.compiled.optimizer).toBe(OPTIMIZER_CLASSES[optimizer]);
      expect(result.compiled.learning_rate).toBe(Math.fround(learningRate));
      expect(result.compiled.loss).toBe(loss);
      // What Keras's get_compile_config() gives after loading is exactly what we wrote.
      expect(result.compiled.compile_config).toStrictEqual(
        exportKerasCompileConfig({ ...DEFAULT_TRAINING, optimizer, loss, learningRate }) as unknown as Json,
      );
    },
  );
});
