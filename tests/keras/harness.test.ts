/**
 * Proves the real-Keras harness (tests/support/keras.ts, keras_graph_report.py, fixture_params.py)
 * against numbers anyone can check by hand, and checks the Keras fixtures are untouched.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KerasGraphInput, KerasGraphReport, KerasLayerReport } from '../support/keras.ts';
import { describeKeras, kerasGraphReports, runKerasScript } from '../support/keras.ts';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));

interface FixtureIndex {
  keras_version: string;
  fixtures: { name: string; class: string; params: number; layers: string[] }[];
}

type FixtureParamsResult =
  | { path: string; ok: true; class: string; params: number }
  | { path: string; ok: false; error: string };

function readFixtureIndex(): FixtureIndex {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'index.json'), 'utf8')) as FixtureIndex;
}

// ---- graph building helpers ----------------------------------------------------------------------

type Node = KerasGraphInput['nodes'][number];

function node(id: string, kind: string, params: Record<string, unknown> = {}): Node {
  return { id, kind, params, position: { x: 0, y: 0 } };
}

function input(id: string, shape: number[]): Node {
  return node(id, 'Input', { shape });
}

function dense(id: string, units: number, activation = 'relu'): Node {
  return node(id, 'Dense', {
    units,
    activation,
    use_bias: true,
    kernel_initializer: 'glorot_uniform',
    bias_initializer: 'zeros',
    kernel_regularizer: null,
  });
}

/** Edges source->target; for merges, inputIndex is the position of the edge among the target's edges. */
function graph(nodes: Node[], links: [source: string, target: string][]): KerasGraphInput {
  const seen = new Map<string, number>();
  const edges = links.map(([source, target], i) => {
    const inputIndex = seen.get(target) ?? 0;
    seen.set(target, inputIndex + 1);
    return { id: `e${String(i)}`, source, target, inputIndex };
  });
  return { nodes, edges };
}

const GRAPHS = {
  mlp: graph(
    [input('in', [4]), dense('hidden', 16), dense('out', 3, 'softmax')],
    [
      ['in', 'hidden'],
      ['hidden', 'out'],
    ],
  ),
  concat: {
    nodes: [input('a', [3]), input('b', [5]), node('cat', 'Concatenate', { axis: -1 })],
    // Listed out of order on purpose: inputIndex, not list order, decides the merge order.
    edges: [
      { id: 'e2', source: 'b', target: 'cat', inputIndex: 1 },
      { id: 'e1', source: 'a', target: 'cat', inputIndex: 0 },
    ],
  } satisfies KerasGraphInput,
  // Invalid on purpose, in the middle of the batch: Keras cannot add shapes (3,) and (4,).
  badAdd: graph(
    [input('a', [3]), input('b', [4]), node('sum', 'Add')],
    [
      ['a', 'sum'],
      ['b', 'sum'],
    ],
  ),
  reshape: graph([input('in', [12]), node('r', 'Reshape', { target_shape: [3, -1] })], [['in', 'r']]),
  batchNorm: graph(
    [
      input('in', [8]),
      node('bn', 'BatchNormalization', { axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true }),
    ],
    [['in', 'bn']],
  ),
  // LayerLab-only activation: must be reported as an error for this graph only.
  step: graph([input('in', [2]), dense('perceptron', 1, 'step')], [['in', 'perceptron']]),
  // Every layer kind LayerLab offers, with the parameter conversions the script does.
  everyKind: graph(
    [
      input('in', [4, 6]),
      node('dense', 'Dense', {
        units: 8,
        activation: 'relu',
        use_bias: true,
        kernel_initializer: 'he_normal',
        bias_initializer: 'zeros',
        kernel_regularizer: { l1: 0.01, l2: 0.001 },
      }),
      node('act', 'Activation', { activation: 'tanh' }),
      node('drop', 'Dropout', { rate: 0.5 }),
      node('bn', 'BatchNormalization', { axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true }),
      node('relu', 'ReLU', { max_value: 6, negative_slope: 0, threshold: 0 }),
      node('leaky', 'LeakyReLU', { negative_slope: 0.3 }),
      node('elu', 'ELU', { alpha: 1 }),
      node('prelu', 'PReLU', { shared_axes: [1] }),
      node('add', 'Add'),
      node('mul', 'Multiply'),
      node('cat', 'Concatenate', { axis: -1 }),
      node('soft', 'Softmax', { axis: -1 }),
      node('flat', 'Flatten'),
      node('resh', 'Reshape', { target_shape: [16, -1] }),
    ],
    [
      ['in', 'dense'],
      ['dense', 'act'],
      ['act', 'drop'],
      ['drop', 'bn'],
      ['bn', 'relu'],
      ['bn', 'leaky'],
      ['bn', 'elu'],
      ['bn', 'prelu'],
      ['relu', 'add'],
      ['leaky', 'add'],
      ['elu', 'mul'],
      ['prelu', 'mul'],
      ['add', 'cat'],
      ['mul', 'cat'],
      ['cat', 'soft'],
      ['soft', 'flat'],
      ['flat', 'resh'],
    ],
  ),
} satisfies Record<string, KerasGraphInput>;

