/** The confusion matrix's numbers: counts per (true, predicted) class pair, each row's shares, overall accuracy. */

export interface ConfusionSummary {
  k: number;
  /** Examples of each true class (row sums). */
  rowTotals: number[];
  /** counts[t*k + p] / rowTotals[t]: of the examples of class t, the share predicted as p (0 for an empty row). */
  shares: Float64Array;
  total: number;
  correct: number;
  /** correct / total; null with no examples. */
  accuracy: number | null;
}

/** Summarises a row-major k×k count matrix (rows = true class, columns = predicted class). */
export function summariseConfusion(counts: ArrayLike<number>, k: number): ConfusionSummary {
  if (!Number.isInteger(k) || k < 1 || counts.length < k * k) {
    throw new Error(`A confusion matrix for ${k} classes needs ${k * k} counts; it has ${counts.length}.`);
  }
  const rowTotals: number[] = [];
  const shares = new Float64Array(k * k);
  let total = 0;
  let correct = 0;
  for (let t = 0; t < k; t++) {
    let row = 0;
    for (let p = 0; p < k; p++) row += counts[t * k + p] as number;
    rowTotals.push(row);
    total += row;
    correct += counts[t * k + t] as number;
    for (let p = 0; p < k; p++) shares[t * k + p] = row > 0 ? (counts[t * k + p] as number) / row : 0;
  }
  return { k, rowTotals, shares, total, correct, accuracy: total > 0 ? correct / total : null };
}
