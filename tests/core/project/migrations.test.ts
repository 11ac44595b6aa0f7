import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../src/core/project/index.ts';
import {
  CURRENT_PROJECT_VERSION,
  MIGRATIONS,
  migrateToCurrent,
  migrateWith,
  readProjectHeader,
} from '../../../src/core/project/index.ts';
import { exampleFile } from './helpers.ts';

describe('the migration table', () => {
  it('is empty while version 1 is current', () => {
    expect(CURRENT_PROJECT_VERSION).toBe(1);
    expect(Object.keys(MIGRATIONS)).toEqual([]);
  });

  it('passes a current file through unchanged', () => {
    const file = exampleFile();
    expect(migrateToCurrent(file)).toEqual({ ok: true, project: file, fromVersion: 1 });
  });
});

describe('migrateWith (the mechanism, with an injected table)', () => {
  /** A pretend version 2 that renamed "name" to "title". */
  const renameNameToTitle: Migration = (old) => {
    const { name, ...rest } = old;
    return { ...rest, title: name };
  };

  it('applies a migration and sets the new version', () => {
    const file = exampleFile();
    const result = migrateWith(file, { 1: renameNameToTitle }, 2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fromVersion).toBe(1);
    expect(result.project.version).toBe(2);
    expect(result.project.title).toBe('XOR 2-4-1');
    expect(result.project).not.toHaveProperty('name');
    // The input is left alone.
    expect(file).toEqual(exampleFile());
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
    const file = { ...exampleFile(), version: 2 };
    const result = migrateWith(file, table, 4);
    expect(calls).toEqual([2, 3]);
    expect(result).toMatchObject({ ok: true, fromVersion: 2, project: { version: 4, upgradedFrom2: true, upgradedFrom3: true } });
    expect(result.ok && 'upgradedFrom1' in result.project).toBe(false);
  });

  it('reports a missing step instead of skipping it', () => {
    expect(migrateWith(exampleFile(), { 2: renameNameToTitle }, 3)).toEqual({
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
    expect(migrateWith(exampleFile(), { 1: broken }, 2)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'LayerLab could not upgrade this project from version 1 to 2: graph.nodes is not a list' }],
    });
    const notAnObject = (() => [1]) as unknown as Migration;
    expect(migrateWith(exampleFile(), { 1: notAnObject }, 2)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'LayerLab could not upgrade this project from version 1 to 2.' }],
    });
  });

  it('refuses files newer than the target version', () => {
    expect(migrateWith({ ...exampleFile(), version: 3 }, {}, 2)).toEqual({
      ok: false,
      errors: [
        { path: 'version', message: 'This project was saved by a newer LayerLab (version 3); this one reads up to version 2.' },
      ],
    });
  });
});

describe('readProjectHeader', () => {
  it('accepts a project and returns its version', () => {
    expect(readProjectHeader(exampleFile())).toEqual({ ok: true, version: 1 });
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
    expect(readProjectHeader({ format: 'layerlab-project', version: 2 })).toEqual({
      ok: false,
      errors: [
        { path: 'version', message: 'This project was saved by a newer LayerLab (version 2); this one reads up to version 1.' },
      ],
    });
  });

  it('does not read inherited properties', () => {
    const inherits = Object.create({ format: 'layerlab-project', version: 1 }) as Record<string, unknown>;
    expect(readProjectHeader(inherits)).toMatchObject({ ok: false, errors: [{ path: 'format' }] });
  });
});
