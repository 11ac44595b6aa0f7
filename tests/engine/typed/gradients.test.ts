/**
 * Backpropagation is right: for every activation, layer kind and loss, the gradient the typed path computes equals a
 * central finite difference of its own loss (float64 storage, so the difference is not lost in float32 rounding).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { ACTIVATIONS } from '../../../src/core/layers/index.ts';
import type { ActivationName } from '../../../src/core/layers/index.ts';
import { LOSSES } from '../../../src/core/training/settings.ts';
import type { LossName } from '../../../src/core/training/settings.ts';
import { buildTypedModel } from '../../../src/engine/typed/model.ts';
import type { TypedModel } from '../../../src/engine/typed/model.ts';
import { DropoutOp } from '../../../src/engine/typed/ops/dropout.ts';
import { chain, graph, node } from '../../support/graphBuilders.ts';
import type { Batch, Task } from './networks.ts';
import { LOSS_SETUPS, layerKindsGraph, randomBatch, randomWeights } from './networks.ts';

const STEP = 1e-6;

function build(g: Graph, loss: LossName, task: Task, l2 = 0): TypedModel {
  const built = buildTypedModel({ graph: g, weights: randomWeights(g, 3), loss, task, l2, seed: 5, precision: 'float64' });
  if (!built.ok) throw new Error(built.message);
  return built.model;
}

/**
 * The largest disagreement between the analytic gradient and (L(w + h) - L(w - h)) / 2h over every weight, as
 * |analytic - numeric| / max(|numeric|, 1e-3) (the floor keeps weights whose gradient is ~0 from dividing by noise).
 */
function worstGradientError(model: TypedModel, batch: Batch, training = false): { error: number; where: string; checked: number } {
  model.run(batch.x, batch.y, batch.count, training, true);
  const analytic = model.network.params.map((p) => Float64Array.from(p.grad));
  let worst = { error: 0, where: '', checked: 0 };
  model.network.params.forEach((param, index) => {
    for (let k = 0; k < param.values.length; k += 1) {
      const original = param.values[k] as number;
      param.values[k] = original + STEP;
      const up = model.run(batch.x, batch.y, batch.count, training, false).loss;
      param.values[k] = original - STEP;
      const down = model.run(batch.x, batch.y, batch.count, training, false).loss;
      param.values[k] = original;
      const numeric = (up - down) / (2 * STEP);
      const error = Math.abs((analytic[index]?.[k] ?? Number.NaN) - numeric) / Math.max(Math.abs(numeric), 1e-3);
      worst.checked += 1;
      if (!(error <= worst.error)) worst = { error, where: `${param.nodeId}/${param.name}[${k}]`, checked: worst.checked };
    }
  });
  return worst;
}

