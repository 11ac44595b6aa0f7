/**
 * Files saved by LayerLab at file version 2 still open, upgraded to version 3 with the same meaning: the presets as
 * they were released at version 2 (tests/fixtures/projects/v2/examples, copies of examples/ before the move to 3).
 * Version 3 only adds the optional graph.model, so the upgrade changes nothing but the version, and the network
 * exports exactly as it did (no recorded structure: a chain is Sequential, a single Input and output).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kerasApiFor } from '../../../src/core/graph/kerasApi.ts';
import { MIGRATIONS, formatProjectErrors, parseProject, serializeProject } from '../../../src/core/project/index.ts';

const V2_EXAMPLES = 'tests/fixtures/projects/v2/examples';
const V2_FILES = readdirSync(V2_EXAMPLES)
  .filter((name) => name.endsWith('.layerlab.json'))
  .map((name) => join(V2_EXAMPLES, name));

describe('the version 2 -> 3 step', () => {
  it('passes the file on unchanged, as a copy', () => {
    const step = MIGRATIONS[2];
    if (step === undefined) throw new Error('no step from version 2');
    const file = JSON.parse(readFileSync(V2_FILES[0] ?? '', 'utf8')) as Record<string, unknown>;
    const next = step(file);
    expect(next).toEqual(file);
    expect(next).not.toBe(file);
  });
});

describe.each(V2_FILES)('%s (version 2)', (path) => {
  it('opens, says it was upgraded, and means what it meant', () => {
    const text = readFileSync(path, 'utf8');
    const raw = JSON.parse(text) as { version: number; graph: unknown; dataset: unknown; training: unknown; weights: unknown };
    expect(raw.version).toBe(2);
    const result = parseProject(text);
    if (!result.ok) throw new Error(formatProjectErrors(result.errors));
    expect(result.warnings).toEqual([
      'This project was saved in file version 2 and was upgraded; saving it writes version 3, which older LayerLabs cannot open.',
    ]);
    const { project } = result;
    expect(project.version).toBe(3);
    expect(project.graph.model).toBeUndefined();
    // Saved again, it is the version 2 file with only the version changed.
    expect(serializeProject(project)).toBe(text.replace('\n  "version": 2,\n', '\n  "version": 3,\n'));
    // And the current preset is that same file.
    const current = readFileSync(join('examples', path.split('/').pop() ?? ''), 'utf8');
    expect(current).toBe(serializeProject(project));
  });

  it('exports to Keras as before: a chain from the canvas is a Sequential model', () => {
    const result = parseProject(readFileSync(path, 'utf8'));
    if (!result.ok) throw new Error(formatProjectErrors(result.errors));
    expect(kerasApiFor(result.project.graph)).toMatchObject({ api: 'sequential', ignored: null });
  });
});
