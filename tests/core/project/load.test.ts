import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/core/graph/types.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import {
  CURRENT_PROJECT_VERSION,
  DEFAULT_PROJECT_DATASET,
  MAX_PROJECT_FILE_BYTES,
  PROJECT_FORMAT,
  createProject,
  formatProjectErrors,
  parseProject,
  serializeProject,
} from '../../../src/core/project/index.ts';
import { DEFAULT_TRAINING } from '../../../src/core/training/settings.ts';
import { at, errorsOfText, exampleFile } from './helpers.ts';

function load(text: string): { project: LayerLabProject; warnings: string[] } {
  const result = parseProject(text);
  if (!result.ok) throw new Error(`expected the file to load:\n${formatProjectErrors(result.errors)}`);
  return result;
}

const DENSE_DEFAULTS = {
  use_bias: true,
  kernel_initializer: 'glorot_uniform',
  bias_initializer: 'zeros',
  kernel_regularizer: null,
} as const;

describe('parseProject: valid files', () => {
  it('loads the documented example with every parameter filled in', () => {
    const { project, warnings } = load(JSON.stringify(exampleFile()));
    expect(warnings).toEqual([]);
    expect(project.format).toBe(PROJECT_FORMAT);
    expect(project.version).toBe(CURRENT_PROJECT_VERSION);
    expect(project.name).toBe('XOR 2-4-1');
    expect(project.graph.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['x', 'Input'],
      ['hidden', 'Dense'],
      ['out', 'Dense'],
    ]);
    expect(project.graph.nodes[1]?.params).toEqual({ units: 4, activation: 'tanh', ...DENSE_DEFAULTS });
    expect(project.graph.edges[1]).toEqual({ id: 'e2', source: 'hidden', target: 'out', inputIndex: 0 });
    expect(project.dataset).toEqual({ kind: 'builtin', name: 'xor', samples: 400, noise: 0.1, seed: 1, classes: 2 });
    expect(project.training).toEqual(DEFAULT_TRAINING);
    expect(project.weights?.layers.out?.[0]).toEqual({ name: 'kernel', shape: [4, 1], values: [1, -1, 0.5, 0.25] });
  });

  it('gives omitted params, dataset, training and weights their defaults', () => {
    const file = exampleFile();
    delete at(file, 'graph', 'nodes', 1).params;
    delete file.dataset;
    delete file.training;
    delete file.weights;
    const { project } = load(JSON.stringify(file));
    expect(project.graph.nodes[1]?.params).toEqual({ units: 8, activation: 'relu', ...DENSE_DEFAULTS });
    expect(project.dataset).toEqual(DEFAULT_PROJECT_DATASET);
    expect(project.training).toEqual(DEFAULT_TRAINING);
    expect(project.weights).toBeNull();
  });

  it('fills omitted dataset and training fields one by one', () => {
    const file = exampleFile();
    file.dataset = { kind: 'builtin', name: 'spiral', classes: 3 };
    file.training = { optimizer: 'adam', learningRate: 0.01 };
    const { project } = load(JSON.stringify(file));
    expect(project.dataset).toEqual({ kind: 'builtin', name: 'spiral', samples: 400, noise: 0.1, seed: 1, classes: 3 });
    expect(project.training).toEqual({ ...DEFAULT_TRAINING, optimizer: 'adam', learningRate: 0.01 });
    file.dataset = { kind: 'regression' };
    expect(load(JSON.stringify(file)).project.dataset).toEqual({ kind: 'regression', name: 'sine', samples: 200, noise: 0.1, seed: 1 });
    file.dataset = { kind: 'mnist' };
    expect(load(JSON.stringify(file)).project.dataset).toEqual({ kind: 'mnist', samples: 2000, seed: 1 });
  });

  it('accepts weights: null and a file starting with a byte order mark', () => {
    const file = exampleFile();
    file.weights = null;
    expect(load(`\uFEFF${JSON.stringify(file)}`).project.weights).toBeNull();
  });

  it('accepts node ids that are names of Object.prototype members', () => {
    const file = exampleFile();
    at(file, 'graph', 'nodes', 1).id = 'toString';
    at(file, 'graph', 'edges', 0).target = 'toString';
    at(file, 'graph', 'edges', 1).source = 'toString';
    const key: string = 'toString';
    const layers = at(file, 'weights', 'layers');
    layers[key] = layers.hidden;
    delete layers.hidden;
    const { project } = load(JSON.stringify(file));
    expect(Object.hasOwn(project.weights?.layers ?? {}, key)).toBe(true);
    expect(project.weights?.layers[key]?.[0]?.name).toBe('kernel');
  });
});