type GraphName = keyof typeof GRAPHS;
const GRAPH_NAMES = Object.keys(GRAPHS) as GraphName[];

// ---- fixtures are untouched (no Keras needed) ----------------------------------------------------

describe('Keras fixtures copy', () => {
  it('matches the SHA-256 list in PROVENANCE.md, file for file', () => {
    const provenance = readFileSync(path.join(FIXTURES_DIR, 'PROVENANCE.md'), 'utf8');
    const listed = new Map<string, string>();
    for (const match of provenance.matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)) {
      const [, hash, name] = match;
      if (hash !== undefined && name !== undefined) listed.set(name, hash);
    }
    const files = readdirSync(FIXTURES_DIR)
      .filter((name) => name !== 'PROVENANCE.md')
      .sort();
    expect([...listed.keys()].sort()).toEqual(files);
    for (const name of files) {
      const actual = createHash('sha256')
        .update(readFileSync(path.join(FIXTURES_DIR, name)))
        .digest('hex');
      expect(actual, `${name} differs from the Keras original`).toBe(listed.get(name));
    }
  });

  it('has a model JSON for every index.json entry', () => {
    const index = readFixtureIndex();
    expect(index.keras_version).toBe('3.15.1');
    expect(index.fixtures.length).toBeGreaterThan(0);
    const files = new Set(readdirSync(FIXTURES_DIR));
    for (const fixture of index.fixtures) expect(files.has(`${fixture.name}.json`), fixture.name).toBe(true);
  });
});

// ---- real Keras ----------------------------------------------------------------------------------

