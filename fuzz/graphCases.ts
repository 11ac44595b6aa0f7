/**
 * Category 1: random graphs, valid and broken, through core validation (validateDoc, what the editor runs),
 * shape inference and compile (tfjs, cpu backend).
 *
 * A case starts from a valid graph (tests/support/randomGraph.ts's builder, driven by the case's own generator) and
 * either keeps it valid, renames a node to a hostile id, or breaks it with 1-3 faults: a loop, a self-loop, an edge
 * to or from a node that does not exist, an edge between two nodes that do not exist, a merge with one input, a
 * Dense with two, a parameter of the wrong type or out of range (units 0, -1, 1e9, NaN, "8", huge shapes, ...), an
 * unknown kind, missing params, a repeated id, a layer nothing feeds, no Input, or no nodes at all.
 *
 * The rule, from what core's Diagnostic offers (nodeIds: "the nodes at fault ... empty for a problem of the whole
 * graph"):
 * - a graph with a node fault gets at least one error whose nodeIds include a node of the graph;
 * - a graph with only whole-graph faults (no nodes, no Input, an edge between two missing nodes) gets at least one
 *   error with a message;
 * - every diagnostic has a message, and names only nodes that are in the graph;
 * - a valid graph (hostile but well-formed ids included: "__proto__", "constructor", ...) has no error, and
 *   compiles; a refused graph is refused by compile too, with a message, before any tensor exists.
 */
import type { Graph, GraphEdge } from '../src/core/graph/types.ts';
import { NODE_ID_PATTERN } from '../src/core/graph/types.ts';
import { LAYER_KINDS, LAYER_REGISTRY } from '../src/core/layers/index.ts';
import type { ParamField } from '../src/core/layers/spec.ts';
import { DEFAULT_PROJECT_DATASET } from '../src/core/project/index.ts';
import type { LayerLabProject } from '../src/core/project/index.ts';
import { DEFAULT_TRAINING } from '../src/core/training/settings.ts';
import { compileGraph } from '../src/engine/compileGraph.ts';
import { validateDoc } from '../src/state/editor/validateDoc.ts';
import { buildGraph, STEP_KINDS } from '../tests/support/randomGraph.ts';
import type { CaseOutcome } from './outcome.ts';
import type { FuzzRng } from './random.ts';

type Scope = 'node' | 'whole';

interface LooseNode {
  id: unknown;
  kind: unknown;
  params: unknown;
  position: { x: number; y: number };
}

interface LooseGraph {
  nodes: LooseNode[];
  edges: GraphEdge[];
}

export interface GraphCase {
  graph: Graph;
  faults: { name: string; scope: Scope }[];
  /** A node renamed to a hostile id; well-formed ones must not change the verdict. */
  hostileId: string | null;
  label: string;
}

/** Ids a project file accepts (they match NODE_ID_PATTERN) but that name things every JavaScript object has. */
const HOSTILE_WELL_FORMED = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'then', 'length', `x${'y'.repeat(63)}`];
/** Ids only a hand-made graph can have (the project schema refuses them): only "no crash" is asked of these. */
const HOSTILE_MALFORMED = ['', ' ', 'a/b', '../x', '<img src=x onerror=alert(1)>', '\u0000', 'é', '😀', '1abc', 'x'.repeat(5000), 'a b', 'a\nb'];

function recipe(rng: FuzzRng): Parameters<typeof buildGraph>[0] {
  const shape = (): number[] => Array.from({ length: rng.range(1, 3) }, () => rng.range(1, 6));
  return {
    inputs: Array.from({ length: rng.range(1, 2) }, shape),
    steps: Array.from({ length: rng.range(1, 12) }, () => ({ kind: rng.pick(STEP_KINDS), choices: Array.from({ length: 24 }, () => rng.int(1_000_001)) })),
    idStyle: rng.int(16),
  };
}

