/**
 * The import itself: reads the envelope, converts each layer, wires them (Sequential or Functional), builds the
 * graph, checks it and lays it out.
 */
import { layoutGraph } from '../../graph/layout.ts';
import type { Graph, GraphNode, ModelStructure } from '../../graph/types.ts';
import type { LayerKind, LayerParamsByKind } from '../../layers/index.ts';
import { isRecord, own } from '../kerasFormat.ts';
import { checkGraph } from './checkGraph.ts';
import type { ConvertedLayer } from './convertLayer.ts';
import { convertLayer } from './convertLayer.ts';
import type { Dialect } from './dialect.ts';
import { detectDialect } from './dialect.ts';
import { wireFunctional } from './functionalWiring.ts';
import { fileProblem, ImportFailure } from './importFailure.ts';
import type { KerasImportProblem, KerasImportResult } from './importResult.ts';
import { KERAS_IMPORT_LIMITS } from './importResult.ts';
import { MODEL_CLASSES } from './kerasClasses.ts';
import { readEntries } from './layerEntries.ts';
import { assignIds } from './layerNames.ts';
import { quote } from './messageText.ts';
import { unwrapModel } from './modelSource.ts';
import { wireSequential } from './sequentialWiring.ts';
import type { Wiring } from './wiring.ts';

function makeNode<K extends LayerKind>(id: string, kind: K, params: LayerParamsByKind[K], position: { x: number; y: number }): GraphNode {
  return { id, kind, params, position } as GraphNode;
}

/**
 * What the graph records of the model as a whole. A TF.js model.json is always a "Model" when LayerLab (or tfjs's
 * tf.model) writes a chain, which says nothing about the Keras API the student chose, so its API is left to the graph.
 */
function recordedModel(wiring: Wiring, dialect: Dialect): ModelStructure {
  const model: ModelStructure = { ...wiring.model };
  if (dialect === 'tfjs' && model.api === 'functional') delete model.api;
  return model;
}

function importModel(json: unknown): KerasImportResult {
  const source = unwrapModel(json);
  const { model } = source;
  const className = own(model, 'class_name') as string;
  if (!MODEL_CLASSES.has(className)) {
    throw fileProblem(
      `The model is a ${quote(className)}, not a Sequential or Functional model; LayerLab imports only those (a subclassed model's architecture is Python code, not configuration)`,
    );
  }
  const rawConfig = own(model, 'config');
  // Keras 1 / early Keras 2 wrote a Sequential config as the bare list of layers.
  const config = isRecord(rawConfig) ? rawConfig : null;
  const layers = Array.isArray(rawConfig) && className === 'Sequential' ? (rawConfig as unknown[]) : config === null ? undefined : own(config, 'layers');
  if (config === null && layers === undefined) throw fileProblem('The model has no "config" object.');
  if (!Array.isArray(layers)) throw fileProblem('The model config has no "layers" list.');
  const layerList = layers as unknown[];
  if (layers.length > KERAS_IMPORT_LIMITS.maxLayers) {
    throw fileProblem(`The model has ${layers.length} layers; LayerLab imports at most ${KERAS_IMPORT_LIMITS.maxLayers}.`);
  }
  if (layers.length === 0) throw fileProblem('The model has no layers.');
  const nameValue = config === null ? undefined : own(config, 'name');
  const modelName = typeof nameValue === 'string' ? nameValue : 'model';

  const dialect = detectDialect(source, layers);
  const warnings: string[] = [];
  const problems: KerasImportProblem[] = [];
  const entries = readEntries(layerList);
  const taken = assignIds(entries, warnings);

  const converted: ConvertedLayer[] = [];
  for (const entry of entries) {
    const layer = convertLayer(entry, dialect, problems, warnings);
    if (layer !== null) converted.push(layer);
  }
  const wiring =
    className === 'Sequential'
      ? wireSequential(entries, config, model, dialect, taken, problems, warnings)
      : wireFunctional(entries, config ?? {}, problems, warnings, dialect !== 'keras3');
  if (problems.length > 0) return { ok: false, problems };

  const byId = new Map(converted.map((layer) => [layer.entry.id, layer]));
  const nodes: GraphNode[] = [];
  for (const id of wiring.order) {
    const position = { x: 0, y: 0 };
    const synthesized = wiring.synthesizedInput;
    if (synthesized !== null && synthesized.id === id) {
      nodes.push(makeNode(id, 'Input', { shape: synthesized.shape }, position));
      continue;
    }
    const layer = byId.get(id);
    if (layer !== undefined) nodes.push(makeNode(id, layer.kind, layer.params, position));
  }
  const graph: Graph = { nodes, edges: wiring.edges, model: recordedModel(wiring, dialect) };
  const nameOf = new Map(entries.map((e) => [e.id, e.name]));
  const graphProblems = checkGraph(graph, converted, wiring, nameOf);
  if (graphProblems.length > 0) return { ok: false, problems: graphProblems };
  return { ok: true, graph: layoutGraph(graph), modelName, warnings };
}

/**
 * Imports a Keras model architecture: a parsed (or unparsed) `model.to_json()`, a `.keras` file's config.json, or a
 * TensorFlow.js model.json. Never throws.
 */
export function importKerasConfig(json: unknown): KerasImportResult {
  try {
    return importModel(json);
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, problems: error.problems };
    return { ok: false, problems: [{ layer: null, message: 'The model could not be read: its JSON is not a Keras model config.' }] };
  }
}