describeKeras('real Keras harness', () => {
  const reports = new Map<GraphName, KerasGraphReport>();
  let fixtureResults: FixtureParamsResult[] = [];
  const index = readFixtureIndex();

  beforeAll(async () => {
    // Two Python processes in parallel: one for all graphs, one for all fixtures.
    const [graphReports, fixtures] = await Promise.all([
      kerasGraphReports(GRAPH_NAMES.map((name) => GRAPHS[name])),
      runKerasScript<{ results: FixtureParamsResult[] }>('tests/keras/fixture_params.py', {
        paths: index.fixtures.map((fixture) => path.join(FIXTURES_DIR, `${fixture.name}.json`)),
      }),
    ]);
    GRAPH_NAMES.forEach((name, i) => {
      const report = graphReports[i];
      if (report) reports.set(name, report);
    });
    fixtureResults = fixtures.results;
  }, 180_000);

  function okReport(name: GraphName): { layers: Record<string, KerasLayerReport>; total: number } {
    const report = reports.get(name);
    if (!report) throw new Error(`no report for graph ${name}`);
    if (!report.ok) throw new Error(`graph ${name} failed in Keras: ${report.error}`);
    return { layers: report.layers, total: report.total_params };
  }

  function layer(name: GraphName, id: string): KerasLayerReport {
    const found = okReport(name).layers[id];
    if (!found) throw new Error(`graph ${name} has no layer ${id}`);
    return found;
  }

  it('returns one report per graph, in order', () => {
    expect(reports.size).toBe(GRAPH_NAMES.length);
  });

  it('Input(4) -> Dense(16) -> Dense(3): 4*16+16 = 80 and 16*3+3 = 51 params, 131 in total', () => {
    expect(layer('mlp', 'in')).toEqual({ output_shape: [4], params: 0 });
    expect(layer('mlp', 'hidden')).toEqual({ output_shape: [16], params: 80 });
    expect(layer('mlp', 'out')).toEqual({ output_shape: [3], params: 51 });
    expect(okReport('mlp').total).toBe(131);
  });

  it('Concatenate of Input(3) and Input(5) on axis -1 gives [8]', () => {
    expect(layer('concat', 'cat')).toEqual({ output_shape: [8], params: 0 });
    expect(okReport('concat').total).toBe(0);
  });

  it('Reshape(target_shape [3, -1]) of Input(12) gives [3, 4]', () => {
    expect(layer('reshape', 'r')).toEqual({ output_shape: [3, 4], params: 0 });
  });

  it('BatchNormalization on 8 features has 4*8 = 32 params (gamma, beta, moving mean, moving variance)', () => {
    expect(layer('batchNorm', 'bn')).toEqual({ output_shape: [8], params: 32 });
    expect(okReport('batchNorm').total).toBe(32);
  });

  it("reports Keras's own error for Add of [3] and [4], and the rest of the batch still works", () => {
    const report = reports.get('badAdd');
    expect(report?.ok).toBe(false);
    if (report?.ok !== false) return;
    expect(report.error).toMatch(/^ValueError: /);
    expect(report.error).toContain('incompatible shapes');
    expect(report.error).toContain('(3,)');
    expect(report.error).toContain('(4,)');
    // Graphs after the bad one in the same process were still built.
    for (const name of ['reshape', 'batchNorm', 'everyKind'] as const) expect(reports.get(name)?.ok, name).toBe(true);
  });

  it("reports the LayerLab-only 'step' activation as an error naming the node", () => {
    const report = reports.get('step');
    expect(report?.ok).toBe(false);
    if (report?.ok !== false) return;
    expect(report.error).toContain("'step'");
    expect(report.error).toContain('perceptron');
  });

  it('builds every LayerLab layer kind with the right shapes and params', () => {
    const shapes = Object.fromEntries(
      Object.entries(okReport('everyKind').layers).map(([id, report]) => [id, report.output_shape]),
    );
    expect(shapes).toEqual({
      in: [4, 6],
      dense: [4, 8],
      act: [4, 8],
      drop: [4, 8],
      bn: [4, 8],
      relu: [4, 8],
      leaky: [4, 8],
      elu: [4, 8],
      prelu: [4, 8],
      add: [4, 8],
      mul: [4, 8],
      cat: [4, 16],
      soft: [4, 16],
      flat: [64],
      resh: [16, 4],
    });
    expect(layer('everyKind', 'dense').params).toBe(6 * 8 + 8);
    expect(layer('everyKind', 'bn').params).toBe(4 * 8);
    // shared_axes [1]: one alpha per feature, shared across the 4 rows.
    expect(layer('everyKind', 'prelu').params).toBe(8);
    expect(okReport('everyKind').total).toBe(56 + 32 + 8);
  });

  it('loads every fixture with model_from_json, with the class and count_params() of index.json', () => {
    expect(fixtureResults).toHaveLength(index.fixtures.length);
    index.fixtures.forEach((fixture, i) => {
      const result = fixtureResults[i];
      if (!result?.ok) throw new Error(`${fixture.name}: ${result ? result.error : 'no result'}`);
      expect({ name: fixture.name, class: result.class, params: result.params }).toEqual({
        name: fixture.name,
        class: fixture.class,
        params: fixture.params,
      });
    });
  });

  it('runKerasScript rejects with the tail of stderr when the script fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-keras-'));
    try {
      const script = path.join(dir, 'fail.py');
      writeFileSync(script, 'import sys\nsys.stdin.read()\nsys.stderr.write("first line\\nboom: the real cause\\n")\nsys.exit(3)\n');
      await expect(runKerasScript(script, { hello: 'world' })).rejects.toThrow(/exited with code 3[\s\S]*boom: the real cause/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
