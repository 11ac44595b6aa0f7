import type { Graph } from '../graph/types.ts';
import type { GraphInference } from '../shapes/inferShapes.ts';

/** One reason an export or import cannot go ahead, for one layer (null: the whole model). */
export interface LayerProblemText {
  layer: string | null;
  /** Plain sentences that do not start with the layer's name: renderers show `layer` beside them. */
  message: string;
}

/**
 * Collects problems one per layer (several messages for a layer are joined), so a student sees each offending
 * layer once, with everything wrong with it.
 */
export class ProblemsByLayer {
  private readonly byLayer = new Map<string | null, string[]>();

  add(layer: string | null, message: string): void {
    const list = this.byLayer.get(layer);
    if (list === undefined) this.byLayer.set(layer, [message]);
    else if (!list.includes(message)) list.push(message);
  }

  /**
   * Every error core found in the graph, each on the first node it points at; and, for a graph that is sound but
   * has nothing after its Input (core only warns), that there is no model to export.
   */
  addGraphErrors(graph: Graph, inference: GraphInference): void {
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const diagnostic of inference.diagnostics) {
      if (diagnostic.severity !== 'error') continue;
      const first = diagnostic.nodeIds[0];
      this.add(first !== undefined && ids.has(first) ? first : null, diagnostic.message);
    }
    if (this.size === 0 && inference.outputs.length === 0) {
      this.add(null, 'The network has no layer after its Input, so there is no model to export. Add a layer and connect the Input to it.');
    }
  }

  get size(): number {
    return this.byLayer.size;
  }

  list(): LayerProblemText[] {
    return [...this.byLayer].map(([layer, messages]) => ({ layer, message: messages.join(' ') }));
  }
}
