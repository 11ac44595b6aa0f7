/**
 * Keras layer names -> the node ids LayerLab's import gives them.
 */
import { nodeIdsForNames } from '../core/keras/import/layerNames.ts';
import { isRecord, own, ownString } from '../core/keras/kerasFormat.ts';
import type { JsonRecord } from '../core/keras/kerasFormat.ts';

/**
 * The node id importKerasConfig gives each Keras layer name: the name itself when it is a valid node id, otherwise
 * the name with invalid characters replaced and made unique, by the same rule as importKerasConfig (import/layerNames.ts).
 */
export function nodeIdsByLayerName(config: JsonRecord): Map<string, string> {
  const inner = own(config, 'config');
  const layers = isRecord(inner) ? own(inner, 'layers') : undefined;
  const names: string[] = [];
  for (const layer of Array.isArray(layers) ? (layers as unknown[]) : []) {
    if (!isRecord(layer)) continue;
    const layerConfig = own(layer, 'config');
    const name = ownString(layer, 'name') ?? (isRecord(layerConfig) ? ownString(layerConfig, 'name') : undefined);
    if (name !== undefined) names.push(name);
  }
  return nodeIdsForNames(names);
}
