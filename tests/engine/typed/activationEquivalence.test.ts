/**
 * The two numeric paths give the same numbers while training: the same graph, weights and batches, trained 100 steps
 * by the typed path and by LayerLab's TensorFlow.js path (createTfjsTrainer, cpu backend), agree to 1e-5 (relative,
 * per weight tensor, and per step's loss and metric) for every optimizer × loss × activation. The other layer kinds are in
 * layerEquivalence.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOSSES, OPTIMIZERS } from '../../../src/core/training/settings.ts';
import { compare, TOLERANCE } from './compareWithKeras.ts';
import { allActivationsGraph, LOSS_SETUPS } from './networks.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  tf.env().set('PROD', true);
});

describe("typed path = LayerLab's TensorFlow.js path (Keras formulas), 100 steps", () => {
  for (const optimizer of OPTIMIZERS) {
    for (const loss of LOSSES) {
      it(`every activation in a hidden Dense: ${optimizer}, ${loss}`, () => {
        const result = compare(allActivationsGraph(LOSS_SETUPS[loss]), optimizer, loss);
        expect(result.worstLoss).toBeLessThanOrEqual(TOLERANCE);
        expect(result.worstMetric).toBeLessThanOrEqual(TOLERANCE);
        expect(result.worstWeight.difference, result.worstWeight.name).toBeLessThanOrEqual(TOLERANCE);
        // The comparison means something only if training moved the weights.
        expect(result.movedBy).toBeGreaterThan(0.01);
      });
    }
  }
});
