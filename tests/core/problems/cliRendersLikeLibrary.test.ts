/**
 * The CLI and the library render problems identically: each command is run as a real process on a broken project or
 * model, and its problem lines equal formatProblem of the same problems computed here, in-process, by the functions
 * the app uses. So a student reads the same words in a terminal and in the app's problems list.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProject } from '../../../src/cli/commands/validate.ts';
import { importKerasConfig } from '../../../src/core/keras/importConfig.ts';
import { exportTfjsModel } from '../../../src/core/keras/tfjsExport.ts';
import {
  formatProblems,
  problemsFromDiagnostics,
  problemsFromLayerProblems,
  problemsFromProjectErrors,
  problemsFromWarnings,
} from '../../../src/core/problems/index.ts';
import type { Problem } from '../../../src/core/problems/index.ts';
import { parseProject } from '../../../src/core/project/index.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { initialProjectWeights } from '../../../src/engine/projectWeights.ts';
import { runCli } from '../../cli/runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-problems-'));

type ProjectJson = {
  graph: { nodes: { id: string; kind: string; params: Record<string, unknown>; position: { x: number; y: number } }[]; edges: Record<string, unknown>[] };
  [key: string]: unknown;
};
const xor = JSON.parse(readFileSync('examples/xor.layerlab.json', 'utf8')) as ProjectJson;

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function writeProject(name: string, mutate: (project: ProjectJson) => void): { path: string; project: LayerLabProject } {
  const copy = structuredClone(xor);
  mutate(copy);
  const text = JSON.stringify(copy);
  const parsed = parseProject(text);
  if (!parsed.ok) throw new Error(`the test project should load: ${parsed.errors.map((e) => e.message).join(' ')}`);
  return { path: write(name, text), project: parsed.project };
}

/** The lines of `output` that belong to problems: "error…" / "warning…" lines and their "  fix: …" lines. */
function problemLines(output: string): string {
  return output
    .split('\n')
    .filter((line) => /^(error|warning)( \[[^\]]*\])?: /.test(line) || line.startsWith('  fix: '))
    .join('\n');
}

/** units 0 (an error with a fix), two connections into one Dense (an error about three nodes), an unused Input (a warning). */
const broken = (p: ProjectJson): void => {
  const hidden = p.graph.nodes[1];
  if (hidden !== undefined) hidden.params.units = 0;
  p.graph.nodes.push({ id: 'spare', kind: 'Input', params: { shape: [2] }, position: { x: 0, y: 200 } });
  p.graph.edges.push({ id: 'e3', source: 'x', target: 'out', inputIndex: 1 });
};

