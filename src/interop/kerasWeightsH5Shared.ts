/**
 * What the model.weights.h5 reader and writer share: which h5wasm to use, h5wasm's group and dataset types, and the
 * number of values in an array of a shape.
 */
import type { H5wasm } from './h5wasmLoader.ts';

export interface KerasWeightsH5Options {
  /** The h5wasm to use; default loadH5wasm() (tests pass the browser build to run it in Node). */
  h5wasm?: Promise<H5wasm>;
}

export type H5Group = InstanceType<H5wasm['h5']['Group']>;
export type H5Dataset = InstanceType<H5wasm['h5']['Dataset']>;

export function product(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}
