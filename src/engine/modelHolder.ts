/**
 * Owns the one compiled model of an editing session and frees the old one whenever it is replaced.
 * tfjs keeps weights in backend memory until dispose(), so a model that is just dropped leaks.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Graph } from '../core/graph/types.ts';
import { compileGraph } from './compileGraph.ts';
import type { CompileOptions, CompileResult } from './compileGraph.ts';

export interface ModelHolder {
  /** The model of the last graph that compiled, or null (none yet, the last graph did not compile, or disposed). */
  current(): tf.LayersModel | null;
  /**
   * Compiles `graph` and makes it the current model, disposing the previous one. When the graph does not compile,
   * the previous model is still disposed (it no longer matches the graph) and current() becomes null.
   */
  replace(graph: Graph, options?: CompileOptions): CompileResult;
  /** Disposes the current model; current() becomes null. The holder can be used again. */
  dispose(): void;
}

export function createModelHolder(): ModelHolder {
  let model: tf.LayersModel | null = null;
  const release = (): void => {
    if (model !== null) model.dispose();
    model = null;
  };
  return {
    current: () => model,
    replace(graph, options) {
      const result = compileGraph(graph, options);
      release();
      if (result.ok) model = result.model;
      return result;
    },
    dispose: release,
  };
}
