import { useEffect, useState } from 'react';
import { MNIST_ASSET_PATH } from '../../../core/datasets/mnist.ts';
import { datasetAssetsFromBytes } from '../../../core/datasets/mnistAsset.ts';
import type { MnistAsset } from '../../../core/datasets/types.ts';

async function fetchMnistBytes(): Promise<Uint8Array> {
  const url = `${import.meta.env.BASE_URL}${MNIST_ASSET_PATH}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error('The digits could not be downloaded. Check the connection and open the Data tab again.');
  }
  if (!response.ok) throw new Error(`The digits could not be downloaded (the server answered ${response.status}). Reload the page to try again.`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Fetched and decoded once for the whole page (the worker keeps its own copy for training); a failure is retried. */
const assets = datasetAssetsFromBytes(fetchMnistBytes);
let loaded: MnistAsset | null = null;

export type MnistAssetState = { status: 'loading' } | { status: 'ready'; asset: MnistAsset } | { status: 'error'; message: string };

/** The MNIST digits for the preview, loaded the first time a component asks for them. */
export function useMnistAsset(): MnistAssetState {
  const [state, setState] = useState<MnistAssetState>(() => (loaded ? { status: 'ready', asset: loaded } : { status: 'loading' }));
  useEffect(() => {
    if (state.status !== 'loading') return;
    let live = true;
    assets.mnist().then(
      (asset) => {
        loaded = asset;
        if (live) setState({ status: 'ready', asset });
      },
      (error: unknown) => {
        if (live) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [state.status]);
  return state;
}
