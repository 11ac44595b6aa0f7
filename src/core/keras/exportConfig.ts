/**
 * Exports a LayerLab Graph as the Keras 3 model architecture JSON that `model.to_json()` writes, the inverse of
 * importConfig.ts, and the `compile_config` that a `.keras` file's config.json holds.
 *
 * The goal is byte-for-byte agreement after parsing: for the same model, Keras 3.15 (TensorFlow backend) writes
 * exactly this JSON, so `keras.models.model_from_json(text).to_json()` gives back what we wrote. That means every
 * argument Keras writes is present (at LayerLab's value or Keras's default), the layer order follows Keras's own
 * graph traversal, `build_config` and the recorded tensor shapes are what Keras records when it builds the layers,
 * and call arguments Keras fills in by itself (`training=False` for Dropout, `mask=None` for BatchNormalization and
 * Softmax) are written too. Either the whole model exports or nothing does, with one problem per offending layer.
 * Pure and browser-safe; never throws for a graph.
 *
 * The code lives in ./export/; this module is its public API.
 */
export type { KerasExportOptions, KerasExportProblem, KerasExportResult } from './export/exportResult.ts';
export { KERAS_EXPORT_VERSION } from './export/kerasVersion.ts';
export { DEFAULT_KERAS_MODEL_NAME, kerasModelName } from './export/modelName.ts';
export { KERAS_FLOAT_KEYS, kerasJsonText } from './export/kerasJsonText.ts';
export { exportKerasModel } from './export/exportKerasModel.ts';
export type { KerasCompileConfig } from './export/compileConfig.ts';
export { exportKerasCompileConfig } from './export/compileConfig.ts';
