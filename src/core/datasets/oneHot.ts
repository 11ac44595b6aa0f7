/** Label helpers shared by every dataset source. */

function checkNumClasses(numClasses: number, fn: string): void {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new RangeError(`${fn} needs a whole number of classes of at least 1 (got ${String(numClasses)}).`);
  }
}

function checkLabel(label: number, row: number, numClasses: number, fn: string): void {
  if (label < 0 || label >= numClasses) {
    throw new RangeError(`${fn}: the label in row ${row} is ${label}, but it must be from 0 to ${numClasses - 1}.`);
  }
}

/**
 * Row-major numSamples × numClasses matrix with a 1 in each row's label column.
 * Throws a RangeError if numClasses is not a positive integer or a label is out of range.
 */
export function oneHot(labels: Int32Array, numClasses: number): Float32Array {
  checkNumClasses(numClasses, 'oneHot');
  const out = new Float32Array(labels.length * numClasses);
  labels.forEach((label, row) => {
    checkLabel(label, row, numClasses, 'oneHot');
    out[row * numClasses + label] = 1;
  });
  return out;
}

/**
 * How many rows have each label: result[k] is the count of label k.
 * Throws a RangeError if numClasses is not a positive integer or a label is out of range.
 */
export function classCounts(labels: Int32Array, numClasses: number): number[] {
  checkNumClasses(numClasses, 'classCounts');
  const counts = new Array<number>(numClasses).fill(0);
  labels.forEach((label, row) => {
    checkLabel(label, row, numClasses, 'classCounts');
    counts[label] = (counts[label] ?? 0) + 1;
  });
  return counts;
}
