import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/core/project/index.ts';
import { runCli } from './runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-train-'));

interface EpochLine {
  type: 'epoch';
  epoch: number;
  loss: number;
  accuracy: number;
}

function epochLines(stdout: string): EpochLine[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string })
    .filter((row): row is EpochLine => row.type === 'epoch');
}

function variant(name: string, change: (project: Record<string, unknown>) => void): string {
  const project = JSON.parse(readFileSync('examples/xor.layerlab.json', 'utf8')) as Record<string, unknown>;
  change(project);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(project));
  return path;
}

describe('layerlab train', () => {
  it('trains the XOR 2-4-1 network (tanh hidden, sigmoid output) to at least 95% accuracy within 100 epochs, and saves the weights', async () => {
    const out = join(dir, 'trained.layerlab.json');
    const run = await runCli(['train', 'examples/xor.layerlab.json', '--epochs', '100', '--seed', '1', '--json', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const epochs = epochLines(run.stdout);
    expect(epochs).toHaveLength(100);
    expect(epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const last = epochs[epochs.length - 1];
    expect(last?.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(last?.loss).toBeLessThan((epochs[0]?.loss ?? 0) / 2);
    const done = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { type: string; out: string };
    expect(done).toMatchObject({ type: 'done', out });

    const saved = parseProject(readFileSync(out, 'utf8'));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const weights = saved.project.weights?.layers ?? {};
    expect(Object.keys(weights).sort()).toEqual(['hidden', 'out']);
    expect(weights.hidden?.map((w) => [w.name, w.shape])).toEqual([
      ['kernel', [2, 4]],
      ['bias', [4]],
    ]);
    expect(weights.out?.map((w) => [w.name, w.shape])).toEqual([
      ['kernel', [4, 1]],
      ['bias', [1]],
    ]);
    const validated = await runCli(['validate', out]);
    expect(validated.code).toBe(0);
  }, 120_000);

  it('repeats a run exactly with the same seed, and differs with another', async () => {
    const [a, b, c] = await Promise.all([
      runCli(['train', 'examples/xor.layerlab.json', '--epochs', '3', '--seed', '7', '--json']),
      runCli(['train', 'examples/xor.layerlab.json', '--epochs', '3', '--seed', '7', '--json']),
      runCli(['train', 'examples/xor.layerlab.json', '--epochs', '3', '--seed', '8', '--json']),
    ]);
    expect(epochLines(a.stdout)).toEqual(epochLines(b.stdout));
    expect(epochLines(a.stdout)).not.toEqual(epochLines(c.stdout));
  }, 60_000);

  it('prints one readable line per epoch without --json', async () => {
    const run = await runCli(['train', 'examples/xor.layerlab.json', '--epochs', '2']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'Training XOR 2-4-1 on XOR (400 examples) for 2 epochs: sgd, learning rate 0.5, batch size 16, binary_crossentropy, seed 1',
    );
    expect(lines[1]).toBe(
      'Engine: plain JavaScript (typed arrays). The network is small (17 weights) and uses only common layers, so plain JavaScript trains it faster than TensorFlow.js.',
    );
    expect(lines[2]).toMatch(/^epoch 1\/2 {2}loss \d\.\d{4} {2}accuracy \d+\.\d% {2}val_loss \d\.\d{4} {2}val_accuracy \d+\.\d%$/);
    expect(lines[4]).toMatch(/^Done: loss \d\.\d{4}, accuracy \d+\.\d% \(weights not saved: add --out FILE to keep them\)$/);
  }, 60_000);

  it('refuses to train an invalid network (exit 1) with the errors', async () => {
    const path = variant('bad.layerlab.json', (p) => {
      const graph = p.graph as { nodes: { params: Record<string, unknown> }[] };
      const first = graph.nodes[0];
      if (first !== undefined) first.params.shape = [3];
    });
    const run = await runCli(['train', path, '--epochs', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error [x]: Input x has shape (3,), but each example of the XOR data has 2 features (x1, x2).');
    expect(run.stderr).toContain(`Cannot train ${path}: fix the error above first.`);
  });

  it('stops a diverging run with a clear message (exit 1)', async () => {
    const path = variant('diverge.layerlab.json', (p) => {
      p.training = { optimizer: 'sgd', learningRate: 10, batchSize: 4, epochs: 50, loss: 'mean_squared_error', validationSplit: 0, seed: 1 };
      const graph = p.graph as { nodes: { params: Record<string, unknown> }[] };
      for (const node of graph.nodes.slice(1)) node.params.activation = 'linear';
    });
    const run = await runCli(['train', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Training paused in epoch \d+: the loss (is no longer a number \(it became NaN or infinite\)|shot up far above its best value)[^.]*\. The likely cause: the learning rate \(10\) is too high for sgd, so each step overshoots the bottom of the loss and lands higher up\. Try 1\. Reset the weights, change the setting, and train again\.$/m,
    );
  }, 60_000);

  it('rejects a bad --epochs value (exit 2)', async () => {
    const run = await runCli(['train', 'examples/xor.layerlab.json', '--epochs', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('--epochs must be a whole number from 1 to 10000 (got "many").');
  });

  it('reports an unwritable --out path (exit 2)', async () => {
    const run = await runCli(['train', 'examples/xor.layerlab.json', '--epochs', '1', '--out', join(dir, 'no/such/dir/x.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Cannot write ${join(dir, 'no/such/dir/x.json')}:`);
  });
});

describe('layerlab export and import command structure', () => {
  it('export checks the format and the output path', async () => {
    const bad = await runCli(['export', 'examples/xor.layerlab.json', '--format', 'onnx', '-o', join(dir, 'm.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('Unknown export format "onnx". Choose one of: keras, keras-json, tfjs, python, notebook.');
    const noOut = await runCli(['export', 'examples/xor.layerlab.json', '--format', 'keras-json']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr.trim()).toBe('export needs -o PATH: where to write the exported model.');
  });

  it('export refuses a step activation, which Keras lacks', async () => {
    const path = variant('step.layerlab.json', (p) => {
      const graph = p.graph as { nodes: { params: Record<string, unknown> }[] };
      const out = graph.nodes[2];
      if (out !== undefined) out.params.activation = 'step';
      p.training = { ...(p.training as object), loss: 'mean_squared_error' };
    });
    const run = await runCli(['export', path, '--format', 'keras-json', '-o', join(dir, 'm.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error [out]: out cannot be exported to Keras: Keras has no step activation');
  });

  it('import turns a Keras model.to_json() file into a project that validates with Keras parameter counts', async () => {
    const out = join(dir, 'imported.layerlab.json');
    const run = await runCli(['import', 'tests/fixtures/keras/func_concat_add.json', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`into ${out}`);
    const validated = await runCli(['validate', out, '--json']);
    expect((JSON.parse(validated.stdout) as { totalParams: number }).totalParams).toBe(243);
  });

  it('import of a file that is not a Keras model exits 2 and writes nothing', async () => {
    const out = join(dir, 'never.layerlab.json');
    const run = await runCli(['import', 'package.json', '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cannot import package.json; nothing was written:');
    expect(() => readFileSync(out)).toThrow();
  });
});
