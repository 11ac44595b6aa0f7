/**
 * The presets in examples/: the list the app's Presets menu reads (examples/index.json), and every project in it
 * opening, round-tripping, passing `layerlab validate` and, where it has data, training as the real CLI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProjectErrors, parseProject, serializeProject } from '../../src/core/project/index.ts';
import type { LayerLabProject } from '../../src/core/project/index.ts';
import { runCliInProcess } from '../cli/runCli.ts';

interface PresetEntry {
  file: string;
  title: string;
  description: string;
}

const EXAMPLES = 'examples/';
const index = JSON.parse(readFileSync(`${EXAMPLES}index.json`, 'utf8')) as PresetEntry[];
const files = index.map((entry) => entry.file);

function load(file: string): LayerLabProject {
  const result = parseProject(readFileSync(`${EXAMPLES}${file}`, 'utf8'));
  if (!result.ok) throw new Error(`${file}:\n${formatProjectErrors(result.errors)}`);
  return result.project;
}

interface EpochLine {
  type: string;
  epoch: number;
  loss: number;
  accuracy: number;
}

async function train(file: string, epochs: number): Promise<EpochLine[]> {
  const run = await runCliInProcess(['train', `${EXAMPLES}${file}`, '--epochs', String(epochs), '--seed', '1', '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as EpochLine)
    .filter((line) => line.type === 'epoch');
}

describe('examples/index.json', () => {
  it('lists presets with a file, a title and a one-sentence description', () => {
    expect(Array.isArray(index)).toBe(true);
    expect(index.length).toBeGreaterThan(0);
    for (const entry of index) {
      expect(Object.keys(entry).sort()).toEqual(['description', 'file', 'title']);
      expect(entry.file).toMatch(/^[a-z0-9-]+\.layerlab\.json$/);
      expect(entry.title).not.toBe('');
      expect(entry.description).toMatch(/^[A-Z].*[.)]$/);
    }
    expect(new Set(files).size).toBe(files.length);
  });

  it('lists every project in examples/, and every listed file exists', () => {
    const onDisk = readdirSync(EXAMPLES).filter((name) => name.endsWith('.layerlab.json'));
    expect([...files].sort()).toEqual(onDisk.sort());
  });

  it('starts with the simplest network and keeps the ones on real data (Iris, MNIST) last', () => {
    expect(files).toEqual([
      'single-neuron.layerlab.json',
      'perceptron.layerlab.json',
      'xor.layerlab.json',
      'spiral-deep-mlp.layerlab.json',
      'iris-softmax.layerlab.json',
      'mnist-mlp.layerlab.json',
    ]);
  });
});

describe.each(index)('$file', (entry) => {
  it('opens, is titled as listed, and reads back to the same bytes', () => {
    const text = readFileSync(`${EXAMPLES}${entry.file}`, 'utf8');
    const project = load(entry.file);
    expect(project.name).toBe(entry.title);
    expect(serializeProject(project)).toBe(text);
    expect(project.weights).toBeNull();
  });

  it('is laid out left to right, 300 px apart, with ids that read well in Keras', () => {
    const { nodes, edges } = load(entry.file).graph;
    nodes.forEach((node, i) => {
      expect(node.position).toEqual({ x: i * 300, y: 0 });
      expect(node.id).toMatch(/^[a-z][a-z0-9_]*$/);
    });
    expect(edges.map((e) => [e.source, e.target])).toEqual(nodes.slice(1).map((n, i) => [nodes[i]?.id, n.id]));
  });

  it('passes layerlab validate (exit 0)', async () => {
    const run = await runCliInProcess(['validate', `${EXAMPLES}${entry.file}`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const last = run.stdout.trim().split('\n').pop() ?? '';
    if (load(entry.file).dataset.kind === 'none') {
      expect(last).toMatch(/^Valid: no dataset chosen yet\. .+ fits this network; it is not available yet\.$/);
    } else {
      expect(last).toMatch(/^Valid( with 1 warning)?: ready to train on the .+ data\.$/);
    }
  });
});

describe('presets on real data', () => {
  it.each([
    ['iris-softmax.layerlab.json', { kind: 'iris', seed: 1 }, 'Iris flowers'],
    ['mnist-mlp.layerlab.json', { kind: 'mnist' }, 'MNIST handwritten digits'],
  ])('%s trains on its data, and layerlab validate says so', async (file, dataset, title) => {
    const project = load(file);
    expect(project.dataset).toMatchObject(dataset);
    expect(project.training.loss).toBe('categorical_crossentropy');
    const run = await runCliInProcess(['validate', `${EXAMPLES}${file}`]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').pop()).toBe(`Valid: ready to train on the ${title} data.`);
  });
});

describe('presets with data train with layerlab train', () => {
  // Few epochs each, so every test stays well under 10 s of CPU; the presets' own epoch counts train further.
  it.each([
    ['single-neuron.layerlab.json', 20],
    ['perceptron.layerlab.json', 10],
    ['xor.layerlab.json', 20],
  ])('%s reaches at least 95 percent accuracy in %i epochs', async (file, epochs) => {
    const lines = await train(file, epochs);
    expect(lines).toHaveLength(epochs);
    expect(lines[lines.length - 1]?.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('spiral-deep-mlp.layerlab.json learns (its loss halves within 100 epochs)', async () => {
    const lines = await train('spiral-deep-mlp.layerlab.json', 100);
    expect(lines).toHaveLength(100);
    expect(lines[99]?.loss).toBeLessThan((lines[0]?.loss ?? 0) * 0.5);
  });

  it('iris-softmax.layerlab.json tells the species apart (at least 80 percent accuracy in 30 epochs)', async () => {
    const lines = await train('iris-softmax.layerlab.json', 30);
    expect(lines).toHaveLength(30);
    expect(lines[29]?.accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('mnist-mlp.layerlab.json learns to read digits (its loss falls and accuracy passes 50 percent in 3 epochs)', async () => {
    const lines = await train('mnist-mlp.layerlab.json', 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.loss).toBeLessThan((lines[0]?.loss ?? 0) * 0.9);
    expect(lines[2]?.accuracy).toBeGreaterThan(0.5);
  });
});
