/**
 * The two colour domains the canvas uses while training: one for every weight line and weight heatmap, one for every
 * neuron's dot and map. One each, so colours compare across layers and the canvas's legend tells the truth about all
 * of them; stepped (colorDomain.ts) so the legend does not jump every frame.
 */
import { maxAbs, steppedDomain } from '../../viz/colorDomain.ts';
import type { TrainingSnapshot } from '../../../worker/protocol.ts';

type Weights = TrainingSnapshot['weights'];
type Sample = TrainingSnapshot['sample'];
type Grid = TrainingSnapshot['grid'];

/** The largest |weight| of every Dense kernel (biases are not drawn as lines, so they do not set the scale). */
export function kernelMaxAbs(weights: Weights): number {
  if (weights === null) return 0;
  let m = 0;
  for (const tensors of Object.values(weights)) {
    for (const t of tensors) if (t.name === 'kernel') m = Math.max(m, maxAbs(t.values));
  }
  return m;
}

/**
 * The largest |output| of every layer on the viewed example and over the input plane, leaving out `skip` (the Input
 * layers: their values are the data, not neurons' outputs, and a feature in [-6, 6] would wash out every tanh).
 */
export function outputsMaxAbs(sample: Sample, grid: Grid, skip: ReadonlySet<string>): number {
  let m = 0;
  if (sample !== null) for (const [id, values] of Object.entries(sample.outputs)) if (!skip.has(id)) m = Math.max(m, maxAbs(values));
  if (grid !== null) for (const [id, values] of Object.entries(grid.layers)) if (!skip.has(id)) m = Math.max(m, maxAbs(values));
  return m;
}

export interface DomainTracker {
  /** The weight domain for this frame's weights (the same value for the same weights object). */
  weights(weights: Weights): number;
  /** The output domain for this frame's sample and grid, Input layers (`skipKey`, ids joined by "\n") left out. */
  outputs(sample: Sample, grid: Grid, skipKey: string): number;
}

/**
 * Remembers the last frame's inputs and domains, so the many cards and edges that ask within one frame share one
 * computation, and the next frame's domain steps from the previous one instead of jumping.
 */
export function createDomainTracker(): DomainTracker {
  let lastWeights: Weights | undefined;
  let weightDomain: number | undefined;
  let lastSample: Sample | undefined;
  let lastGrid: Grid | undefined;
  let lastSkip: string | undefined;
  let outputDomain: number | undefined;
  return {
    weights(weights) {
      if (weights !== lastWeights || weightDomain === undefined) {
        lastWeights = weights;
        weightDomain = steppedDomain(kernelMaxAbs(weights), weightDomain);
      }
      return weightDomain;
    },
    outputs(sample, grid, skipKey) {
      if (sample !== lastSample || grid !== lastGrid || skipKey !== lastSkip || outputDomain === undefined) {
        lastSample = sample;
        lastGrid = grid;
        lastSkip = skipKey;
        outputDomain = steppedDomain(outputsMaxAbs(sample, grid, new Set(skipKey === '' ? [] : skipKey.split('\n'))), outputDomain);
      }
      return outputDomain;
    },
  };
}
