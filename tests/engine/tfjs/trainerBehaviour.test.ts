/**
 * What a caller of the tfjs trainer sees: training mode only in trainBatch (Dropout drops, BatchNormalization moves
 * its statistics the Keras way), the loss reported from before the update, the learning rate changing without
 * resetting the optimizer, multi-dimensional Inputs fed flat, the neuron inspector's arithmetic, and plain sentences
 * for everything it cannot do.
 */
import { describe, expect, it } from 'vitest';
import type { LayerWeights } from '../../../src/engine/weights.ts';
import { createTfjsTrainer } from '../../../src/engine/tfjs/index.ts';
import { referenceNet, referenceStep } from './float64Reference.ts';
import { chain, denseChain, node, relativeDistance, seededBatch, specFor, startingWeights, trainerFor } from './support.ts';

function weightOf(weights: LayerWeights, id: string, name: string): Float32Array {
  const found = weights.get(id)?.find((w) => w.name === name);
  if (found === undefined) throw new Error(`${id} has no ${name}`);
  return found.values;
}

describe('training mode', () => {
  it('reports the loss of the forward pass before the update', () => {
    const trainer = trainerFor(specFor(denseChain(2, [[4, 'tanh'], [1, 'sigmoid']]), { learningRate: 0.5 }));
    const { x, y, count } = seededBatch(1, 20, 2, 2);
    const before = trainer.evaluate(x, y, count);
    const reported = trainer.trainBatch(x, y, count);
    const after = trainer.evaluate(x, y, count);
    expect(reported.loss).toBeCloseTo(before.loss, 6);
    expect(reported.metric).toBe(before.metric);
    expect(after.loss).toBeLessThan(before.loss);
    trainer.dispose();
  });

  it('drops values only in trainBatch: evaluate and predict see the network without Dropout', () => {
    const withDropout = chain([
      node('x', 'Input', { shape: [3] }),
      node('h', 'Dense', { units: 16, activation: 'relu' }),
      node('drop', 'Dropout', { rate: 0.5 }),
      node('out', 'Dense', { units: 1, activation: 'sigmoid' }),
    ]);
    const without = chain([node('x', 'Input', { shape: [3] }), node('h', 'Dense', { units: 16, activation: 'relu' }), node('out', 'Dense', { units: 1, activation: 'sigmoid' })]);
    const weights = startingWeights(without);
    const a = trainerFor(specFor(withDropout, { weights }));
    const b = trainerFor(specFor(without, { weights }));
    const { x, y, count } = seededBatch(2, 30, 3, 2);
    expect(a.evaluate(x, y, count).loss).toBe(b.evaluate(x, y, count).loss);
    expect([...a.predict(x, count)]).toEqual([...b.predict(x, count)]);
    expect(a.trainBatch(x, y, count).loss).not.toBeCloseTo(b.trainBatch(x, y, count).loss, 3);
    a.dispose();
    b.dispose();
  });

  it("moves BatchNormalization's statistics as Keras does (momentum 0.99, biased variance) and predicts with them", () => {
    const graph = chain([
      node('x', 'Input', { shape: [2] }),
      node('h', 'Dense', { units: 3, activation: 'linear' }),
      node('bn', 'BatchNormalization'),
      node('out', 'Dense', { units: 1, activation: 'sigmoid' }),
    ]);
    const trainer = trainerFor(specFor(graph, { learningRate: 0.1 }));
    expect(trainer.engine).toBe('generic');
    const start = trainer.getWeights();
    const { x, y, count } = seededBatch(3, 8, 2, 2);
    // The BatchNormalization input is h's output with the starting weights.
    const kernel = weightOf(start, 'h', 'kernel');
    const bias = weightOf(start, 'h', 'bias');
    const hOut = (n: number, j: number): number => (bias[j] ?? 0) + (x[2 * n] ?? 0) * (kernel[j] ?? 0) + (x[2 * n + 1] ?? 0) * (kernel[3 + j] ?? 0);
    trainer.trainBatch(x, y, count);
    const after = trainer.getWeights();
    expect(after.get('bn')?.map((w) => w.name)).toEqual(['gamma', 'beta', 'moving_mean', 'moving_variance']);
    for (let j = 0; j < 3; j += 1) {
      const values = Array.from({ length: count }, (_, n) => hOut(n, j));
      const mean = values.reduce((s, v) => s + v, 0) / count;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / count;
      expect(weightOf(after, 'bn', 'moving_mean')[j]).toBeCloseTo(0.99 * 0 + 0.01 * mean, 6);
      expect(weightOf(after, 'bn', 'moving_variance')[j]).toBeCloseTo(0.99 * 1 + 0.01 * variance, 6);
    }
    // Inference normalises with the moving statistics, not the batch's.
    const [mean, variance, gamma, beta] = ['moving_mean', 'moving_variance', 'gamma', 'beta'].map((name) => weightOf(after, 'bn', name));
    const [k2, b2, k1, b1] = [weightOf(after, 'out', 'kernel'), weightOf(after, 'out', 'bias'), weightOf(after, 'h', 'kernel'), weightOf(after, 'h', 'bias')];
    const expected = Array.from({ length: count }, (_, n) => {
      let z = b2[0] ?? 0;
      for (let j = 0; j < 3; j += 1) {
        const h = (b1[j] ?? 0) + (x[2 * n] ?? 0) * (k1[j] ?? 0) + (x[2 * n + 1] ?? 0) * (k1[3 + j] ?? 0);
        const normalised = ((gamma?.[j] ?? 0) * (h - (mean?.[j] ?? 0))) / Math.sqrt((variance?.[j] ?? 0) + 1e-3) + (beta?.[j] ?? 0);
        z += normalised * (k2[j] ?? 0);
      }
      return 1 / (1 + Math.exp(-z));
    });
    expect(relativeDistance(trainer.predict(x, count), expected)).toBeLessThan(1e-5);
    trainer.dispose();
  });
});

