/**
 * A compiled model survives tfjs's save/load (how it crosses to the worker as model artifacts): LayerLab's custom
 * layers and activations are registered, so the loaded model has the same layers, names, weights and outputs.
 */
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/core/graph/types.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { getLayerWeights } from '../../src/engine/weights.ts';
import { arbitraryValidGraph } from '../support/randomGraph.ts';
import { asList, graph, node } from './helpers.ts';

/** Every custom layer and activation class in one graph. */
const EVERYTHING = graph(
  [
    node('_x', 'Input', { shape: [3] }),
    node('silu', 'Dense', { units: 4, activation: 'silu' }),
    node('lrelu', 'Activation', { activation: 'leaky_relu' }),
    node('hs', 'Dense', { units: 4, activation: 'hard_sigmoid' }),
    node('exp', 'Activation', { activation: 'exponential' }),
    node('step', 'Dense', { units: 4, activation: 'step' }),
    node('relu', 'ReLU', { negative_slope: 0.1, threshold: 0.5, max_value: null }),
    node('elu', 'ELU', { alpha: 0.5 }),
    node('flat', 'Flatten'),
    node('grid', 'Reshape', { target_shape: [2, -1] }),
    node('soft', 'Softmax', { axis: 1 }),
    node('bn', 'BatchNormalization', { axis: 1, center: false }),
    node('drop', 'Dropout', { rate: 0.5 }),
    node('cat', 'Concatenate', { axis: -2 }),
  ],
  [
    ['_x', 'silu'],
    ['silu', 'lrelu'],
    ['lrelu', 'hs'],
    ['hs', 'exp'],
    ['exp', 'step'],
    ['step', 'relu'],
    ['relu', 'elu'],
    ['elu', 'flat'],
    ['flat', 'grid'],
    ['grid', 'soft'],
    ['soft', 'bn'],
    ['bn', 'drop'],
    ['drop', 'cat'],
    ['grid', 'cat'],
  ],
);

async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (saved === undefined) throw new Error('nothing saved');
  // What the worker receives is plain JSON plus the weight buffer.
  const copy = JSON.parse(JSON.stringify({ ...saved, weightData: undefined })) as tf.io.ModelArtifacts;
  return tf.loadLayersModel(tf.io.fromMemory({ ...copy, weightData: saved.weightData }));
}

async function expectSameModel(g: Graph): Promise<void> {
  const result = compileGraph(g, { seed: 4 });
  if (!result.ok) throw new Error(result.message);
  const { model } = result;
  const loaded = await roundTrip(model);
  try {
    expect(loaded.layers.map((l) => [l.name, l.getClassName()])).toEqual(model.layers.map((l) => [l.name, l.getClassName()]));
    expect(getLayerWeights(loaded)).toEqual(getLayerWeights(model));
    const inputs = model.inputs.map((t, i) => tf.randomNormal([2, ...(t.shape.slice(1) as number[])], 0, 1, 'float32', i));
    const out = (m: tf.LayersModel) => tf.tidy(() => asList(m.predict(inputs)).map((t) => Array.from(t.dataSync())));
    expect(out(loaded)).toEqual(out(model));
    tf.dispose(inputs);
  } finally {
    model.dispose();
    loaded.dispose();
  }
}

describe('tfjs save and load', () => {
  it('rebuilds every LayerLab layer and activation class with the same weights and outputs', async () => {
    const result = compileGraph(EVERYTHING);
    if (!result.ok) throw new Error(result.message);
    const classes = result.model.layers.map((l) => l.getClassName());
    result.model.dispose();
    expect(classes).toEqual(
      expect.arrayContaining(['LayerLabReLU', 'LayerLabELU', 'LayerLabFlatten', 'LayerLabSoftmax', 'LayerLabBatchNormalization', 'LayerLabDropout']),
    );
    await expectSameModel(EVERYTHING);
  });

  it('round-trips random graphs', async () => {
    for (const g of fc.sample(arbitraryValidGraph(), { numRuns: 30, seed: 99 })) await expectSameModel(g);
  });

  it('writes Keras activation names where tfjs has none of its own', async () => {
    const result = compileGraph(EVERYTHING);
    if (!result.ok) throw new Error(result.message);
    const topology = result.model.toJSON(null, false) as { config: { layers: { name: string; config: { activation?: unknown } }[] } };
    result.model.dispose();
    // Read each layer's activation field (the layer names alone contain words like "silu" and "step").
    const activationOf = (name: string) => topology.config.layers.find((l) => l.name === name)?.config.activation;
    // silu is tfjs's own swish (the same function; tfjs has no silu), as in the TF.js export.
    expect([activationOf('silu'), activationOf('lrelu'), activationOf('exp'), activationOf('step')]).toEqual([
      'swish',
      'leaky_relu',
      'exponential',
      'step',
    ]);
  });
});
