/**
 * The shape of a `*.layerlab.json` file and every check made when one is loaded.
 *
 * Zod checks structure: field names (objects are strict, so a misspelt field is an error), types, the allowed
 * words (layer kinds, optimizers, losses, dataset names) and defaults for omitted optional fields. A refinement
 * on the whole project then checks what needs more than one field: node ids (pattern, reserved names,
 * uniqueness), edges pointing at real nodes, layer parameters (with the layer registry's `parseParams`),
 * training and dataset ranges, and weights. The refinement runs even when zod found type errors, so one load
 * reports every problem. Every issue becomes a {@link ProjectFieldError} whose message is a full sentence
 * naming the node, edge or setting, because students read these.
 */
import { z } from 'zod';
import type { GraphNode, ModelEnds, ModelStructure } from '../graph/types.ts';
import { NODE_ID_PATTERN } from '../graph/types.ts';
import type { LayerKind } from '../layers/index.ts';
import { LAYER_KINDS, LAYER_REGISTRY, isLayerKind } from '../layers/index.ts';
import { parseParams } from '../layers/paramChecks.ts';
import { DEFAULT_TRAINING, LOSSES, OPTIMIZERS, TRAINING_LIMITS } from '../training/settings.ts';
import {
  DATASET_FIELD_SUBJECTS,
  DATASET_KINDS,
  buildDataset,
  checkDataset,
  datasetFields,
  datasetKindMessage,
  datasetListSubject,
  projectDatasetSchema,
  unknownDatasetFieldMessage,
} from './datasetSchema.ts';
import type { PathSegment } from './jsonText.ts';
import { describeValue, formatPath, isFiniteNumber, isRecord, list, ordinal, own, ownAt, quote } from './jsonText.ts';
import type { LayerLabProject, ProjectFieldError, ProjectWeights, WeightTensor } from './types.ts';
import { CURRENT_PROJECT_VERSION, DEFAULT_PROJECT_DATASET, PROJECT_FORMAT } from './types.ts';

// ---------------------------------------------------------------------------
// Small helpers (jsonText.ts; isRecord, describeValue and formatPath are also this module's API)
// ---------------------------------------------------------------------------

export { describeValue, formatPath, isRecord } from './jsonText.ts';

/** Table lookup that never finds Object.prototype members (a path may be "toString"). */
const lookup = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

// ---------------------------------------------------------------------------
// Reserved keys
// ---------------------------------------------------------------------------

/** Keys that could reach an object's prototype if code ever copied them naively. Refused anywhere in a file. */
export const RESERVED_KEYS: readonly string[] = Object.freeze(['__proto__', 'constructor', 'prototype']);

const MAX_REPORTED_ERRORS = 100;

/**
 * Every reserved key anywhere in a parsed JSON value (JSON.parse makes "__proto__" an ordinary own key, so
 * it is found like any other). Iterative, so deeply nested input cannot overflow the stack.
 */
export function findReservedKeys(root: unknown): ProjectFieldError[] {
  // Each entry links to its parent, so a path is only built for a hit (copying it per level is quadratic).
  interface Entry {
    value: unknown;
    key: PathSegment | null;
    parent: Entry | null;
    /** A reserved key, reported when popped so that hits come out in file order. */
    reserved: boolean;
  }
  const pathOf = (entry: Entry): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let e: Entry | null = entry; e !== null && e.key !== null; e = e.parent) path.push(e.key);
    return path.reverse();
  };
  const errors: ProjectFieldError[] = [];
  const stack: Entry[] = [{ value: root, key: null, parent: null, reserved: false }];
  while (stack.length > 0 && errors.length < MAX_REPORTED_ERRORS) {
    const entry = stack.pop();
    if (entry === undefined) break;
    const { value } = entry;
    if (entry.reserved) {
      errors.push({
        path: formatPath(pathOf(entry)),
        message: `"${String(entry.key)}" cannot be used as a field name: JavaScript reserves it, and LayerLab refuses it so that a file can never change how the app works.`,
      });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) {
        const child: unknown = value[i];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, key: i, parent: entry, reserved: false });
      }
    } else if (isRecord(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i] ?? '';
        const child = value[key];
        const reserved = RESERVED_KEYS.includes(key);
        if (reserved || (typeof child === 'object' && child !== null)) stack.push({ value: child, key, parent: entry, reserved });
      }
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------
// Zod schemas: structure and types
// ---------------------------------------------------------------------------

