/** The canvas's weight and neuron-output colour domains: what sets them, and that they hold still between frames. */
import { describe, expect, it } from 'vitest';
import { createDomainTracker, kernelMaxAbs, outputsMaxAbs } from '../../../../src/ui/canvas/training/liveDomains.ts';
import type { TrainingSnapshot } from '../../../../src/worker/protocol.ts';

const tensor = (name: string, values: number[]) => ({ name, shape: [values.length], values: new Float32Array(values) });
const weights = (kernel: number[], bias: number[] = [9]): NonNullable<TrainingSnapshot['weights']> => ({
  hidden: [tensor('kernel', kernel), tensor('bias', bias)],
  norm: [tensor('gamma', [50])],
});
const sample = (outputs: Record<string, number[]>): NonNullable<TrainingSnapshot['sample']> => ({
  x: new Float32Array(2),
  label: 0,
  target: null,
  outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, new Float32Array(v)])),
});

describe('kernelMaxAbs', () => {
  it('takes the largest |weight| of the Dense kernels only (biases and other tensors are not drawn as lines)', () => {
    expect(kernelMaxAbs(weights([0.2, -0.7, 0.5]))).toBeCloseTo(0.7, 6);
    expect(kernelMaxAbs(null)).toBe(0);
  });
});

describe('outputsMaxAbs', () => {
  it('takes the largest |output| over the example and the plane, leaving the Input layers out', () => {
    const grid = { n: 1, output: new Float32Array(1), m: 1, layers: { hidden: new Float32Array([-1.5]) } };
    expect(outputsMaxAbs(sample({ x: [5, -6], hidden: [0.4] }), null, new Set(['x']))).toBeCloseTo(0.4, 6);
    expect(outputsMaxAbs(sample({ x: [5, -6], hidden: [0.4] }), grid, new Set(['x']))).toBeCloseTo(1.5, 6);
    expect(outputsMaxAbs(sample({ x: [5, -6] }), null, new Set())).toBe(6);
  });
});

describe('createDomainTracker', () => {
  it('rounds the weight domain up to a nice number, grows at once and holds still while weights wobble', () => {
    const tracker = createDomainTracker();
    expect(tracker.weights(weights([0.7]))).toBe(1);
    expect(tracker.weights(weights([0.6]))).toBe(1);
    expect(tracker.weights(weights([1.3]))).toBe(2);
    expect(tracker.weights(weights([1.1]))).toBe(2);
  });

  it('shrinks only when the weights fall well inside the domain', () => {
    const tracker = createDomainTracker();
    expect(tracker.weights(weights([4]))).toBe(5);
    expect(tracker.weights(weights([1.5]))).toBe(5);
    expect(tracker.weights(weights([0.9]))).toBe(1);
  });

  it('answers every picture of one frame alike: the same weights object gives the same domain', () => {
    const tracker = createDomainTracker();
    const frame = weights([0.3]);
    const first = tracker.weights(frame);
    expect(tracker.weights(frame)).toBe(first);
    expect(tracker.weights(frame)).toBe(first);
  });

  it("leaves the Input layers out of the outputs' domain", () => {
    const tracker = createDomainTracker();
    expect(tracker.outputs(sample({ x: [6], hidden: [0.3] }), null, 'x')).toBe(0.5);
    expect(tracker.outputs(sample({ x: [6], hidden: [0.3] }), null, '')).toBe(10);
  });
});
