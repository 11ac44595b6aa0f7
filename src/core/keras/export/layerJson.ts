/** One node as a Keras layer object. */
import type { GraphNode } from '../../graph/types.ts';
import type { Shape } from '../../layers/index.ts';
import { LAYER_REGISTRY } from '../../layers/index.ts';
import type { KerasBatchShape, KerasLayerJson } from '../kerasFormat.ts';
import { writerFor } from './kindWriters.ts';

export const batchShape = (shape: Shape): KerasBatchShape => [null, ...shape];

/** The layer object without its functional-only `name` and `inbound_nodes`. */
export function layerJson(node: GraphNode, inputShapes: readonly Shape[]): KerasLayerJson {
  const writer = writerFor(node);
  const layer: KerasLayerJson = {
    module: 'keras.layers',
    class_name: writer.className,
    config: writer.config(node.id, node.params),
    registered_name: null,
  };
  if (writer.buildConfig) {
    // One input: its batch shape. Merge layers (built on a list): the list of batch shapes.
    const first = inputShapes[0];
    layer.build_config = {
      input_shape: LAYER_REGISTRY[node.kind].inputs.max > 1 || first === undefined ? inputShapes.map(batchShape) : batchShape(first),
    };
  }
  return layer;
}