function invalidValues(field: ParamField): unknown[] {
  const junk = ['8', null, [], {}, true, NaN, Infinity];
  switch (field.type) {
    case 'int':
      return [field.min - 1, -1, 2.5, NaN, 1e9, ...(field.max === undefined ? [] : [field.max.value + 1]), '8', null, [], {}];
    case 'float':
      return [
        NaN,
        Infinity,
        -Infinity,
        '0.5',
        [],
        {},
        ...(field.min === undefined ? [] : [field.min.inclusive ? field.min.value - 1 : field.min.value]),
        ...(field.max === undefined ? [] : [field.max.inclusive ? field.max.value + 1 : field.max.value]),
      ];
    case 'bool':
      return ['yes', 1, null, {}];
    case 'activation':
      return ['nope', '__proto__', 'constructor', 'toString', 42, null];
    case 'initializer':
      return ['nope', 'toString', '__proto__', 7, null];
    case 'regularizer':
      return ['l2', { l1: -1, l2: 0 }, { l1: NaN, l2: 0 }, { l2: 0.1 }, [], { l1: 0, l2: 0, extra: 1 }];
    case 'shape':
      return [[0], [-5], [2.5], 'x', [NaN], [1e9], [100_000, 100_000], [1, 1, 1, 1, 1, 1, 1, 1, 1], null, [-1, -1]];
    case 'axis':
      return [0, 1.5, NaN, 'x', 99, -99, null];
    case 'axisList':
      return [[0], [1.5], 'x', [-1], [99], [NaN]];
  }
  return junk;
}

const clone = (graph: Graph): LooseGraph => structuredClone(graph) as unknown as LooseGraph;
const ids = (g: LooseGraph): string[] => g.nodes.map((n) => String(n.id));
const nonInputs = (g: LooseGraph): LooseNode[] => g.nodes.filter((n) => n.kind !== 'Input');
/** Nodes of a kind LayerLab knows, whose params are still an object (another fault may have replaced either). */
const knownKinds = (g: LooseGraph): LooseNode[] =>
  g.nodes.filter((n) => LAYER_KINDS.includes(n.kind as never) && typeof n.params === 'object' && n.params !== null && !Array.isArray(n.params));

function addEdge(g: LooseGraph, source: string, target: string): void {
  const inputIndex = g.edges.filter((e) => e.target === target).length;
  g.edges.push({ id: `fuzz_e${g.edges.length}`, source, target, inputIndex });
}

function addNode(g: LooseGraph, kind: string, params: unknown = undefined): string {
  const id = `fuzz_${kind.toLowerCase()}_${g.nodes.length}`;
  const defaults = LAYER_KINDS.includes(kind as never) ? LAYER_REGISTRY[kind as (typeof LAYER_KINDS)[number]].defaults : {};
  g.nodes.push({ id, kind, params: params ?? structuredClone(defaults), position: { x: 0, y: 0 } });
  return id;
}

type Fault = (rng: FuzzRng, g: LooseGraph) => { name: string; scope: Scope } | null;

