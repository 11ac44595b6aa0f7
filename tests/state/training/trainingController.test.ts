/**
 * Train, Pause, Step, Reset, New weights, a new learning rate mid-run, divergence and restore, edits while training
 * and a crashed worker: the app's training controller and client against the real engine and training session,
 * with the worker run in this process (tests/support/inProcessWorker.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/core/project/index.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { nodeWasmPaths } from '../../../src/cli/tfjsBackendNode.ts';
import { initEngine } from '../../../src/engine/createTrainer.ts';
import { initialProjectWeights } from '../../../src/engine/projectWeights.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';
import { createTrainingController } from '../../../src/state/training/trainingController.ts';
import { createTrainingStore } from '../../../src/state/training/trainingStore.ts';
import { createEngineClient } from '../../../src/worker/client.ts';
import { inProcessWorkerFactory } from '../../support/inProcessWorker.ts';

beforeAll(async () => {
  await initEngine({ wasmPaths: nodeWasmPaths() });
});

function preset(file: string, edit: (p: LayerLabProject) => LayerLabProject = (p) => p): LayerLabProject {
  const loaded = parseProject(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return edit(loaded.project);
}

function setup(project: LayerLabProject) {
  const editor = createEditorStore(project);
  const training = createTrainingStore();
  const { factory, workers } = inProcessWorkerFactory();
  const client = createEngineClient(factory);
  const messages: { tone: string; text: string }[] = [];
  const trainer = createTrainingController({
    editor,
    training,
    client,
    afterPaint: (callback) => setTimeout(callback, 4),
    notify: (tone, text) => messages.push({ tone, text }),
  });
  const until = async (condition: () => boolean, timeout = 30_000): Promise<void> => {
    const start = Date.now();
    while (!condition()) {
      if (Date.now() - start > timeout) throw new Error(`timed out; status ${String(training.getState().status)}, epoch ${training.getState().epoch}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { editor, training, trainer, workers, messages, until, client };
}

const xor = (epochs: number) => preset('xor.layerlab.json', (p) => ({ ...p, training: { ...p.training, epochs, validationSplit: 0.2 } }));

describe('training from the app', () => {
  it('trains the XOR preset to the end of its epochs, keeps the weights in the project as one undo step, and draws as it goes', async () => {
    const { editor, training, trainer, until } = setup(xor(60));
    await trainer.train();
    await until(() => training.getState().status === 'done');
    const state = training.getState();
    expect(state.epoch).toBe(60);
    expect(state.history.map((p) => p.epoch)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(state.history[59]?.testMetric).toBeGreaterThanOrEqual(0.95);
    expect(state.session?.path).toBe('typed');
    expect(state.grid?.n).toBe(64);
    expect(state.sample?.outputs.out).toHaveLength(1);
    expect(state.confusion?.counts.reduce((a, b) => a + b, 0)).toBe(80);
    await until(() => editor.getState().project.weights !== null);
    const weights = editor.getState().project.weights;
    const initial = initialProjectWeights(editor.getState().project.graph, 1);
    if (!initial.ok) throw new Error(initial.message);
    expect(weights?.layers.hidden?.[0]?.values).not.toEqual(initial.weights.layers.hidden?.[0]?.values);
    expect(editor.getState().history.past.at(-1)?.command).toMatchObject({ type: 'setWeights', label: 'train to epoch 60' });
    editor.getState().undo();
    expect(editor.getState().project.weights).toBeNull();
  });

  it('pauses, steps one batch and one epoch, and Reset starts from the same weights again', async () => {
    const { training, trainer, until, editor } = setup(xor(1000));
    await trainer.step('batch');
    await until(() => training.getState().steps === 1);
    await trainer.step('epoch');
    await until(() => training.getState().epoch === 1);
    expect(training.getState().status).toBe('paused');
    const afterOneEpoch = training.getState().history[0];
    await trainer.train();
    await until(() => training.getState().epoch >= 5);
    await trainer.pause();
    await until(() => training.getState().status === 'paused');
    const paused = training.getState().epoch;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(training.getState().epoch).toBe(paused);
    await trainer.reset();
    expect(editor.getState().project.weights).toBeNull();
    await until(() => training.getState().epoch === 0 && training.getState().history.length === 0);
    await trainer.step('epoch');
    await until(() => training.getState().epoch === 1);
    // The same starting weights and the same shuffle: the same first epoch, bit for bit (the first step of the first
    // run was a single batch, then the rest of the epoch; the sums are the same).
    expect(training.getState().history[0]?.loss).toBeCloseTo(afterOneEpoch?.loss ?? Number.NaN, 6);
  });

  it('New weights picks a new seed: another start, another first epoch', async () => {
    const { training, trainer, until, editor } = setup(xor(1000));
    await trainer.step('epoch');
    await until(() => training.getState().epoch === 1);
    const first = training.getState().history[0]?.loss;
    await trainer.newWeights();
    expect(editor.getState().project.training.seed).toBe(2);
    await until(() => training.getState().epoch === 0);
    await trainer.step('epoch');
    await until(() => training.getState().epoch === 1);
    expect(training.getState().history[0]?.loss).not.toBe(first);
  });

  it('a new learning rate reaches the running session at its next step', async () => {
    const { training, trainer, until, editor, workers } = setup(xor(100_000));
    await trainer.train();
    await until(() => training.getState().epoch >= 2);
    editor.getState().dispatch({ type: 'setTraining', patch: { learningRate: 0.001 }, label: 'learning rate' });
    await until(() => workers[0]?.posted.some((r) => r.type === 'train.settings' && r.settings.learningRate === 0.001) ?? false);
    await trainer.pause();
    expect(training.getState().status).not.toBe('diverged');
  });

  it('a learning rate of 10 diverges within one epoch, says why, and goes back to the last good weights', async () => {
    const { training, trainer, until, editor } = setup(xor(100_000));
    await trainer.train();
    await until(() => training.getState().epoch >= 20);
    editor.getState().dispatch({ type: 'setTraining', patch: { learningRate: 10 }, label: 'learning rate' });
    await until(() => training.getState().status === 'diverged', 20_000);
    const message = training.getState().message;
    expect(message?.tone).toBe('error');
    expect(message?.text).toMatch(/learning rate \(10\) is too high/);
    expect(message?.canRestore).toBe(true);
    const divergedAt = training.getState().epoch;
    editor.getState().dispatch({ type: 'setTraining', patch: { learningRate: 0.5 }, label: 'learning rate' });
    await trainer.restore();
    await until(() => training.getState().message === null);
    expect(training.getState().epoch).toBeLessThanOrEqual(divergedAt);
    await trainer.step('epoch');
    await until(() => training.getState().history.length > 0 && (training.getState().history.at(-1)?.metric ?? 0) > 0.9);
  });

  it('an edit of the network while training stops the run and keeps the weights of the layers that still fit', async () => {
    const { training, trainer, until, editor } = setup(xor(100_000));
    await trainer.train();
    await until(() => training.getState().epoch >= 3);
    editor.getState().dispatch({ type: 'setParam', nodeId: 'out', param: 'units', value: 2 });
    await until(() => training.getState().phase === 'none');
    await until(() => editor.getState().project.weights !== null);
    // hidden (2×4) still fits and keeps what it learned; out's kernel is now 4×2, so it starts fresh.
    expect(Object.keys(editor.getState().project.weights?.layers ?? {})).toEqual(['hidden']);
    expect(editor.getState().project.graph.nodes.find((n) => n.id === 'out')?.params).toMatchObject({ units: 2 });
  });

  it('a crashed worker leaves the network untouched, says so, and the next Train starts a new one', async () => {
    const { training, trainer, until, editor, workers, messages } = setup(xor(100_000));
    await trainer.train();
    await until(() => training.getState().epoch >= 1);
    const before = editor.getState().project.graph;
    workers[0]?.crash('out of memory');
    await until(() => training.getState().phase === 'failed');
    expect(training.getState().error).toMatch(/The engine stopped unexpectedly \(out of memory\)\. .*Your network is unchanged/);
    expect(messages.some((m) => m.tone === 'error' && m.text.includes('out of memory'))).toBe(true);
    expect(editor.getState().project.graph).toBe(before);
    await trainer.train();
    await until(() => training.getState().status === 'running' && workers.length === 2);
    await trainer.pause();
  });
});