const KINDS = LAYER_KINDS as [LayerKind, ...LayerKind[]];

export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });

/** A node before its params are checked (that needs the kind; see the project refinement). */
export const nodeSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(KINDS),
  /** Omitted parameters get the layer's defaults. */
  params: z.record(z.string(), z.unknown()).optional(),
  position: positionSchema,
});

export const edgeSchema = z.strictObject({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  inputIndex: z.number(),
});

/** One model input or output: a node id, and its dict key (form "dict" only; the node id when left out). */
export const modelEndSchema = z.strictObject({ node: z.string(), key: z.string().optional() });

export const modelEndsSchema = z.strictObject({
  form: z.enum(['single', 'list', 'dict']),
  ends: z.array(modelEndSchema),
});

/** graph.model: the Keras API and the structure of the model's inputs and outputs; every field optional. */
export const modelStructureSchema = z.strictObject({
  api: z.enum(['sequential', 'functional']).optional(),
  inputs: modelEndsSchema.optional(),
  outputs: modelEndsSchema.optional(),
});

export const graphSchema = z.strictObject({
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  model: modelStructureSchema.optional(),
});

// The dataset schemas (one per kind) are in datasetSchema.ts.
export {
  builtinDatasetSchema,
  csvDatasetSchema,
  irisDatasetSchema,
  mnistDatasetSchema,
  noDatasetSchema,
  projectDatasetSchema,
  regressionDatasetSchema,
} from './datasetSchema.ts';

export const trainingSchema = z.strictObject({
  optimizer: z.enum(OPTIMIZERS).default(DEFAULT_TRAINING.optimizer),
  learningRate: z.number().default(DEFAULT_TRAINING.learningRate),
  batchSize: z.number().default(DEFAULT_TRAINING.batchSize),
  epochs: z.number().default(DEFAULT_TRAINING.epochs),
  loss: z.enum(LOSSES).default(DEFAULT_TRAINING.loss),
  validationSplit: z.number().default(DEFAULT_TRAINING.validationSplit),
  seed: z.number().default(DEFAULT_TRAINING.seed),
  l2: z.number().default(DEFAULT_TRAINING.l2),
  runUntilStopped: z.boolean().default(DEFAULT_TRAINING.runUntilStopped),
});

export const weightTensorSchema = z.strictObject({
  name: z.string(),
  shape: z.array(z.number()),
  // Elements are checked by the refinement, which reports only the first bad one: a broken tensor of a
  // million values must not produce a million errors.
  values: z.array(z.unknown()),
});

export const weightsSchema = z.strictObject({
  layers: z.record(z.string(), z.array(weightTensorSchema)),
});

/** Structure and types of a current-version project, without the cross-field checks. */
export const projectShapeSchema = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(CURRENT_PROJECT_VERSION),
  name: z.string(),
  graph: graphSchema,
  dataset: projectDatasetSchema.default(() => ({ ...DEFAULT_PROJECT_DATASET })),
  training: trainingSchema.default(() => ({ ...DEFAULT_TRAINING })),
  weights: weightsSchema.nullable().default(null),
});

type ProjectShape = z.output<typeof projectShapeSchema>;

// ---------------------------------------------------------------------------
// How messages name things
// ---------------------------------------------------------------------------

function nodeRef(root: unknown, index: number): string {
  const id = own(ownAt(own(own(root, 'graph'), 'nodes'), index), 'id');
  return typeof id === 'string' && id !== '' ? `Node ${quote(id)}` : `The ${ordinal(index + 1)} node`;
}

function edgeRef(root: unknown, index: number): string {
  const id = own(ownAt(own(own(root, 'graph'), 'edges'), index), 'id');
  return typeof id === 'string' && id !== '' ? `Edge ${quote(id)}` : `The ${ordinal(index + 1)} edge`;
}

function tensorRef(root: unknown, nodeId: string, index: number): string {
  const name = own(ownAt(own(own(own(root, 'weights'), 'layers'), nodeId), index), 'name');
  return typeof name === 'string' && name !== ''
    ? `Weight tensor ${quote(name)} of node ${quote(nodeId)}`
    : `The ${ordinal(index + 1)} weight tensor of node ${quote(nodeId)}`;
}

