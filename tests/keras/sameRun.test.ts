/**
 * The same run in Keras as in LayerLab: the exported script (src/core/keras/python) starts from LayerLab's starting
 * weights (core/weights/initialWeights.ts) and trains on LayerLab's batches (engine/trainingRun.ts), so under real
 * Keras it reports the per-epoch loss, accuracy and held-out loss that `layerlab train` reports.
 *
 * - The XOR and spiral presets, as they ship, for 5 epochs (and XOR with a smaller last batch): `layerlab train
 *   --json` against the exported script run as `python model.py` (tests/keras/run_same_run.py records the history),
 *   and the TensorFlow.js path against both.
 * - The script's starting weights equal core's bit for bit, for every layer kind that has weights and every
 *   initializer, with the generator coming from the data step (with and without normal draws) or from the weights
 *   step (Iris, whose rows are written into the script).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeWasmPaths } from '../../src/cli/tfjsBackendNode.ts';
import { generateDataset } from '../../src/core/datasets/index.ts';
import type { ProjectDataset } from '../../src/core/datasets/types.ts';
import { chainGraph, createNode } from '../../src/core/graph/build.ts';
import type { Graph, GraphNode } from '../../src/core/graph/types.ts';
import { exportPythonScript } from '../../src/core/keras/python/index.ts';
import { INITIALIZERS } from '../../src/core/layers/index.ts';
import { createProject, parseProject, serializeProject } from '../../src/core/project/index.ts';
import type { LayerLabProject } from '../../src/core/project/index.ts';
import { DEFAULT_TRAINING } from '../../src/core/training/settings.ts';
import type { TrainingSettings } from '../../src/core/training/settings.ts';
import { graphInitialWeights } from '../../src/core/weights/initialWeights.ts';
import { createTrainer, initEngine } from '../../src/engine/createTrainer.ts';
import { fromProjectWeights, initialProjectWeights } from '../../src/engine/projectWeights.ts';
import type { EpochResult } from '../../src/engine/trainingRun.ts';
import { TrainingRun } from '../../src/engine/trainingRun.ts';
import { runCliInProcess } from '../cli/runCli.ts';
import { describeKeras, pool, runPython } from '../support/keras.ts';
import type { PythonRun } from '../support/keras.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUN_SAME_RUN = path.join(REPO_ROOT, 'tests/keras/run_same_run.py');

/**
 * How close Keras's numbers must be to LayerLab's: |keras - layerlab| <= TOLERANCE × max(1, |layerlab|), that is
 * absolute for losses below 1 and relative above. Both sides compute in float32 (LayerLab's epoch means in double,
 * Keras's in float32, and Keras's crossentropy from the sigmoid's logits), so they agree to the 7th digit: measured
 * at most 8.5e-8 apart (1.3e-7 relative) over the 5 epochs of both presets.
 */
const TOLERANCE = 1e-5;
const EPOCHS = 5;

interface WeightReport {
  name: string;
  shape: number[];
  bits: number[];
}

interface SameRunReport {
  weights: Record<string, WeightReport[]> | null;
  history: Record<string, number[]> | null;
}


// ---- projects ------------------------------------------------------------------------------------------------

/** A preset as it ships, trained for EPOCHS epochs. */
function preset(file: string): LayerLabProject {
  const result = parseProject(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));
  if (!result.ok) throw new Error(`cannot load ${file}`);
  return { ...result.project, training: { ...result.project.training, epochs: EPOCHS } };
}

function withTraining(project: LayerLabProject, training: Partial<TrainingSettings>): LayerLabProject {
  return { ...project, training: { ...project.training, ...training } };
}

/**
 * Every initializer as a kernel and (shifted by one) as a bias, a Dense without bias, BatchNormalization over both
 * axes with and without center and scale, PReLU with a shared axis, Dropout; ids with "_", "." and "-".
 */
function everyWeightedLayer(inputs: number, output: GraphNode): Graph {
  const dense = INITIALIZERS.map((kernel, i) =>
    createNode(i === 0 ? '_first' : `d.${kernel}`, 'Dense', {
      units: 3 + (i % 4),
      activation: 'tanh',
      kernel_initializer: kernel,
      bias_initializer: INITIALIZERS[(i + 1) % INITIALIZERS.length],
    }),
  );
  return chainGraph([
    createNode('x', 'Input', { shape: [inputs] }),
    ...dense,
    createNode('no-bias', 'Dense', { units: 6, use_bias: false, kernel_initializer: 'he_normal' }),
    createNode('grid', 'Reshape', { target_shape: [2, 3] }),
    createNode('bn_rows', 'BatchNormalization', { axis: 1 }),
    createNode('bn', 'BatchNormalization'),
    createNode('bn_shift', 'BatchNormalization', { scale: false }),
    createNode('bn_scale', 'BatchNormalization', { center: false }),
    createNode('prelu', 'PReLU', { shared_axes: [1] }),
    createNode('flat', 'Flatten'),
    createNode('drop', 'Dropout', { rate: 0.1 }),
    output,
  ]);
}

