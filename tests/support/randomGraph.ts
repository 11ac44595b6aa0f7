/**
 * fast-check arbitraries for random VALID LayerLab graphs (core's inferShapes(graph).ok is true for every one).
 *
 * What a graph looks like
 * - 1 or 2 Inputs of rank 1-3 with dimensions 1-6; every Input feeds at least one layer.
 * - 1-12 layers (bridges included, see below) of every non-Input kind, each fed by an earlier node, so every node is
 *   reachable from an Input. Nodes whose output goes nowhere become extra model outputs (allowed by core).
 * - Merge layers (Add, Multiply, Concatenate) take 2 or 3 inputs of compatible shapes. When no earlier node has a
 *   fitting shape, the generator first adds a small "bridge" (Dense; Reshape; Flatten -> Dense -> Reshape; or a
 *   shape-keeping activation layer) that makes one, preferring a branch other than the merge's first input, so
 *   merges join different branches and different Inputs.
 * - Reshape targets fit their input (rank 1-4, sometimes with one -1); axes (BatchNormalization, Softmax,
 *   Concatenate) are valid, positive or negative; PReLU shared axes exist; every parameter is in its range and also
 *   accepted by real Keras 3 (e.g. ReLU threshold >= 0, which Keras's ReLU layer requires).
 * - Ids are unique and match NODE_ID_PATTERN, in one of several styles per graph (including a leading "_", dots and
 *   dashes), edge ids are unique and merge edges carry inputIndex 0, 1, 2 in order.
 *
 * How: fast-check generates plain numbers (input shapes, then per step a kind and a list of choices); a
 * deterministic builder turns them into a graph, fixing every choice up to a valid one. Shrinking therefore shrinks
 * towards fewer steps and the first option of every choice.
 */
import fc from 'fast-check';
import type { Graph, GraphEdge, GraphNode } from '../../src/core/graph/types.ts';
import { ACTIVATIONS, INITIALIZERS, LAYER_KINDS, elementCount } from '../../src/core/layers/index.ts';
import type { ActivationName, InitializerName, LayerKind, Shape } from '../../src/core/layers/index.ts';

/** Every kind a step can add (all but Input). */
export const STEP_KINDS: readonly Exclude<LayerKind, 'Input'>[] = LAYER_KINDS.filter(
  (k): k is Exclude<LayerKind, 'Input'> => k !== 'Input',
);

export const MAX_LAYERS = 12;
const CHOICES_PER_STEP = 24;
/** Largest Dense a bridge may add, in units (keeps graphs quick to build and run). */
const MAX_BRIDGE_UNITS = 48;

interface StepRecipe {
  kind: Exclude<LayerKind, 'Input'>;
  choices: number[];
}

export interface GraphRecipe {
  inputs: number[][];
  steps: StepRecipe[];
  idStyle: number;
}

type LayerNode = Exclude<GraphNode, { kind: 'Input' }>;

const ID_STYLES: readonly ((kind: string, n: number) => string)[] = [
  (kind, n) => `${kind.toLowerCase()}_${n}`,
  (kind, n) => `${kind}.${n}`,
  (kind, n) => `_${kind.toLowerCase()}-${n}`,
  (_kind, n) => `n${n}`,
];

/** Reads the step's choices in order; past the end it wraps around, so any recipe builds. */
class Chooser {
  private index = 0;

  constructor(private readonly choices: readonly number[]) {}

  /** An integer in [0, n). */
  int(n: number): number {
    const value = this.choices.length === 0 ? 0 : (this.choices[this.index % this.choices.length] ?? 0);
    this.index += 1;
    return n <= 1 ? 0 : value % n;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  chance(oneIn: number): boolean {
    return this.int(oneIn) === 0;
  }
}

interface Available {
  id: string;
  shape: Shape;
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** A valid Keras axis for a tensor of this rank (batch excluded): 1..rank or -rank..-1. */
function randomAxis(rank: number, c: Chooser): number {
  const index = c.int(rank);
  return c.chance(2) ? -(rank - index) : index + 1;
}

function axisIndex(axis: number, rank: number): number {
  return axis < 0 ? rank + axis : axis - 1;
}

/** A random shape of rank 1-4 whose dimensions multiply to `count`. */
function randomFactorisation(count: number, c: Chooser): number[] {
  const rank = 1 + c.int(4);
  const dims: number[] = [];
  let left = count;
  for (let i = 0; i < rank - 1; i += 1) {
    const divisors: number[] = [];
    for (let d = 1; d <= left; d += 1) if (left % d === 0) divisors.push(d);
    const d = c.pick(divisors);
    dims.push(d);
    left /= d;
  }
  dims.push(left);
  return dims;
}

class Builder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly available: Available[] = [];
  private readonly used = new Set<string>();
  private counter = 0;

