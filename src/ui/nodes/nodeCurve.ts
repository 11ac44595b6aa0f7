/** The function a node applies to each value, for the small curve on its card; null for layers without one. */
import type { GraphNode } from '../../core/graph/types.ts';
import type { ActivationName } from '../../core/layers/index.ts';
import { activationValue } from '../../core/layers/activationCurve.ts';

export interface NodeCurve {
  /** Keras's name, for the accessible description ("tanh curve"). */
  name: string;
  f: (x: number) => number;
}

const named = (name: ActivationName): NodeCurve => ({ name, f: (x) => activationValue(name, x) });

export function nodeCurve(node: GraphNode): NodeCurve | null {
  switch (node.kind) {
    case 'Dense':
      return node.params.activation === 'linear' ? null : named(node.params.activation);
    case 'Activation':
      return named(node.params.activation);
    case 'Softmax':
      return named('softmax');
    case 'ReLU': {
      const { max_value: max, negative_slope: slope, threshold } = node.params;
      return {
        name: 'relu',
        f: (x) => {
          const y = x >= threshold ? x : slope * (x - threshold);
          return max === null ? y : Math.min(y, max);
        },
      };
    }
    case 'LeakyReLU': {
      const slope = node.params.negative_slope;
      return { name: 'leaky_relu', f: (x) => (x > 0 ? x : slope * x) };
    }
    case 'ELU': {
      const alpha = node.params.alpha;
      return { name: 'elu', f: (x) => (x > 0 ? x : alpha * (Math.exp(x) - 1)) };
    }
    case 'PReLU':
      // Its slope for negative inputs is learned; it starts at 0 (Keras's default alpha initializer).
      return { name: 'prelu', f: (x) => Math.max(0, x) };
    default:
      return null;
  }
}