const FAULTS: Fault[] = [
  function loop(rng, g) {
    const inner = g.edges.filter((e) => g.nodes.some((n) => n.id === e.source && n.kind !== 'Input'));
    if (inner.length === 0) return null;
    const edge = rng.pick(inner);
    addEdge(g, edge.target, edge.source);
    return { name: `loop ${edge.source} <-> ${edge.target}`, scope: 'node' };
  },
  function selfLoop(rng, g) {
    const node = rng.pick(nonInputs(g));
    addEdge(g, String(node.id), String(node.id));
    return { name: `self-loop on ${String(node.id)}`, scope: 'node' };
  },
  function edgeToMissing(rng, g) {
    const node = rng.pick(g.nodes);
    addEdge(g, String(node.id), 'ghost_target');
    return { name: `edge ${String(node.id)} -> missing node`, scope: 'node' };
  },
  function edgeFromMissing(rng, g) {
    const node = rng.pick(nonInputs(g));
    addEdge(g, 'ghost_source', String(node.id));
    return { name: `edge missing node -> ${String(node.id)}`, scope: 'node' };
  },
  function edgeBetweenMissing(_rng, g) {
    addEdge(g, 'ghost_a', 'ghost_b');
    return { name: 'edge between two missing nodes', scope: 'whole' };
  },
  function mergeWithOneInput(rng, g) {
    const source = rng.pick(g.nodes);
    const merge = addNode(g, rng.pick(['Add', 'Multiply', 'Concatenate']));
    addEdge(g, String(source.id), merge);
    return { name: `${merge} with one input`, scope: 'node' };
  },
  function denseWithTwoInputs(rng, g) {
    const dense = addNode(g, 'Dense');
    addEdge(g, String(rng.pick(g.nodes.slice(0, -1)).id), dense);
    addEdge(g, String(rng.pick(g.nodes.slice(0, -1)).id), dense);
    return { name: `${dense} with two inputs`, scope: 'node' };
  },
  function absurdParam(rng, g) {
    if (knownKinds(g).length === 0) return null;
    const node = rng.pick(knownKinds(g));
    const fields = Object.entries(LAYER_REGISTRY[node.kind as (typeof LAYER_KINDS)[number]].params as Record<string, ParamField>);
    if (fields.length === 0) return null;
    const [name, field] = rng.pick(fields);
    const value = rng.pick(invalidValues(field));
    (node.params as Record<string, unknown>)[name] = value;
    return { name: `${String(node.id)}.${name} = ${JSON.stringify(value) ?? String(value)}`, scope: 'node' };
  },
  function unknownKind(rng, g) {
    const node = rng.pick(g.nodes);
    node.kind = rng.pick(['Conv2D', '__proto__', 'constructor', 'toString', '', 'dense', 42, null]);
    return { name: `${String(node.id)} of kind ${JSON.stringify(node.kind)}`, scope: 'node' };
  },
  function brokenParams(rng, g) {
    if (knownKinds(g).length === 0) return null;
    const node = rng.pick(knownKinds(g));
    if (Object.keys(LAYER_REGISTRY[node.kind as (typeof LAYER_KINDS)[number]].params).length === 0) return null;
    node.params = rng.pick([undefined, null, 'units', [], 42]);
    return { name: `${String(node.id)} params ${JSON.stringify(node.params) ?? 'undefined'}`, scope: 'node' };
  },
  function repeatedId(rng, g) {
    if (g.nodes.length < 2) return null;
    const a = rng.pick(g.nodes);
    const b = rng.pick(g.nodes.filter((n) => n !== a));
    b.id = a.id;
    return { name: `id ${String(a.id)} used twice`, scope: 'node' };
  },
  function unfed(rng, g) {
    const id = addNode(g, rng.pick(STEP_KINDS));
    return { name: `${id} with no input`, scope: 'node' };
  },
];

/** Faults of the whole graph: applied alone, since they remove the nodes another fault would be about. */
const WHOLE_GRAPH_FAULTS: Fault[] = [
  function noInput(_rng, g) {
    const inputs = new Set(g.nodes.filter((n) => n.kind === 'Input').map((n) => String(n.id)));
    g.nodes = g.nodes.filter((n) => n.kind !== 'Input');
    g.edges = g.edges.filter((e) => !inputs.has(e.source));
    return { name: 'no Input', scope: 'whole' };
  },
  function empty(_rng, g) {
    g.nodes = [];
    g.edges = [];
    return { name: 'no nodes', scope: 'whole' };
  },
];

function renameNode(g: LooseGraph, node: LooseNode, id: string): void {
  const old = String(node.id);
  node.id = id;
  for (const edge of g.edges) {
    if (edge.source === old) edge.source = id;
    if (edge.target === old) edge.target = id;
  }
}

