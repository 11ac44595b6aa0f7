/** The CLI on projects with `"dataset": { "kind": "none" }`: valid, exportable, not trainable, and what import writes. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProjectErrors, parseProject } from '../../src/core/project/index.ts';
import { runCliInProcess } from './runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-nodata-'));
const IRIS_TITLE = 'Iris flowers (4 measurements, 3 species)';
const IRIS_LINE = `Valid: no dataset chosen yet. The ${IRIS_TITLE} dataset fits this network; choose it before training.`;

/** The Iris preset with no dataset chosen (as an imported 4-3 model would be before choosing). */
const IRIS = ((): string => {
  const project = JSON.parse(readFileSync('examples/iris-softmax.layerlab.json', 'utf8')) as { dataset: unknown };
  project.dataset = { kind: 'none' };
  const path = join(dir, 'iris-none.layerlab.json');
  writeFileSync(path, JSON.stringify(project));
  return path;
})();

/** The XOR example with its dataset removed and `change` applied. */
function xorWithoutData(name: string, change: (project: { graph: { nodes: { id: string; params: Record<string, unknown> }[] } }) => void = () => undefined): string {
  const project = JSON.parse(readFileSync('examples/xor.layerlab.json', 'utf8')) as {
    graph: { nodes: { id: string; params: Record<string, unknown> }[] };
    dataset: unknown;
  };
  project.dataset = { kind: 'none' };
  change(project);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(project));
  return path;
}

