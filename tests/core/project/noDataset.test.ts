import { describe, expect, it } from 'vitest';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { createProject, formatProjectErrors, parseProject, serializeProject } from '../../../src/core/project/index.ts';
import { errorsAfter, exampleFile, expectOnlyError } from './helpers.ts';

function load(text: string): LayerLabProject {
  const result = parseProject(text);
  if (!result.ok) throw new Error(formatProjectErrors(result.errors));
  return result.project;
}

const NONE_EXTRA_FIELD = (key: string): string =>
  `A dataset of kind "none" (no dataset chosen yet) has no other fields; remove "${key}", or set "kind" to "builtin" to choose a built-in dataset.`;

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

  it('refuses a kind that is neither "builtin" nor "none"', () => {
    const message = (given: string): string =>
      `The dataset kind must be "builtin" (a built-in dataset) or "none" (no dataset chosen yet); it is ${given}.`;
    expectOnlyError(
      (file) => {
        file.dataset = { kind: 'iris' };
      },
      'dataset.kind',
      message('the text "iris"'),
    );
    expectOnlyError(
      (file) => {
        file.dataset = { kind: 'None' };
      },
      'dataset.kind',
      message('the text "None"'),
    );
    expectOnlyError(
      (file) => {
        file.dataset = { kind: null };
      },
      'dataset.kind',
      message('null'),
    );
  });

  it('refuses "none" written as text instead of an object, showing both forms', () => {
    expectOnlyError(
      (file) => {
        file.dataset = 'none';
      },
      'dataset',
      'The dataset settings must be an object like {"kind": "builtin", "name": "xor"} or {"kind": "none"}; it is the text "none".',
    );
  });

  it('leaves older files alone: a dataset without "kind" is still a built-in one, and range checks still apply', () => {
    const file = exampleFile();
    file.dataset = { name: 'spiral', classes: 3 };
    expect(load(JSON.stringify(file)).dataset).toEqual({ kind: 'builtin', name: 'spiral', samples: 400, noise: 0.1, seed: 1, classes: 3 });
    expectOnlyError(
      (f) => {
        f.dataset = { name: 'xor', samples: 5 };
      },
      'dataset.samples',
      'The number of samples must be a whole number from 10 to 10000; it is 5.',
    );
  });
});
