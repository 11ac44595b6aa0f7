import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../src/core/project/index.ts';
import {
  CURRENT_PROJECT_VERSION,
  MIGRATIONS,
  migrateToCurrent,
  migrateWith,
  parseProject,
  readProjectHeader,
} from '../../../src/core/project/index.ts';
import { at, exampleFile, exampleFileV1 } from './helpers.ts';

describe('the migration table', () => {
  it('has two steps, from version 1 to 2 and from 2 to the current version 3', () => {
    expect(CURRENT_PROJECT_VERSION).toBe(3);
    expect(Object.keys(MIGRATIONS)).toEqual(['1', '2']);
  });

  it('passes a current file through unchanged', () => {
    const file = exampleFile();
    expect(migrateToCurrent(file)).toEqual({ ok: true, project: file, fromVersion: 3 });
  });
});

describe('migration 2 -> 3', () => {
  it('changes nothing but the version: a version 2 file has no graph.model, which means what it meant', () => {
    const file = { ...exampleFile(), version: 2 };
    const before = JSON.stringify(file);
    const result = migrateToCurrent(file);
    expect(JSON.stringify(file)).toBe(before);
    expect(result).toEqual({ ok: true, project: { ...file, version: 3 }, fromVersion: 2 });
  });

  it('runs after 1 -> 2: a version 1 file reaches version 3 with the version 2 changes', () => {
    const result = migrateToCurrent(exampleFileV1());
    expect(result).toMatchObject({ ok: true, fromVersion: 1, project: { version: 3, training: { l2: 0, runUntilStopped: false } } });
  });
});

describe('migration 1 -> 2', () => {
  it('makes the dataset kind explicit and adds the new training settings, leaving the rest as it was', () => {
    const file = exampleFileV1();
    delete at(file, 'dataset').kind;
    const before = JSON.stringify(file);
    const result = migrateToCurrent(file);
    expect(JSON.stringify(file)).toBe(before); // the input is left alone
    if (!result.ok) throw new Error('migration failed');
    expect(result.fromVersion).toBe(1);
    expect(result.project).toEqual({
      ...file,
      version: 3,
      dataset: { kind: 'builtin', name: 'xor', samples: 400, noise: 0.1, seed: 1, classes: 2 },
      training: { ...at(file, 'training'), l2: 0, runUntilStopped: false },
    });
  });

  it('keeps an explicit kind ("builtin" or "none") and leaves a missing dataset or training to the defaults', () => {
    const none = { ...exampleFileV1(), dataset: { kind: 'none' } };
    expect(migrateToCurrent(none)).toMatchObject({ ok: true, project: { dataset: { kind: 'none' } } });
    const bare = exampleFileV1();
    delete bare.dataset;
    delete bare.training;
    const result = migrateToCurrent(bare);
    expect(result.ok && Object.keys(result.project)).toEqual(['format', 'version', 'name', 'graph', 'weights']);
  });

  it('passes odd values through for the schema to report at their path', () => {
    const odd = { ...exampleFileV1(), dataset: 'xor', training: [1] };
    const result = migrateToCurrent(odd);
    expect(result).toMatchObject({ ok: true, project: { dataset: 'xor', training: [1] } });
    expect(parseProject(JSON.stringify(odd))).toMatchObject({ ok: false, errors: [{ path: 'dataset' }, { path: 'training' }] });
  });
});

describe('migrateWith (the mechanism, with an injected table)', () => {
  /** A pretend version 2 that renamed "name" to "title". */
  const renameNameToTitle: Migration = (old) => {
    const { name, ...rest } = old;
    return { ...rest, title: name };
  };

  it('applies a migration and sets the new version', () => {
    const file = exampleFileV1();
    const result = migrateWith(file, { 1: renameNameToTitle }, 2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fromVersion).toBe(1);
    expect(result.project.version).toBe(2);
    expect(result.project.title).toBe('XOR 2-4-1');
    expect(result.project).not.toHaveProperty('name');
    // The input is left alone.
    expect(file).toEqual(exampleFileV1());
  });

  it('applies steps in order, from the file version up to the target', () => {
    const calls: number[] = [];
    const step =
      (from: number): Migration =>
      (old) => {
        calls.push(from);
        expect(old.version).toBe(from);
        return { ...old, [`upgradedFrom${from}`]: true };
      };
    const table = { 1: step(1), 2: step(2), 3: step(3) };
    const file = { ...exampleFileV1(), version: 2 };
    const result = migrateWith(file, table, 4);
    expect(calls).toEqual([2, 3]);
    expect(result).toMatchObject({ ok: true, fromVersion: 2, project: { version: 4, upgradedFrom2: true, upgradedFrom3: true } });
    expect(result.ok && 'upgradedFrom1' in result.project).toBe(false);
  });

  it('reports a missing step instead of skipping it', () => {
    expect(migrateWith(exampleFileV1(), { 2: renameNameToTitle }, 3)).toEqual({
      ok: false,
      errors: [
        {
          path: 'version',
          message: 'LayerLab cannot upgrade a version 1 project to version 3: the step from version 1 is missing.',
        },
      ],
    });
  });

  it('turns a failing migration into an error instead of throwing', () => {
    const broken: Migration = () => {
      throw new Error('graph.nodes is not a list');
    };
    expect(migrateWith(exampleFileV1(), { 1: broken }, 2)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'LayerLab could not upgrade this project from version 1 to 2: graph.nodes is not a list' }],
    });
    const notAnObject = (() => [1]) as unknown as Migration;
    expect(migrateWith(exampleFileV1(), { 1: notAnObject }, 2)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'LayerLab could not upgrade this project from version 1 to 2.' }],
    });
  });

  it('refuses files newer than the target version', () => {
    expect(migrateWith({ ...exampleFileV1(), version: 3 }, {}, 2)).toEqual({
      ok: false,
      errors: [
        { path: 'version', message: 'This project was saved by a newer LayerLab (version 3); this one reads up to version 2.' },
      ],
    });
  });
});

describe('readProjectHeader', () => {
  it('accepts a project and returns its version', () => {
    expect(readProjectHeader(exampleFile())).toEqual({ ok: true, version: 3 });
    expect(readProjectHeader(exampleFileV1())).toEqual({ ok: true, version: 1 });
  });

  it('explains a wrong format, a missing or invalid version, and a newer one', () => {
    expect(readProjectHeader({ format: 'layerlab', version: 1 })).toEqual({
      ok: false,
      errors: [{ path: 'format', message: 'This is not a LayerLab project file: its "format" is the text "layerlab", not "layerlab-project".' }],
    });
    expect(readProjectHeader({ format: 'layerlab-project' })).toMatchObject({ ok: false, errors: [{ path: 'version' }] });
    expect(readProjectHeader({ format: 'layerlab-project', version: -1 })).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'The file\'s "version" must be a whole number of at least 1; it is -1.' }],
    });
    expect(readProjectHeader({ format: 'layerlab-project', version: 4 })).toEqual({
      ok: false,
      errors: [
        { path: 'version', message: 'This project was saved by a newer LayerLab (version 4); this one reads up to version 3.' },
      ],
    });
  });

  it('does not read inherited properties', () => {
    const inherits = Object.create({ format: 'layerlab-project', version: 1 }) as Record<string, unknown>;
    expect(readProjectHeader(inherits)).toMatchObject({ ok: false, errors: [{ path: 'format' }] });
  });
});
