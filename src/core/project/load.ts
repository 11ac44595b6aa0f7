import type { ProjectDataset } from '../datasets/types.ts';
import { reconciledStructure } from '../graph/modelEnds.ts';
import type { Graph, ModelEnds } from '../graph/types.ts';
import { LAYER_REGISTRY } from '../layers/index.ts';
import type { TrainingSettings } from '../training/settings.ts';
import { DEFAULT_TRAINING } from '../training/settings.ts';
import { migrateToCurrent, readProjectHeader } from './migrations.ts';
import { megabytes, utf8Length } from './jsonText.ts';
import { findReservedKeys, formatPath, validateProjectData } from './schema.ts';
import type { LayerLabProject, ProjectFieldError, ProjectLoadResult, WeightTensor } from './types.ts';
import {
  CURRENT_PROJECT_VERSION,
  DEFAULT_PROJECT_DATASET,
  MAX_PROJECT_FILE_BYTES,
  PROJECT_FORMAT,
} from './types.ts';

export type { ProjectFieldError, ProjectLoadResult } from './types.ts';

const failure = (message: string): ProjectLoadResult => ({ ok: false, errors: [{ path: '', message }] });

function parseUnchecked(text: string): ProjectLoadResult {
  const size = utf8Length(text, MAX_PROJECT_FILE_BYTES);
  if (size > MAX_PROJECT_FILE_BYTES) {
    return failure(
      `The file is too large to open: it is ${megabytes(size)}, and LayerLab opens project files of up to ${megabytes(MAX_PROJECT_FILE_BYTES)}.`,
    );
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return failure('The file is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return failure(`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A file that is not a project at all is reported as such before anything else.
  const header = readProjectHeader(raw);
  if (!header.ok) return header;
  // Before any migration touches the data.
  const reserved = findReservedKeys(raw);
  if (reserved.length > 0) return { ok: false, errors: reserved };
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) return migrated;
  const validated = validateProjectData(migrated.project);
  if (!validated.ok) return validated;
  const warnings: string[] = [];
  if (migrated.fromVersion < CURRENT_PROJECT_VERSION) {
    warnings.push(
      `This project was saved in file version ${migrated.fromVersion} and was upgraded; saving it writes version ${CURRENT_PROJECT_VERSION}, which older LayerLabs cannot open.`,
    );
  }
  return { ok: true, project: validated.project, warnings };
}

/**
 * Reads a `*.layerlab.json` file. Never throws: every problem comes back as an error with the field path.
 * Steps: size cap, JSON, format and version, reserved keys, migration to the current version, schema.
 */
export function parseProject(text: string): ProjectLoadResult {
  try {
    if (typeof text !== 'string') return failure('The project file could not be read as text.');
    return parseUnchecked(text);
  } catch (error) {
    // Not expected: every check above returns its problems. A message here is a LayerLab bug.
    const reason = error instanceof Error ? error.message : String(error);
    return failure(`LayerLab hit an internal error while reading this file (${reason}). Please report it.`);
  }
}

/** One line per error: `path: message`, or just the message for the whole file. */
export function formatProjectErrors(errors: readonly ProjectFieldError[]): string {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('\n');
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Path segments, built only when a number cannot be written (building one per value would be slow). */
type LazyPath = () => (string | number)[];

function formatNumber(value: number, path: LazyPath): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `Cannot save ${formatPath(path())}: it is ${String(value)}, which a project file cannot hold (training may have diverged; save without weights or retrain).`,
    );
  }
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/** Pretty JSON: 2-space indent, lists of plain values on one line, so weight values take one line per tensor. */
function stringify(value: Json, indent: string, path: LazyPath): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return formatNumber(value, path);
  const inner = `${indent}  `;
  const child = (key: string | number): LazyPath => () => [...path(), key];
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.length === 0) return '[]';
    if (items.every((item) => item === null || typeof item !== 'object')) {
      return `[${items.map((item, i) => (typeof item === 'number' ? formatNumber(item, child(i)) : JSON.stringify(item))).join(', ')}]`;
    }
    return `[\n${items.map((item, i) => `${inner}${stringify(item, inner, child(i))}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: Json });
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${stringify(item, inner, child(key))}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

const toJson = (value: unknown): Json => value as Json;

function nodeJson(node: Graph['nodes'][number]): Json {
  const values = node.params as unknown as Readonly<Record<string, unknown>>;
  const params: Record<string, Json> = {};
  for (const name of Object.keys(LAYER_REGISTRY[node.kind].params)) {
    if (Object.hasOwn(values, name) && values[name] !== undefined) params[name] = toJson(values[name]);
  }
  return { id: node.id, kind: node.kind, params, position: { x: node.position.x, y: node.position.y } };
}

