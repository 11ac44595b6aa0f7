/** When a run counts as diverging, and what the message says is the likely cause. */
import { describe, expect, it } from 'vitest';
import { divergenceMessage, isDiverging, lossOutputMismatch } from '../../../src/core/training/divergence.ts';
import { DEFAULT_TRAINING } from '../../../src/core/training/settings.ts';

describe('isDiverging', () => {
  it('a loss that is NaN or infinite diverges', () => {
    expect(isDiverging(Number.NaN, 0.5, 0.7)).toBe(true);
    expect(isDiverging(Number.POSITIVE_INFINITY, null, null)).toBe(true);
  });

  it('fresh weights thrown into saturation: far above the loss the run started from', () => {
    // XOR at learning rate 10: the first epoch's mean loss is 2.7 from a start of 0.7.
    expect(isDiverging(2.74, null, 0.7)).toBe(true);
    // Ordinary first epochs stay near the start.
    expect(isDiverging(0.72, null, 0.69)).toBe(false);
    expect(isDiverging(1.2, null, 0.69)).toBe(false);
  });

  it('a trained network knocked off its minimum: far above its best epoch', () => {
    expect(isDiverging(0.9, 0.05, 0.05)).toBe(true);
    // The noise of ordinary training is not divergence.
    expect(isDiverging(0.09, 0.05, 0.7)).toBe(false);
  });
});

describe('divergenceMessage', () => {
  it('names the learning rate, with a smaller one to try, when the loss fits the output', () => {
    const text = divergenceMessage({ settings: { ...DEFAULT_TRAINING, learningRate: 10 }, outputActivation: 'sigmoid', kind: 'exploding', epoch: 3, canRestore: true });
    expect(text).toContain('Training paused in epoch 3');
    expect(text).toContain('the learning rate (10) is too high for sgd');
    expect(text).toContain('Try 1.');
    expect(text).toContain('Go back to the last good weights');
  });

  it('names a loss that does not fit the output before blaming the learning rate', () => {
    const text = divergenceMessage({ settings: { ...DEFAULT_TRAINING, loss: 'binary_crossentropy' }, outputActivation: 'linear', kind: 'nan', epoch: 1, canRestore: false });
    expect(text).toContain('binary crossentropy reads the output as a probability');
    expect(text).not.toContain('learning rate');
    expect(text).toContain('Reset the weights');
  });

  it('knows which losses fit which outputs', () => {
    expect(lossOutputMismatch('binary_crossentropy', 'sigmoid')).toBeNull();
    expect(lossOutputMismatch('categorical_crossentropy', 'softmax')).toBeNull();
    expect(lossOutputMismatch('mean_squared_error', 'linear')).toBeNull();
    expect(lossOutputMismatch('categorical_crossentropy', 'sigmoid')).toContain('use softmax');
  });
});
