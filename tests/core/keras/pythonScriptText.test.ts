/**
 * Sentences of the exported Python script and notebook that depend on the project (added points, training until
 * Pause, Dropout, the functional API): each test exports a small project and reads the sentence a student sees.
 */
import { describe, expect, it } from 'vitest';
import { chainGraph, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { exportNotebook, exportPythonScript } from '../../../src/core/keras/python/index.ts';
import type { ProjectDataset } from '../../../src/core/datasets/types.ts';
import { createProject } from '../../../src/core/project/index.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { DEFAULT_TRAINING } from '../../../src/core/training/settings.ts';

const XOR: ProjectDataset = { kind: 'builtin', name: 'xor', samples: 100, noise: 0.1, seed: 1, classes: 2 };

function xorNet(extra: 'dropout' | null = null): Graph {
  return chainGraph([
    createNode('x', 'Input', { shape: [2] }),
    createNode('hidden', 'Dense', { units: 4, activation: 'tanh' }),
    ...(extra === 'dropout' ? [createNode('drop', 'Dropout', { rate: 0.2 })] : []),
    createNode('out', 'Dense', { units: 1, activation: 'sigmoid' }),
  ]);
}

function project(graph: Graph = xorNet(), dataset: ProjectDataset = XOR, training: Partial<LayerLabProject['training']> = {}): LayerLabProject {
  return createProject('XOR', graph, dataset, { ...DEFAULT_TRAINING, loss: 'binary_crossentropy', ...training });
}

function script(p: LayerLabProject): string {
  const result = exportPythonScript(p);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.text;
}

/** The notebook's markdown, one string. */
function notebookMarkdown(p: LayerLabProject): string {
  const result = exportNotebook(p);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const notebook = JSON.parse(result.text) as { cells: { cell_type: string; source: string[] }[] };
  return notebook.cells
    .filter((c) => c.cell_type === 'markdown')
    .map((c) => c.source.join(''))
    .join('\n');
}

describe('the script says how many points the student added', () => {
  it.each([
    [1, '# The point you added by clicking on the plot in LayerLab: (x1, x2, class).'],
    [2, '# The 2 points you added by clicking on the plot in LayerLab: (x1, x2, class).'],
  ])('%i added point(s)', (count, line) => {
    const added = Array.from({ length: count }, (_, i) => ({ x1: 0.5 * i, x2: -0.5, label: i % 2 }));
    expect(script(project(xorNet(), { ...XOR, added })).split('\n')).toContain(line);
  });

  it('the notebook counts them beside the generated points', () => {
    const added = [{ x1: 1, x2: -1, label: 1 }];
    expect(notebookMarkdown(project(xorNet(), { ...XOR, added }))).toContain(
      '- 100 points, each with two features, `x1` and `x2`, between -6 and 6, and the 1 point you added by clicking\n',
    );
  });
});

describe('the notebook names the classes of each generated dataset', () => {
  it.each([
    ['moons', '- 2 classes: 0 = upper moon, 1 = lower moon\n'],
    ['circle', '- 2 classes: 0 = inside, 1 = outside\n'],
  ] as const)('%s', (name, line) => {
    expect(notebookMarkdown(project(xorNet(), { ...XOR, name }))).toContain(line);
  });
});

describe('the script and the notebook explain settings LayerLab has and Keras does not', () => {
  it('a project that trains until Pause says the script stops after EPOCHS', () => {
    const line = '# (In LayerLab this project trains until you press Pause; here it stops after EPOCHS.)';
    expect(script(project(xorNet(), XOR, { runUntilStopped: true })).split('\n')).toContain(line);
    expect(script(project()).split('\n')).not.toContain(line);
  });

  it("the notebook says Dropout's random choices are Keras's own", () => {
    expect(notebookMarkdown(project(xorNet('dropout')))).toContain(
      "the numbers are the ones LayerLab shows for the same epochs (up to rounding, and apart from Dropout's random choices, which are Keras's own here).",
    );
    expect(notebookMarkdown(project())).toContain('the numbers are the ones LayerLab shows for the same epochs (up to rounding).');
  });

  it('the notebook of a chain kept in the functional API says how the layers are called', () => {
    const graph: Graph = { ...xorNet(), model: { api: 'functional' } };
    expect(notebookMarkdown(project(graph))).toContain(
      "The model uses Keras's functional API: each layer is called on the output of the layer that feeds it, and `keras.Model` joins the Input to the output.",
    );
  });
});

describe('the script writes the layers as Keras reads them', () => {
  const SINE: ProjectDataset = { kind: 'regression', name: 'sine', samples: 100, noise: 0.1, seed: 1 };
  /** Ids a Python variable cannot be: one starts with a digit, one is a builtin function. */
  const graph = (api: 'sequential' | 'functional'): Graph => ({
    ...chainGraph([
      createNode('x', 'Input', { shape: [1] }),
      createNode('1st', 'Dense', { units: 4, activation: 'tanh' }),
      createNode('bn', 'BatchNormalization', { epsilon: 0.01, center: false }),
      createNode('r', 'ReLU', { negative_slope: 0.1, threshold: 0.5 }),
      createNode('print', 'Dense', { units: 1, activation: 'linear' }),
    ]),
    model: { api },
  });
  const unnamed = (api: 'sequential' | 'functional'): string =>
    script(createProject('', graph(api), SINE, { ...DEFAULT_TRAINING, loss: 'mean_squared_error' }));

  it.each([
    ['a project without a name gets a title', '# LayerLab network: a neural network from LayerLab, as a Keras (tf.keras) script.'],
    ['BatchNormalization with a changed epsilon and no centre', '        layers.BatchNormalization(epsilon=0.01, center=False, name="bn"),'],
    ['ReLU with a slope and a threshold', '        layers.ReLU(negative_slope=0.1, threshold=0.5, name="r"),'],
  ])('sequential: %s', (_name, line) => {
    expect(unnamed('sequential').split('\n')).toContain(line);
  });

  it('functional: ids that are no Python names become variables that are', () => {
    const text = unnamed('functional');
    expect(text).toMatch(/^layer_1st = layers\.Dense\(4, activation="tanh", name="1st"\)\(inputs\)$/m);
    expect(text).toMatch(/^print_out = layers\.Dense\(1, name="print"\)\(r\)$/m);
  });
});
