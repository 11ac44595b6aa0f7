/**
 * Files saved by LayerLab 1 (file version 1) still open, upgraded through version 2 to 3 with the same meaning: every project
 * in tests/fixtures/projects, the presets as they were released (tests/fixtures/projects/v1/examples, copies of
 * examples/ at version 1, before the presets moved on), and a hand-written file that leaves out the dataset kind
 * and most settings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { DEFAULT_PROJECT_DATASET, formatProjectErrors, parseProject, serializeProject } from '../../../src/core/project/index.ts';
import { DEFAULT_TRAINING } from '../../../src/core/training/settings.ts';

const FIXTURES = 'tests/fixtures/projects';
const V1_EXAMPLES = join(FIXTURES, 'v1', 'examples');

const filesIn = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.layerlab.json'))
    .map((name) => join(folder, name));

const V1_FILES = [...filesIn(FIXTURES), ...filesIn(join(FIXTURES, 'v1')), ...filesIn(V1_EXAMPLES)];

type Raw = Record<string, unknown> & {
  version: number;
  name: string;
  graph: { nodes: { id: string; kind: string; params?: Record<string, unknown>; position: unknown }[]; edges: unknown[] };
  dataset?: Record<string, unknown>;
  training?: Record<string, unknown>;
  weights?: unknown;
};

function open(path: string): { raw: Raw; project: LayerLabProject; warnings: string[] } {
  const text = readFileSync(path, 'utf8');
  const result = parseProject(text);
  if (!result.ok) throw new Error(`${path}:\n${formatProjectErrors(result.errors)}`);
  return { raw: JSON.parse(text) as Raw, project: result.project, warnings: result.warnings };
}

describe.each(V1_FILES)('%s (version 1)', (path) => {
  it('opens, says it was upgraded, and means what it meant', () => {
    const { raw, project, warnings } = open(path);
    expect(raw.version).toBe(1);
    expect(warnings).toEqual([
      'This project was saved in file version 1 and was upgraded; saving it writes version 3, which older LayerLabs cannot open.',
    ]);
    expect(project.version).toBe(3);
    // Version 1 had no model structure: the graph records none (a chain is Sequential, ends in graph order).
    expect(project.graph.model).toBeUndefined();
    expect(project.name).toBe(raw.name);
    expect(project.graph.edges).toEqual(raw.graph.edges);
    raw.graph.nodes.forEach((node, i) => {
      const loaded = project.graph.nodes[i];
      expect({ id: loaded?.id, kind: loaded?.kind, position: loaded?.position }).toEqual({ id: node.id, kind: node.kind, position: node.position });
      expect(loaded?.params).toMatchObject(node.params ?? {});
    });
    // Version 1 had only built-in sets: a dataset without "kind" is one of them.
    const dataset = raw.dataset ?? {};
    expect(project.dataset).toEqual(dataset.kind === 'none' ? { kind: 'none' } : { ...DEFAULT_PROJECT_DATASET, ...dataset, kind: 'builtin' });
    // No weight penalty and a fixed number of epochs: it trains as it did.
    expect(project.training).toEqual({ ...DEFAULT_TRAINING, ...raw.training, l2: 0, runUntilStopped: false });
    expect(project.weights).toEqual(raw.weights ?? null);
  });

  it('is saved as version 3, which opens without a warning to the same project', () => {
    const { project } = open(path);
    const text = serializeProject(project);
    expect(text).toContain('\n  "version": 3,\n');
    expect(text).toMatch(/"dataset": \{\n {4}"kind": "(builtin|none)"/);
    expect(parseProject(text)).toEqual({ ok: true, project, warnings: [] });
  });
});