const FIELD_SUBJECTS: Readonly<Record<string, string>> = {
  format: 'The "format" field',
  version: 'The "version" field',
  name: 'The project name',
  graph: 'The graph',
  'graph.nodes': 'The node list',
  'graph.edges': 'The edge list',
  'graph.model': 'The model structure "graph.model"',
  'graph.model.api': 'The Keras API "graph.model.api"',
  'graph.model.inputs': 'The model inputs "graph.model.inputs"',
  'graph.model.outputs': 'The model outputs "graph.model.outputs"',
  'graph.model.inputs.form': 'The form of the model inputs "graph.model.inputs.form"',
  'graph.model.outputs.form': 'The form of the model outputs "graph.model.outputs.form"',
  'graph.model.inputs.ends': 'The list of model inputs "graph.model.inputs.ends"',
  'graph.model.outputs.ends': 'The list of model outputs "graph.model.outputs.ends"',
  ...DATASET_FIELD_SUBJECTS,
  training: 'The training settings',
  'training.optimizer': 'The optimizer',
  'training.learningRate': 'The learning rate',
  'training.batchSize': 'The batch size',
  'training.epochs': 'The number of epochs',
  'training.loss': 'The loss',
  'training.validationSplit': 'The validation split',
  'training.seed': 'The training seed',
  'training.l2': 'The L2 weight penalty',
  'training.runUntilStopped': 'The "run until stopped" setting',
  weights: 'The weights',
  'weights.layers': 'The "layers" of the weights',
};

/** Field path with list indices and weight-layer keys generalised: graph.nodes.[].id, weights.layers.*.[].shape. */
function pathPattern(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return '[]';
      if (i === 2 && path[0] === 'weights' && path[1] === 'layers') return '*';
      return String(segment);
    })
    .join('.');
}

/** The sentence subject for the thing at `path`, e.g. `Node "hidden"'s position x`. */
function subjectOf(path: readonly PropertyKey[], root: unknown): string {
  const pattern = pathPattern(path);
  const known = lookup(FIELD_SUBJECTS, pattern);
  if (known !== undefined) return known;
  const [first, second, third, fourth, ...rest] = path;
  const tail = (from: readonly PropertyKey[]): string => from.map(String).join(' ');
  if (first === 'dataset') return datasetListSubject(path) ?? `The field "${formatPath(path)}"`;
  if (first === 'graph' && typeof third === 'number') {
    const ref = second === 'nodes' ? nodeRef(root, third) : edgeRef(root, third);
    return fourth === undefined ? ref : `${ref}'s ${tail([fourth, ...rest])}`;
  }
  if (first === 'weights' && second === 'layers' && typeof third === 'string') {
    if (typeof fourth !== 'number') return `The weights of node ${quote(third)}`;
    const ref = tensorRef(root, third, fourth);
    return rest.length === 0 ? ref : `${ref}'s ${tail(rest)}`;
  }
  return `The field "${formatPath(path)}"`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number',
  string: 'text in double quotes',
  boolean: 'true or false',
  object: 'an object ({ ... })',
  array: 'a list ([ ... ])',
  record: 'an object ({ ... })',
  null: 'null',
};

const EXPECTED_AT: Readonly<Record<string, string>> = {
  weights: 'null or an object like {"layers": { ... }}',
  graph: 'an object like {"nodes": [ ... ], "edges": [ ... ]}',
  dataset: 'an object like {"kind": "builtin", "name": "xor"}, {"kind": "iris"} or {"kind": "none"}',
  'dataset.added.[]': 'an object like {"x1": 0.5, "x2": -2, "label": 1}',
  'graph.nodes.[].position': 'an object like {"x": 0, "y": 0}',
  'graph.nodes.[].params': 'an object of parameter names and values ({ ... })',
  'graph.model': 'an object like {"api": "functional", "inputs": {"form": "single", "ends": [{"node": "x"}]}}',
  'graph.model.inputs': 'an object like {"form": "dict", "ends": [{"node": "x", "key": "features"}]}',
  'graph.model.outputs': 'an object like {"form": "dict", "ends": [{"node": "out", "key": "label"}]}',
  'graph.model.inputs.ends.[]': 'an object like {"node": "x"} or {"node": "x", "key": "features"}',
  'graph.model.outputs.ends.[]': 'an object like {"node": "out"} or {"node": "out", "key": "label"}',
};

