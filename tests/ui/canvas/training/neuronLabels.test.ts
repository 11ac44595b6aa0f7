/** The accessible names of the neuron rows on a card. */
import { describe, expect, it } from 'vitest';
import { isNeuronLayer, neuronLabel } from '../../../../src/ui/canvas/training/neuronLabels.ts';

describe('neuronLabel', () => {
  it('names a Dense neuron from 1 with its activation to 3 significant digits', () => {
    expect(neuronLabel({ kind: 'Dense', nodeId: 'hidden', unit: 2, value: 0.41234 })).toBe('Neuron 3 of hidden: activation 0.412');
    expect(neuronLabel({ kind: 'Dense', nodeId: 'out', unit: 0, value: -0.0123456 })).toBe('Neuron 1 of out: activation \u22120.0123');
  });

  it('calls the outputs of an activation layer activations too', () => {
    expect(neuronLabel({ kind: 'ReLU', nodeId: 'act', unit: 0, value: 1.5 })).toBe('Neuron 1 of act: activation 1.50');
    expect(isNeuronLayer('Softmax')).toBe(true);
    expect(isNeuronLayer('Dropout')).toBe(false);
  });

  it("names an Input's rows after the data's features", () => {
    expect(neuronLabel({ kind: 'Input', nodeId: 'x', unit: 1, value: -2.345, featureName: 'x2' })).toBe('Input 2 of x (x2): value \u22122.35');
  });

  it('names the rows of any other layer units, and leaves the value out until there is one', () => {
    expect(neuronLabel({ kind: 'Dropout', nodeId: 'drop', unit: 4, value: 0.1 })).toBe('Unit 5 of drop: value 0.100');
    expect(neuronLabel({ kind: 'Dense', nodeId: 'hidden', unit: 0, value: null })).toBe('Neuron 1 of hidden');
  });
});