describe('serializeProject', () => {
  it('round-trips the example exactly', () => {
    const { project } = load(JSON.stringify(exampleFile()));
    const text = serializeProject(project);
    expect(load(text).project).toEqual(project);
    expect(serializeProject(load(text).project)).toBe(text);
  });

  it('writes stable key order, 2-space indent, one-line number lists and a trailing newline', () => {
    const file = exampleFile();
    // Same project, keys in a different order in the source file.
    const shuffled = JSON.stringify({ weights: file.weights, training: file.training, ...file });
    const text = serializeProject(load(shuffled).project);
    expect(text).toBe(serializeProject(load(JSON.stringify(file)).project));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "layerlab-project",\n  "version": 3,\n  "name": "XOR 2-4-1",\n')).toBe(true);
    expect(text).toContain('\n          "shape": [2, 4],\n          "values": [0.5, -0.25, 1, 0, 0.75, 0.125, -1, 2]\n');
    expect(text).toContain('"params": {\n          "units": 4,\n          "activation": "tanh",\n          "use_bias": true,');
    for (const line of text.split('\n')) expect(line.length - line.trimStart().length).toSatisfy((n: number) => n % 2 === 0);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'name', 'graph', 'dataset', 'training', 'weights']);
    expect(Object.keys(at(parsed, 'training'))).toEqual(Object.keys(DEFAULT_TRAINING));
    expect(Object.keys(at(parsed, 'graph', 'nodes', 0))).toEqual(['id', 'kind', 'params', 'position']);
  });

  it('writes weights in graph order', () => {
    const file = exampleFile();
    const layers = at(file, 'weights', 'layers');
    file.weights = { layers: { out: layers.out, hidden: layers.hidden } };
    const parsed = JSON.parse(serializeProject(load(JSON.stringify(file)).project)) as unknown;
    expect(Object.keys(at(parsed, 'weights', 'layers'))).toEqual(['hidden', 'out']);
  });

  it('keeps -0 and full double precision', () => {
    const { project } = load(JSON.stringify(exampleFile()));
    const values = [-0, 0.1 + 0.2, 5e-324, -1.7976931348623157e308];
    const withWeights: LayerLabProject = {
      ...project,
      weights: { layers: { out: [{ name: 'kernel', shape: [4, 1], values }] } },
    };
    const text = serializeProject(withWeights);
    expect(text).toContain('"values": [-0, 0.30000000000000004, 5e-324, -1.7976931348623157e+308]');
    const again = load(text).project;
    expect(again).toEqual(withWeights);
    expect(Object.is(again.weights?.layers.out?.[0]?.values[0], -0)).toBe(true);
  });

  it('refuses NaN and Infinity with the field path, since JSON cannot hold them', () => {
    const { project } = load(JSON.stringify(exampleFile()));
    const broken: LayerLabProject = {
      ...project,
      weights: { layers: { out: [{ name: 'bias', shape: [1], values: [Number.NaN] }] } },
    };
    expect(() => serializeProject(broken)).toThrow(RangeError);
    expect(() => serializeProject(broken)).toThrow('Cannot save weights.layers.out[0].values[0]: it is NaN');
  });
});

describe('createProject', () => {
  const graph: Graph = {
    nodes: [
      { id: 'x', kind: 'Input', params: { shape: [2] }, position: { x: 0, y: 0 } },
      {
        id: 'y',
        kind: 'Dense',
        params: { units: 1, activation: 'sigmoid', ...DENSE_DEFAULTS, kernel_regularizer: { l1: 0, l2: 0.01 } },
        position: { x: 200, y: 0 },
      },
    ],
    edges: [{ id: 'e1', source: 'x', target: 'y', inputIndex: 0 }],
  };

  it('uses the default dataset and training settings', () => {
    const project = createProject('Tiny', graph);
    expect(project).toEqual({
      format: 'layerlab-project',
      version: 3,
      name: 'Tiny',
      graph,
      dataset: { kind: 'builtin', name: 'xor', samples: 400, noise: 0.1, seed: 1, classes: 2 },
      training: DEFAULT_TRAINING,
      weights: null,
    });
    expect(project.training).not.toBe(DEFAULT_TRAINING);
  });

  it('takes a dataset and training settings, and round-trips', () => {
    const dataset = { kind: 'builtin', name: 'gauss', samples: 200, noise: 0, seed: 7, classes: 4 } as const;
    const training = { ...DEFAULT_TRAINING, optimizer: 'adam', loss: 'sparse_categorical_crossentropy' } as const;
    const project = createProject('Blobs', graph, dataset, training);
    expect(project.dataset).toEqual(dataset);
    expect(load(serializeProject(project)).project).toEqual(project);
  });
});

