/**
 * Stores for rendering training pictures on the server (react-dom/server, no DOM): an editor with a 2-4-1 network,
 * a training store holding one snapshot's numbers, and a trainer that records what it was asked. Server rendering
 * reads a store's initial state, so each store answers with its current one.
 */
import { connect, createNode } from '../../../../src/core/graph/build.ts';
import type { Graph } from '../../../../src/core/graph/types.ts';
import { createProject } from '../../../../src/core/project/index.ts';
import { createEditorStore } from '../../../../src/state/editor/editorStore.ts';
import { createTrainingStore, type TrainingData } from '../../../../src/state/training/trainingStore.ts';
import { serverStores } from '../../../support/serverStores.ts';
import type { ServerStores } from '../../../support/serverStores.ts';
import type { TrainingView, TrainLoadResult } from '../../../../src/worker/protocol.ts';

export const xorGraph: Graph = {
  nodes: [createNode('x', 'Input', { shape: [2] }), createNode('hidden', 'Dense', { units: 4, activation: 'tanh' }), createNode('out', 'Dense', { units: 1, activation: 'sigmoid' })],
  edges: [connect('x', 'hidden'), connect('hidden', 'out')],
};

export const session: TrainLoadResult = {
  type: 'train.load',
  path: 'typed',
  pathReason: 'Small network.',
  metric: 'accuracy',
  task: 'classification',
  numTrain: 280,
  numTest: 120,
  numFeatures: 2,
  classNames: ['same sign', 'opposite sign'],
  featureNames: ['x1', 'x2'],
  points: null,
  image: null,
  batchesPerEpoch: 18,
  outputNodeId: 'out',
};

/** One snapshot's numbers: the example (1.5, −2), the hidden layer's outputs, and hidden neuron `unit`'s arithmetic. */
export function liveData(unit: number | null): Partial<TrainingData> {
  const inputs = new Float32Array([1.5, -2]);
  const weights = new Float32Array([0.25, -0.5]);
  const bias = 0.125;
  const sum = 1.5 * 0.25 + -2 * -0.5 + bias;
  const view: TrainingView = { sample: { split: 'test', index: 3 }, neuron: unit === null ? null : { nodeId: 'hidden', unit }, weights: true, outputGrid: 64, neuronGrid: 24 };
  return {
    phase: 'ready',
    session,
    status: 'paused',
    view,
    sample: { x: inputs, label: 1, target: null, outputs: { x: inputs, hidden: new Float32Array([0.41234, -0.9, 0, 0.05]), out: new Float32Array([0.7]) } },
    neuron: unit === null ? null : { nodeId: 'hidden', unit, activation: 'tanh', inputs, weights, bias, sum, output: Math.tanh(sum) },
  };
}

export type TestStores = ServerStores;

export function liveStores(data: Partial<TrainingData> | null, selected: string[] = []): TestStores {
  const editor = createEditorStore(createProject('t', xorGraph));
  editor.getState().select({ nodes: selected, edges: [] });
  const training = createTrainingStore();
  // The canvas reads its (throttled) copy of the numbers: the same ones here.
  if (data !== null) training.setState({ ...data, canvas: { weights: data.weights ?? null, sample: data.sample ?? null, grid: data.grid ?? null, at: 0 } });
  return serverStores(editor, training);
}