export function generateGraphCase(rng: FuzzRng): GraphCase {
  const g = clone(buildGraph(recipe(rng)));
  const roll = rng.next();
  if (roll < 0.25) return { graph: g as unknown as Graph, faults: [], hostileId: null, label: 'valid graph' };
  if (roll < 0.35) {
    const id = rng.chance(0.7) ? rng.pick(HOSTILE_WELL_FORMED) : rng.pick(HOSTILE_MALFORMED);
    if (!ids(g).includes(id)) renameNode(g, rng.pick(g.nodes), id);
    return { graph: g as unknown as Graph, faults: [], hostileId: id, label: `valid graph with a node named ${JSON.stringify(id.slice(0, 40))}` };
  }
  const faults: GraphCase['faults'] = [];
  if (roll < 0.4) {
    const fault = rng.pick(WHOLE_GRAPH_FAULTS)(rng, g);
    if (fault !== null) return { graph: g as unknown as Graph, faults: [fault], hostileId: null, label: fault.name };
  }
  const count = rng.pick([1, 1, 2, 3]);
  for (let tries = 0; faults.length === 0 || (faults.length < count && tries < 20); tries += 1) {
    const fault = rng.pick(FAULTS)(rng, g);
    if (fault !== null) faults.push(fault);
  }
  return { graph: g as unknown as Graph, faults, hostileId: null, label: faults.map((f) => f.name).join('; ') };
}

function projectOf(graph: Graph, withData: boolean): LayerLabProject {
  return {
    graph,
    dataset: withData ? DEFAULT_PROJECT_DATASET : { kind: 'none' },
    training: DEFAULT_TRAINING,
  } as unknown as LayerLabProject;
}

/** Runs one graph case through validation and compile and checks the rules above. */
export function runGraphCase(rng: FuzzRng): CaseOutcome {
  const { graph, faults, hostileId, label } = generateGraphCase(rng);
  const violations: string[] = [];
  const { validation, problems } = validateDoc(projectOf(graph, rng.chance(0.5)));
  const present = new Set(graph.nodes.map((n) => String(n.id)));
  const datasetOnes = new Set(validation.datasetDiagnostics);
  const errors = validation.diagnostics.filter((d) => d.severity === 'error' && !datasetOnes.has(d));
  for (const d of validation.diagnostics) {
    if (typeof d.message !== 'string' || d.message.trim() === '') violations.push(`a diagnostic (${d.code}) has no message`);
    const missing = d.nodeIds.filter((id) => !present.has(id));
    if (missing.length > 0) violations.push(`${d.code} names ${JSON.stringify(missing.slice(0, 3))}, which are not in the graph`);
  }
  if (problems.length !== validation.diagnostics.length) violations.push('validateDoc lost or added problems');

  const broken = faults.length > 0;
  const nodeFault = faults.some((f) => f.scope === 'node');
  if (broken && nodeFault && !errors.some((d) => d.nodeIds.some((id) => present.has(id)))) {
    violations.push(`broken graph (${label}) has no error naming one of its nodes${errors.length > 0 ? `; errors: ${errors.map((d) => d.message).join(' | ').slice(0, 300)}` : ''}`);
  } else if (broken && !errors.some((d) => d.message.trim() !== '')) {
    violations.push(`broken graph (${label}) has no error`);
  }
  const wellFormed = hostileId === null || NODE_ID_PATTERN.test(hostileId);
  if (!broken && wellFormed && errors.length > 0) violations.push(`valid graph refused: ${errors[0]?.message ?? ''}`);

  const compiled = compileGraph(graph, { seed: 1 });
  if (compiled.ok) {
    compiled.model.dispose();
    if (errors.length > 0) violations.push('compile built a graph that validation refuses');
  } else {
    if (compiled.message.trim() === '') violations.push('compile refused without a message');
    if (errors.length === 0 && wellFormed) violations.push(`compile refused a graph validation accepts: ${compiled.message.slice(0, 300)}`);
  }
  return errors.length === 0
    ? { status: 'loaded', messages: [], label, violations }
    : { status: 'refused', messages: errors.map((d) => d.message), label, violations };
}
