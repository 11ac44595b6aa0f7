/**
 * What the neuron inspector says, as pure functions: the names of a neuron's inputs, which example it is looking at,
 * the next and previous example, and the exact numbers of its sum. NeuronInspector.tsx renders them.
 */
import type { Graph } from '../../../core/graph/types.ts';
import type { LayerKind } from '../../../core/layers/index.ts';
import type { TrainingSnapshot, TrainingView, TrainLoadResult } from '../../../worker/protocol.ts';
import { formatValue } from '../../viz/format.ts';

/** Layers that hand their input on unchanged and in order (at prediction time), so what follows still sees features. */
const PASS_THROUGH: ReadonlySet<LayerKind> = new Set<LayerKind>(['Dropout', 'Flatten']);

/**
 * The names of a Dense neuron's `count` inputs: the data's feature names ("x1", "x2") when the layer reads the Input
 * (directly or through Dropout/Flatten), otherwise "<source> unit i", counting from 1.
 */
export function neuronInputNames(graph: Graph, nodeId: string, featureNames: readonly string[], count: number): string[] {
  const first = graph.edges.find((e) => e.target === nodeId);
  if (first === undefined) return Array.from({ length: count }, (_, i) => `input ${i + 1}`);
  const seen = new Set<string>();
  let id = first.source;
  while (!seen.has(id)) {
    seen.add(id);
    const node = graph.nodes.find((n) => n.id === id);
    if (node === undefined) break;
    if (node.kind === 'Input') {
      if (featureNames.length === count) return [...featureNames];
      break;
    }
    if (!PASS_THROUGH.has(node.kind)) break;
    const before = graph.edges.find((e) => e.target === id);
    if (before === undefined) break;
    id = before.source;
  }
  return Array.from({ length: count }, (_, i) => `${first.source} unit ${i + 1}`);
}

export type SampleView = TrainingView['sample'];
export type SessionInfo = Pick<TrainLoadResult, 'numTrain' | 'numTest' | 'classNames' | 'task'>;
export type DataExample = { split: 'train' | 'test'; index: number };

const count = (session: SessionInfo, split: 'train' | 'test'): number => (split === 'train' ? session.numTrain : session.numTest);

/** The example the worker shows for `view`: its index clamped into the split, as the worker clamps it. */
export function shownExample(view: SampleView, session: SessionInfo): DataExample | null {
  if ('custom' in view) return null;
  const n = count(session, view.split);
  if (n === 0) return null;
  return { split: view.split, index: Math.min(Math.max(0, Math.floor(view.index)), n - 1) };
}

/**
 * "Test example 4 of 120 · class: opposite sign" (counting from 1), "Training example 1 of 280 · target: 0.412", or
 * "Your own input" for a drawn digit.
 */
export function exampleCaption(view: SampleView, session: SessionInfo, label: number | null, target: number | null): string {
  if ('custom' in view) return 'Your own input';
  const shown = shownExample(view, session);
  if (shown === null) return `There are no ${view.split === 'test' ? 'test' : 'training'} examples.`;
  const name = `${shown.split === 'test' ? 'Test' : 'Training'} example ${shown.index + 1} of ${count(session, shown.split)}`;
  if (label !== null) return `${name} · class: ${session.classNames[label] ?? String(label)}`;
  if (target !== null) return `${name} · target: ${formatValue(target)}`;
  return name;
}

/**
 * The example `delta` steps on (wrapping around within its split). From the student's own input, or a split without
 * examples, it goes to the first example of a split that has some.
 */
export function stepExample(view: SampleView, session: SessionInfo, delta: number): DataExample {
  const shown = shownExample(view, session);
  if (shown === null) return { split: session.numTest > 0 ? 'test' : 'train', index: 0 };
  const n = count(session, shown.split);
  return { split: shown.split, index: (((shown.index + delta) % n) + n) % n };
}

/** The unit the inspector shows for `nodeId` (chosen there and still inside the layer), or null. */
export function inspectedUnit(chosen: TrainingView['neuron'], nodeId: string, units: number | null): number | null {
  if (chosen === null || chosen.nodeId !== nodeId || units === null) return null;
  return chosen.unit >= 0 && chosen.unit < units ? chosen.unit : null;
}

/** The snapshot's arithmetic when it is of this neuron (a frame after a new choice it may still be the old one's). */
export function arithmeticFor(neuron: TrainingSnapshot['neuron'], nodeId: string, unit: number | null): NonNullable<TrainingSnapshot['neuron']> | null {
  return neuron !== null && unit !== null && neuron.nodeId === nodeId && neuron.unit === unit ? neuron : null;
}

/** One number of the sum as the inspector prints it: 3 significant digits shown, the full value kept beside. */
export interface ExactNumber {
  testId: string;
  text: string;
  value: string;
}

export interface ExactTerm {
  name: string;
  input: ExactNumber;
  weight: ExactNumber;
}

const exact = (testId: string, v: number): ExactNumber => ({ testId, text: formatValue(v), value: String(v) });

/** Every term x_i × w_i of the sum, with the test ids "neuron-input-i" and "neuron-weight-i" (i from 0, as Keras). */
export function exactTerms(names: readonly string[], inputs: ArrayLike<number>, weights: ArrayLike<number>): ExactTerm[] {
  const n = Math.min(inputs.length, weights.length);
  return Array.from({ length: n }, (_, i) => ({
    name: names[i] ?? `input ${i + 1}`,
    input: exact(`neuron-input-${i}`, inputs[i] as number),
    weight: exact(`neuron-weight-${i}`, weights[i] as number),
  }));
}

/** The bias, the sum z and the output, with their test ids. */
export function exactTotals(bias: number, sum: number, output: number): { bias: ExactNumber; sum: ExactNumber; output: ExactNumber } {
  return { bias: exact('neuron-bias', bias), sum: exact('neuron-sum', sum), output: exact('neuron-output', output) };
}