/** Which objects are strict, what to call them in a sentence, and their fields. */
function containerOf(path: readonly PropertyKey[], root: unknown): { name: string; fields: readonly string[] } | null {
  const fieldsOf = (schema: { shape: object }): string[] => Object.keys(schema.shape);
  const pattern = pathPattern(path);
  const third = path[2];
  switch (pattern) {
    case '':
      return { name: 'The project file', fields: fieldsOf(projectShapeSchema) };
    case 'graph':
      return { name: 'The graph', fields: fieldsOf(graphSchema) };
    case 'graph.nodes.[]':
      return { name: nodeRef(root, Number(third)), fields: fieldsOf(nodeSchema) };
    case 'graph.nodes.[].position':
      return { name: `${nodeRef(root, Number(third))}'s position`, fields: fieldsOf(positionSchema) };
    case 'graph.edges.[]':
      return { name: edgeRef(root, Number(third)), fields: fieldsOf(edgeSchema) };
    case 'graph.model':
      return { name: 'The model structure "graph.model"', fields: fieldsOf(modelStructureSchema) };
    case 'graph.model.inputs':
    case 'graph.model.outputs':
      return { name: `The model ${String(third)} "graph.model.${String(third)}"`, fields: fieldsOf(modelEndsSchema) };
    case 'graph.model.inputs.ends.[]':
    case 'graph.model.outputs.ends.[]':
      return { name: `Model ${String(third).slice(0, -1)} ${Number(path[4]) + 1} "${formatPath(path)}"`, fields: fieldsOf(modelEndSchema) };
    case 'dataset':
      return { name: 'The "dataset" section', fields: datasetFields(own(own(root, 'dataset'), 'kind')) ?? [] };
    case 'dataset.added.[]':
      return { name: `The ${ordinal(Number(third) + 1)} added point`, fields: ['x1', 'x2', 'label'] };
    case 'training':
      return { name: 'The "training" section', fields: fieldsOf(trainingSchema) };
    case 'weights':
      return { name: 'The "weights" section', fields: fieldsOf(weightsSchema) };
    case 'weights.layers.*.[]':
      return { name: tensorRef(root, String(third), Number(path[3])), fields: fieldsOf(weightTensorSchema) };
    default:
      return null;
  }
}

function unknownFieldMessage(container: { name: string; fields: readonly string[] }, key: string): string {
  const close = container.fields.find((field) => field.toLowerCase() === key.toLowerCase());
  const hint = close === undefined ? '' : ` Did you mean "${close}"?`;
  return `${container.name} has an unknown field ${quote(key)}; its fields are ${list(container.fields)}.${hint}`;
}

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    value = typeof segment === 'number' ? ownAt(value, segment) : own(value, String(segment));
  }
  return value;
}

/** One zod issue as the errors a user reads (an unknown-keys issue becomes one error per key). */
function issueToErrors(issue: Issue, root: unknown): ProjectFieldError[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  const at = formatPath(path);
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'custom':
      return [{ path: at, message: issue.message }];
    case 'unrecognized_keys': {
      if (pathPattern(path) === 'dataset') {
        const messages = issue.keys.map((key) => ({ key, message: unknownDatasetFieldMessage(value, key) }));
        if (messages.every((m) => m.message !== null)) {
          return messages.map(({ key, message }) => ({ path: formatPath([...path, key]), message: message ?? '' }));
        }
      }
      const container = containerOf(path, root) ?? { name: subjectOf(path, root), fields: [] };
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: unknownFieldMessage(container, key) }));
    }
    case 'invalid_union':
      // The schema's one union is the dataset's (on "kind"; a dataset that is no object is an invalid_type).
      return [{ path: at, message: datasetKindMessage(value) }];
    case 'invalid_type': {
      const subject = subjectOf(path, root);
      const expected = lookup(EXPECTED_AT, pathPattern(path)) ?? lookup(EXPECTED, issue.expected) ?? issue.expected;
      if (value === undefined) return [{ path: at, message: `${subject} is missing; it must be ${expected}.` }];
      return [{ path: at, message: `${subject} must be ${expected}; it is ${describeValue(value)}.` }];
    }
    case 'invalid_value': {
      const subject = subjectOf(path, root);
      const options = issue.values.map((option) => (typeof option === 'string' ? option : String(option)));
      const choice = options.length === 1 ? `"${options[0] ?? ''}"` : `one of ${list(options)}`;
      const notAKind = pathPattern(path) === 'graph.nodes.[].kind' && typeof value === 'string' ? ' (not a layer kind)' : '';
      return [{ path: at, message: `${subject} must be ${choice}; it is ${describeValue(value)}${notAKind}.` }];
    }
    default:
      return [{ path: at, message: `${subjectOf(path, root)} is not valid: ${issue.message}.` }];
  }
}