  constructor(private readonly style: (kind: string, n: number) => string) {}

  get layerCount(): number {
    return this.nodes.filter((n) => n.kind !== 'Input').length;
  }

  private newId(kind: string): string {
    this.counter += 1;
    return this.style(kind, this.counter);
  }

  addInput(shape: number[]): Available {
    const id = this.newId('Input');
    this.nodes.push({ id, kind: 'Input', params: { shape }, position: { x: 0, y: this.nodes.length * 80 } });
    const entry = { id, shape };
    this.available.push(entry);
    return entry;
  }

  /** Adds a layer fed by `sources` (in inputIndex order); `shape` is the output shape it will have. */
  addLayer(make: (id: string) => LayerNode, sources: readonly Available[], shape: Shape): Available {
    const draft = make('');
    const node = { ...draft, id: this.newId(draft.kind), position: { x: 200 * (1 + this.layerCount), y: 0 } } as LayerNode;
    this.nodes.push(node);
    sources.forEach((source, inputIndex) => {
      this.edges.push({ id: `e${this.edges.length}`, source: source.id, target: node.id, inputIndex });
      this.used.add(source.id);
    });
    const entry = { id: node.id, shape };
    this.available.push(entry);
    return entry;
  }

  isUsed(id: string): boolean {
    return this.used.has(id);
  }
}

function randomActivation(c: Chooser): ActivationName {
  return c.pick(ACTIVATIONS);
}

function randomInitializer(c: Chooser): InitializerName {
  return c.pick(INITIALIZERS);
}

function dense(units: number, c: Chooser): (id: string) => LayerNode {
  const activation = randomActivation(c);
  const useBias = !c.chance(4);
  const kernel = randomInitializer(c);
  const bias = c.chance(3) ? randomInitializer(c) : 'zeros';
  const regularizer = c.chance(3) ? { l1: c.int(4) * 0.01, l2: c.int(4) * 0.005 } : null;
  return (id) => ({
    id,
    kind: 'Dense',
    params: {
      units,
      activation,
      use_bias: useBias,
      kernel_initializer: kernel,
      bias_initializer: bias,
      kernel_regularizer: regularizer,
    },
    position: { x: 0, y: 0 },
  });
}

/** A layer that keeps its input's shape, with random parameters. */
function shapeKeeping(shape: Shape, c: Chooser): (id: string) => LayerNode {
  const kind = c.pick(['Activation', 'Dropout', 'ReLU', 'LeakyReLU', 'ELU', 'PReLU', 'BatchNormalization', 'Softmax'] as const);
  return singleInput(kind, shape, c);
}

/** A single-input layer of `kind` on an input of `shape`, with random valid parameters. */
function singleInput(
  kind: Exclude<LayerKind, 'Input' | 'Add' | 'Multiply' | 'Concatenate' | 'Dense' | 'Flatten' | 'Reshape'>,
  shape: Shape,
  c: Chooser,
): (id: string) => LayerNode {
  const position = { x: 0, y: 0 };
  switch (kind) {
    case 'Activation': {
      const activation = randomActivation(c);
      return (id) => ({ id, kind, params: { activation }, position });
    }
    case 'Dropout': {
      const rate = c.int(20) * 0.05;
      return (id) => ({ id, kind, params: { rate }, position });
    }
    case 'BatchNormalization': {
      const params = {
        axis: randomAxis(shape.length, c),
        momentum: c.int(101) / 100,
        epsilon: c.pick([0.001, 1e-5, 0.01, 0.1]),
        center: !c.chance(3),
        scale: !c.chance(3),
      };
      return (id) => ({ id, kind, params, position });
    }
    case 'Softmax': {
      const axis = randomAxis(shape.length, c);
      return (id) => ({ id, kind, params: { axis }, position });
    }
    case 'ReLU': {
      const params = {
        max_value: c.pick([null, null, 6, 0, 0.5, 1, 2.5]),
        negative_slope: c.pick([0, 0, 0.1, 0.3, 1, 1.5]),
        threshold: c.pick([0, 0, 0.5, 1, 2]),
      };
      return (id) => ({ id, kind, params, position });
    }
    case 'LeakyReLU': {
      const slope = c.pick([0.3, 0, 0.01, 0.1, 0.2, 1, 2]);
      return (id) => ({ id, kind, params: { negative_slope: slope }, position });
    }
    case 'ELU': {
      const alpha = c.pick([1, 1, 0, 0.5, 2]);
      return (id) => ({ id, kind, params: { alpha }, position });
    }
    case 'PReLU': {
      let sharedAxes: number[] | null = null;
      if (!c.chance(3)) {
        sharedAxes = [];
        for (let axis = 1; axis <= shape.length; axis += 1) if (c.chance(2)) sharedAxes.push(axis);
      }
      return (id) => ({ id, kind, params: { shared_axes: sharedAxes }, position });
    }
  }
}

function flatten(): (id: string) => LayerNode {
  return (id) => ({ id, kind: 'Flatten', params: {}, position: { x: 0, y: 0 } });
}

function reshape(target: readonly number[]): (id: string) => LayerNode {
  return (id) => ({ id, kind: 'Reshape', params: { target_shape: [...target] }, position: { x: 0, y: 0 } });
}

/** How many layers a bridge from `from` to `target` needs, or null when there is no cheap one. */
function bridgeCost(from: Shape, target: Shape): number | null {
  if (sameShape(from, target)) return 0;
  const sameLeading = from.length === target.length && from.slice(0, -1).every((d, i) => d === target[i]);
  if (sameLeading && (target[target.length - 1] ?? 0) <= MAX_BRIDGE_UNITS) return 1;
  if (elementCount(from) === elementCount(target)) return 1;
  if (elementCount(target) <= MAX_BRIDGE_UNITS) return (from.length > 1 ? 1 : 0) + 1 + (target.length > 1 ? 1 : 0);
  return null;
}

/** Adds the layers that turn `from` into a tensor of shape `target` (bridgeCost must not be null). */
function addBridge(b: Builder, from: Available, target: Shape, c: Chooser): Available {
  if (sameShape(from.shape, target)) return from;
  const last = target[target.length - 1] ?? 1;
  const sameLeading = from.shape.length === target.length && from.shape.slice(0, -1).every((d, i) => d === target[i]);
  if (sameLeading && last <= MAX_BRIDGE_UNITS) return b.addLayer(dense(last, c), [from], target);
  if (elementCount(from.shape) === elementCount(target)) return b.addLayer(reshape(target), [from], target);
  let source = from;
  if (source.shape.length > 1) source = b.addLayer(flatten(), [source], [elementCount(source.shape)]);
  const count = elementCount(target);
  source = b.addLayer(dense(count, c), [source], [count]);
  return target.length > 1 ? b.addLayer(reshape(target), [source], target) : source;
}

/**
 * A node of shape `target` for a merge whose inputs so far are `taken`: an existing node, or a bridge from another
 * branch, or (fallback, only when target is the first input's shape) a shape-keeping layer on the first input.
 * Returns null when none fits in `budget` layers.
 */
function mergeInput(
  b: Builder,
  first: Available,
  taken: readonly Available[],
  target: Shape,
  fits: (shape: Shape) => boolean,
  c: Chooser,
  budget: number,
): Available | null {
  const free = (a: Available): boolean => !taken.some((t) => t.id === a.id);
  const existing = b.available.filter((a) => free(a) && fits(a.shape));
  if (existing.length > 0 && !c.chance(3)) return c.pick(existing);
  const others = b.available.filter((a) => free(a) && a.id !== first.id);
  const bridgeable = others.filter((a) => {
    const cost = bridgeCost(a.shape, target);
    return cost !== null && cost >= 1 && cost <= budget;
  });
  if (bridgeable.length > 0) {
    // Prefer a node no layer reads yet (an unused Input, a dangling branch), so merges join branches.
    const unused = bridgeable.filter((a) => !b.isUsed(a.id));
    return addBridge(b, c.pick(unused.length > 0 && !c.chance(3) ? unused : bridgeable), target, c);
  }
  if (existing.length > 0) return c.pick(existing);
  if (sameShape(first.shape, target) && budget >= 1) return b.addLayer(shapeKeeping(target, c), [first], target);
  return null;
}

function addMerge(b: Builder, kind: 'Add' | 'Multiply' | 'Concatenate', first: Available, c: Chooser): void {
  const budget = () => MAX_LAYERS - b.layerCount - 1; // the merge itself takes one
  const wanted = c.chance(4) ? 3 : 2;
  const inputs: Available[] = [first];
  const rank = first.shape.length;
  const axis = randomAxis(rank, c);
  const index = axisIndex(axis, rank);
  const fits = (shape: Shape): boolean =>
    kind === 'Concatenate'
      ? shape.length === rank && shape.every((d, k) => k === index || d === first.shape[k])
      : sameShape(shape, first.shape);
  for (let i = 1; i < wanted; i += 1) {
    let target: Shape = first.shape;
    if (kind === 'Concatenate' && !c.chance(3)) target = first.shape.map((d, k) => (k === index ? 1 + c.int(4) : d));
    let next = mergeInput(b, first, inputs, target, fits, c, budget());
    if (next === null && !sameShape(target, first.shape)) next = mergeInput(b, first, inputs, first.shape, fits, c, budget());
    if (next === null) break;
    inputs.push(next);
  }
  if (inputs.length < 2 || budget() < 0) return;
  const shape =
    kind === 'Concatenate'
      ? first.shape.map((d, k) => (k === index ? inputs.reduce((sum, a) => sum + (a.shape[k] ?? 0), 0) : d))
      : first.shape;
  const position = { x: 0, y: 0 };
  const make = (id: string): LayerNode =>
    kind === 'Concatenate' ? { id, kind, params: { axis }, position } : { id, kind, params: {}, position };
  b.addLayer(make, inputs, shape);
}

function addStep(b: Builder, step: StepRecipe, source: Available): void {
  const c = new Chooser(step.choices);
  if (b.layerCount >= MAX_LAYERS) return;
  switch (step.kind) {
    case 'Add':
    case 'Multiply':
    case 'Concatenate':
      addMerge(b, step.kind, source, c);
      return;
    case 'Dense': {
      const units = 1 + c.int(8);
      b.addLayer(dense(units, c), [source], [...source.shape.slice(0, -1), units]);
      return;
    }
    case 'Flatten':
      b.addLayer(flatten(), [source], [elementCount(source.shape)]);
      return;
    case 'Reshape': {
      const dims = randomFactorisation(elementCount(source.shape), c);
      const inferred = c.chance(3) ? c.int(dims.length) : -1;
      b.addLayer(reshape(dims.map((d, i) => (i === inferred ? -1 : d))), [source], dims);
      return;
    }
    default:
      b.addLayer(singleInput(step.kind, source.shape, c), [source], source.shape);
  }
}

/** Builds the graph a recipe describes. Deterministic; every recipe gives a valid graph. */
export function buildGraph(recipe: GraphRecipe): Graph {
  const style = ID_STYLES[recipe.idStyle % ID_STYLES.length] ?? ID_STYLES[0];
  if (style === undefined) throw new Error('no id style');
  const b = new Builder(style);
  const inputs = recipe.inputs.slice(0, 2).map((shape) => b.addInput(shape.length > 0 ? shape.slice(0, 3) : [1]));
  if (inputs.length === 0) inputs.push(b.addInput([2]));
  recipe.steps.forEach((step, i) => {
    const c = new Chooser(step.choices.slice(-1));
    // The first steps start from the Inputs in turn, so every Input is read; later ones from any earlier node.
    const source = inputs[i] ?? b.available[c.int(b.available.length)] ?? inputs[0];
    if (source !== undefined) addStep(b, step, source);
  });
  for (const input of inputs) {
    if (!b.isUsed(input.id)) b.addLayer(dense(1, new Chooser([])), [input], [...input.shape.slice(0, -1), 1]);
  }
  return { nodes: b.nodes, edges: b.edges };
}

const shapeArbitrary = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 });

