/**
 * The typed path gives TensorFlow.js's numbers for every layer kind besides Dense activations: 100 training steps
 * side by side with LayerLab's TensorFlow.js path (compareWithKeras.ts), where the losses' clip bites, and in inference mode
 * (every layer's output and the prediction, Dropout included).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { LOSSES } from '../../../src/core/training/settings.ts';
import { createTypedTrainer } from '../../../src/engine/typed/index.ts';
import { chain, node } from '../../support/graphBuilders.ts';
import { compare, TOLERANCE } from './compareWithKeras.ts';
import { KerasReference } from './kerasReference.ts';
import { allActivationsGraph, LOSS_SETUPS, layerKindsGraph, randomBatch, randomWeights, relativeDifference } from './networks.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  tf.env().set('PROD', true);
});

describe('typed path = TensorFlow.js with Keras formulas, 100 steps', () => {
  // Adam at 0.003: at 0.01 the shared PReLU's single alpha passes through 0 near step 100, where a relative
  // difference of one value means nothing (1e-7 apart, 2e-5 relative).
  for (const loss of LOSSES) {
    it(`every other layer kind, kernel regularizers and the settings' L2: adam, ${loss}`, () => {
      const result = compare(layerKindsGraph(LOSS_SETUPS[loss]), 'adam', loss, 0.001, 0.003);
      expect(result.worstLoss).toBeLessThanOrEqual(TOLERANCE);
      expect(result.worstMetric).toBeLessThanOrEqual(TOLERANCE);
      expect(result.worstWeight.difference, result.worstWeight.name).toBeLessThanOrEqual(TOLERANCE);
      expect(result.movedBy).toBeGreaterThan(0.01);
    });
  }

  // Weights 40× too large saturate the outputs to exactly 0 or 1 in float32, where the losses' clip to [ε, 1 - ε]
  // decides both the value and (zero) gradient.
  for (const loss of ['binary_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy'] as const) {
    it(`saturated outputs, where the clip bites: ${loss}`, () => {
      const graph = chain([node('x', 'Input', { shape: [3] }), node('h', 'Dense', { units: 4, activation: 'tanh' }), node('out', 'Dense', LOSS_SETUPS[loss])]);
      const result = compare(graph, 'sgd', loss, 0, 0.001, 24);
      expect(result.clippedOutputs).toBeGreaterThan(0);
      expect(result.worstLoss).toBeLessThanOrEqual(TOLERANCE);
      expect(result.worstWeight.difference, result.worstWeight.name).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

/** Every layer's output from TensorFlow.js in inference mode, by layer name (= node id). */
function tfjsLayerOutputs(model: tf.LayersModel, x: Float32Array, count: number): Map<string, Float32Array> {
  const all = tf.model({ inputs: model.inputs, outputs: model.layers.map((layer) => layer.output as tf.SymbolicTensor) });
  const input = tf.tensor2d(x, [count, x.length / count]);
  const results = all.predict(input, { batchSize: count }) as tf.Tensor[];
  const out = new Map(model.layers.map((layer, i) => [layer.name, results[i]?.dataSync() as Float32Array]));
  tf.dispose([input, ...results]);
  return out;
}

describe('typed path = TensorFlow.js when predicting (inference mode)', () => {
  const withDropout = chain([
    node('x', 'Input', { shape: [4] }),
    node('h', 'Dense', { units: 6, activation: 'gelu' }),
    node('drop', 'Dropout', { rate: 0.5 }),
    node('out', 'Dense', { units: 3, activation: 'softmax' }),
  ]);
  const cases: [string, Graph][] = [
    ['every activation', allActivationsGraph(LOSS_SETUPS.mean_squared_error)],
    ['every other layer kind', layerKindsGraph(LOSS_SETUPS.categorical_crossentropy)],
    ['Dropout of rate 0.5', withDropout],
  ];
  for (const [name, graph] of cases) {
    it(`gives every layer's output and the prediction: ${name}`, () => {
      const weights = randomWeights(graph, 5);
      const created = createTypedTrainer({
        graph,
        weights,
        settings: { optimizer: 'sgd', learningRate: 0.1, loss: 'mean_squared_error', l2: 0, seed: 1 },
        options: { task: 'regression' },
      });
      if (!created.ok) throw new Error(created.message);
      const reference = new KerasReference(graph, weights, { optimizer: 'sgd', learningRate: 0.1, loss: 'mean_squared_error', l2: 0, task: 'regression' });
      try {
        const batch = randomBatch(createRng(4), 50, created.trainer.inputSize, 'regression', created.trainer.outputSize);
        const expected = tfjsLayerOutputs(reference.model, batch.x, batch.count);
        const ours = created.trainer.layerOutputs(batch.x, batch.count);
        expect([...ours.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [id, output] of ours) {
          expect(relativeDifference(output.values, expected.get(id) ?? new Float32Array(0)), id).toBeLessThanOrEqual(TOLERANCE);
        }
        expect(relativeDifference(created.trainer.predict(batch.x, batch.count), reference.predict(batch.x, batch.count))).toBeLessThanOrEqual(TOLERANCE);
      } finally {
        reference.dispose();
      }
    });
  }
});
