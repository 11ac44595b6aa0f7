/**
 * How many examples are held out for testing: the last `split` fraction of the (already shuffled) rows, as Keras's
 * validation_split takes them, with at least one row left to train on. The trainer and the data preview both use it.
 */
export function testRowCount(numSamples: number, split: number): number {
  return Math.max(0, Math.min(Math.floor(numSamples * split), numSamples - 1));
}
