/**
 * The neuron inspector's arithmetic: at most 16 rows, the rest summed in one line whose sum is the true remainder, so
 * the table adds up for 784 inputs; and the check that z equals Σ products + bias.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/datasets/rng.ts';
import { contrastRatio, hexToRgb, type Rgb } from '../../../src/ui/viz/colorScale.ts';
import { formatCount, formatValue } from '../../../src/ui/viz/format.ts';
import { arithmeticRows, MAX_ARITHMETIC_ROWS, sumMatches } from '../../../src/ui/viz/neuronArithmetic.ts';
import { NeuronArithmetic } from '../../../src/ui/viz/NeuronArithmetic.tsx';

/** A digit-like example (mostly blank, some ink) and small random weights, as float32 like the network's. */
function mnistNeuron(seed: number) {
  const rng = createRng(seed);
  const inputs = Float32Array.from({ length: 784 }, () => (rng.next() < 0.2 ? rng.next() : 0));
  const weights = Float32Array.from({ length: 784 }, () => rng.normal() * 0.05);
  const bias = 0.1;
  // The network's own sum: float32 arithmetic in input order.
  let z = Math.fround(bias);
  for (let i = 0; i < 784; i++) z = Math.fround(z + Math.fround((inputs[i] as number) * (weights[i] as number)));
  return { inputs, weights, bias, z };
}

describe('arithmeticRows', () => {
  it('shows every input of a small neuron', () => {
    const t = arithmeticRows([1, 2, 3], [0.5, -1, 2], 0.25);
    expect(t.rows.map((r) => r.product)).toEqual([0.5, -2, 6]);
    expect(t.hiddenCount).toBe(0);
    expect(t.expectedSum).toBe(4.75);
  });

  it('784 inputs: 16 rows, the largest products, and "N more" summing to exactly the rest', () => {
    const { inputs, weights, bias } = mnistNeuron(5);
    const t = arithmeticRows(inputs, weights, bias);
    expect(t.rows).toHaveLength(MAX_ARITHMETIC_ROWS);
    expect(t.hiddenCount).toBe(784 - MAX_ARITHMETIC_ROWS);
    const shown = new Set(t.rows.map((r) => r.index));
    let remainder = 0;
    let smallestShown = Infinity;
    let largestHidden = 0;
    for (let i = 0; i < 784; i++) {
      const product = (inputs[i] as number) * (weights[i] as number);
      if (shown.has(i)) smallestShown = Math.min(smallestShown, Math.abs(product));
      else {
        remainder += product;
        largestHidden = Math.max(largestHidden, Math.abs(product));
      }
    }
    expect(t.hiddenSum).toBeCloseTo(remainder, 12);
    expect(smallestShown).toBeGreaterThanOrEqual(largestHidden);
    // The rows shown plus the summary line add up to the whole sum.
    expect(t.rows.reduce((a, r) => a + r.product, 0) + t.hiddenSum).toBeCloseTo(t.productSum, 12);
    expect(t.rows.map((r) => r.index)).toEqual([...shown].sort((a, b) => a - b));
  });

  it('accepts the network’s float32 sum, and catches a sum that forgot the bias', () => {
    const { inputs, weights, bias, z } = mnistNeuron(9);
    const t = arithmeticRows(inputs, weights, bias);
    expect(sumMatches(z, t)).toBe(true);
    expect(sumMatches(z - bias, t)).toBe(false);
    expect(sumMatches(NaN, t)).toBe(false);
  });

  it('a length mismatch is a plain error', () => {
    expect(() => arithmeticRows([1, 2], [1], 0)).toThrow('The neuron has 1 weights but the example has 2 inputs.');
  });
});

describe('<NeuronArithmetic> markup', () => {
  const { inputs, weights, bias, z } = mnistNeuron(5);
  const output = Math.max(0, z);
  const html = renderToStaticMarkup(createElement(NeuronArithmetic, { inputs, weights, bias, sum: z, output, activation: 'relu', theme: 'light' }));

  it('prints the "… and N more inputs" line with the true remainder', () => {
    const t = arithmeticRows(inputs, weights, bias);
    let remainder = 0;
    const shown = new Set(t.rows.map((r) => r.index));
    inputs.forEach((x, i) => {
      if (!shown.has(i)) remainder += x * (weights[i] as number);
    });
    expect(html).toContain(`… and ${formatCount(784 - MAX_ARITHMETIC_ROWS)} more inputs (sum of them = ${formatValue(remainder)})`);
    expect(html.match(/<tr>/g)?.length ?? 0).toBeGreaterThanOrEqual(MAX_ARITHMETIC_ROWS);
  });

  it('shows the sum, the activation and the check', () => {
    expect(html).toContain('sum of products + bias');
    expect(html).toContain('relu(z)');
    expect(html).toContain(`✓ z = ${formatValue(z)} is the sum of all 784 products plus the bias.`);
    const wrong = renderToStaticMarkup(createElement(NeuronArithmetic, { inputs, weights, bias, sum: z + 1, output, activation: 'relu' }));
    expect(wrong).toContain(`✗ The network's z = ${formatValue(z + 1)}`.replace("'", '&#x27;'));
  });

  it('every number’s text contrasts at least 4.5:1 with its coloured chip', () => {
    const chips = [...html.matchAll(/style="background:rgb\((\d+) (\d+) (\d+)\);color:(#[0-9a-f]{6})"/g)];
    expect(chips.length).toBeGreaterThan(3 * MAX_ARITHMETIC_ROWS);
    for (const m of chips) {
      const bg: Rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
      expect(contrastRatio(bg, hexToRgb(m[4] ?? ''))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('mismatched inputs and weights give a message, not a crash', () => {
    const bad = renderToStaticMarkup(createElement(NeuronArithmetic, { inputs: [1, 2, 3], weights: [1, 2], bias: 0, sum: 0, output: 0, activation: 'linear' }));
    expect(bad).toContain('This neuron has 2 weights but the example has 3 inputs');
  });
});
