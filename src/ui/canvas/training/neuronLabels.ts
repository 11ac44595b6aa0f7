/**
 * What a neuron on a card is called, for its button's accessible name and tooltip: "Neuron 3 of hidden: activation
 * 0.412". Neurons count from 1, as a student counts; Keras's unit index is this minus one.
 */
import type { LayerKind } from '../../../core/layers/index.ts';
import { formatValue } from '../../viz/format.ts';

/** Layers whose outputs are neurons' activations (a Dense, or an activation applied to one). */
const NEURON_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>(['Dense', 'Activation', 'ReLU', 'LeakyReLU', 'ELU', 'PReLU', 'Softmax']);

export function isNeuronLayer(kind: LayerKind): boolean {
  return NEURON_KINDS.has(kind);
}

export interface NeuronLabelInput {
  kind: LayerKind;
  nodeId: string;
  /** 0-based, as in the kernel. */
  unit: number;
  /** The output on the viewed example, or null while there is none. */
  value: number | null;
  /** For an Input layer: the feature's name ("x1"). */
  featureName?: string;
}

/**
 * "Neuron 3 of hidden: activation 0.412" for a Dense or activation layer, "Input 1 of x (x1): value −2.35" for the
 * data, "Unit 2 of drop: value 0.1" for any other layer.
 */
export function neuronLabel({ kind, nodeId, unit, value, featureName }: NeuronLabelInput): string {
  const n = unit + 1;
  const shown = value === null ? '' : formatValue(value);
  if (isNeuronLayer(kind)) return `Neuron ${n} of ${nodeId}${value === null ? '' : `: activation ${shown}`}`;
  const name = kind === 'Input' ? `Input ${n} of ${nodeId}${featureName === undefined ? '' : ` (${featureName})`}` : `Unit ${n} of ${nodeId}`;
  return value === null ? name : `${name}: value ${shown}`;
}
