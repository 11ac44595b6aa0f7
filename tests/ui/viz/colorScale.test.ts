/**
 * The one diverging colour scale: orange for negative, neutral at zero, blue for positive, symmetric, in both themes;
 * the canvas lookup table agrees with it; class colours; the legend's domain steps instead of jumping every frame;
 * and every colour a number is printed on gets black or white text that reaches WCAG AA (4.5:1).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import { maxAbs, niceCeil, steppedDomain } from '../../../src/ui/viz/colorDomain.ts';
import {
  classColor,
  contrastRatio,
  divergingTable,
  hexToRgb,
  NEGATIVE_RGB,
  NEUTRAL_RGB,
  POSITIVE_RGB,
  shareColor,
  TABLE_SIZE,
  tableIndex,
  textColorOn,
  valueColor,
  type Rgb,
  type VizTheme,
} from '../../../src/ui/viz/colorScale.ts';
import { paintClasses, paintDiverging, paintGrey, paintProbability } from '../../../src/ui/viz/gridPaint.ts';

const THEMES: VizTheme[] = ['light', 'dark'];

/** How far along from neutral towards `end` a colour lies, by projection (0 = neutral, 1 = end). */
function along(color: Rgb, neutral: Rgb, end: Rgb): number {
  let dot = 0;
  let norm = 0;
  for (let c = 0; c < 3; c++) {
    dot += ((color[c] as number) - (neutral[c] as number)) * ((end[c] as number) - (neutral[c] as number));
    norm += ((end[c] as number) - (neutral[c] as number)) ** 2;
  }
  return dot / norm;
}

const blueness = (c: Rgb): number => c[2] - c[0];

describe.each(THEMES)('the diverging scale (%s theme)', (theme) => {
  const neutral = NEUTRAL_RGB[theme];

  it('is neutral at zero (and for NaN), full orange at −max, full blue at +max, clamped beyond', () => {
    expect(valueColor(0, 3, theme)).toEqual(neutral);
    expect(valueColor(NaN, 3, theme)).toEqual(neutral);
    expect(valueColor(-3, 3, theme)).toEqual(NEGATIVE_RGB);
    expect(valueColor(3, 3, theme)).toEqual(POSITIVE_RGB);
    expect(valueColor(-50, 3, theme)).toEqual(NEGATIVE_RGB);
    expect(valueColor(Infinity, 3, theme)).toEqual(POSITIVE_RGB);
  });

  it('reads the sign: negatives are orange-ward, positives blue-ward, and blueness grows with the value', () => {
    let previous = -Infinity;
    for (let v = -2; v <= 2.0001; v += 0.05) {
      const c = valueColor(v, 2, theme);
      if (v < -0.02) expect(along(c, neutral, NEGATIVE_RGB)).toBeGreaterThan(0);
      if (v > 0.02) expect(along(c, neutral, POSITIVE_RGB)).toBeGreaterThan(0);
      expect(blueness(c)).toBeGreaterThanOrEqual(previous);
      previous = blueness(c);
    }
  });

  it('is symmetric: v and −v lie equally far from neutral, towards opposite ends', () => {
    for (const v of [0.1, 0.25, 0.5, 0.8, 1]) {
      const pos = along(valueColor(v, 1, theme), neutral, POSITIVE_RGB);
      const neg = along(valueColor(-v, 1, theme), neutral, NEGATIVE_RGB);
      expect(pos).toBeCloseTo(v, 1);
      expect(neg).toBeCloseTo(pos, 1);
    }
  });

  it('the canvas lookup table gives the same colours, with zero on its middle entry', () => {
    const table = divergingTable(theme);
    expect(table.length).toBe(TABLE_SIZE * 4);
    expect(tableIndex(0, 5)).toBe((TABLE_SIZE - 1) / 2);
    expect(tableIndex(-5, 5)).toBe(0);
    expect(tableIndex(99, 5)).toBe(TABLE_SIZE - 1);
    const rng = createRng(7);
    const values = Float32Array.from({ length: 500 }, () => (rng.next() - 0.5) * 6);
    values[0] = NaN;
    const rgba = new Uint8ClampedArray(values.length * 4);
    paintDiverging(values, values.length, 2, table, rgba);
    values.forEach((v, i) => {
      const direct = valueColor(v, 2, theme);
      for (let c = 0; c < 3; c++) expect(Math.abs((rgba[i * 4 + c] as number) - (direct[c] as number))).toBeLessThanOrEqual(2);
      expect(rgba[i * 4 + 3]).toBe(255);
    });
  });

  it('a sigmoid output is coloured by p − 0.5: grey when unsure, the class colours when sure', () => {
    const rgba = new Uint8ClampedArray(12);
    paintProbability(Float32Array.of(0, 0.5, 1), 3, divergingTable(theme), rgba);
    expect([...rgba.slice(0, 3)]).toEqual([...NEGATIVE_RGB]);
    expect([...rgba.slice(4, 7)]).toEqual([...neutral]);
    expect([...rgba.slice(8, 11)]).toEqual([...POSITIVE_RGB]);
  });

  it('class probabilities: the winner’s colour when certain, neutral when every class is equally likely', () => {
    const colors = [0, 1, 2].map((c) => hexToRgb(classColor(c, 3)));
    const rgba = new Uint8ClampedArray(8);
    paintClasses(Float32Array.of(0, 0, 1, 1 / 3, 1 / 3, 1 / 3), 2, 3, colors, neutral, rgba);
    expect([...rgba.slice(0, 3)]).toEqual([...(colors[2] as Rgb)]);
    expect([...rgba.slice(4, 7)]).toEqual([...neutral]);
  });
});

