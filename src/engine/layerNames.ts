/**
 * Node ids <-> TensorFlow.js layer names.
 *
 * A layer's name is its node id, so weights and activations map back to the canvas by name. The one exception:
 * LayerLab ids may start with "_" (NODE_ID_PATTERN), but TensorFlow.js rejects names that do not start with a
 * letter or digit ("Not a valid tensor name"). Such ids get a leading "0". No node id starts with a digit, so the
 * mapping cannot collide with another node's name and is undone exactly by nodeIdOf. The rule is core's (the TF.js
 * export and import use it too).
 */

export { tfjsLayerName as layerNameOf, nodeIdOfTfjsLayer as nodeIdOf } from '../core/keras/import/layerNames.ts';
