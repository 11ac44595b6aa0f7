/**
 * Data the worker fetches from the app's own server instead of generating: the MNIST digits, built from the `mnist`
 * package into one compact binary asset at build time (vite-plugins/mnistAsset.ts), loaded on first use and kept.
 */
import { decodeMnistAsset } from '../core/datasets/mnistAsset.ts';
import type { DatasetAssets, MnistAsset } from '../core/datasets/types.ts';

export const MNIST_ASSET_PATH = 'data/mnist-10k.bin';

let mnist: Promise<MnistAsset> | null = null;

async function fetchMnist(): Promise<MnistAsset> {
  const url = `${import.meta.env.BASE_URL}${MNIST_ASSET_PATH}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`The MNIST digits could not be loaded from ${url}: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  if (!response.ok) throw new Error(`The MNIST digits could not be loaded from ${url} (the server answered ${response.status}).`);
  return decodeMnistAsset(new Uint8Array(await response.arrayBuffer()));
}

export const browserAssets: DatasetAssets = {
  mnist() {
    mnist ??= fetchMnist().catch((error: unknown) => {
      mnist = null;
      throw error;
    });
    return mnist;
  },
};
