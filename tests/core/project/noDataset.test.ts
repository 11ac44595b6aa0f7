import { describe, expect, it } from 'vitest';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { createProject, formatProjectErrors, parseProject, serializeProject } from '../../../src/core/project/index.ts';
import { errorsAfter, errorsOfText, exampleFile, exampleFileV1, expectOnlyError } from './helpers.ts';

function load(text: string): LayerLabProject {
  const result = parseProject(text);
  if (!result.ok) throw new Error(formatProjectErrors(result.errors));
  return result.project;
}

const NONE_EXTRA_FIELD = (key: string): string =>
  `A dataset of kind "none" (no dataset chosen yet) has no other fields; remove "${key}", or set "kind" to the data you want, e.g. "builtin" for a built-in 2-D set.`;

describe('dataset { "kind": "none" } (no dataset chosen yet)', () => {
  it('loads, keeping the rest of the project', () => {
    const file = { ...exampleFile(), dataset: { kind: 'none' } };
    const project = load(JSON.stringify(file));
    expect(project.dataset).toEqual({ kind: 'none' });
    expect(project.graph.nodes.map((n) => n.id)).toEqual(['x', 'hidden', 'out']);
    expect(project.training.loss).toBe('binary_crossentropy');
  });

  it('is written as { "kind": "none" } and reads back to the same bytes', () => {
    const project = load(JSON.stringify({ ...exampleFile(), dataset: { kind: 'none' } }));
    const text = serializeProject(project);
    expect(text).toContain('  "dataset": {\n    "kind": "none"\n  },\n  "training": {');
    const again = load(text);
    expect(again).toEqual(project);
    expect(serializeProject(again)).toBe(text);
  });

  it('can be given to createProject', () => {
    const base = load(JSON.stringify(exampleFile()));
    const project = createProject('No data', base.graph, { kind: 'none' });
    expect(project.dataset).toEqual({ kind: 'none' });
    expect(load(serializeProject(project)).dataset).toEqual({ kind: 'none' });
  });

  it('refuses any other field next to "kind": "none", naming each one', () => {
    const errors = errorsAfter((file) => {
      file.dataset = { kind: 'none', name: 'xor', samples: 400 };
    });
    expect(errors).toEqual([
      { path: 'dataset.name', message: NONE_EXTRA_FIELD('name') },
      { path: 'dataset.samples', message: NONE_EXTRA_FIELD('samples') },
    ]);
  });

  it('refuses a kind LayerLab does not have, listing every kind', () => {
    const kinds =
      'The dataset kind must be one of "builtin" (a 2-D classification set), "regression" (a curve or surface to fit), ' +
      '"iris" (the Iris flowers), "mnist" (handwritten digits), "csv" (your own CSV file), "none" (no dataset chosen yet)';
    for (const [kind, given] of [
      ['Iris', 'the text "Iris"'],
      ['None', 'the text "None"'],
      [null, 'null'],
    ] as const) {
      expectOnlyError(
        (file) => {
          file.dataset = { kind };
        },
        'dataset.kind',
        `${kinds}; it is ${given}.`,
      );
    }
  });

  it('refuses "none" written as text instead of an object, showing both forms', () => {
    expectOnlyError(
      (file) => {
        file.dataset = 'none';
      },
      'dataset',
      'The dataset settings must be an object like {"kind": "builtin", "name": "xor"}, {"kind": "iris"} or {"kind": "none"}; it is the text "none".',
    );
  });

  it('needs "kind" in a version 2 file; a version 1 file without it still means a built-in set', () => {
    expectOnlyError(
      (file) => {
        file.dataset = { name: 'spiral', classes: 3 };
      },
      'dataset.kind',
      'The dataset has no "kind"; it must say which data this is: one of "builtin" (a 2-D classification set), "regression" (a curve or surface to fit), "iris" (the Iris flowers), "mnist" (handwritten digits), "csv" (your own CSV file), "none" (no dataset chosen yet).',
    );
    const v1 = { ...exampleFileV1(), dataset: { name: 'spiral', classes: 3 } };
    expect(load(JSON.stringify(v1)).dataset).toEqual({ kind: 'builtin', name: 'spiral', samples: 400, noise: 0.1, seed: 1, classes: 3 });
    expect(errorsOfText(JSON.stringify({ ...exampleFileV1(), dataset: { name: 'xor', samples: 5 } }))).toEqual([
      { path: 'dataset.samples', message: 'The number of samples must be a whole number from 10 to 10000; it is 5.' },
    ]);
  });
});
