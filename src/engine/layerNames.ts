/**
 * Node ids <-> TensorFlow.js layer names.
 *
 * A layer's name is its node id, so weights and activations map back to the canvas by name. The one exception:
 * LayerLab ids may start with "_" (NODE_ID_PATTERN), but TensorFlow.js rejects names that do not start with a
 * letter or digit ("Not a valid tensor name"). Such ids get a leading "0". No node id starts with a digit, so the
 * mapping cannot collide with another node's name and is undone exactly by {@link nodeIdOf}.
 */

/** The TensorFlow.js layer name of a node. */
export function layerNameOf(nodeId: string): string {
  return nodeId.startsWith('_') ? `0${nodeId}` : nodeId;
}

/** The node id of a TensorFlow.js layer compiled by compileGraph. */
export function nodeIdOf(layerName: string): string {
  return layerName.startsWith('0_') ? layerName.slice(1) : layerName;
}
