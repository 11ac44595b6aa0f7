/**
 * A layer's title as the canvas card, the network diagram and screen readers show it: the kind plus its key
 * parameters, e.g. "Dense 8 · relu", "Input (2)", "Dropout 0.5", "Concatenate axis 1". Pure; the single source of
 * these titles.
 */
import type { GraphNode } from '../../core/graph/types.ts';

/** A parameter value as a student reads it: 0.3, not 0.30000000000000004. */
function num(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}

const dims = (shape: readonly number[]): string => shape.map(num).join(', ');

/** "Kind · detail, detail", or just "Kind" when there are no details. */
function withDetails(kind: string, details: readonly string[]): string {
  return details.length === 0 ? kind : `${kind} · ${details.join(', ')}`;
}

export function nodeTitle(node: GraphNode): string {
  switch (node.kind) {
    case 'Input':
      return `Input (${dims(node.params.shape)})`;
    case 'Dense':
      return node.params.activation === 'linear' ? `Dense ${num(node.params.units)}` : `Dense ${num(node.params.units)} · ${node.params.activation}`;
    case 'Activation':
      return `Activation · ${node.params.activation}`;
    case 'Dropout':
      return `Dropout ${num(node.params.rate)}`;
    case 'BatchNormalization':
      return node.params.axis === -1 ? 'BatchNorm' : `BatchNorm axis ${num(node.params.axis)}`;
    case 'Flatten':
      return 'Flatten';
    case 'Reshape':
      return `Reshape (${dims(node.params.target_shape)})`;
    case 'Concatenate':
      return node.params.axis === -1 ? 'Concatenate' : `Concatenate axis ${num(node.params.axis)}`;
    case 'Add':
      return 'Add';
    case 'Multiply':
      return 'Multiply';
    case 'Softmax':
      return node.params.axis === -1 ? 'Softmax' : `Softmax axis ${num(node.params.axis)}`;
    case 'ReLU': {
      const { max_value, negative_slope, threshold } = node.params;
      const details: string[] = [];
      if (max_value !== null) details.push(`max ${num(max_value)}`);
      if (negative_slope !== 0) details.push(`slope ${num(negative_slope)}`);
      if (threshold !== 0) details.push(`threshold ${num(threshold)}`);
      return withDetails('ReLU', details);
    }
    case 'LeakyReLU':
      return `LeakyReLU · slope ${num(node.params.negative_slope)}`;
    case 'ELU':
      return `ELU · alpha ${num(node.params.alpha)}`;
    case 'PReLU':
      return node.params.shared_axes === null || node.params.shared_axes.length === 0
        ? 'PReLU'
        : `PReLU · shared axes ${node.params.shared_axes.map(num).join(', ')}`;
    default: {
      // A kind added to the registry without a title here fails to compile; at run time, show the kind itself.
      const unknown: never = node;
      return String((unknown as { kind?: unknown }).kind ?? 'Layer');
    }
  }
}
