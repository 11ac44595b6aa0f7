import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PENALTY,
  REGULARIZER_MODE_INFO,
  REGULARIZER_MODES,
  factorField,
  factorsOf,
  regularizerForMode,
  regularizerMode,
} from '../../../src/ui/panels/inspector/regularizer.ts';
import { parseFieldText, rangeText } from '../../../src/ui/panels/inspector/fieldText.ts';

describe('regularizerMode', () => {
  it('reads the choice from the value', () => {
    expect(regularizerMode(null)).toBe('none');
    expect(regularizerMode({ l1: 0.01, l2: 0 })).toBe('l1');
    expect(regularizerMode({ l1: 0, l2: 0.01 })).toBe('l2');
    expect(regularizerMode({ l1: 0.01, l2: 0.02 })).toBe('l1l2');
    expect(regularizerMode({ l1: 0, l2: 0 })).toBe('l1l2');
  });

  it('keeps the choice the student made while the value fits it, so a factor typed down to 0 keeps its field', () => {
    expect(regularizerMode({ l1: 0.01, l2: 0 }, 'l1l2')).toBe('l1l2');
    expect(regularizerMode({ l1: 0, l2: 0 }, 'l1')).toBe('l1');
    expect(regularizerMode({ l1: 0, l2: 0 }, 'l2')).toBe('l2');
    // A value from elsewhere (undo) that does not fit the last choice wins.
    expect(regularizerMode({ l1: 0, l2: 0.01 }, 'l1')).toBe('l2');
    expect(regularizerMode(null, 'l1l2')).toBe('none');
    expect(regularizerMode({ l1: 0.01, l2: 0 }, 'none')).toBe('l1');
  });
});

describe('regularizerForMode', () => {
  it("turns a choice into the project value, with Keras's 0.01 for a factor newly in use", () => {
    expect(DEFAULT_PENALTY).toBe(0.01);
    expect(regularizerForMode('none', { l1: 0.5, l2: 0.5 })).toBeNull();
    expect(regularizerForMode('l1', null)).toEqual({ l1: 0.01, l2: 0 });
    expect(regularizerForMode('l2', null)).toEqual({ l1: 0, l2: 0.01 });
    expect(regularizerForMode('l1l2', null)).toEqual({ l1: 0.01, l2: 0.01 });
  });

  it('keeps factors already set', () => {
    expect(regularizerForMode('l1l2', { l1: 0, l2: 0.003 })).toEqual({ l1: 0.01, l2: 0.003 });
    expect(regularizerForMode('l2', { l1: 0.2, l2: 0.003 })).toEqual({ l1: 0, l2: 0.003 });
    expect(regularizerForMode('l1', { l1: 0.2, l2: 0.003 })).toEqual({ l1: 0.2, l2: 0 });
  });
});

describe('the form of a weight penalty', () => {
  it('offers none / L1 / L2 / L1 + L2 and explains each', () => {
    expect(REGULARIZER_MODES.map((m) => REGULARIZER_MODE_INFO[m].option)).toEqual(['none', 'L1', 'L2', 'L1 + L2']);
    expect(REGULARIZER_MODE_INFO.l1.explain).toBe('Adds L1 × the sum of |weight| to the loss: weights the layer does not need are pushed to exactly 0.');
    expect(REGULARIZER_MODE_INFO.l2.explain).toBe('Adds L2 × the sum of weight² to the loss: every weight is kept small (also called weight decay).');
    expect(REGULARIZER_MODE_INFO.l1l2.explain).toBe('Adds both penalties to the loss.');
    expect(REGULARIZER_MODE_INFO.none.explain).toBe('No penalty: the weights may grow as large as training makes them.');
  });

  it('shows a number field per factor in use, labelled in plain words first: "weight penalty (L2)"', () => {
    expect(factorsOf('none')).toEqual([]);
    expect(factorsOf('l1')).toEqual(['l1']);
    expect(factorsOf('l2')).toEqual(['l2']);
    expect(factorsOf('l1l2')).toEqual(['l1', 'l2']);
    const l2 = factorField('weight penalty', 'l2');
    expect(l2.label).toBe('weight penalty (L2)');
    expect(factorField('weight penalty', 'l1').label).toBe('weight penalty (L1)');
    expect(l2.help).toBe('How strongly the sum of weight² counts in the loss.');
    expect(factorField('weight penalty', 'l1').help).toBe('How strongly the sum of |weight| counts in the loss.');
    expect(rangeText(l2)).toBe('0 or more');
  });

  it('reads a factor like any number field; a negative factor is applied and reported by the core', () => {
    const l2 = factorField('weight penalty', 'l2');
    expect(parseFieldText(l2, '0.001', 0.01)).toEqual({ ok: true, value: 0.001 });
    expect(parseFieldText(l2, '-1', 0.01)).toEqual({ ok: true, value: -1 });
    expect(parseFieldText(l2, '', 0.01)).toEqual({ ok: false, message: 'Enter a number, for example 0.01.' });
  });
});
