/** Version 2's dataset kinds and training settings in the file: what loads, what is written, and each field's error. */
import { describe, expect, it } from 'vitest';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { MAX_CSV_TEXT_BYTES, formatProjectErrors, parseProject, serializeProject } from '../../../src/core/project/index.ts';
import { at, errorsAfter, exampleFile, expectOnlyError } from './helpers.ts';

function load(file: Record<string, unknown>): LayerLabProject {
  const result = parseProject(JSON.stringify(file));
  if (!result.ok) throw new Error(formatProjectErrors(result.errors));
  return result.project;
}

const withDataset = (dataset: unknown): Record<string, unknown> => ({ ...exampleFile(), dataset });

const CSV = { kind: 'csv', fileName: 'flowers.csv', task: 'classification', features: ['petal length', 'petal width'], label: 'species', normalization: 'standardize', seed: 4, text: 'petal length,petal width,species\n1.4,0.2,setosa\n4.7,1.4,versicolor\n' };

describe('each kind of data loads, is written in a fixed order and reads back to the same bytes', () => {
  it.each([
    ['a 2-D set with added points', { kind: 'builtin', name: 'moons', samples: 300, noise: 0.2, seed: 3, classes: 2, added: [{ x1: 1.5, x2: -6, label: 1 }, { x1: 0, x2: 6, label: 0 }] }],
    ['a regression set', { kind: 'regression', name: 'plane', samples: 150, noise: 0, seed: 9 }],
    ['Iris', { kind: 'iris', seed: 5 }],
    ['MNIST', { kind: 'mnist', samples: 500, seed: 2 }],
    ['a CSV file', CSV],
  ])('%s', (_, dataset) => {
    const project = load(withDataset(dataset));
    expect(project.dataset).toEqual(dataset);
    const text = serializeProject(project);
    expect(Object.keys(at(JSON.parse(text), 'dataset'))).toEqual(Object.keys(dataset));
    expect(serializeProject(load(JSON.parse(text) as Record<string, unknown>))).toBe(text);
  });

  it('leaves out an empty list of added points, and writes a CSV file\'s text last', () => {
    const project = load(withDataset({ kind: 'builtin', name: 'xor', added: [] }));
    expect(project.dataset).not.toHaveProperty('added');
    expect(serializeProject(project)).not.toContain('"added"');
    const csv = JSON.parse(serializeProject(load(withDataset(CSV)))) as Record<string, unknown>;
    expect(Object.keys(at(csv, 'dataset')).pop()).toBe('text');
  });

  it('fills the fields a kind can do without', () => {
    expect(load(withDataset({ kind: 'iris' })).dataset).toEqual({ kind: 'iris', seed: 1 });
    const { fileName, normalization, seed, ...required } = CSV;
    expect([fileName, normalization, seed]).toHaveLength(3);
    expect(load(withDataset(required)).dataset).toEqual({ ...CSV, fileName: 'data.csv', normalization: 'standardize', seed: 1 });
  });
});

