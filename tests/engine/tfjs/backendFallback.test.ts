/**
 * When WebAssembly cannot start (here: its files are not where the caller said), initBackend falls back to the
 * plain-JavaScript backend, says why in a sentence naming the folder, and trainers still work.
 * (Its own file: tfjs can try to start wasm only once per process.)
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/engine/tfjs/index.ts';
import { denseChain, seededBatch, specFor, trainerFor } from './support.ts';

describe('initBackend with a folder that has no .wasm files', () => {
  it('falls back to cpu and says why', async () => {
    const choice = await initBackend({ wasmPaths: '/no/such/folder/' });
    expect(choice).toEqual({
      path: 'tfjs-cpu',
      reason:
        'TensorFlow.js runs in plain JavaScript, which is much slower for large layers, because WebAssembly did not start: its .wasm file could not be loaded from /no/such/folder/.',
    });
    expect(tf.getBackend()).toBe('cpu');
    const trainer = trainerFor(specFor(denseChain(2, [[3, 'tanh'], [1, 'sigmoid']])));
    const { x, y, count } = seededBatch(1, 8, 2, 2);
    expect(trainer.path).toBe('tfjs-cpu');
    expect(trainer.pathReason).toBe(choice.reason);
    expect(Number.isFinite(trainer.trainBatch(x, y, count).loss)).toBe(true);
    trainer.dispose();
  });
});
