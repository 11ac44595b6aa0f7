/**
 * Reading the envelope: finds the model object in Keras 3 / Keras 2 `model.to_json()`, the config.json inside a
 * .keras file, or a TensorFlow.js layers-model model.json.
 */
import type { JsonRecord } from '../kerasFormat.ts';
import { hasOwn, isRecord, own, ownString } from '../kerasFormat.ts';
import { fileProblem } from './importFailure.ts';

export interface ModelSource {
  model: JsonRecord;
  kerasVersion: string | undefined;
  fromTfjs: boolean;
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fileProblem('The text is not valid JSON.');
  }
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** Finds the model object inside a to_json() object, a .keras config.json or a tfjs model.json. */
export function unwrapModel(json: unknown): ModelSource {
  const root = typeof json === 'string' ? parseJsonText(json) : json;
  if (!isRecord(root)) {
    throw fileProblem(`A Keras model file holds a JSON object, but this is ${describeKind(root)}`);
  }
  let current: JsonRecord = root;
  let kerasVersion = ownString(root, 'keras_version');
  let fromTfjs = false;
  if (hasOwn(root, 'modelTopology')) {
    fromTfjs = true;
    const topology = own(root, 'modelTopology');
    if (own(root, 'format') === 'graph-model' || (isRecord(topology) && hasOwn(topology, 'node'))) {
      throw fileProblem(
        'This is a TensorFlow.js graph model (a frozen TensorFlow graph), not a layers model; LayerLab can import only Keras layers models',
      );
    }
    if (!isRecord(topology)) throw fileProblem('"modelTopology" is not an object.');
    current = topology;
    kerasVersion = ownString(topology, 'keras_version') ?? kerasVersion;
  }
  if (!hasOwn(current, 'class_name') && hasOwn(current, 'model_config')) {
    kerasVersion = ownString(current, 'keras_version') ?? kerasVersion;
    const inner = own(current, 'model_config');
    const parsed = typeof inner === 'string' ? parseJsonText(inner) : inner;
    if (!isRecord(parsed)) throw fileProblem('"model_config" is not an object.');
    current = parsed;
  }
  if (typeof own(current, 'class_name') !== 'string') {
    throw fileProblem(
      'The JSON has no "class_name": expected a Keras model (from model.to_json(), the config.json inside a .keras file, or a TensorFlow.js model.json)',
    );
  }
  return { model: current, kerasVersion: ownString(current, 'keras_version') ?? kerasVersion, fromTfjs };
}