describe('setLearningRate', () => {
  it('applies from the next step and keeps the momentum', () => {
    const graph = chain([node('x', 'Input', { shape: [2] }), node('d1', 'Dense', { units: 3, activation: 'tanh' }), node('d2', 'Dense', { units: 1, activation: 'sigmoid' })]);
    const weights = startingWeights(graph, 4);
    const trainer = trainerFor(specFor(graph, { optimizer: 'momentum', learningRate: 0.2, weights }));
    const reference = referenceNet(weights, { hidden: 'd1', output: 'd2' }, { loss: 'binary_crossentropy', optimizer: 'momentum', learningRate: 0.2, outputActivation: 'sigmoid' });
    for (let step = 0; step < 4; step += 1) {
      if (step === 2) {
        trainer.setLearningRate(0.05);
        reference.learningRate = 0.05;
      }
      const { x, y, count } = seededBatch(60 + step, 6, 2, 2);
      trainer.trainBatch(x, y, count);
      referenceStep(reference, Float64Array.from(x), Float64Array.from(y), count);
    }
    expect(relativeDistance(weightOf(trainer.getWeights(), 'd1', 'kernel'), reference.hidden.kernel)).toBeLessThan(1e-5);
    expect(relativeDistance(weightOf(trainer.getWeights(), 'd2', 'kernel'), reference.output.kernel)).toBeLessThan(1e-5);
    expect(() => trainer.setLearningRate(0)).toThrow('The learning rate must be a number above 0; it is 0.');
    trainer.dispose();
  });
});

