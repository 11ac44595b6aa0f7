/** A Sequential model's layers as a chain, with an Input made from the first layer's input shape where it has none. */
import type { GraphEdge } from '../../graph/types.ts';
import type { JsonRecord } from '../kerasFormat.ts';
import { isRecord, own } from '../kerasFormat.ts';
import type { Dialect } from './dialect.ts';
import { fileProblem } from './importFailure.ts';
import type { KerasImportProblem } from './importResult.ts';
import { exampleShape, readInputShape } from './inputShape.ts';
import type { LayerEntry } from './layerEntries.ts';
import { uniqueId } from './layerNames.ts';
import { LayerReader } from './layerReader.ts';
import { layerProblem } from './messageText.ts';
import type { Wiring } from './wiring.ts';
import { edgeId } from './wiring.ts';

export function wireSequential(
  entries: LayerEntry[],
  config: JsonRecord | null,
  model: JsonRecord,
  dialect: Dialect,
  taken: Set<string>,
  problems: KerasImportProblem[],
  warnings: string[],
): Wiring {
  const order: string[] = [];
  const edges: GraphEdge[] = [];
  let synthesizedInput: Wiring['synthesizedInput'] = null;
  const first = entries[0];
  if (first === undefined) throw fileProblem('The model has no layers.');
  entries.forEach((entry, index) => {
    if (entry.className === 'InputLayer' && index > 0) {
      problems.push(layerProblem(entry, 'An InputLayer can only be the first layer of a Sequential model'));
    }
  });
  if (first.className !== 'InputLayer') {
    // Keras 2 / tfjs put the input shape on the first layer; Keras 3 models built without an Input record build_input_shape.
    const reader = new LayerReader(first, dialect);
    let shape = readInputShape(reader);
    let base = `${first.id.slice(0, 58)}_input`;
    if (shape === undefined) {
      const buildConfig = own(model, 'build_config');
      const built = (config === null ? undefined : own(config, 'build_input_shape')) ?? (isRecord(buildConfig) ? own(buildConfig, 'input_shape') : undefined);
      if (built !== undefined && built !== null) {
        shape = exampleShape(reader, 'build_input_shape', built, true);
        base = 'input_layer';
      }
    }
    warnings.push(...reader.warnings);
    for (const message of reader.problems) problems.push(layerProblem(first, message));
    if (shape === undefined) {
      problems.push({
        layer: null,
        message:
          'The Sequential model has no input shape (no InputLayer, and its first layer has no batch_input_shape); add keras.Input(shape=...) as its first layer, or build it, before saving.',
      });
    } else if (shape !== null) {
      const id = uniqueId(base, taken);
      taken.add(id);
      synthesizedInput = { id, shape };
      order.push(id);
    }
  }
  for (const entry of entries) order.push(entry.id);
  if (order.length < 2 && (first.className === 'InputLayer' || synthesizedInput !== null)) {
    problems.push({ layer: null, message: 'The model has no layers after its input.' });
  }
  for (let i = 1; i < order.length; i += 1) {
    const source = order[i - 1] ?? '';
    const target = order[i] ?? '';
    edges.push({ id: edgeId(source, target, 0), source, target, inputIndex: 0 });
  }
  return { order, edges, edgeShapes: new Map(), synthesizedInput, model: { api: 'sequential' } };
}