/**
 * graph.model as saved: brought up to date with the graph first (deleted nodes gone, new inputs and outputs appended;
 * reconciledStructure), so a saved file never names a node it does not have. Nothing when nothing is recorded.
 */
function modelJson(graph: Graph): { model?: Json } {
  const model = reconciledStructure(graph);
  if (model === undefined) return {};
  const ends = (e: ModelEnds): Json => ({
    form: e.form,
    ends: e.ends.map((end): Json => (end.key === undefined ? { node: end.node } : { node: end.node, key: end.key })),
  });
  return {
    model: {
      ...(model.api === undefined ? {} : { api: model.api }),
      ...(model.inputs === undefined ? {} : { inputs: ends(model.inputs) }),
      ...(model.outputs === undefined ? {} : { outputs: ends(model.outputs) }),
    },
  };
}

function tensorJson(tensor: WeightTensor): Json {
  return { name: tensor.name, shape: [...tensor.shape], values: tensor.values };
}

function weightsJson(project: LayerLabProject): Json {
  if (project.weights === null) return null;
  const layers = project.weights.layers;
  const inGraph = project.graph.nodes.map((n) => n.id).filter((id) => Object.hasOwn(layers, id));
  const others = Object.keys(layers)
    .filter((id) => !inGraph.includes(id))
    .sort();
  const out: Record<string, Json> = {};
  for (const id of [...inGraph, ...others]) out[id] = (layers[id] ?? []).map(tensorJson);
  return { layers: out };
}

/** The dataset's fields in the documented order; a CSV file's text comes last, since it is long. */
function datasetJson(d: ProjectDataset): Json {
  switch (d.kind) {
    case 'builtin': {
      const fields = { kind: d.kind, name: d.name, samples: d.samples, noise: d.noise, seed: d.seed, classes: d.classes };
      const added = d.added ?? [];
      return added.length === 0 ? fields : { ...fields, added: added.map((p) => ({ x1: p.x1, x2: p.x2, label: p.label })) };
    }
    case 'regression':
      return { kind: d.kind, name: d.name, samples: d.samples, noise: d.noise, seed: d.seed };
    case 'iris':
      return { kind: d.kind, seed: d.seed };
    case 'mnist':
      return { kind: d.kind, samples: d.samples, seed: d.seed };
    case 'csv':
      return {
        kind: d.kind,
        fileName: d.fileName,
        task: d.task,
        features: [...d.features],
        label: d.label,
        normalization: d.normalization,
        seed: d.seed,
        text: d.text,
      };
    case 'none':
      return { kind: d.kind };
  }
}

/**
 * The project as file text: fixed key order (top level as in the docs, params in the layer's order, weights in
 * graph order), 2-space indent and a trailing newline, so saving the same project always gives the same bytes.
 * `parseProject(serializeProject(p))` gives back `p`. Throws a RangeError if a number is NaN or infinite
 * (e.g. weights of a diverged training run), which JSON cannot hold.
 */
export function serializeProject(project: LayerLabProject): string {
  const { dataset: d, training: t } = project;
  const file: Json = {
    format: PROJECT_FORMAT,
    version: CURRENT_PROJECT_VERSION,
    name: project.name,
    graph: {
      nodes: project.graph.nodes.map(nodeJson),
      edges: project.graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, inputIndex: e.inputIndex })),
      ...modelJson(project.graph),
    },
    dataset: datasetJson(d),
    training: {
      optimizer: t.optimizer,
      learningRate: t.learningRate,
      batchSize: t.batchSize,
      epochs: t.epochs,
      loss: t.loss,
      validationSplit: t.validationSplit,
      seed: t.seed,
      l2: t.l2,
      runUntilStopped: t.runUntilStopped,
    },
    weights: weightsJson(project),
  };
  return `${stringify(file, '', () => [])}\n`;
}

/** A new, untrained project. Omitted dataset and training settings get LayerLab's defaults. */
export function createProject(
  name: string,
  graph: Graph,
  dataset: ProjectDataset = DEFAULT_PROJECT_DATASET,
  training: TrainingSettings = DEFAULT_TRAINING,
): LayerLabProject {
  return {
    format: PROJECT_FORMAT,
    version: CURRENT_PROJECT_VERSION,
    name,
    graph,
    dataset: { ...dataset },
    training: { ...training },
    weights: null,
  };
}