describe('dataset errors name the field and the allowed values', () => {
  it('regression and MNIST sizes and noise', () => {
    expect(errorsAfter((file) => (file.dataset = { kind: 'regression', name: 'sine', samples: 20000, noise: -1 }))).toEqual([
      { path: 'dataset.samples', message: 'The number of samples must be a whole number from 10 to 10000; it is 20000.' },
      { path: 'dataset.noise', message: 'The dataset noise must be from 0 to 0.5; it is -1.' },
    ]);
    expectOnlyError((file) => (file.dataset = { kind: 'regression', name: 'cosine' }), 'dataset.name', 'The dataset name must be one of sine, plane; it is the text "cosine".');
    expectOnlyError((file) => (file.dataset = { kind: 'mnist', samples: 50 }), 'dataset.samples', 'The number of samples must be a whole number from 100 to 10000; it is 50.');
  });

  it('a field the kind does not have, with the fields it does have', () => {
    expectOnlyError((file) => (file.dataset = { kind: 'iris', samples: 150 }), 'dataset.samples', 'A dataset of kind "iris" has no field "samples"; its fields are kind, seed.');
    expectOnlyError(
      (file) => (file.dataset = { ...CSV, Label: 'species' }),
      'dataset.Label',
      'A dataset of kind "csv" has no field "Label"; its fields are kind, fileName, task, features, label, normalization, seed, text. Did you mean "label"?',
    );
  });

  it('added points outside the plot, with a label the set does not have, or of the wrong type', () => {
    const points = [{ x1: 0, x2: 0, label: 0 }, { x1: 7.5, x2: 0, label: 2 }, { x1: 0, x2: -9, label: 0 }, { x1: 8, x2: 0, label: 1 }];
    expect(errorsAfter((file) => (file.dataset = { kind: 'builtin', name: 'xor', added: points }))).toEqual([
      { path: 'dataset.added[1].x1', message: "The 2nd added point's x1 must be from -6 to 6 (the plot's frame); it is 7.5." },
      { path: 'dataset.added[1].label', message: "The 2nd added point's label must be a whole number from 0 to 1 (the xor dataset has 2 classes); it is 2." },
      { path: 'dataset.added[2].x2', message: "The 3rd added point's x2 must be from -6 to 6 (the plot's frame); it is -9." },
    ]);
    expect(errorsAfter((file) => (file.dataset = { kind: 'builtin', name: 'spiral', classes: 3, added: [{ x1: '1', x2: 0, label: 0, colour: 'red' }, 5] }))).toEqual([
      { path: 'dataset.added[0].colour', message: 'The 1st added point has an unknown field "colour"; its fields are x1, x2, label.' },
      { path: 'dataset.added[0].x1', message: "The 1st added point's x1 must be a number; it is the text \"1\"." },
      { path: 'dataset.added[1]', message: 'The 2nd added point must be an object like {"x1": 0.5, "x2": -2, "label": 1}; it is 5.' },
    ]);
  });

  it('a CSV file: missing text, no feature columns, a column listed twice or used as the label, an unknown task', () => {
    expect(
      errorsAfter((file) => {
        file.dataset = { kind: 'csv', task: 'clustering', features: ['a', 'b', 'a', 'y', ''], label: 'y' };
      }),
    ).toEqual([
      { path: 'dataset.task', message: 'The CSV task must be one of classification, regression; it is the text "clustering".' },
      { path: 'dataset.features[2]', message: 'The feature column "a" is listed twice.' },
      { path: 'dataset.features[3]', message: 'The column "y" is both a feature and the label; the network cannot be given the answer it must predict.' },
      { path: 'dataset.features[4]', message: 'The 5th feature column has an empty name.' },
      { path: 'dataset.text', message: 'The CSV text is missing; it must be text in double quotes.' },
    ]);
    expect(errorsAfter((file) => (file.dataset = { ...CSV, features: [], label: '', fileName: '', text: ' \n' }))).toEqual([
      { path: 'dataset.fileName', message: 'The CSV file name is empty; give the file a name, e.g. "data.csv".' },
      { path: 'dataset.features', message: "The list of feature columns is empty; choose at least one column as the network's input." },
      { path: 'dataset.label', message: 'The label column is empty; name the column the network must predict.' },
      { path: 'dataset.text', message: 'The CSV text is empty; it must hold the file, a header row first.' },
    ]);
  });

  it('a CSV text over the 20 MB a project keeps, measured in bytes of UTF-8', () => {
    expect(MAX_CSV_TEXT_BYTES).toBe(20 * 1024 * 1024);
    const row = 'é,1\n'; // 5 bytes in UTF-8, 4 UTF-16 units
    const text = `a,b\n${row.repeat(Math.ceil(MAX_CSV_TEXT_BYTES / 5))}`;
    expect(text.length).toBeLessThan(MAX_CSV_TEXT_BYTES);
    expectOnlyError((file) => (file.dataset = { ...CSV, features: ['a'], label: 'b', text }), 'dataset.text', 'The CSV text is 20.1 MB; a project can keep a CSV file of up to 20 MB.');
  });
});

describe('training settings of version 2', () => {
  it('accepts momentum, an L2 penalty and "run until stopped", and checks the penalty\'s range', () => {
    const file = exampleFile();
    Object.assign(at(file, 'training'), { optimizer: 'momentum', l2: 0.001, runUntilStopped: true });
    expect(load(file).training).toMatchObject({ optimizer: 'momentum', l2: 0.001, runUntilStopped: true });
    expect(
      errorsAfter((f) => {
        Object.assign(at(f, 'training'), { l2: 2, runUntilStopped: 'yes' });
      }),
    ).toEqual([
      { path: 'training.l2', message: 'The L2 weight penalty must be from 0 to 1; it is 2.' },
      { path: 'training.runUntilStopped', message: 'The "run until stopped" setting must be true or false; it is the text "yes".' },
    ]);
  });
});
