/** A graph as the Keras Functional model that Keras writes for it, its layers in Keras's own order. */
import type { Shape } from '../../layers/index.ts';
import { LAYER_REGISTRY } from '../../layers/index.ts';
import type {
  Keras3InboundNode,
  Keras3TensorArg,
  KerasFunctionalConfig,
  KerasLayerJson,
  KerasLayerRef,
  KerasModelJson,
  KerasModelRefs,
} from '../kerasFormat.ts';
import type { ResolvedEnds, ResolvedModelEnds } from '../../graph/modelEnds.ts';
import { endNodes } from '../../graph/modelEnds.ts';
import type { Built } from './builtLayer.ts';
import { writerFor } from './kindWriters.ts';
import { batchShape, layerJson } from './layerJson.ts';

/**
 * The order of Keras's Functional.layers (keras/src/ops/function.py map_graph): a depth-first walk from each output,
 * in output order, through each layer's inputs in call order, numbers the layers as it first meets them; a layer's
 * depth is its longest distance to an output; layers are listed by decreasing depth, then by that number. Model
 * inputs the outputs do not use come at depth 0, before the layers of depth 0.
 */
function functionalOrder(inputs: readonly string[], outputs: readonly string[], built: ReadonlyMap<string, Built>): string[] {
  const traversal = new Map<string, number>();
  const finished = new Set<string>();
  const postOrder: string[] = [];
  for (const output of outputs) {
    const stack: { id: string; next: number }[] = [{ id: output, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) break;
      if (frame.next === 0 && !traversal.has(frame.id)) traversal.set(frame.id, traversal.size);
      const sources = built.get(frame.id)?.sources ?? [];
      const source = sources[frame.next];
      if (source !== undefined) {
        frame.next += 1;
        if (!finished.has(source)) stack.push({ id: source, next: 0 });
        continue;
      }
      stack.pop();
      if (!finished.has(frame.id)) {
        finished.add(frame.id);
        postOrder.push(frame.id);
      }
    }
  }
  const depth = new Map<string, number>();
  for (let i = postOrder.length - 1; i >= 0; i -= 1) {
    const id = postOrder[i] ?? '';
    const own = depth.get(id) ?? 0;
    depth.set(id, own);
    for (const source of built.get(id)?.sources ?? []) depth.set(source, Math.max(own + 1, depth.get(source) ?? 0));
  }
  for (const input of inputs) {
    if (!depth.has(input)) {
      depth.set(input, 0);
      traversal.set(input, -1);
    }
  }
  return [...depth.keys()].sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0) || (traversal.get(a) ?? 0) - (traversal.get(b) ?? 0));
}

function tensorArg(source: string, shape: Shape): Keras3TensorArg {
  return { class_name: '__keras_tensor__', config: { shape: batchShape(shape), dtype: 'float32', keras_history: [source, 0, 0] } };
}

/**
 * A model's inputs or outputs as Keras writes them: a bare reference for a single tensor, a list (even of one), or a
 * dict in the recorded key order (Keras keeps the order the model was built with).
 */
function modelRefs(ends: ResolvedEnds): KerasModelRefs {
  const ref = (id: string): KerasLayerRef => [id, 0, 0];
  const only = ends.ends[0];
  if (ends.form === 'single' && ends.ends.length === 1 && only !== undefined) return ref(only.node);
  if (ends.form === 'dict') {
    // Object.fromEntries defines own properties, so a key such as "__proto__" stays an ordinary key.
    return Object.fromEntries(ends.ends.map((e) => [e.key, ref(e.node)]));
  }
  return ends.ends.map((e) => ref(e.node));
}

/** The ends in the order Keras flattens them (keras.tree.flatten: a dict by sorted key, as Python sorts strings). */
function flattened(ends: ResolvedEnds): string[] {
  if (ends.form !== 'dict') return endNodes(ends);
  const codePoints = (text: string): number[] => Array.from(text, (c) => c.codePointAt(0) ?? 0);
  const compare = (a: string, b: string): number => {
    const x = codePoints(a);
    const y = codePoints(b);
    for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
    return x.length - y.length;
  };
  return [...ends.ends].sort((a, b) => compare(a.key, b.key)).map((e) => e.node);
}

export function functionalModel(ends: ResolvedModelEnds, built: ReadonlyMap<string, Built>, name: string): KerasModelJson {
  const inputs = flattened(ends.inputs);
  const outputs = flattened(ends.outputs);
  const layers: KerasLayerJson[] = [];
  for (const id of functionalOrder(inputs, outputs, built)) {
    const layer = built.get(id);
    if (layer === undefined) continue;
    const json = layerJson(layer.node, layer.inputShapes);
    json.name = id;
    if (layer.node.kind === 'Input') {
      json.inbound_nodes = [];
    } else {
      const args = layer.sources.map((source, i) => tensorArg(source, layer.inputShapes[i] ?? []));
      const call: Keras3InboundNode = {
        args: LAYER_REGISTRY[layer.node.kind].inputs.max > 1 ? [args] : args,
        kwargs: writerFor(layer.node).callKwargs(),
      };
      json.inbound_nodes = [call];
    }
    layers.push(json);
  }
  const config: KerasFunctionalConfig & { trainable: boolean } = {
    name,
    trainable: true,
    layers,
    input_layers: modelRefs(ends.inputs),
    output_layers: modelRefs(ends.outputs),
  };
  return {
    module: 'keras.src.models.functional',
    class_name: 'Functional',
    config,
    registered_name: 'Functional',
    build_config: { input_shape: null },
  };
}
