import { describe, expect, it } from 'vitest';
import type { FloatField, IntField, ParamField, ParamValue } from '../../../src/core/layers/index.ts';
import { LAYER_KINDS, LAYER_REGISTRY } from '../../../src/core/layers/index.ts';
import {
  MESSAGES,
  fieldHint,
  fieldLabel,
  formatBound,
  formatFieldValue,
  inputModeFor,
  numberExample,
  paramEquals,
  parseFieldText,
  rangeText,
  stepFieldValue,
} from '../../../src/ui/panels/inspector/fieldText.ts';

const fields = <K extends keyof typeof LAYER_REGISTRY>(kind: K) => LAYER_REGISTRY[kind].params as unknown as Record<string, ParamField>;
const field = (kind: keyof typeof LAYER_REGISTRY, name: string): ParamField => {
  const f = fields(kind)[name];
  if (f === undefined) throw new Error(`${kind} has no ${name}`);
  return f;
};

const units = field('Dense', 'units');
const rate = field('Dropout', 'rate');
const maxValue = field('ReLU', 'max_value');
const inputShape = field('Input', 'shape');
const targetShape = field('Reshape', 'target_shape');
const sharedAxes = field('PReLU', 'shared_axes');
const axis = field('Concatenate', 'axis');

describe('parseFieldText: numbers', () => {
  it('reads whole numbers, decimals, signs and exponents, trimmed', () => {
    expect(parseFieldText(units, '8')).toEqual({ ok: true, value: 8 });
    expect(parseFieldText(units, ' 16 ')).toEqual({ ok: true, value: 16 });
    expect(parseFieldText(units, '+3')).toEqual({ ok: true, value: 3 });
    expect(parseFieldText(rate, '.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseFieldText(rate, '5.')).toEqual({ ok: true, value: 5 });
    expect(parseFieldText(rate, '1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(parseFieldText(rate, '2E2')).toEqual({ ok: true, value: 200 });
    expect(parseFieldText(axis, '-1')).toEqual({ ok: true, value: -1 });
    expect(parseFieldText(units, '-0')).toEqual({ ok: true, value: 0 });
    expect(Object.is((parseFieldText(units, '-0') as { value: number }).value, 0)).toBe(true);
  });

  it('applies values out of range: the core reports them on the node', () => {
    expect(parseFieldText(units, '0')).toEqual({ ok: true, value: 0 });
    expect(parseFieldText(units, '2.5')).toEqual({ ok: true, value: 2.5 });
    expect(parseFieldText(units, '100000')).toEqual({ ok: true, value: 100000 });
    expect(parseFieldText(rate, '1')).toEqual({ ok: true, value: 1 });
    expect(parseFieldText(axis, '0')).toEqual({ ok: true, value: 0 });
  });

  it('keeps text that is not a number, with "Enter a number, for example …" (the layer default as the example)', () => {
    for (const text of ['', '   ', 'abc', '1e', '1e+', '-', '.', '0x10', 'Infinity', 'NaN', '1 000', '8 units', '½']) {
      expect(parseFieldText(units, text, 8), text).toEqual({ ok: false, message: 'Enter a number, for example 8.' });
    }
    expect(parseFieldText(rate, 'abc', 0.5)).toEqual({ ok: false, message: 'Enter a number, for example 0.5.' });
    expect(parseFieldText(axis, '', -1)).toEqual({ ok: false, message: 'Enter a number, for example -1.' });
  });

  it('explains a comma (thousands separator or decimal comma)', () => {
    expect(parseFieldText(units, '4,096', 8)).toEqual({
      ok: false,
      message: 'Enter the number without commas, for example 8; use a dot for decimals, as in 0.5.',
    });
    expect(parseFieldText(rate, '0,5', 0.5)).toEqual({
      ok: false,
      message: 'Enter the number without commas, for example 0.5; use a dot for decimals, as in 0.5.',
    });
  });

  it('refuses a number too large to be one', () => {
    expect(parseFieldText(units, '1e400', 8)).toEqual({ ok: false, message: 'That number is too large for LayerLab; enter a number such as 8.' });
  });

  it('reads an empty nullable float as null ("empty = none"), and says so when the text is not a number', () => {
    expect(parseFieldText(maxValue, '')).toEqual({ ok: true, value: null });
    expect(parseFieldText(maxValue, '  ')).toEqual({ ok: true, value: null });
    expect(parseFieldText(maxValue, '6')).toEqual({ ok: true, value: 6 });
    expect(parseFieldText(maxValue, 'six', null)).toEqual({
      ok: false,
      message: 'Enter a number, for example 1, or leave the field empty for none.',
    });
  });
});

describe('parseFieldText: shapes and axis lists', () => {
  it('reads "2", "28, 28", "(28, 28)", "(28,)", "[3, 4]" and "28 28"', () => {
    expect(parseFieldText(inputShape, '2')).toEqual({ ok: true, value: [2] });
    expect(parseFieldText(inputShape, '28, 28')).toEqual({ ok: true, value: [28, 28] });
    expect(parseFieldText(inputShape, '(28, 28)')).toEqual({ ok: true, value: [28, 28] });
    expect(parseFieldText(inputShape, '(28,)')).toEqual({ ok: true, value: [28] });
    expect(parseFieldText(inputShape, '28,')).toEqual({ ok: true, value: [28] });
    expect(parseFieldText(inputShape, '[3, 4]')).toEqual({ ok: true, value: [3, 4] });
    expect(parseFieldText(inputShape, '28 28')).toEqual({ ok: true, value: [28, 28] });
    expect(parseFieldText(inputShape, ' 2 ,3,4 ')).toEqual({ ok: true, value: [2, 3, 4] });
    expect(parseFieldText(targetShape, '-1, 4')).toEqual({ ok: true, value: [-1, 4] });
  });

  it('applies numbers the core refuses (0, fractions, -1 where not allowed, too many dimensions): it explains them', () => {
    expect(parseFieldText(inputShape, '0')).toEqual({ ok: true, value: [0] });
    expect(parseFieldText(inputShape, '2.5')).toEqual({ ok: true, value: [2.5] });
    expect(parseFieldText(inputShape, '-1')).toEqual({ ok: true, value: [-1] });
    expect(parseFieldText(inputShape, '1, 2, 3, 4, 5')).toEqual({ ok: true, value: [1, 2, 3, 4, 5] });
  });

  it('keeps an empty shape with a message (with the -1 hint for Reshape)', () => {
    expect(parseFieldText(inputShape, '')).toEqual({ ok: false, message: 'Enter at least one size, for example 2, or 28, 28 for a 28 × 28 image.' });
    expect(parseFieldText(inputShape, '()')).toEqual({ ok: false, message: 'Enter at least one size, for example 2, or 28, 28 for a 28 × 28 image.' });
    expect(parseFieldText(targetShape, '')).toEqual({
      ok: false,
      message: 'Enter at least one size, for example 2, or 28, 28 for a 28 × 28 image (one size may be -1).',
    });
    expect(MESSAGES.shapeEmpty(false)).toBe('Enter at least one size, for example 2, or 28, 28 for a 28 × 28 image.');
  });

  it('names the piece that is not a number, and a missing size', () => {
    expect(parseFieldText(inputShape, '28, x')).toEqual({ ok: false, message: "'x' is not a number. Enter sizes separated by commas, for example 28, 28." });
    expect(parseFieldText(inputShape, '28; 28')).toEqual({ ok: false, message: "'28;' is not a number. Enter sizes separated by commas, for example 28, 28." });
    expect(parseFieldText(targetShape, 'a')).toEqual({ ok: false, message: "'a' is not a number. Enter sizes separated by commas, for example 28, 28 or -1, 4." });
    expect(parseFieldText(inputShape, '28,,28')).toEqual({ ok: false, message: 'A size is missing between two commas. Enter sizes separated by commas, for example 28, 28.' });
    expect(parseFieldText(inputShape, '1e400')).toEqual({ ok: false, message: "'1e400' is not a number. Enter sizes separated by commas, for example 28, 28." });
  });

  it('shortens a long piece in the message', () => {
    const result = parseFieldText(inputShape, 'abcdefghijklmnopqrstuvwxyz');
    expect(result).toEqual({ ok: false, message: "'abcdefghijklmnopqrst…' is not a number. Enter sizes separated by commas, for example 28, 28." });
  });

  it('reads an axis list, empty as none', () => {
    expect(parseFieldText(sharedAxes, '')).toEqual({ ok: true, value: null });
    expect(parseFieldText(sharedAxes, '1, 2')).toEqual({ ok: true, value: [1, 2] });
    expect(parseFieldText(sharedAxes, '(1,)')).toEqual({ ok: true, value: [1] });
    expect(parseFieldText(sharedAxes, '0')).toEqual({ ok: true, value: [0] });
    expect(parseFieldText(sharedAxes, '1, two')).toEqual({
      ok: false,
      message: "'two' is not a number. Enter axes separated by commas, for example 1, 2, or leave the field empty for none.",
    });
    expect(parseFieldText(sharedAxes, '1,,2')).toEqual({
      ok: false,
      message: 'An axis is missing between two commas. Enter axes separated by commas, for example 1, 2, or leave the field empty for none.',
    });
  });
});

describe('formatFieldValue', () => {
  it('shows numbers as typed, lists with commas, null as the empty field', () => {
    expect(formatFieldValue(units, 8)).toBe('8');
    expect(formatFieldValue(units, 4096)).toBe('4096');
    expect(formatFieldValue(rate, 0.05)).toBe('0.05');
    expect(formatFieldValue(rate, -0)).toBe('0');
    expect(formatFieldValue(maxValue, null)).toBe('');
    expect(formatFieldValue(inputShape, [28, 28])).toBe('28, 28');
    expect(formatFieldValue(inputShape, [2])).toBe('2');
    expect(formatFieldValue(sharedAxes, null)).toBe('');
    expect(formatFieldValue(sharedAxes, [1, 2])).toBe('1, 2');
    expect(formatFieldValue(field('Dense', 'use_bias'), true)).toBe('true');
    expect(formatFieldValue(field('Dense', 'activation'), 'relu')).toBe('relu');
    expect(formatFieldValue(field('Dense', 'kernel_regularizer'), { l1: 0, l2: 0.01 })).toBe('l1 0, l2 0.01');
    expect(formatFieldValue(field('Dense', 'kernel_regularizer'), null)).toBe('');
  });

  it('round-trips every default of every layer kind: each generated form starts valid', () => {
    for (const kind of LAYER_KINDS) {
      const defaults = LAYER_REGISTRY[kind].defaults as unknown as Record<string, ParamValue>;
      for (const [name, f] of Object.entries(fields(kind))) {
        if (f.type === 'regularizer' || f.type === 'activation' || f.type === 'initializer' || f.type === 'bool') continue;
        const value = defaults[name] ?? null;
        const parsed = parseFieldText(f, formatFieldValue(f, value), value);
        expect(parsed, `${kind}.${name}`).toEqual({ ok: true, value });
      }
    }
  });
});

describe('rangeText and fieldHint', () => {
  it('states every range of the registry in words', () => {
    expect(rangeText(units)).toBe('1 to 4,096');
    expect(rangeText(rate)).toBe('0 to below 1');
    expect(rangeText(field('BatchNormalization', 'momentum'))).toBe('0 to 1');
    expect(rangeText(field('BatchNormalization', 'epsilon'))).toBe('more than 0');
    expect(rangeText(field('ELU', 'alpha'))).toBe('0 or more');
    expect(rangeText(field('LeakyReLU', 'negative_slope'))).toBe('0 or more');
    expect(rangeText(field('ReLU', 'threshold'))).toBe('0 or more');
    expect(rangeText(maxValue)).toBe('0 or more, or empty for none');
  });

  it('covers every kind of bound', () => {
    const int = (f: Partial<IntField>): IntField => ({ type: 'int', label: 'n', help: '', min: 1, ...f });
    const float = (f: Partial<FloatField>): FloatField => ({ type: 'float', label: 'x', help: '', ...f });
    expect(rangeText(int({}))).toBe('1 or more');
    expect(rangeText(int({ min: 0, max: { value: 1_000_000, reason: '' } }))).toBe('0 to 1,000,000');
    expect(rangeText(float({ min: { value: 0, inclusive: false }, max: { value: 1, inclusive: true } }))).toBe('above 0 to 1');
    expect(rangeText(float({ min: { value: 0, inclusive: false }, max: { value: 1, inclusive: false } }))).toBe('above 0 to below 1');
    expect(rangeText(float({ max: { value: 1, inclusive: true } }))).toBe('at most 1');
    expect(rangeText(float({ max: { value: 1, inclusive: false } }))).toBe('below 1');
    expect(rangeText(float({ min: { value: 0.001, inclusive: true } }))).toBe('0.001 or more');
    expect(rangeText(float({ min: { value: -2.5, inclusive: true } }))).toBe('-2.5 or more');
    expect(rangeText(float({}))).toBeNull();
    expect(rangeText(float({ nullable: true }))).toBe('empty for none');
    expect(rangeText(inputShape)).toBeNull();
    expect(rangeText(axis)).toBeNull();
    expect(formatBound(4096)).toBe('4,096');
    expect(formatBound(0.0001)).toBe('0.0001');
  });

  it('tells the format of lists and axes in the help line', () => {
    expect(fieldHint(units)).toBe('Allowed: 1 to 4,096.');
    expect(fieldHint(maxValue)).toBe('Allowed: 0 or more, or empty for none.');
    expect(fieldHint({ type: 'float', label: '', help: '' })).toBeNull();
    expect(fieldHint(inputShape)).toBe('Sizes separated by commas, e.g. 28, 28; at most 4.');
    expect(fieldHint(targetShape)).toBe('Sizes separated by commas, e.g. 28, 28; at most 4; one may be -1.');
    expect(fieldHint(sharedAxes)).toBe('Axes separated by commas, e.g. 1, 2; empty for none.');
    expect(fieldHint(axis)).toBe('A whole number other than 0 (axis 0 is the batch).');
    expect(fieldHint(field('Dense', 'use_bias'))).toBeNull();
    expect(fieldHint(field('Dense', 'activation'))).toBeNull();
  });
});

describe('numberExample', () => {
  it('uses the layer default, else a value in range', () => {
    expect(numberExample(units, 8)).toBe(8);
    expect(numberExample(units)).toBe(8);
    expect(numberExample({ type: 'int', label: '', help: '', min: 1, max: { value: 4, reason: '' } })).toBe(4);
    expect(numberExample({ type: 'int', label: '', help: '', min: 16 })).toBe(16);
    expect(numberExample(maxValue, null)).toBe(1);
    expect(numberExample(rate)).toBe(0.5);
    expect(numberExample({ type: 'float', label: '', help: '', min: { value: 2, inclusive: false }, max: { value: 4, inclusive: false } })).toBe(3);
    expect(numberExample(axis)).toBe(-1);
  });
});

describe('fieldLabel: plain words first, the Keras name second when the words differ', () => {
  it('labels fields', () => {
    expect(fieldLabel('units', units)).toEqual({ text: 'neurons', keras: 'units', full: 'neurons (units)' });
    expect(fieldLabel('use_bias', field('Dense', 'use_bias'))).toEqual({ text: 'use bias', keras: null, full: 'use bias' });
    expect(fieldLabel('kernel_initializer', field('Dense', 'kernel_initializer'))).toEqual({
      text: 'weight initializer',
      keras: 'kernel_initializer',
      full: 'weight initializer (kernel_initializer)',
    });
    expect(fieldLabel('center', field('BatchNormalization', 'center')).full).toBe('center (beta)');
    expect(fieldLabel('units', { ...units, label: 'neurons' }).full).toBe('neurons (units)');
  });

  it('gives every field of the registry a distinct accessible name within its layer (the names the e2e tests use)', () => {
    const names = Object.fromEntries(LAYER_KINDS.map((kind) => [kind, Object.entries(fields(kind)).map(([n, f]) => fieldLabel(n, f).full)]));
    expect(names).toEqual({
      Input: ['shape'],
      Dense: ['neurons (units)', 'activation', 'use bias', 'weight initializer (kernel_initializer)', 'bias initializer', 'weight penalty (kernel_regularizer)'],
      Activation: ['activation'],
      Dropout: ['rate'],
      BatchNormalization: ['axis', 'momentum', 'epsilon', 'center (beta)', 'scale (gamma)'],
      Flatten: [],
      Reshape: ['target shape'],
      Concatenate: ['axis'],
      Add: [],
      Multiply: [],
      Softmax: ['axis'],
      ReLU: ['max value', 'negative slope', 'threshold'],
      LeakyReLU: ['negative slope'],
      ELU: ['alpha'],
      PReLU: ['shared axes'],
    });
    for (const list of Object.values(names)) expect(new Set(list).size).toBe(list.length);
  });
});

describe('inputModeFor', () => {
  it('asks for a number pad only where no minus sign or comma is needed', () => {
    expect(inputModeFor(units)).toBe('numeric');
    expect(inputModeFor(rate)).toBe('decimal');
    expect(inputModeFor(maxValue)).toBe('decimal');
    expect(inputModeFor({ type: 'float', label: '', help: '' })).toBe('text');
    expect(inputModeFor({ type: 'int', label: '', help: '', min: -5 })).toBe('text');
    expect(inputModeFor(axis)).toBe('text');
    expect(inputModeFor(inputShape)).toBe('text');
    expect(inputModeFor(sharedAxes)).toBe('text');
  });
});

describe('stepFieldValue (ArrowUp / ArrowDown)', () => {
  it('steps ints by 1 and floats by their step, rounded to the step', () => {
    expect(stepFieldValue(units, '8', 1)).toBe(9);
    expect(stepFieldValue(units, '1', -1)).toBe(0);
    expect(stepFieldValue(rate, '0.5', 1)).toBe(0.55);
    expect(stepFieldValue(rate, '0.1', -1)).toBe(0.05);
    expect(stepFieldValue(field('BatchNormalization', 'epsilon'), '0.001', 1)).toBe(0.002);
    expect(stepFieldValue(field('ELU', 'alpha'), '1', 1)).toBe(1.1);
    expect(stepFieldValue({ type: 'float', label: '', help: '' }, '0.3', -1)).toBe(0.2);
    expect(stepFieldValue(rate, '0.123', 1)).toBe(0.173);
  });

  it('skips axis 0 (the batch), starts an empty nullable field at its example, and ignores other text', () => {
    expect(stepFieldValue(axis, '-1', 1)).toBe(1);
    expect(stepFieldValue(axis, '1', -1)).toBe(-1);
    expect(stepFieldValue(axis, '2', -1)).toBe(1);
    expect(stepFieldValue(maxValue, '', 1)).toBe(1);
    expect(stepFieldValue(units, 'abc', 1)).toBeNull();
    expect(stepFieldValue(inputShape, '2', 1)).toBeNull();
    expect(stepFieldValue(field('Dense', 'use_bias'), 'true', 1)).toBeNull();
  });
});

describe('paramEquals', () => {
  it('compares numbers, lists and penalties by content', () => {
    expect(paramEquals(8, 8)).toBe(true);
    expect(paramEquals(8, 9)).toBe(false);
    expect(paramEquals(null, null)).toBe(true);
    expect(paramEquals(null, 0)).toBe(false);
    expect(paramEquals([28, 28], [28, 28])).toBe(true);
    expect(paramEquals([28, 28], [28])).toBe(false);
    expect(paramEquals({ l1: 0, l2: 0.01 }, { l1: 0, l2: 0.01 })).toBe(true);
    expect(paramEquals({ l1: 0, l2: 0.01 }, { l1: 0.01, l2: 0.01 })).toBe(false);
    expect(paramEquals({ l1: 0, l2: 0 }, null)).toBe(false);
    expect(paramEquals([1], { l1: 1, l2: 1 })).toBe(false);
    expect(paramEquals('relu', 'relu')).toBe(true);
    expect(paramEquals(undefined, null)).toBe(false);
  });
});

describe('other field types', () => {
  it('reads a checkbox and a choice, and never parses a penalty from text', () => {
    expect(parseFieldText(field('Dense', 'use_bias'), 'true')).toEqual({ ok: true, value: true });
    expect(parseFieldText(field('Dense', 'use_bias'), 'false')).toEqual({ ok: true, value: false });
    expect(parseFieldText(field('Dense', 'use_bias'), 'yes')).toEqual({ ok: false, message: 'Choose on or off.' });
    expect(parseFieldText(field('Dense', 'activation'), 'tanh')).toEqual({ ok: true, value: 'tanh' });
    expect(parseFieldText(field('Dense', 'kernel_initializer'), 'he_normal')).toEqual({ ok: true, value: 'he_normal' });
    expect(parseFieldText(field('Dense', 'kernel_regularizer'), 'l2')).toEqual({ ok: false, message: 'Choose a weight penalty from the list.' });
  });
});
