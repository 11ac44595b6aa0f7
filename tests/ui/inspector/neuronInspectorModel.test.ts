/** The neuron inspector's words and numbers: input names, the example shown, stepping examples, exact numbers. */
import { describe, expect, it } from 'vitest';
import { connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import {
  arithmeticFor,
  exactTerms,
  exactTotals,
  exampleCaption,
  inspectedUnit,
  neuronInputNames,
  stepExample,
  type SessionInfo,
} from '../../../src/ui/canvas/training/neuronInspectorModel.ts';

const graph: Graph = {
  nodes: [
    createNode('x', 'Input', { shape: [2] }),
    createNode('hidden', 'Dense', { units: 3, activation: 'tanh' }),
    createNode('drop', 'Dropout', { rate: 0.2 }),
    createNode('out', 'Dense', { units: 1, activation: 'sigmoid' }),
    createNode('side', 'Dense', { units: 2 }),
  ],
  edges: [connect('x', 'hidden'), connect('hidden', 'drop'), connect('drop', 'out'), connect('x', 'side')],
};
const session: SessionInfo = { numTrain: 280, numTest: 120, classNames: ['same sign', 'opposite sign'], task: 'classification' };

describe('neuronInputNames', () => {
  it("names a first layer's inputs after the data's features", () => {
    expect(neuronInputNames(graph, 'hidden', ['x1', 'x2'], 2)).toEqual(['x1', 'x2']);
    expect(neuronInputNames(graph, 'side', ['x1', 'x2'], 2)).toEqual(['x1', 'x2']);
  });

  it('names a later layer\'s inputs "<source> unit i", counting from 1', () => {
    expect(neuronInputNames(graph, 'out', ['x1', 'x2'], 3)).toEqual(['drop unit 1', 'drop unit 2', 'drop unit 3']);
  });

  it("looks through a Dropout between the Input and the layer, and ignores feature names that do not fit", () => {
    const g: Graph = { nodes: [createNode('x', 'Input', { shape: [2] }), createNode('d', 'Dropout'), createNode('h', 'Dense')], edges: [connect('x', 'd'), connect('d', 'h')] };
    expect(neuronInputNames(g, 'h', ['x1', 'x2'], 2)).toEqual(['x1', 'x2']);
    expect(neuronInputNames(g, 'h', ['a', 'b', 'c'], 2)).toEqual(['d unit 1', 'd unit 2']);
  });
});

describe('exampleCaption', () => {
  it('says which example, counting from 1, and its class by name', () => {
    expect(exampleCaption({ split: 'test', index: 3 }, session, 1, null)).toBe('Test example 4 of 120 · class: opposite sign');
    expect(exampleCaption({ split: 'train', index: 0 }, session, 0, null)).toBe('Training example 1 of 280 · class: same sign');
  });

  it('gives a regression target to 3 significant digits, and calls a drawing the student\'s own input', () => {
    const regression: SessionInfo = { ...session, classNames: [], task: 'regression' };
    expect(exampleCaption({ split: 'test', index: 0 }, regression, null, 0.41234)).toBe('Test example 1 of 120 · target: 0.412');
    expect(exampleCaption({ custom: new Float32Array(784) }, session, null, null)).toBe('Your own input');
  });

  it('shows the example the worker shows for an index past the end (the last one)', () => {
    expect(exampleCaption({ split: 'test', index: 500 }, session, null, null)).toBe('Test example 120 of 120');
  });

  it('says so when a split has no examples', () => {
    expect(exampleCaption({ split: 'test', index: 0 }, { ...session, numTest: 0 }, null, null)).toBe('There are no test examples.');
  });
});

describe('stepExample', () => {
  it('steps within the split and wraps around at both ends', () => {
    expect(stepExample({ split: 'test', index: 3 }, session, 1)).toEqual({ split: 'test', index: 4 });
    expect(stepExample({ split: 'test', index: 0 }, session, -1)).toEqual({ split: 'test', index: 119 });
    expect(stepExample({ split: 'train', index: 279 }, session, 1)).toEqual({ split: 'train', index: 0 });
  });

  it('goes from a drawing, or an empty split, to the first example of a split that has some', () => {
    expect(stepExample({ custom: new Float32Array(2) }, session, 1)).toEqual({ split: 'test', index: 0 });
    expect(stepExample({ split: 'test', index: 0 }, { ...session, numTest: 0 }, 1)).toEqual({ split: 'train', index: 0 });
  });
});

describe('which neuron', () => {
  it("shows the chosen neuron only on its own layer, and only while the layer still has it", () => {
    expect(inspectedUnit({ nodeId: 'hidden', unit: 2 }, 'hidden', 3)).toBe(2);
    expect(inspectedUnit({ nodeId: 'hidden', unit: 2 }, 'out', 1)).toBeNull();
    expect(inspectedUnit({ nodeId: 'hidden', unit: 5 }, 'hidden', 3)).toBeNull();
    expect(inspectedUnit(null, 'hidden', 3)).toBeNull();
  });

  it("ignores a snapshot's arithmetic of the previously chosen neuron", () => {
    const neuron = { nodeId: 'hidden', unit: 1, activation: 'tanh', inputs: new Float32Array(2), weights: new Float32Array(2), bias: 0, sum: 0, output: 0 };
    expect(arithmeticFor(neuron, 'hidden', 1)).toBe(neuron);
    expect(arithmeticFor(neuron, 'hidden', 2)).toBeNull();
    expect(arithmeticFor(neuron, 'out', 1)).toBeNull();
  });
});

describe('exact numbers', () => {
  const inputs = new Float32Array([0.123456789, -2.5]);
  const weights = new Float32Array([-0.987654321, 0.000123456]);

  it('keeps each input and weight at full precision, shown to 3 significant digits, with a test id per position', () => {
    const terms = exactTerms(['x1', 'x2'], inputs, weights);
    expect(terms.map((t) => [t.name, t.input.testId, t.weight.testId])).toEqual([
      ['x1', 'neuron-input-0', 'neuron-weight-0'],
      ['x2', 'neuron-input-1', 'neuron-weight-1'],
    ]);
    expect(terms[0]?.input.text).toBe('0.123');
    expect(terms[1]?.weight.text).toBe('1.23e\u22124');
    terms.forEach((t, i) => {
      expect(Number(t.input.value)).toBe(inputs[i]);
      expect(Number(t.weight.value)).toBe(weights[i]);
    });
  });

  it('lets a reader recompute z from the kept values: Σ x·w + b equals the sum to float32 rounding', () => {
    const bias = 0.25;
    let z = bias;
    for (let i = 0; i < inputs.length; i++) z += (inputs[i] ?? 0) * (weights[i] ?? 0);
    const totals = exactTotals(bias, Math.fround(z), Math.tanh(Math.fround(z)));
    const terms = exactTerms(['x1', 'x2'], inputs, weights);
    const recomputed = terms.reduce((s, t) => s + Number(t.input.value) * Number(t.weight.value), Number(totals.bias.value));
    expect(recomputed).toBeCloseTo(Number(totals.sum.value), 6);
    expect([totals.bias.testId, totals.sum.testId, totals.output.testId]).toEqual(['neuron-bias', 'neuron-sum', 'neuron-output']);
  });
});