function weightsProject(name: string, dataset: ProjectDataset, inputs: number, output: GraphNode, training: Partial<TrainingSettings>): LayerLabProject {
  return createProject(name, everyWeightedLayer(inputs, output), dataset, { ...DEFAULT_TRAINING, epochs: 1, seed: 4242, ...training });
}

const WEIGHT_PROJECTS: { label: string; project: LayerLabProject }[] = [
  {
    label: 'gauss (the data step defines the generator with normal draws)',
    project: weightsProject('Blobs, every weight', { kind: 'builtin', name: 'gauss', samples: 60, noise: 0.1, seed: 3, classes: 3 }, 2, createNode('out', 'Dense', { units: 3, activation: 'softmax' }), { loss: 'sparse_categorical_crossentropy' }),
  },
  {
    label: 'xor (the data needs no normal draws, the weights do)',
    project: weightsProject('XOR, every weight', { kind: 'builtin', name: 'xor', samples: 40, noise: 0.1, seed: 1, classes: 2 }, 2, createNode('out', 'Dense', { units: 1, activation: 'sigmoid' }), { seed: -7 }),
  },
  {
    label: 'iris (the weights step defines the generator)',
    project: weightsProject('Iris, every weight', { kind: 'iris', seed: 2 }, 4, createNode('out', 'Dense', { units: 3, activation: 'softmax' }), { loss: 'categorical_crossentropy', seed: 2 ** 32 + 9 }),
  },
];

// ---- LayerLab's side -----------------------------------------------------------------------------------------