describe('the CLI prints problems exactly as formatProblem renders them', () => {
  it('validate: every validation problem, errors then warnings', async () => {
    const { path, project } = writeProject('broken.layerlab.json', broken);
    const expected: Problem[] = problemsFromDiagnostics(validateProject(project).diagnostics);
    expect(expected.map((p) => [p.severity, p.nodeId])).toEqual([
      ['error', 'hidden'],
      ['error', 'out'],
      ['warning', 'spare'],
    ]);
    expect(expected[1]?.nodeIds).toEqual(['out', 'hidden', 'x']);
    const run = await runCli(['validate', path]);
    expect(run.code).toBe(1);
    expect(problemLines(run.stdout)).toBe(formatProblems(expected));
    expect(run.stdout).toContain(`\n\n${formatProblems(expected)}\n\nInvalid: 2 errors, 1 warning.`);
  });

  it('train: the errors that stop it, then what to do', async () => {
    const { path, project } = writeProject('broken-train.layerlab.json', broken);
    const errors = problemsFromDiagnostics(validateProject(project).diagnostics).filter((p) => p.severity === 'error');
    const run = await runCli(['train', path]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`${formatProblems(errors)}\nCannot train ${path}: fix the 2 errors above first.`);
  }, 60_000);

  it('export: the problems of a network the format cannot hold, under the headline', async () => {
    const { path, project } = writeProject('exp.layerlab.json', (p) => {
      const hidden = p.graph.nodes[1];
      if (hidden !== undefined) hidden.params.activation = 'exponential';
    });
    const weights = initialProjectWeights(project.graph, project.training.seed);
    if (!weights.ok) throw new Error(weights.message);
    const result = exportTfjsModel(project.graph, weights.weights, { name: project.name });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const expected = problemsFromLayerProblems(result.problems, 'export');
    expect(expected).toEqual([
      { severity: 'error', nodeId: 'hidden', message: "The activation 'exponential' does not exist in TensorFlow.js.", source: 'export' },
    ]);
    const run = await runCli(['export', path, '--format', 'tfjs', '-o', join(dir, 'never')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`Cannot export ${path} to tfjs; nothing was written:\n${formatProblems(expected)}`);
  }, 60_000);

  it('export: validation problems that stop an export, as errors', async () => {
    const { path, project } = writeProject('step.layerlab.json', (p) => {
      const hidden = p.graph.nodes[1];
      if (hidden !== undefined) hidden.params.activation = 'step';
    });
    const stopping = problemsFromDiagnostics(validateProject(project).diagnostics.filter((d) => d.code === 'not-in-keras')).map((p) => ({
      ...p,
      severity: 'error' as const,
    }));
    expect(stopping).toHaveLength(1);
    const run = await runCli(['export', path, '--format', 'keras-json', '-o', join(dir, 'never.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`Cannot export ${path} to keras-json; nothing was written:\n${formatProblems(stopping)}`);
  }, 60_000);

  it('import: one problem per layer it cannot represent, under the headline', async () => {
    const model = JSON.parse(readFileSync('tests/fixtures/keras/seq_mlp.json', 'utf8')) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    const [, first, second] = model.config.layers;
    if (first === undefined || second === undefined) throw new Error('seq_mlp has three layers after its input');
    first.class_name = 'Conv2D';
    second.config.activation = 'foo';
    const path = write('bad-model.json', JSON.stringify(model));
    const result = importKerasConfig(model);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const expected = problemsFromLayerProblems(result.problems, 'import');
    expect(expected.map((p) => p.nodeId)).toEqual(['hidden1', 'hidden2']);
    const run = await runCli(['import', path, '-o', join(dir, 'never.layerlab.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`Cannot import ${path}; nothing was written:\n${formatProblems(expected)}`);
  });

  it('import: the warnings of a model it imports', async () => {
    const model = JSON.parse(readFileSync('tests/fixtures/keras/seq_mlp.json', 'utf8')) as { config: { layers: { config: Record<string, unknown> }[] } };
    const hidden = model.config.layers[1];
    if (hidden !== undefined) hidden.config.trainable = false;
    const path = write('frozen-model.json', JSON.stringify(model));
    const result = importKerasConfig(model);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
    const expected = problemsFromWarnings(result.warnings, 'import');
    expect(expected).toHaveLength(1);
    const run = await runCli(['import', path, '-o', join(dir, 'frozen.layerlab.json')]);
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe(formatProblems(expected));
  });

  it('a malformed project file: each field error, under the headline', async () => {
    const copy = structuredClone(xor);
    const hidden = copy.graph.nodes[1];
    if (hidden !== undefined) hidden.params.unitz = 4;
    (copy as Record<string, unknown>).trainin = {};
    const text = JSON.stringify(copy);
    const path = write('typo.layerlab.json', text);
    const parsed = parseProject(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const expected = problemsFromProjectErrors(parsed.errors);
    expect(expected.length).toBe(2);
    for (const command of [['validate', path], ['train', path], ['export', path, '--format', 'keras', '-o', join(dir, 'never.keras')]]) {
      const run = await runCli(command);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`${path} is not a valid LayerLab project:\n${formatProblems(expected)}`);
    }
  }, 60_000);
});
