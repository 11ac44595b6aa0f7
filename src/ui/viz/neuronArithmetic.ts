/**
 * The arithmetic of one Dense neuron on one example, z = Σ xᵢ·wᵢ + b, arranged for the inspector's table: the rows
 * worth reading, and one honest summary of the rest so the table stays correct for 784 inputs.
 */

export interface ArithmeticRow {
  /** The input's position, 0-based. */
  index: number;
  x: number;
  w: number;
  product: number;
}

export interface NeuronArithmeticRows {
  /** The rows shown, in input order. */
  rows: ArithmeticRow[];
  /** The inputs not shown (0 when all are) and the sum of their products. */
  hiddenCount: number;
  hiddenSum: number;
  /** Σ xᵢ·wᵢ over every input, accumulated in double precision. */
  productSum: number;
  /** productSum + bias: what the neuron's sum should be. */
  expectedSum: number;
  /** Σ |xᵢ·wᵢ| + |b|: the size of the terms, which sets how closely a float32 sum can match. */
  magnitude: number;
}

/** Up to this many input rows; beyond it the largest contributions are shown and the rest summed in one line. */
export const MAX_ARITHMETIC_ROWS = 16;

/**
 * Every input when there are at most maxRows, otherwise the maxRows inputs whose products are largest in size (what
 * moved z most; for a digit, the inked pixels rather than the blank corner), listed in input order.
 */
export function arithmeticRows(
  inputs: ArrayLike<number>,
  weights: ArrayLike<number>,
  bias: number,
  maxRows = MAX_ARITHMETIC_ROWS,
): NeuronArithmeticRows {
  if (inputs.length !== weights.length) {
    throw new Error(`The neuron has ${weights.length} weights but the example has ${inputs.length} inputs.`);
  }
  const all: ArithmeticRow[] = [];
  let productSum = 0;
  let magnitude = Math.abs(bias);
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i] as number;
    const w = weights[i] as number;
    const product = x * w;
    productSum += product;
    magnitude += Math.abs(product);
    all.push({ index: i, x, w, product });
  }
  let rows = all;
  if (all.length > maxRows) {
    rows = [...all]
      .sort((a, b) => Math.abs(b.product) - Math.abs(a.product) || a.index - b.index)
      .slice(0, maxRows)
      .sort((a, b) => a.index - b.index);
  }
  const shown = new Set(rows.map((r) => r.index));
  let hiddenSum = 0;
  for (const r of all) if (!shown.has(r.index)) hiddenSum += r.product;
  return { rows, hiddenCount: all.length - rows.length, hiddenSum, productSum, expectedSum: productSum + bias, magnitude };
}

/**
 * Whether the sum the network computed equals Σ product + bias up to rounding. The network adds float32 numbers in
 * its own order, so its last digits differ; a tolerance of 1e-4 of the terms' size allows that and nothing more.
 */
export function sumMatches(sum: number, table: NeuronArithmeticRows): boolean {
  return Number.isFinite(sum) && Math.abs(sum - table.expectedSum) <= 1e-4 * table.magnitude + 1e-6;
}