/** `layerlab train <project> --json`: the epochs it prints. */
async function trainWithCli(project: LayerLabProject, dir: string): Promise<EpochResult[]> {
  const file = path.join(dir, 'project.layerlab.json');
  writeFileSync(file, serializeProject(project));
  const run = await runCliInProcess(['train', file, '--json']);
  if (run.code !== 0) throw new Error(`layerlab train failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.type === 'epoch')
    .map((line) => ({
      epoch: Number(line.epoch),
      loss: Number(line.loss),
      metric: Number(line.accuracy),
      testLoss: typeof line.val_loss === 'number' ? line.val_loss : null,
      testMetric: typeof line.val_accuracy === 'number' ? line.val_accuracy : null,
    }));
}

/** The same run on the TensorFlow.js path (the CLI picks the typed path for these small networks). */
function trainWithTfjs(project: LayerLabProject): EpochResult[] {
  const made = generateDataset(project.dataset);
  if (!made.ok) throw new Error(made.message);
  const initial = initialProjectWeights(project.graph, project.training.seed);
  if (!initial.ok) throw new Error(initial.message);
  const trainer = createTrainer({ graph: project.graph, weights: fromProjectWeights(initial.weights), settings: project.training, options: { task: made.dataset.task, path: 'tfjs-wasm' } });
  if (!trainer.ok) throw new Error(trainer.message);
  try {
    const run = new TrainingRun(made.dataset, trainer.trainer, project.training);
    const epochs: EpochResult[] = [];
    while (epochs.length < EPOCHS) {
      const step = run.step();
      if (step.epochEnded !== null) epochs.push(step.epochEnded);
    }
    return epochs;
  } finally {
    trainer.trainer.dispose();
  }
}

// ---- comparing -----------------------------------------------------------------------------------------------

/** Largest |a - b| / max(1, |b|) over two series, Infinity when their lengths differ or a value is missing. */
function worstDifference(actual: readonly number[] | undefined, expected: readonly (number | null)[]): number {
  if (actual === undefined || actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  return Math.max(
    ...expected.map((b, i) => {
      const a = actual[i];
      return a === undefined || b === null ? Number.POSITIVE_INFINITY : Math.abs(a - b) / Math.max(1, Math.abs(b));
    }),
  );
}

function series(epochs: readonly EpochResult[]): { loss: number[]; accuracy: number[]; val_loss: (number | null)[]; val_accuracy: (number | null)[] } {
  return {
    loss: epochs.map((e) => e.loss),
    accuracy: epochs.map((e) => e.metric),
    val_loss: epochs.map((e) => e.testLoss),
    val_accuracy: epochs.map((e) => e.testMetric),
  };
}

/** What run_same_run.py recorded, or null when it wrote nothing readable (the script failed before). */
function readReport(file: string): SameRunReport | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SameRunReport;
  } catch {
    return null;
  }
}

function bitsOf(values: Float32Array): number[] {
  return Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
}

describeKeras('the same run in Keras as in LayerLab', () => {
  let workDir = '';
  const presets: { label: string; project: LayerLabProject }[] = [
    { label: 'XOR 2-4-1', project: preset('xor.layerlab.json') },
    { label: 'Spiral deep MLP', project: preset('spiral-deep-mlp.layerlab.json') },
    // 340 training rows in batches of 24: the last batch of each epoch has 4, and Keras weights it by its size too.
    { label: 'XOR 2-4-1, batches of 24, 15% held out', project: withTraining(preset('xor.layerlab.json'), { batchSize: 24, validationSplit: 0.15 }) },
  ];
  const results = new Map<string, { cli: EpochResult[]; tfjs: EpochResult[]; keras: SameRunReport | null; process: PythonRun }>();
  const weightRuns = new Map<string, { report: SameRunReport | null; process: PythonRun }>();

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'layerlab-same-run-'));
    await initEngine({ wasmPaths: nodeWasmPaths() });

    const scriptJob = (label: string, project: LayerLabProject, weightsOnly: boolean) => async () => {
      const dir = path.join(workDir, label.replace(/\W+/g, '_'));
      mkdirSync(dir, { recursive: true });
      const exported = exportPythonScript(project);
      if (!exported.ok) throw new Error(`${label}: export refused: ${JSON.stringify(exported.problems)}`);
      // The preset's EPOCHS is the project's own (5 here): the script runs exactly as exported.
      writeFileSync(path.join(dir, 'model.py'), exported.text);
      const reportPath = path.join(dir, 'report.json');
      const processResult = await runPython([RUN_SAME_RUN, 'model.py', reportPath, ...(weightsOnly ? ['--weights-only'] : [])], dir, 180_000);
      return { label, report: readReport(reportPath), process: processResult };
    };
    const python = pool(
      [...presets.map((p) => scriptJob(p.label, p.project, false)), ...WEIGHT_PROJECTS.map((w) => scriptJob(w.label, w.project, true))],
      2,
    );
    for (const [i, p] of presets.entries()) {
      const dir = path.join(workDir, `cli-${String(i)}`);
      mkdirSync(dir);
      const cli = await trainWithCli(p.project, dir);
      results.set(p.label, { cli, tfjs: trainWithTfjs(p.project), keras: null, process: { code: null, stdout: '', stderr: '', ms: 0 } });
    }
    for (const run of await python) {
      const entry = results.get(run.label);
      if (entry !== undefined) {
        entry.keras = run.report;
        entry.process = run.process;
      } else {
        weightRuns.set(run.label, { report: run.report, process: run.process });
      }
    }
  }, 400_000);

  afterAll(() => {
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
  });

  for (const label of ['XOR 2-4-1', 'Spiral deep MLP', 'XOR 2-4-1, batches of 24, 15% held out']) {
    it(`${label}: the exported script reports LayerLab's per-epoch loss, accuracy and held-out loss (${String(EPOCHS)} epochs)`, () => {
      const entry = results.get(label);
      if (entry === undefined) throw new Error(`no run for ${label}`);
      const why = `python exited ${String(entry.process.code)}\n${entry.process.stderr.slice(-3000)}`;
      expect(entry.process.code, why).toBe(0);
      const history = entry.keras?.history;
      expect(history, why).toBeTruthy();
      expect(entry.cli).toHaveLength(EPOCHS);
      const layerlab = series(entry.cli);
      for (const key of ['loss', 'accuracy', 'val_loss', 'val_accuracy'] as const) {
        const worst = worstDifference(history?.[key], layerlab[key]);
        expect(worst, `${key}: Keras ${JSON.stringify(history?.[key])}, LayerLab ${JSON.stringify(layerlab[key])}`).toBeLessThanOrEqual(TOLERANCE);
      }
      const perEpoch = layerlab.loss.map((v, i) => Math.abs((history?.loss?.[i] ?? Number.NaN) - v).toExponential(1));
      console.log(`${label}: loss per epoch ${layerlab.loss.map((v) => v.toFixed(5)).join(', ')}; |Keras − LayerLab| ${perEpoch.join(', ')}`);
      // The epochs are not all alike: the comparison would catch a run that went elsewhere.
      expect(new Set(layerlab.loss.map((v) => v.toFixed(3))).size).toBe(EPOCHS);
    });

    it(`${label}: LayerLab's TensorFlow.js path reports the same numbers as its typed path and as Keras`, () => {
      const entry = results.get(label);
      if (entry === undefined) throw new Error(`no run for ${label}`);
      const typed = series(entry.cli);
      const tfjs = series(entry.tfjs);
      for (const key of ['loss', 'val_loss'] as const) {
        expect(worstDifference(tfjs[key].map((v) => v ?? Number.NaN), typed[key]), key).toBeLessThanOrEqual(TOLERANCE);
        expect(worstDifference(entry.keras?.history?.[key], tfjs[key]), key).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }

  for (const { label, project } of WEIGHT_PROJECTS) {
    it(`starts from core's starting weights bit for bit: every weighted layer kind and initializer, ${label}`, () => {
      const run = weightRuns.get(label);
      if (run === undefined) throw new Error(`no run for ${label}`);
      expect(run.process.code, run.process.stderr.slice(-3000)).toBe(0);
      const expected = graphInitialWeights(project.graph, project.training.seed);
      if (!expected.ok) throw new Error(expected.message);
      const want = Object.fromEntries([...expected.weights].map(([id, list]) => [id, list.map((w) => ({ name: w.name, shape: w.shape, bits: bitsOf(w.values) }))]));
      expect(Object.keys(want)).toHaveLength(INITIALIZERS.length + 7);
      expect(run.report?.weights).toEqual(want);
    });
  }
});