const stepArbitrary: fc.Arbitrary<StepRecipe> = fc.record({
  kind: fc.constantFrom(...STEP_KINDS),
  choices: fc.array(fc.nat({ max: 1_000_000 }), { minLength: CHOICES_PER_STEP, maxLength: CHOICES_PER_STEP }),
});

/** The raw numbers a graph is built from (useful to see what a failing case shrank to). */
export function arbitraryGraphRecipe(): fc.Arbitrary<GraphRecipe> {
  return fc.record({
    inputs: fc.array(shapeArbitrary, { minLength: 1, maxLength: 2 }),
    steps: fc.array(stepArbitrary, { minLength: 1, maxLength: MAX_LAYERS }),
    idStyle: fc.nat({ max: ID_STYLES.length - 1 }),
  });
}

/** Random valid graphs: see the file comment for what they contain. */
export function arbitraryValidGraph(): fc.Arbitrary<Graph> {
  return arbitraryGraphRecipe().map(buildGraph);
}

/** The graph with every Dense or Activation layer using activation `from` switched to `to`. */
export function replaceActivation(graph: Graph, from: ActivationName, to: ActivationName): Graph {
  const nodes = graph.nodes.map((node): GraphNode => {
    if ((node.kind === 'Dense' || node.kind === 'Activation') && node.params.activation === from) {
      return { ...node, params: { ...node.params, activation: to } } as GraphNode;
    }
    return node;
  });
  return { nodes, edges: graph.edges };
}

/** Keras has no step activation; for comparisons with Keras a step layer becomes a sigmoid one (same shapes). */
export const withoutStep = (graph: Graph): Graph => replaceActivation(graph, 'step', 'sigmoid');