// ---------------------------------------------------------------------------
// Cross-field checks (run on the partly parsed value, so every access is defensive)
// ---------------------------------------------------------------------------

type Report = (path: readonly PathSegment[], message: string) => void;

function checkNodes(root: unknown, nodes: unknown, report: Report): void {
  if (!Array.isArray(nodes)) return;
  const firstIndexOf = new Map<string, number>();
  nodes.forEach((node: unknown, i) => {
    const ref = nodeRef(root, i);
    const id = own(node, 'id');
    if (typeof id === 'string') {
      if (RESERVED_KEYS.includes(id)) {
        report(['graph', 'nodes', i, 'id'], `Node id ${quote(id)} is reserved by JavaScript; choose another id.`);
      } else if (!NODE_ID_PATTERN.test(id)) {
        report(
          ['graph', 'nodes', i, 'id'],
          `Node id ${quote(id)} cannot be used: an id starts with a letter or _ and has only letters, digits, _, . and - (at most 64 characters), because it becomes the Keras layer name.`,
        );
      }
      const first = firstIndexOf.get(id);
      if (first === undefined) firstIndexOf.set(id, i);
      else {
        report(
          ['graph', 'nodes', i, 'id'],
          `Node id ${quote(id)} is already used by the ${ordinal(first + 1)} node; every node needs its own id.`,
        );
      }
    }
    const kind = own(node, 'kind');
    const params = own(node, 'params');
    if (!isLayerKind(kind) || (params !== undefined && !isRecord(params))) return;
    const parsed = parseParams(kind, params);
    if (parsed.ok) return;
    const known = Object.keys(LAYER_REGISTRY[kind].params);
    for (const error of parsed.errors) {
      if (error.param === '') {
        report(['graph', 'nodes', i, 'params'], `${ref}'s params ${error.message}.`);
        continue;
      }
      const path: PathSegment[] = ['graph', 'nodes', i, 'params', ...error.param.split('.')];
      const top = error.param.split('.')[0] ?? '';
      if (known.includes(top)) {
        const given = error.message.startsWith('must') ? `; it is ${describeValue(valueAt(root, path))}` : '';
        report(path, `${ref} (${kind}): parameter ${quote(error.param)} ${error.message}${given}.`);
      } else {
        report(path, `${ref}: ${quote(error.param)} ${error.message}.`);
      }
    }
  });
}

function checkEdges(root: unknown, nodes: unknown, edges: unknown, report: Report): void {
  if (!Array.isArray(edges)) return;
  const nodeIds = new Set<string>();
  if (Array.isArray(nodes)) {
    for (const node of nodes as unknown[]) {
      const id = own(node, 'id');
      if (typeof id === 'string') nodeIds.add(id);
    }
  }
  const firstIndexOf = new Map<string, number>();
  edges.forEach((edge: unknown, i) => {
    const ref = edgeRef(root, i);
    const id = own(edge, 'id');
    if (typeof id === 'string') {
      const first = firstIndexOf.get(id);
      if (id === '') report(['graph', 'edges', i, 'id'], `${ref} has an empty id; every edge needs an id.`);
      else if (first === undefined) firstIndexOf.set(id, i);
      else {
        report(
          ['graph', 'edges', i, 'id'],
          `Edge id ${quote(id)} is already used by the ${ordinal(first + 1)} edge; every edge needs its own id.`,
        );
      }
    }
    const source = own(edge, 'source');
    if (typeof source === 'string' && !nodeIds.has(source)) {
      report(['graph', 'edges', i, 'source'], `${ref} starts at node ${quote(source)}, but there is no node with that id.`);
    }
    const target = own(edge, 'target');
    if (typeof target === 'string' && !nodeIds.has(target)) {
      report(['graph', 'edges', i, 'target'], `${ref} ends at node ${quote(target)}, but there is no node with that id.`);
    }
    const inputIndex = own(edge, 'inputIndex');
    if (isFiniteNumber(inputIndex) && !(Number.isInteger(inputIndex) && inputIndex >= 0)) {
      report(
        ['graph', 'edges', i, 'inputIndex'],
        `${ref}'s inputIndex must be a whole number, 0 or more (0 is the target's first input); it is ${inputIndex}.`,
      );
    }
  });
}

