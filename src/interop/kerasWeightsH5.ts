/**
 * The weights file inside a `.keras` archive, `model.weights.h5`, read and written with Keras 3's layout.
 *
 * What Keras 3.15 writes (keras/src/saving/saving_lib.py, checked with h5py on files Keras saved):
 *
 *     /vars                          group, attribute name = the model's name, no datasets
 *     /layers/<class>[_N]/vars       one group per layer of `model.layers`, attribute name = the layer's name,
 *                                    datasets "0", "1", ... = the layer's variables in order (float32, contiguous)
 *     /optimizer/vars                compiled models only, attribute name = the optimizer's name; "0" =
 *                                    iterations (int64 scalar), "1" = learning_rate (float32 scalar), then its
 *                                    state per trainable variable once built (Adam: momentum and velocity of
 *                                    each variable in turn; unbuilt, as after compile(), it holds only 0 and 1)
 *
 * `<class>` is the layer's class name in snake case (Dense -> dense, PReLU -> p_re_lu, BatchNormalization ->
 * batch_normalization); `_N` counts earlier layers of the same class in `model.layers` order (dense, dense_1, ...).
 * A Sequential model leaves its InputLayer out of `model.layers`; a Functional model lists its InputLayers too (their
 * groups hold no datasets). Every layer gets its group, with or without weights. Keras loads by these paths, never
 * by the name attributes. Variables: Dense kernel (in, out) and bias; BatchNormalization gamma (if scale), beta (if
 * center), moving_mean, moving_variance; PReLU alpha. Files are HDF5 with the earliest-possible format (superblock
 * version 0, symbol-table groups), as h5py writes by default.
 *
 * Browser-safe: core and h5wasm only (see h5wasmLoader.ts).
 *
 * The code lives in kerasWeightLayout.ts (which group holds which layer's variables), kerasWeightsH5Reader.ts and
 * kerasWeightsH5Writer.ts; this module is where the rest of LayerLab imports it from.
 */
export type { InteropProblem } from './interopProblem.ts';
export type { KerasWeightLayout, KerasWeightLayoutResult, KerasWeightSlot } from './kerasWeightLayout.ts';
export { kerasSnakeCase, kerasWeightLayout, kerasWeightNames } from './kerasWeightLayout.ts';
export type { KerasWeightsReadResult } from './kerasWeightsH5Reader.ts';
export { MAX_WEIGHT_VALUES, readKerasWeightsH5 } from './kerasWeightsH5Reader.ts';
export type { KerasWeightsH5Options } from './kerasWeightsH5Shared.ts';
export { checkWeightsForLayout, KerasWeightsError, writeKerasWeightsH5 } from './kerasWeightsH5Writer.ts';
