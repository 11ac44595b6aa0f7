/**
 * The confusion matrix: row-normalised shares, overall accuracy, and an accessible table (headers with scopes, axis
 * titles, the count and percentage in each cell, text that contrasts with its cell) for 2 to 10 classes.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import { ConfusionMatrix } from '../../../src/ui/viz/ConfusionMatrix.tsx';
import { contrastRatio, hexToRgb, type Rgb } from '../../../src/ui/viz/colorScale.ts';
import { summariseConfusion } from '../../../src/ui/viz/confusion.ts';
import { formatCount, formatPercent } from '../../../src/ui/viz/format.ts';

function randomCounts(k: number, seed: number): Int32Array {
  const rng = createRng(seed);
  // Mostly right: the diagonal gets the big numbers, as after some training.
  return Int32Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 20 + rng.int(80) : rng.int(10)));
}

describe('summariseConfusion', () => {
  it.each([2, 3, 10])('k = %i: each row’s shares sum to 1, accuracy is the diagonal over the total', (k) => {
    const counts = randomCounts(k, k);
    const s = summariseConfusion(counts, k);
    let total = 0;
    let diagonal = 0;
    for (let t = 0; t < k; t++) {
      let rowShare = 0;
      for (let p = 0; p < k; p++) {
        rowShare += s.shares[t * k + p] as number;
        total += counts[t * k + p] as number;
      }
      diagonal += counts[t * k + t] as number;
      expect(rowShare).toBeCloseTo(1, 12);
    }
    expect(s.total).toBe(total);
    expect(s.accuracy).toBeCloseTo(diagonal / total, 12);
  });

  it('an empty row has shares of 0, and no examples at all have no accuracy', () => {
    const s = summariseConfusion([0, 0, 3, 1], 2);
    expect([...s.shares]).toEqual([0, 0, 0.75, 0.25]);
    expect(summariseConfusion([0, 0, 0, 0], 2).accuracy).toBeNull();
  });

  it('too few counts is a plain error, not a wrong picture', () => {
    expect(() => summariseConfusion([1, 2, 3], 2)).toThrow('A confusion matrix for 2 classes needs 4 counts; it has 3.');
  });
});

describe('<ConfusionMatrix> markup', () => {
  const names = ['setosa', 'versicolor', 'virginica'];
  const counts = [10, 0, 0, 0, 8, 2, 0, 1, 9];
  const html = renderToStaticMarkup(createElement(ConfusionMatrix, { counts, classNames: names, theme: 'light' }));

  it('is a table with the axis titles, a column header per predicted class and a row header per true class', () => {
    expect(html.startsWith('<table')).toBe(true);
    expect(html).toContain('predicted class');
    expect(html).toContain('true class');
    for (const name of names) {
      expect(html).toContain(`<th scope="col" title="${name}">${name}</th>`);
      expect(html).toContain(`<th scope="row" title="${name}">${name}</th>`);
    }
  });

  it('captions the overall accuracy', () => {
    const s = summariseConfusion(counts, 3);
    expect(html).toContain(`accuracy ${formatPercent(s.accuracy as number)} (${formatCount(s.correct)} of ${formatCount(s.total)} right)`);
  });

  it('prints each cell’s count and its share of the row, in cell order', () => {
    const cells = [...html.matchAll(/<td[^>]*>([^<]*)<span class="viz-share">([^<]*)<\/span><\/td>/g)];
    expect(cells).toHaveLength(9);
    const s = summariseConfusion(counts, 3);
    cells.forEach((m, i) => {
      expect(m[1]).toBe(String(counts[i]));
      expect(m[2]).toBe(formatPercent(s.shares[i] as number));
    });
  });

  it.each(['light', 'dark'] as const)('numbers contrast at least 4.5:1 with their cells (%s theme)', (theme) => {
    const markup = renderToStaticMarkup(createElement(ConfusionMatrix, { counts: randomCounts(10, 4), classNames: Array.from({ length: 10 }, (_, i) => String(i)), theme }));
    const styles = [...markup.matchAll(/<td[^>]*style="background:rgb\((\d+) (\d+) (\d+)\);color:(#[0-9a-f]{6})"/g)];
    expect(styles).toHaveLength(100);
    for (const m of styles) {
      const bg: Rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
      expect(contrastRatio(bg, hexToRgb(m[4] ?? ''))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('a count list of the wrong length shows a message instead of crashing', () => {
    const bad = renderToStaticMarkup(createElement(ConfusionMatrix, { counts: [1, 2], classNames: names }));
    expect(bad).toContain('The confusion matrix needs 9 counts for 3 classes; it has 2.');
  });
});
