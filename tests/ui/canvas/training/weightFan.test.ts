/** The weight lines between two small layers: where each starts and ends, and how each weight looks. */
import { describe, expect, it } from 'vitest';
import { rowCenterY } from '../../../../src/ui/canvas/training/cardGeometry.ts';
import { fanLines, MAX_LINE_WIDTH, meanAbs, MIN_LINE_WIDTH, weightLineStyle } from '../../../../src/ui/canvas/training/weightFan.ts';
import { NEGATIVE_RGB, NEUTRAL_RGB, POSITIVE_RGB, cssRgb } from '../../../../src/ui/viz/colorScale.ts';

const source = { x: 0, y: 100, width: 200, height: 120 };
const target = { x: 300, y: 40, width: 200, height: 200 };

/** The numbers of an SVG path, in order: M x0,y0 C c1x,c1y c2x,c2y x1,y1. */
const numbers = (d: string): number[] => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('fanLines', () => {
  it('draws one line per weight, in kernel order (from = row of the kernel, to = its column)', () => {
    const lines = fanLines(source, target, 2, 8, 'map');
    expect(lines).toHaveLength(16);
    lines.forEach((line, k) => {
      expect(line.from).toBe(Math.floor(k / 8));
      expect(line.to).toBe(k % 8);
    });
  });

  it("runs from the source card's right edge at the source neuron's row to the target's left edge at the target neuron's row", () => {
    for (const line of fanLines(source, target, 3, 4, 'dot')) {
      const n = numbers(line.d);
      expect([n[0], n[1]]).toEqual([200, 100 + rowCenterY(line.from, 'dot')]);
      expect([n[6], n[7]]).toEqual([300, 40 + rowCenterY(line.to, 'dot')]);
      // Leaves and arrives level, as an edge does.
      expect(n[3]).toBe(n[1]);
      expect(n[5]).toBe(n[7]);
    }
  });

  it('moves only the ends at a card that moved', () => {
    const before = fanLines(source, target, 2, 2, 'map');
    const after = fanLines(source, { ...target, x: 360, y: 90 }, 2, 2, 'map');
    before.forEach((line, k) => {
      const a = numbers(line.d);
      const b = numbers(after[k]?.d ?? '');
      expect([b[0], b[1]]).toEqual([a[0], a[1]]);
      expect([b[6], b[7]]).toEqual([(a[6] ?? 0) + 60, (a[7] ?? 0) + 50]);
    });
  });
});

describe('weightLineStyle', () => {
  it('colours a positive weight blue and a negative one orange, at full colour from the domain on', () => {
    expect(weightLineStyle(2, 1, 'light').stroke).toBe(cssRgb(POSITIVE_RGB));
    expect(weightLineStyle(-2, 1, 'light').stroke).toBe(cssRgb(NEGATIVE_RGB));
    expect(weightLineStyle(0, 1, 'dark').stroke).toBe(cssRgb(NEUTRAL_RGB.dark));
  });

  it('draws a bigger |w| thicker, the same for either sign, between the thinnest and thickest line', () => {
    const widths = [0, 0.1, 0.3, 0.6, 1].map((w) => weightLineStyle(w, 1, 'light').width);
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1] ?? 0);
    expect(widths[0]).toBe(MIN_LINE_WIDTH);
    expect(widths[4]).toBe(MAX_LINE_WIDTH);
    expect(weightLineStyle(-0.3, 1, 'light').width).toBe(weightLineStyle(0.3, 1, 'light').width);
  });

  it('changes colour as a weight changes in training (what the browser test compares)', () => {
    expect(weightLineStyle(0.1, 1, 'light').stroke).not.toBe(weightLineStyle(0.5, 1, 'light').stroke);
  });
});

describe('meanAbs', () => {
  it('is the mean size of the weights, leaving out values that are not numbers', () => {
    expect(meanAbs(new Float32Array([1, -3]))).toBe(2);
    expect(meanAbs([2, Number.NaN, -4])).toBe(3);
    expect(meanAbs([])).toBe(0);
  });
});