describe('gradients equal finite differences (float64)', () => {
  const differentiable = ACTIVATIONS.filter((a) => a !== 'step');

  for (const activation of differentiable) {
    it(`through a hidden Dense with ${activation}`, () => {
      const g = chain([node('x', 'Input', { shape: [3] }), node('h', 'Dense', { units: 4, activation }), node('out', 'Dense', { units: 2, activation: 'linear' })]);
      const model = build(g, 'mean_squared_error', 'regression');
      const batch = randomBatch(createRng(1), 5, 3, 'regression', 2);
      const result = worstGradientError(model, batch);
      expect(result.error, result.where).toBeLessThan(1e-5);
    });
  }

  for (const loss of LOSSES) {
    const setup = LOSS_SETUPS[loss];
    it(`of ${loss} through every layer kind, kernel regularizers and the settings' L2`, () => {
      const model = build(layerKindsGraph(setup), loss, setup.task, 0.01);
      const batch = randomBatch(createRng(2), 6, 4, setup.task, setup.units);
      const result = worstGradientError(model, batch);
      expect(result.checked).toBeGreaterThan(150);
      expect(result.error, result.where).toBeLessThan(1e-5);
    });
  }

  it('of binary_crossentropy on a 3-unit sigmoid output with one-hot targets', () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('h', 'Dense', { units: 4, activation: 'tanh' }), node('out', 'Dense', { units: 3, activation: 'sigmoid' })]);
    const model = build(g, 'binary_crossentropy', 'classification');
    const result = worstGradientError(model, randomBatch(createRng(3), 6, 2, 'classification', 3));
    expect(result.error, result.where).toBeLessThan(1e-5);
  });

  it('of categorical_crossentropy on an output that is not a softmax (the p / Σp normalisation)', () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('out', 'Dense', { units: 3, activation: 'sigmoid' })]);
    const model = build(g, 'categorical_crossentropy', 'classification');
    const result = worstGradientError(model, randomBatch(createRng(4), 6, 2, 'classification', 3));
    expect(result.error, result.where).toBeLessThan(1e-5);
  });

  it('through Dropout while training, with its mask held fixed', () => {
    const g = chain([
      node('x', 'Input', { shape: [3] }),
      node('h', 'Dense', { units: 6, activation: 'tanh' }),
      node('drop', 'Dropout', { rate: 0.4 }),
      node('out', 'Dense', { units: 1, activation: 'sigmoid' }),
    ]);
    const model = build(g, 'binary_crossentropy', 'classification');
    const batch = randomBatch(createRng(5), 6, 3, 'classification', 1);
    model.run(batch.x, batch.y, batch.count, true, false);
    const dropout = model.network.ops.find((op) => op instanceof DropoutOp);
    if (!(dropout instanceof DropoutOp)) throw new Error('no dropout op');
    dropout.masksFrozen = true;
    const result = worstGradientError(model, batch, true);
    expect(result.error, result.where).toBeLessThan(1e-5);
  });

  it('through a Dense without bias whose input feeds three layers (gradients add up)', () => {
    const g = graph(
      [
        node('x', 'Input', { shape: [2] }),
        node('shared', 'Dense', { units: 3, activation: 'swish', use_bias: false }),
        node('a', 'Dense', { units: 3, activation: 'tanh' }),
        node('b', 'Activation', { activation: 'sigmoid' }),
        node('sum', 'Add'),
        node('out', 'Concatenate'),
      ],
      [
        ['x', 'shared'],
        ['shared', 'a'],
        ['shared', 'b'],
        ['a', 'sum'],
        ['b', 'sum'],
        ['sum', 'out'],
        ['shared', 'out'],
      ],
    );
    const model = build(g, 'mean_squared_error', 'regression');
    const result = worstGradientError(model, randomBatch(createRng(6), 4, 2, 'regression', 6));
    expect(result.error, result.where).toBeLessThan(1e-5);
  });
});

describe('the step activation trains with the perceptron rule', () => {
  it('moves each weight by lr × 2(target - output) × input / batch on squared error, as the straight-through step does', () => {
    const g = chain([node('x', 'Input', { shape: [2] }), node('p', 'Dense', { units: 1, activation: 'step' as ActivationName })]);
    const model = build(g, 'mean_squared_error', 'regression');
    const [kernel, bias] = model.network.params;
    if (kernel === undefined || bias === undefined) throw new Error('no weights');
    kernel.values.set([0.5, -0.5]);
    bias.values.set([0]);
    // Two points: (1, 2) has sum -0.5 → output 0, target 1; (2, 1) has sum 0.5 → output 1, target 1.
    const x = new Float32Array([1, 2, 2, 1]);
    const y = new Float32Array([1, 1]);
    const { loss } = model.run(x, y, 2, true, true);
    expect(loss).toBe(0.5);
    // Only the misclassified point contributes: dL/dw = 2(output - target) x / 2 = -(1, 2); the bias gets -1.
    expect(Array.from(kernel.grad)).toEqual([-1, -2]);
    expect(Array.from(bias.grad)).toEqual([-1]);
  });
});
