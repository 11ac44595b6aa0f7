/** A chain as the Keras Sequential model that Keras writes for it. */
import type { KerasBatchShape, KerasLayerJson, KerasModelJson, KerasSequentialConfig, KerasSerializedObject } from '../kerasFormat.ts';
import type { Built } from './builtLayer.ts';
import { batchShape, layerJson } from './layerJson.ts';
import { dtypePolicy } from './serializedObjects.ts';

export function sequentialModel(order: readonly string[], built: ReadonlyMap<string, Built>, name: string): KerasModelJson {
  const layers: KerasLayerJson[] = [];
  let inputShape: KerasBatchShape = [null];
  for (const id of order) {
    const layer = built.get(id);
    if (layer === undefined) continue;
    if (layer.node.kind === 'Input') inputShape = batchShape(layer.shape);
    layers.push(layerJson(layer.node, layer.inputShapes));
  }
  const config: KerasSequentialConfig & { trainable: boolean; dtype: KerasSerializedObject } = {
    name,
    trainable: true,
    dtype: dtypePolicy(),
    layers,
    build_input_shape: inputShape,
  };
  return { module: 'keras', class_name: 'Sequential', config, registered_name: null, build_config: { input_shape: [...inputShape] } };
}
