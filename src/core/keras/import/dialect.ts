/** Telling Keras 3, Keras 2 / tf.keras and TensorFlow.js files apart. */
import { hasOwn, isLegacyInbound, isRecord, own } from '../kerasFormat.ts';
import type { ModelSource } from './modelSource.ts';

/** Which writer produced the file; matters where Keras 2 / tfjs and Keras 3 disagree (hard_sigmoid). */
export type Dialect = 'keras3' | 'keras2' | 'tfjs';

export function detectDialect(source: ModelSource, layers: readonly unknown[]): Dialect {
  const version = source.kerasVersion;
  if (version !== undefined) {
    if (version.startsWith('tfjs')) return 'tfjs';
    if (/^[12]\./.test(version)) return 'keras2';
    if (/^3\./.test(version)) return 'keras3';
  }
  if (hasOwn(source.model, 'module')) return 'keras3';
  const legacy = layers.some((layer) => {
    if (!isRecord(layer)) return false;
    const config = own(layer, 'config');
    return isLegacyInbound(own(layer, 'inbound_nodes')) || (isRecord(config) && hasOwn(config, 'batch_input_shape'));
  });
  if (legacy) return source.fromTfjs ? 'tfjs' : 'keras2';
  return source.fromTfjs ? 'tfjs' : 'keras3';
}