describe('layerlab validate with no dataset chosen', () => {
  it('exits 0 and says which data would fit', async () => {
    const run = await runCliInProcess(['validate', IRIS]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain('Total params: 67');
    expect(lines[lines.length - 1]).toBe(IRIS_LINE);
  });

  it('--json adds the dataset with its suggestion', async () => {
    const run = await runCliInProcess(['validate', IRIS, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { valid: boolean; diagnostics: unknown[]; dataset: unknown };
    expect(result.valid).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(result.dataset).toEqual({
      kind: 'none',
      suggested: { name: 'iris', title: IRIS_TITLE, available: true, config: { kind: 'iris', seed: 1 } },
    });
  });

  it('names a built-in set that fits, or says to choose one when nothing fits', async () => {
    const xor = await runCliInProcess(['validate', xorWithoutData('xor-none.layerlab.json')]);
    expect(xor.code).toBe(0);
    expect(xor.stdout.trim().split('\n').pop()).toBe('Valid: no dataset chosen yet. The built-in XOR dataset fits this network; choose it before training.');
    const seven = xorWithoutData('seven.layerlab.json', (p) => {
      const out = p.graph.nodes[2];
      if (out !== undefined) out.params = { ...out.params, units: 7, activation: 'softmax' };
    });
    const none = await runCliInProcess(['validate', seven]);
    expect(none.code).toBe(0);
    expect(none.stdout.trim().split('\n').pop()).toBe('Valid: no dataset chosen yet; choose one before training.');
    const json = await runCliInProcess(['validate', seven, '--json']);
    expect((JSON.parse(json.stdout) as { dataset: unknown }).dataset).toEqual({ kind: 'none', suggested: null });
  });

  it('still reports errors in the network itself (exit 1)', async () => {
    const path = xorWithoutData('broken.layerlab.json', (p) => {
      const hidden = p.graph.nodes[1];
      if (hidden !== undefined) hidden.params.units = 0;
    });
    const run = await runCliInProcess(['validate', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Invalid: 1 error.');
  });

  it('refuses extra fields next to "kind": "none" (exit 2), naming the field', async () => {
    const path = join(dir, 'extra.layerlab.json');
    const project = JSON.parse(readFileSync(IRIS, 'utf8')) as Record<string, unknown>;
    project.dataset = { kind: 'none', name: 'xor' };
    writeFileSync(path, JSON.stringify(project));
    const run = await runCliInProcess(['validate', path]);
    expect(run.code).toBe(2);
    // The field's path and the sentence (however the CLI lays out a problem).
    expect(run.stderr).toContain('dataset.name');
    expect(run.stderr).toContain(
      'A dataset of kind "none" (no dataset chosen yet) has no other fields; remove "name", or set "kind" to the data you want, e.g. "builtin" for a built-in 2-D set',
    );
  });
});

describe('layerlab train with no dataset chosen', () => {
  it('exits 1 saying there is nothing to train on, and which data would fit', async () => {
    const run = await runCliInProcess(['train', IRIS, '--epochs', '1']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Cannot train ${IRIS}: "Iris softmax classifier" has no dataset chosen, so there is nothing to train on.`);
    expect(run.stderr).toContain('Iris flowers');
  });

  it('says how to choose a built-in set that fits', async () => {
    const run = await runCliInProcess(['train', xorWithoutData('train-xor-none.layerlab.json'), '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('has no dataset chosen, so there is nothing to train on.');
    expect(run.stderr).toContain('{"kind": "builtin", "name": "xor"');
  });
});

describe('layerlab export with no dataset chosen', () => {
  it.each(['python', 'notebook'])('refuses %s (exit 1) with one problem, suggesting Keras JSON or .keras', async (format) => {
    const out = join(dir, `iris.${format}`);
    const run = await runCliInProcess(['export', IRIS, '--format', format, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cannot export ${IRIS} to ${format}; nothing was written:`);
    expect(run.stderr).toContain('This project has no dataset chosen yet, so there is no data to write a training script for.');
    expect(run.stderr).toContain('export the network without training code: as Keras JSON or as a .keras file, which need no data.');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['keras-json', 'iris.json'],
    ['keras', 'iris.keras'],
    ['tfjs', 'iris-tfjs'],
  ])('writes %s', async (format, name) => {
    const out = join(dir, name);
    const run = await runCliInProcess(['export', IRIS, '--format', format, '-o', out]);
    expect(run.code).toBe(0);
    expect(existsSync(format === 'tfjs' ? join(out, 'model.json') : out)).toBe(true);
  });
});

describe('layerlab import chooses the data that fits, or none', () => {
  it('writes Iris for a model with 4 inputs and 3 softmax units, ready to train', async () => {
    const keras = join(dir, 'roundtrip.keras');
    expect((await runCliInProcess(['export', IRIS, '--format', 'keras', '-o', keras])).code).toBe(0);
    const out = join(dir, 'imported-iris.layerlab.json');
    const run = await runCliInProcess(['import', keras, '-o', out]);
    expect(run.code).toBe(0);
    const result = parseProject(readFileSync(out, 'utf8'));
    if (!result.ok) throw new Error(formatProjectErrors(result.errors));
    expect(result.project.dataset).toEqual({ kind: 'iris', seed: 1 });
    expect(result.project.training.loss).toBe('categorical_crossentropy');
    const validated = await runCliInProcess(['validate', out]);
    expect(validated.code).toBe(0);
    expect(validated.stdout.trim().split('\n').pop()).toBe('Valid: ready to train on the Iris flowers data.');
  });

  it('writes "dataset": {"kind": "none"} for a model no dataset fits, and the project validates', async () => {
    const seven = xorWithoutData('seven-outputs.layerlab.json', (p) => {
      const out = p.graph.nodes[2];
      if (out !== undefined) out.params = { ...out.params, units: 7, activation: 'softmax' };
    });
    const keras = join(dir, 'seven.keras');
    expect((await runCliInProcess(['export', seven, '--format', 'keras', '-o', keras])).code).toBe(0);
    const out = join(dir, 'imported-seven.layerlab.json');
    const run = await runCliInProcess(['import', keras, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No built-in dataset fits this network, so the project has no dataset chosen yet; choose one before training.');
    const result = parseProject(readFileSync(out, 'utf8'));
    if (!result.ok) throw new Error(formatProjectErrors(result.errors));
    expect(result.project.dataset).toEqual({ kind: 'none' });
    expect((await runCliInProcess(['validate', out])).code).toBe(0);
  });
});
