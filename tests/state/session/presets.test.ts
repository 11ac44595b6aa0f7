/**
 * The presets bundled with the app (src/state/presets.ts): the Presets dialog's list is examples/index.json, each
 * entry opens, and a first visit opens XOR.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../../../src/core/project/index.ts';
import { validateDoc } from '../../../src/state/editor/validateDoc.ts';
import { FIRST_VISIT_PRESET, PRESETS, presetProject } from '../../../src/state/presets.ts';
import { openProject } from '../persistence/helpers.ts';

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', EXAMPLES), 'utf8')) as { file: string; title: string; description: string }[];

describe('PRESETS', () => {
  it('is examples/index.json, entry for entry', () => {
    expect(PRESETS).toEqual(index);
    expect(PRESETS.length).toBeGreaterThan(0);
  });

  it('lists every example project on disk, once', () => {
    const onDisk = readdirSync(EXAMPLES).filter((f) => f.endsWith('.layerlab.json')).sort();
    expect(PRESETS.map((p) => p.file).sort()).toEqual(onDisk);
  });

  for (const entry of index) {
    it(`${entry.file} opens through presetProject, the same project as the file on disk, and validates`, () => {
      const project = presetProject(entry.file);
      const fromDisk = openProject(readFileSync(new URL(entry.file, EXAMPLES), 'utf8'));
      expect(serializeProject(project)).toBe(serializeProject(fromDisk));
      expect(project.graph.nodes.length).toBeGreaterThan(0);
      expect(validateDoc(project).problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(entry.title.trim()).not.toBe('');
      expect(entry.description.trim()).not.toBe('');
    });
  }

  it('each call gives a fresh project (editing one preset never changes the next one opened)', () => {
    const a = presetProject(FIRST_VISIT_PRESET);
    const b = presetProject(FIRST_VISIT_PRESET);
    expect(a).not.toBe(b);
    expect(a.graph).not.toBe(b.graph);
  });

  it('an unknown preset is an error that names it', () => {
    expect(() => presetProject('nope.layerlab.json')).toThrow(/nope\.layerlab\.json/);
  });
});

describe('FIRST_VISIT_PRESET', () => {
  it('is the XOR network on the XOR data, listed in the index', () => {
    expect(index.map((e) => e.file)).toContain(FIRST_VISIT_PRESET);
    const project = presetProject(FIRST_VISIT_PRESET);
    expect(project.dataset).toMatchObject({ kind: 'builtin', name: 'xor' });
    expect(project.name).toMatch(/XOR/);
    expect(project.weights).toBeNull();
  });
});
