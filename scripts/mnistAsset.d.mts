// Types for scripts/mnistAsset.mjs (plain JavaScript so Node and Vite's config loader both run it as is).

export declare const MNIST_ASSET_MAGIC: 'LLMNIST1';
export declare const MNIST_ASSET_HEADER_BYTES: 20;
/** Where the app loads the asset from, relative to its base URL: "data/mnist-10k.bin". */
export declare const MNIST_ASSET_FILE: string;
/** node_modules/.cache/layerlab/ (absolute path). */
export declare const MNIST_CACHE_DIR: string;

export interface MnistImages {
  /** One digit 0..9 per image. */
  labels: Uint8Array;
  /** count × width × height grey levels 0..255, image after image, row by row. */
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** The mnist package's 10,000 digits as bytes, in its order (all the 0s, then the 1s, …). */
export declare function readMnistPackage(): MnistImages;
/** The compressed asset for these images. */
export declare function encodeMnistAsset(images: MnistImages): Uint8Array;
/** readMnistPackage() then encodeMnistAsset(). */
export declare function buildMnistAsset(): Uint8Array;
/** The asset from the cache directory, built and written there on first use. */
export declare function cachedMnistAsset(cacheDir?: string): Uint8Array;