describe('inputs and outputs', () => {
  it('takes a multi-dimensional Input flattened, row-major', () => {
    const grid = chain([node('img', 'Input', { shape: [2, 2, 1] }), node('flat', 'Flatten'), node('d', 'Dense', { units: 3, activation: 'softmax' })]);
    const flatNet = denseChain(4, [[3, 'softmax']]);
    const weights = startingWeights(flatNet);
    const a = trainerFor(specFor(grid, { weights: new Map([['d', weights.get('d1') ?? []]]) }));
    const b = trainerFor(specFor(flatNet, { weights }));
    const { x, count } = seededBatch(7, 5, 4, 3);
    expect(a.inputSize).toBe(4);
    expect([...a.predict(x, count)]).toEqual([...b.predict(x, count)]);
    expect(a.layerOutputs(x, count).get('flat')?.values).toEqual(x);
    a.dispose();
    b.dispose();
  });

  it("shows a Dense neuron's arithmetic: inputs × weights + bias, then the activation", () => {
    const trainer = trainerFor(specFor(denseChain(3, [[4, 'tanh'], [2, 'softmax']]), { loss: 'categorical_crossentropy' }));
    const x = Float32Array.from([0.5, -1, 2]);
    const neuron = trainer.neuron('d1', 2, x);
    const kernel = weightOf(trainer.getWeights(), 'd1', 'kernel');
    expect([...(neuron?.inputs ?? [])]).toEqual([...x]);
    expect([...(neuron?.weights ?? [])]).toEqual([kernel[2], kernel[6], kernel[10]]);
    const sum = (neuron?.bias ?? 0) + x.reduce((s, v, i) => s + v * (neuron?.weights[i] ?? 0), 0);
    expect(neuron?.sum).toBeCloseTo(sum, 6);
    expect(neuron?.output).toBeCloseTo(Math.tanh(sum), 6);
    const softmaxNeuron = trainer.neuron('d2', 1, x);
    expect(softmaxNeuron?.inputs).toEqual(trainer.layerOutputs(x, 1).get('d1')?.values);
    expect(softmaxNeuron?.output).toBeCloseTo(trainer.predict(x, 1)[1] ?? Number.NaN, 6);
    expect(trainer.neuron('x', 0, x)).toBeNull();
    expect(trainer.neuron('d1', 4, x)).toBeNull();
    trainer.dispose();
  });

  it('measures regression by mean absolute error', () => {
    const trainer = trainerFor(specFor(denseChain(2, [[2, 'linear']]), { loss: 'mean_squared_error', task: 'regression' }));
    expect(trainer.metric).toBe('mae');
    const { x, y, count } = seededBatch(8, 10, 2, 0, 2);
    const p = trainer.predict(x, count);
    const mae = p.reduce((s, v, i) => s + Math.abs(v - (y[i] ?? 0)), 0) / p.length;
    expect(trainer.evaluate(x, y, count).metric).toBeCloseTo(mae, 6);
    trainer.dispose();
  });
});

describe('plain sentences for what cannot be done', () => {
  const classifier = denseChain(2, [[3, 'softmax']]);

  it('says which example has a label the output cannot answer, and how many numbers were missing', () => {
    const trainer = trainerFor(specFor(classifier, { loss: 'sparse_categorical_crossentropy' }));
    const x = new Float32Array(6);
    expect(() => trainer.trainBatch(x, Float32Array.from([0, 2, 3]), 3)).toThrow(
      'Example 3 has the label 3, but the output layer d1 has 3 units, so it can only answer classes 0 to 2, one per unit.',
    );
    expect(() => trainer.trainBatch(x, Float32Array.from([0, 1]), 3)).toThrow('The targets hold 2 numbers, but 3 examples need 3 (one label per example).');
    expect(() => trainer.predict(new Float32Array(5), 3)).toThrow('The inputs hold 5 numbers, but 3 examples need 6 (2 per example).');
    trainer.dispose();
    expect(() => trainer.predict(x, 3)).toThrow('This trainer was disposed; create a new one.');
  });

  it.each([
    {
      why: 'a class loss on one output unit',
      spec: () => specFor(denseChain(2, [[1, 'sigmoid']]), { loss: 'categorical_crossentropy' }),
      message: 'categorical_crossentropy needs one output unit per class, but d1 has 1 unit: use binary_crossentropy for a yes/no answer, or give d1 one unit per class.',
    },
    {
      why: 'an output that is not one row per example',
      spec: () => specFor(chain([node('x', 'Input', { shape: [2, 3] }), node('d', 'Dense', { units: 2, activation: 'softmax' })])),
      message: 'The output layer d gives (2, 2) per example, but training needs one row of numbers per example: add a Flatten before it.',
    },
    {
      why: 'starting weights of the wrong shape',
      spec: () => specFor(classifier, { weights: startingWeights(denseChain(3, [[3, 'softmax']])) }),
      message:
        "The starting weights do not fit this network. d1's kernel weights have shape (2, 3) in this network, but the weights given have shape (3, 3), so d1 keeps its current weights.",
    },
    {
      why: 'a learning rate of zero',
      spec: () => specFor(classifier, { learningRate: 0 }),
      message: 'The learning rate must be a number above 0; it is 0.',
    },
    {
      why: 'a Dense with zero units',
      spec: () => ({ ...specFor(classifier), graph: denseChain(2, [[0, 'softmax']]) }),
      message: 'Dense units must be at least 1; it is 0.',
    },
  ])('refuses $why', ({ spec, message }) => {
    expect(createTfjsTrainer(spec())).toEqual({ ok: false, message });
  });
});
