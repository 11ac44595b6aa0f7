/** Numbers as the pictures print them: 3 significant digits, 4-decimal losses, 1-decimal percentages, fixed widths. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import { formatCount, formatLoss, formatPercent, formatRate, formatTick, formatValue, LOSS_WIDTH, MINUS, padStart, VALUE_WIDTH } from '../../../src/ui/viz/format.ts';

/** Parses what the formatters print back into a number (real minus sign and all). */
const parse = (text: string): number => Number(text.replaceAll(MINUS, '-').replace(',', '').replace('%', ''));

function significantDigits(text: string): number {
  const mantissa = text.replaceAll(MINUS, '').split('e')[0] ?? '';
  // "12300" (a whole number rounded to 3 digits) has trailing zeros that are not significant; "0.500" does.
  const digits = mantissa.includes('.') ? mantissa.replace('.', '') : mantissa.replace(/0+$/, '');
  return digits.replace(/^0+/, '').length;
}

describe('formatValue (weights and activations)', () => {
  it('gives 3 significant digits', () => {
    expect(formatValue(0.012345)).toBe('0.0123');
    expect(formatValue(1.2345)).toBe('1.23');
    expect(formatValue(123.45)).toBe('123');
    expect(formatValue(-0.5)).toBe(`${MINUS}0.500`);
    expect(formatValue(9.996)).toBe('10.0');
    expect(formatValue(0.000012345)).toBe(`1.23e${MINUS}5`);
  });

  it('round-trips any value to within half a unit of its third digit, in at most 9 characters', () => {
    const rng = createRng(11);
    for (let i = 0; i < 2000; i++) {
      const v = (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 16 - 8);
      const text = formatValue(v);
      expect(text.length).toBeLessThanOrEqual(VALUE_WIDTH);
      if (Number(v.toPrecision(3)) === 0) continue;
      expect(significantDigits(text)).toBeLessThanOrEqual(3);
      expect(Math.abs(parse(text) - v)).toBeLessThanOrEqual(Math.abs(v) * 5e-3 + 1e-300);
    }
  });

  it('prints zero, negative zero and non-numbers plainly', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(-1e-20 * 0)).toBe('0');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(-Infinity)).toBe(`${MINUS}∞`);
  });
});

describe('loss, percentages and counts', () => {
  it('a loss has 4 decimals', () => {
    expect(formatLoss(Math.LN2)).toBe('0.6931');
    expect(formatLoss(12.3)).toBe('12.3000');
    expect(formatLoss(-0.00001)).toBe('0.0000');
    expect(formatLoss(NaN)).toBe('NaN');
  });
  it('accuracy is a percentage with one decimal', () => {
    expect(formatPercent(0.9731)).toBe('97.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });
  it('counts and rates are grouped; slow rates keep 3 digits', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatRate(12345.6)).toBe('12,346');
    expect(formatRate(12.345)).toBe('12.3');
  });
  it('axis ticks are as short as exact', () => {
    expect(formatTick(0.2)).toBe('0.2');
    expect(formatTick(-4)).toBe(`${MINUS}4`);
    expect(formatTick(0.0001)).toBe(`1e${MINUS}4`);
  });
});

describe('fixed-width fields', () => {
  it('a padded loss keeps its width through a whole training run', () => {
    const widths = new Set<number>();
    for (let loss = 50; loss > 1e-4; loss *= 0.9) widths.add(padStart(formatLoss(loss), LOSS_WIDTH).length);
    expect([...widths]).toEqual([LOSS_WIDTH]);
  });
  it('pads with figure spaces, which do not collapse like ordinary spaces', () => {
    expect(padStart('1.5', 5)).toBe('\u2007\u20071.5');
    expect(padStart('123456', 3)).toBe('123456');
  });
});