describe('parseProject: files that are not projects', () => {
  it('reports an empty file', () => {
    expect(errorsOfText('')).toEqual([{ path: '', message: 'The file is empty.' }]);
    expect(errorsOfText(' \n\t ')).toEqual([{ path: '', message: 'The file is empty.' }]);
  });

  it('reports invalid JSON with the parser message', () => {
    const text = '{"format": "layerlab-project", "version": 1,}';
    let parserMessage = '';
    try {
      JSON.parse(text);
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    expect(parserMessage).not.toBe('');
    expect(errorsOfText(text)).toEqual([{ path: '', message: `The file is not valid JSON: ${parserMessage}` }]);
  });

  it('reports JSON that is not an object', () => {
    expect(errorsOfText('[1, 2]')).toEqual([
      { path: '', message: 'A LayerLab project file holds one JSON object ({ ... }); this file holds a list of 2 items.' },
    ]);
    expect(errorsOfText('"hello"')).toEqual([
      { path: '', message: 'A LayerLab project file holds one JSON object ({ ... }); this file holds the text "hello".' },
    ]);
  });

  it('reports a missing or wrong format', () => {
    expect(errorsOfText('{"name": "x"}')).toEqual([
      { path: 'format', message: 'This is not a LayerLab project file: it has no "format": "layerlab-project" field.' },
    ]);
    expect(errorsOfText('{"format": "keras-model", "version": 1}')).toEqual([
      {
        path: 'format',
        message: 'This is not a LayerLab project file: its "format" is the text "keras-model", not "layerlab-project".',
      },
    ]);
  });

  it('reports a newer version, and a missing or invalid one', () => {
    const file = exampleFile();
    file.version = 4;
    expect(errorsOfText(JSON.stringify(file))).toEqual([
      { path: 'version', message: 'This project was saved by a newer LayerLab (version 4); this one reads up to version 3.' },
    ]);
    delete file.version;
    expect(errorsOfText(JSON.stringify(file))).toEqual([
      {
        path: 'version',
        message: 'The file has no "version" number, so LayerLab cannot tell how to read it (this LayerLab saves "version": 3).',
      },
    ]);
    for (const [version, shown] of [
      ['1', 'the text "1"'],
      [0, '0'],
      [1.5, '1.5'],
      [null, 'null'],
    ] as const) {
      file.version = version;
      expect(errorsOfText(JSON.stringify(file))).toEqual([
        { path: 'version', message: `The file's "version" must be a whole number of at least 1; it is ${shown}.` },
      ]);
    }
  });

  it('refuses a file over 50 MB before parsing, saying its size and the cap', () => {
    expect(MAX_PROJECT_FILE_BYTES).toBe(50 * 1024 * 1024);
    const justOver = `{"name": "${'x'.repeat(MAX_PROJECT_FILE_BYTES)}"}`;
    expect(errorsOfText(justOver)).toEqual([
      {
        path: '',
        message: 'The file is too large to open: it is 50.1 MB, and LayerLab opens project files of up to 50 MB.',
      },
    ]);
    // Counted in UTF-8 bytes, as on disk: 20 million "é" are 40 million bytes, 17.5 million "€" are 52.5 million.
    expect(errorsOfText('é'.repeat(20_000_000))[0]?.message).toMatch(/^The file is not valid JSON/);
    expect(errorsOfText('€'.repeat(17_500_000))).toEqual([
      {
        path: '',
        message: 'The file is too large to open: it is 50.1 MB, and LayerLab opens project files of up to 50 MB.',
      },
    ]);
  });

  it('never throws, even when called with something that is not text', () => {
    expect(parseProject(undefined as unknown as string)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'The project file could not be read as text.' }],
    });
  });
});

describe('formatProjectErrors', () => {
  it('writes one line per error, path first', () => {
    expect(
      formatProjectErrors([
        { path: '', message: 'The file is empty.' },
        { path: 'graph.nodes[2].params.units', message: 'Units must be a number.' },
      ]),
    ).toBe('The file is empty.\ngraph.nodes[2].params.units: Units must be a number.');
    expect(formatProjectErrors([])).toBe('');
  });
});
