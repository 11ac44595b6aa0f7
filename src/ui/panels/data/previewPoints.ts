/**
 * Turns a dataset into the points the previews draw: two chosen features as (x, y), coloured by class (or by target
 * for regression), split into the rows the network trains on and the rows held out for testing.
 */
import type { Dataset } from '../../../core/datasets/types.ts';
import { testRowCount } from '../../../core/training/split.ts';
import type { PlanePoints } from '../../viz/PlanePointsLayer.tsx';


export interface SplitPoints {
  train: PlanePoints;
  test: PlanePoints;
}

/** The value each row is coloured by: its class, or its target for regression (as floats, what the plots take). */
export function colourValues(dataset: Dataset): Float32Array {
  return dataset.task === 'classification' ? Float32Array.from(dataset.labels) : dataset.targets;
}

/**
 * Features `fx` and `fy` of every row as points, the training rows first and the held-out rows (the last ones)
 * apart. Feature indices outside the data are clamped to the last feature, so a 1-feature set still plots.
 */
export function splitPoints(dataset: Dataset, split: number, fx = 0, fy = 1): SplitPoints {
  const n = dataset.numSamples;
  const f = dataset.numFeatures;
  const ix = Math.max(0, Math.min(fx, f - 1));
  const iy = Math.max(0, Math.min(fy, f - 1));
  const values = colourValues(dataset);
  const nTest = testRowCount(n, split);
  const nTrain = n - nTest;
  const take = (from: number, to: number): PlanePoints => {
    const xy = new Float32Array((to - from) * 2);
    for (let r = from; r < to; r++) {
      xy[(r - from) * 2] = dataset.features[r * f + ix] as number;
      xy[(r - from) * 2 + 1] = dataset.features[r * f + iy] as number;
    }
    return { xy, labels: values.subarray(from, to) };
  };
  return { train: take(0, nTrain), test: take(nTrain, n) };
}

/** (x, target) pairs of a one-feature regression set, training rows and held-out rows apart (RegressionPlot's input). */
export function regressionPairs(dataset: Dataset, split: number): { train: Float32Array; test: Float32Array } {
  const n = dataset.numSamples;
  const f = dataset.numFeatures;
  const nTrain = n - testRowCount(n, split);
  const pairs = (from: number, to: number): Float32Array => {
    const out = new Float32Array((to - from) * 2);
    for (let r = from; r < to; r++) {
      out[(r - from) * 2] = dataset.features[r * f] as number;
      out[(r - from) * 2 + 1] = dataset.targets[r] as number;
    }
    return out;
  };
  return { train: pairs(0, nTrain), test: pairs(nTrain, n) };
}

/** One flag per row, 1 for the held-out rows (the last ones): DataScatter's testMask. */
export function testMask(numSamples: number, split: number): Uint8Array {
  const mask = new Uint8Array(numSamples);
  mask.fill(1, numSamples - testRowCount(numSamples, split));
  return mask;
}
