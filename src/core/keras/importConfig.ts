/**
 * Imports a Keras model architecture (its JSON config) into a LayerLab Graph.
 *
 * Accepts `model.to_json()` from Keras 3 and Keras 2 / tf.keras, the `config.json` inside a `.keras` file, and a
 * TensorFlow.js layers-model `model.json` (architecture only; weights are not read here). Either the whole model
 * imports, with warnings for Keras arguments LayerLab ignores, or nothing does and every problem is listed, each with
 * the layer it concerns as the node id it would become (see KerasImportProblem). Pure and total: never throws.
 *
 * The code lives in ./import/; this module is its public API.
 */
export type { KerasImportProblem, KerasImportResult } from './import/importResult.ts';
export { KERAS_IMPORT_LIMITS } from './import/importResult.ts';
export { readInitializer } from './import/initializers.ts';
export { readRegularizer } from './import/regularizers.ts';
export { importKerasConfig } from './import/importKerasConfig.ts';
