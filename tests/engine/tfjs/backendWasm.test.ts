/**
 * In Node, initBackend with the package's dist folder (what `layerlab train` passes) starts WebAssembly with SIMD,
 * says so, and keeps its first answer; trainers then run on it, and both tfjs paths still agree there (wasm sums in
 * another order than cpu, and the fast path multiplies explicitly transposed matrices).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeWasmPaths } from '../../../src/cli/tfjsBackendNode.ts';
import { initBackend, WASM_FILE_NAMES } from '../../../src/engine/tfjs/index.ts';
import type { BackendChoice } from '../../../src/engine/tfjs/index.ts';
import { denseChain, relativeDistance, seededBatch, specFor, trainerFor, weightsDistance } from './support.ts';

let choice: BackendChoice;

beforeAll(async () => {
  choice = await initBackend({ wasmPaths: nodeWasmPaths() });
});

describe('initBackend in Node', () => {
  it('finds every .wasm file in node_modules', () => {
    for (const file of WASM_FILE_NAMES) expect(existsSync(join(nodeWasmPaths(), file))).toBe(true);
  });

  it('starts WebAssembly with SIMD and says so', () => {
    expect(choice).toEqual({ path: 'tfjs-wasm', reason: 'TensorFlow.js runs on WebAssembly with SIMD.' });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('keeps its first answer when called again, whatever the options', async () => {
    expect(await initBackend({ wasmPaths: '/nowhere/', preferGpu: true })).toBe(choice);
  });

  it('trains on wasm, and the fast and generic paths agree there for 100 steps', () => {
    const graph = denseChain(64, [[32, 'relu'], [16, 'relu'], [10, 'softmax']]);
    const spec = specFor(graph, { optimizer: 'adam', learningRate: 1e-3, loss: 'sparse_categorical_crossentropy' });
    const fast = trainerFor(spec);
    const generic = trainerFor(spec, { denseFastPath: false });
    expect([fast.path, fast.engine, generic.engine]).toEqual(['tfjs-wasm', 'dense-fast-path', 'generic']);
    expect(fast.pathReason).toBe(choice.reason);
    const batches = [0, 1, 2, 3].map((i) => seededBatch(200 + i, 32, 64, 10));
    const fastLosses: number[] = [];
    const genericLosses: number[] = [];
    for (let step = 0; step < 100; step += 1) {
      const { x, y, count } = batches[step % batches.length] ?? batches[0]!;
      fastLosses.push(fast.trainBatch(x, y, count).loss);
      genericLosses.push(generic.trainBatch(x, y, count).loss);
    }
    expect(relativeDistance(fastLosses, genericLosses)).toBeLessThan(1e-6);
    expect(weightsDistance(fast.getWeights(), generic.getWeights())).toBeLessThan(1e-6);
    expect(fastLosses[99]).toBeLessThan(fastLosses[0] ?? 0);
    fast.dispose();
    generic.dispose();
  });
});