/** graph.model's ends against the nodes: each names a node (an Input, for inputs) once; dict keys are unique. */
function checkModel(nodes: unknown, model: unknown, report: Report): void {
  if (!isRecord(model)) return;
  const kinds = new Map<string, unknown>();
  if (Array.isArray(nodes)) {
    for (const node of nodes as unknown[]) {
      const id = own(node, 'id');
      if (typeof id === 'string') kinds.set(id, own(node, 'kind'));
    }
  }
  for (const which of ['inputs', 'outputs'] as const) {
    const value = own(model, which);
    const ends = own(value, 'ends');
    if (!Array.isArray(ends)) continue;
    const form = own(value, 'form');
    const what = which === 'inputs' ? 'model input' : 'model output';
    const base: PathSegment[] = ['graph', 'model', which];
    if (form === 'single' && ends.length > 1) {
      report([...base, 'ends'], `The model ${which} "graph.model.${which}" have the form "single" but list ${ends.length} nodes; use "list" or "dict" for more than one.`);
    }
    const seenNodes = new Set<string>();
    const seenKeys = new Set<string>();
    ends.forEach((end: unknown, i) => {
      const at = (field: string): PathSegment[] => [...base, 'ends', i, field];
      const where = `"${formatPath(at('node'))}"`;
      const node = own(end, 'node');
      if (typeof node === 'string') {
        const kind = kinds.get(node);
        if (!kinds.has(node)) report(at('node'), `The ${what} ${quote(node)} at ${where} is not a node of the graph.`);
        else if (which === 'inputs' && kind !== 'Input') report(at('node'), `The ${what} ${quote(node)} at ${where} is a ${String(kind)}, not an Input.`);
        else if (which === 'outputs' && kind === 'Input') report(at('node'), `The ${what} ${quote(node)} at ${where} is an Input; a model output is a layer.`);
        if (seenNodes.has(node)) report(at('node'), `Node ${quote(node)} is listed twice among the model ${which} ("graph.model.${which}.ends").`);
        seenNodes.add(node);
      }
      const key = own(end, 'key');
      if (typeof key !== 'string') return;
      const keyAt = `"${formatPath(at('key'))}"`;
      if (form !== 'dict') report(at('key'), `The key ${quote(key)} at ${keyAt} is only used when the model ${which} have the form "dict".`);
      else if (key === '') report(at('key'), `The key at ${keyAt} is empty; a dict key names the ${what}.`);
      else if (seenKeys.has(key)) report(at('key'), `The key ${quote(key)} at ${keyAt} is used twice; every ${what} needs its own key.`);
      seenKeys.add(key);
    });
  }
}

function checkRange(
  report: Report,
  path: readonly PathSegment[],
  value: unknown,
  limits: { min: number; max: number },
  whole: boolean,
): void {
  if (!isFiniteNumber(value)) return;
  if ((whole && !Number.isInteger(value)) || value < limits.min || value > limits.max) {
    const subject = lookup(FIELD_SUBJECTS, path.join('.')) ?? formatPath(path);
    const kindOfNumber = whole ? 'a whole number from' : 'from';
    report(path, `${subject} must be ${kindOfNumber} ${limits.min} to ${limits.max}; it is ${value}.`);
  }
}

function checkTraining(training: unknown, report: Report): void {
  if (!isRecord(training)) return;
  checkRange(report, ['training', 'learningRate'], own(training, 'learningRate'), TRAINING_LIMITS.learningRate, false);
  checkRange(report, ['training', 'batchSize'], own(training, 'batchSize'), TRAINING_LIMITS.batchSize, true);
  checkRange(report, ['training', 'epochs'], own(training, 'epochs'), TRAINING_LIMITS.epochs, true);
  checkRange(report, ['training', 'validationSplit'], own(training, 'validationSplit'), TRAINING_LIMITS.validationSplit, false);
  checkRange(report, ['training', 'l2'], own(training, 'l2'), TRAINING_LIMITS.l2, false);
}