describe('digits in grey', () => {
  it('paper at 0, ink at 1, halfway between at 0.5, clamped outside 0..1', () => {
    const paper: Rgb = [255, 255, 255];
    const ink: Rgb = [31, 41, 55];
    const rgba = new Uint8ClampedArray(16);
    paintGrey(Float32Array.of(0, 1, 0.5, 7), 4, paper, ink, rgba);
    expect([...rgba.slice(0, 4)]).toEqual([255, 255, 255, 255]);
    expect([...rgba.slice(4, 8)]).toEqual([31, 41, 55, 255]);
    for (let c = 0; c < 3; c++) expect(Math.abs((rgba[8 + c] as number) - ((paper[c] as number) + (ink[c] as number)) / 2)).toBeLessThanOrEqual(1);
    expect([...rgba.slice(12, 16)]).toEqual([31, 41, 55, 255]);
  });
});

describe('class colours', () => {
  it('two classes use the scale’s own orange and blue', () => {
    expect(hexToRgb(classColor(0, 2))).toEqual(NEGATIVE_RGB);
    expect(hexToRgb(classColor(1, 2))).toEqual(POSITIVE_RGB);
  });
  it('3 to 10 classes get distinct colours', () => {
    for (let k = 3; k <= 10; k++) expect(new Set(Array.from({ length: k }, (_, i) => classColor(i, k))).size).toBe(k);
  });
});

describe('the legend’s domain', () => {
  it('is the 1-2-5 number at or above the data’s max |value|', () => {
    expect(maxAbs([0.1, -0.7, NaN, Infinity, 0.3])).toBe(0.7);
    const cases: [number, number][] = [
      [0.3, 0.5],
      [0.5, 0.5],
      [0.51, 1],
      [1.5, 2],
      [7, 10],
      [0.012, 0.02],
    ];
    for (const [data, nice] of cases) expect(niceCeil(data)).toBeCloseTo(nice, 12);
    expect(niceCeil(0)).toBeGreaterThan(0);
  });

  it('grows at once, ignores small wobbles, and shrinks only when the data falls two steps', () => {
    expect(steppedDomain(1.5, 1)).toBe(2);
    expect(steppedDomain(0.9, 2)).toBe(2);
    expect(steppedDomain(0.6, 2)).toBe(2);
    expect(steppedDomain(0.4, 2)).toBe(0.5);
  });

  it('holds still on a noisy training run: a handful of changes in 1,000 frames', () => {
    const rng = createRng(3);
    let domain: number | undefined;
    let changes = 0;
    for (let frame = 0; frame < 1000; frame++) {
      // Weights growing slowly from 0.3 to 3 with ±10% noise each frame.
      const dataMax = (0.3 + (2.7 * frame) / 1000) * (0.9 + 0.2 * rng.next());
      const next = steppedDomain(dataMax, domain);
      if (next !== domain) changes++;
      expect(next).toBeGreaterThanOrEqual(dataMax);
      domain = next;
    }
    // 0.5 -> 1 -> 2 -> 5: the first value plus three steps.
    expect(changes).toBeLessThanOrEqual(4);
  });
});

describe('numbers printed on coloured cells reach 4.5:1 (WCAG AA)', () => {
  it.each(THEMES)('every entry of the diverging scale (%s)', (theme) => {
    const table = divergingTable(theme);
    for (let i = 0; i < TABLE_SIZE; i++) {
      const bg: Rgb = [table[i * 4] as number, table[i * 4 + 1] as number, table[i * 4 + 2] as number];
      expect(contrastRatio(bg, hexToRgb(textColorOn(bg)))).toBeGreaterThanOrEqual(4.5);
    }
  });
  it.each(THEMES)('every share of the confusion matrix’s scale (%s)', (theme) => {
    for (let s = 0; s <= 1; s += 0.01) {
      const bg = shareColor(s, theme);
      expect(contrastRatio(bg, hexToRgb(textColorOn(bg)))).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('every class colour', () => {
    for (const k of [2, 10]) {
      for (let i = 0; i < k; i++) {
        const bg = hexToRgb(classColor(i, k));
        expect(contrastRatio(bg, hexToRgb(textColorOn(bg)))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
