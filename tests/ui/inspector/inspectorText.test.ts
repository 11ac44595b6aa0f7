import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/layers/index.ts';
import {
  EMPTY_HINT,
  NAME_HELP,
  NAME_LABEL,
  activationOptionText,
  deleteSelectionLabel,
  formatParamCount,
  selectionHeading,
  totalParamsText,
} from '../../../src/ui/panels/inspector/inspectorText.ts';

describe('the inspector with nothing or several layers selected', () => {
  it('gives a friendly hint', () => {
    expect(EMPTY_HINT).toBe('Select a layer on the canvas to see and change its settings.');
  });

  it('states the total parameter count, or why it is not known', () => {
    expect(totalParamsText(17)).toBe('17');
    expect(totalParamsText(13002)).toBe('13,002');
    expect(totalParamsText(0)).toBe('0');
    expect(totalParamsText(null)).toBe('unknown until every layer has a shape');
  });

  it('counts the selection and labels its delete button', () => {
    expect(selectionHeading(3, 0)).toBe('3 layers selected');
    expect(selectionHeading(2, 1)).toBe('2 layers and 1 connection selected');
    expect(selectionHeading(1, 2)).toBe('1 layer and 2 connections selected');
    expect(selectionHeading(0, 1)).toBe('1 connection selected');
    expect(selectionHeading(0, 3)).toBe('3 connections selected');
    expect(deleteSelectionLabel(3, 0)).toBe('Delete 3 layers');
    expect(deleteSelectionLabel(2, 1)).toBe('Delete 2 layers and 1 connection');
    expect(deleteSelectionLabel(0, 1)).toBe('Delete 1 connection');
    expect(deleteSelectionLabel(0, 2)).toBe('Delete 2 connections');
  });
});

describe('the selected layer', () => {
  it('shows the parameter count as the node card does', () => {
    expect(formatParamCount(0)).toBe('0 params');
    expect(formatParamCount(1)).toBe('1 param');
    expect(formatParamCount(72)).toBe('72 params');
    expect(formatParamCount(12544)).toBe('12,544 params');
  });

  it('labels the name field', () => {
    expect(NAME_LABEL).toBe('Layer name');
    expect(NAME_HELP).toBe("The layer's name in Keras and in exported code: letters, digits, '_', '.' and '-'.");
  });

  it('lists every activation by friendly label, then Keras name, marking the one Keras cannot export', () => {
    expect(activationOptionText('relu')).toBe('ReLU — relu');
    expect(activationOptionText('tanh')).toBe('tanh');
    expect(activationOptionText('leaky_relu')).toBe('leaky ReLU — leaky_relu');
    expect(activationOptionText('step')).toBe('step (perceptron) — step (not exportable to Keras)');
    const texts = ACTIVATIONS.map(activationOptionText);
    expect(new Set(texts).size).toBe(ACTIVATIONS.length);
    expect(texts.filter((t) => t.includes('not exportable'))).toEqual(['step (perceptron) — step (not exportable to Keras)']);
    for (const [i, name] of ACTIVATIONS.entries()) expect(texts[i]?.endsWith(name) || texts[i]?.includes(`${name} (not`)).toBe(true);
  });
});