function checkTensor(root: unknown, nodeId: string, index: number, tensor: unknown, report: Report): void {
  const path: PathSegment[] = ['weights', 'layers', nodeId, index];
  const ref = tensorRef(root, nodeId, index);
  const name = own(tensor, 'name');
  if (name === '') report([...path, 'name'], `${ref} has an empty name.`);
  const shape = own(tensor, 'shape');
  const values = own(tensor, 'values');
  let shapeOk = Array.isArray(shape) && shape.every(isFiniteNumber);
  if (shapeOk) {
    const dims = shape as number[];
    const bad = dims.find((d) => !Number.isInteger(d) || d < 1);
    if (bad !== undefined) {
      shapeOk = false;
      report(
        [...path, 'shape'],
        `${ref} has the shape ${shapeText(dims)}; every dimension must be a whole number of at least 1, and ${bad} is not.`,
      );
    }
  }
  if (!Array.isArray(values)) return;
  const badIndex = values.findIndex((v: unknown) => !isFiniteNumber(v));
  if (badIndex >= 0) {
    report(
      [...path, 'values', badIndex],
      `${ref}: value ${badIndex} is ${describeValue(values[badIndex])}; every value must be a number.`,
    );
  }
  if (shapeOk) {
    const dims = shape as number[];
    const expected = dims.reduce((product, d) => product * d, 1);
    if (values.length !== expected) {
      const how = dims.length > 1 ? ` (${dims.join(' × ')})` : '';
      report(
        [...path, 'values'],
        `${ref} has ${values.length} value${values.length === 1 ? '' : 's'}, but its shape ${shapeText(dims)} needs ${expected}${how}.`,
      );
    }
  }
}

function checkWeights(root: unknown, nodes: unknown, weights: unknown, report: Report): void {
  const layers = own(weights, 'layers');
  if (!isRecord(layers)) return;
  const nodeIds = new Set<string>();
  if (Array.isArray(nodes)) {
    for (const node of nodes as unknown[]) {
      const id = own(node, 'id');
      if (typeof id === 'string') nodeIds.add(id);
    }
  }
  for (const nodeId of Object.keys(layers)) {
    if (!nodeIds.has(nodeId)) {
      report(['weights', 'layers', nodeId], `There are weights for node ${quote(nodeId)}, but the graph has no node with that id.`);
    }
    const tensors = layers[nodeId];
    if (!Array.isArray(tensors)) continue;
    const seen = new Set<string>();
    tensors.forEach((tensor: unknown, i) => {
      const name = own(tensor, 'name');
      if (typeof name === 'string' && name !== '') {
        if (seen.has(name)) {
          report(['weights', 'layers', nodeId, i, 'name'], `Node ${quote(nodeId)} has two weight tensors named ${quote(name)}.`);
        }
        seen.add(name);
      }
      checkTensor(root, nodeId, i, tensor, report);
    });
  }
}

/** The checks zod cannot express field by field. `value` may be partly invalid. */
function checkProject(value: unknown, report: Report): void {
  const graph = own(value, 'graph');
  const nodes = own(graph, 'nodes');
  checkNodes(value, nodes, report);
  checkEdges(value, nodes, own(graph, 'edges'), report);
  checkModel(nodes, own(graph, 'model'), report);
  checkDataset(own(value, 'dataset'), report);
  checkTraining(own(value, 'training'), report);
  checkWeights(value, nodes, own(value, 'weights'), report);
}

// ---------------------------------------------------------------------------
// From checked data to a LayerLabProject
// ---------------------------------------------------------------------------

function buildNode(node: ProjectShape['graph']['nodes'][number]): GraphNode {
  const parsed = parseParams(node.kind, node.params);
  if (!parsed.ok) throw new Error(`node ${node.id} passed validation with invalid params`);
  return { id: node.id, kind: node.kind, params: parsed.params, position: { x: node.position.x, y: node.position.y } } as GraphNode;
}

function buildWeights(weights: ProjectShape['weights']): ProjectWeights | null {
  if (weights === null) return null;
  const layers: Record<string, WeightTensor[]> = {};
  for (const [nodeId, tensors] of Object.entries(weights.layers)) {
    layers[nodeId] = tensors.map((t) => ({ name: t.name, shape: [...t.shape], values: t.values as number[] }));
  }
  return { layers };
}

function buildEnds(ends: NonNullable<ProjectShape['graph']['model']>['inputs']): ModelEnds | undefined {
  if (ends === undefined) return undefined;
  return { form: ends.form, ends: ends.ends.map((e) => (e.key === undefined ? { node: e.node } : { node: e.node, key: e.key })) };
}

function buildModel(model: NonNullable<ProjectShape['graph']['model']>): ModelStructure {
  const out: ModelStructure = {};
  const inputs = buildEnds(model.inputs);
  const outputs = buildEnds(model.outputs);
  if (model.api !== undefined) out.api = model.api;
  if (inputs !== undefined) out.inputs = inputs;
  if (outputs !== undefined) out.outputs = outputs;
  return out;
}

function buildProject(data: ProjectShape): LayerLabProject {
  return {
    format: PROJECT_FORMAT,
    version: CURRENT_PROJECT_VERSION,
    name: data.name,
    graph: {
      nodes: data.graph.nodes.map(buildNode),
      edges: data.graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, inputIndex: e.inputIndex })),
      ...(data.graph.model === undefined ? {} : { model: buildModel(data.graph.model) }),
    },
    dataset: buildDataset(data.dataset),
    training: { ...data.training },
    weights: buildWeights(data.weights),
  };
}

/**
 * The whole current-version project: structure, cross-field checks (which run even after type errors) and the
 * conversion to a {@link LayerLabProject} with default params filled in. Use {@link validateProjectData} to get
 * messages a user can read.
 */
export const projectSchema = projectShapeSchema
  .superRefine(
    (value, ctx) => {
      checkProject(value, (path, message) => ctx.addIssue({ code: 'custom', path: [...path], message }));
    },
    { when: () => true },
  )
  .transform(buildProject);

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

const TOP_ORDER = ['format', 'version', 'name', 'graph', 'dataset', 'training', 'weights'];
const FIELD_ORDER = new Map<string, number>();
for (const key of [
  ...TOP_ORDER,
  'nodes',
  'edges',
  'model',
  ...Object.keys(nodeSchema.shape),
  ...Object.keys(edgeSchema.shape),
  ...Object.keys(positionSchema.shape),
  ...Object.keys(weightTensorSchema.shape),
  ...Object.keys(trainingSchema.shape),
  ...DATASET_KINDS.flatMap((kind) => datasetFields(kind) ?? []),
]) {
  if (!FIELD_ORDER.has(key)) FIELD_ORDER.set(key, FIELD_ORDER.size);
}

/** Orders errors as their fields appear in the file. */
function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const rx = typeof x === 'string' ? FIELD_ORDER.get(x) : undefined;
    const ry = typeof y === 'string' ? FIELD_ORDER.get(y) : undefined;
    if (rx !== undefined && ry !== undefined) return rx - ry;
    return 0;
  }
  return a.length - b.length;
}

export type ProjectValidation =
  | { ok: true; project: LayerLabProject }
  | { ok: false; errors: ProjectFieldError[] };

/** Limits a long error list, saying how many were left out. */
export function capErrors(errors: ProjectFieldError[]): ProjectFieldError[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors;
  const shown = errors.slice(0, MAX_REPORTED_ERRORS - 1);
  const more = errors.length - shown.length;
  return [...shown, { path: '', message: `…and ${more} more problems; fix the ones above first.` }];
}

/**
 * Checks a parsed, current-version project (see migrations.ts for older ones) and builds it. `raw` should
 * already be free of reserved keys (see {@link findReservedKeys}); this does not check it again.
 */
export function validateProjectData(raw: unknown): ProjectValidation {
  const result = projectSchema.safeParse(raw);
  if (result.success) return { ok: true, project: result.data };
  const located = result.error.issues.flatMap((issue) => {
    const path = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
    return issueToErrors(issue, raw).map((error) => ({ error, path }));
  });
  located.sort((a, b) => comparePaths(a.path, b.path));
  const seen = new Set<string>();
  const errors: ProjectFieldError[] = [];
  for (const { error } of located) {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(error);
  }
  return { ok: false, errors: capErrors(errors) };
}
