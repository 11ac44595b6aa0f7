/** Checks the imported graph with LayerLab's shape inference and against the shapes Keras recorded. */
import type { Graph } from '../../graph/types.ts';
import type { LayerKind, Shape } from '../../layers/index.ts';
import { formatShape, LAYER_REGISTRY } from '../../layers/index.ts';
import { inferShapes } from '../../shapes/inferShapes.ts';
import type { KerasBatchShape } from '../kerasFormat.ts';
import { isRecord, own, readBatchShape } from '../kerasFormat.ts';
import type { ConvertedLayer } from './convertLayer.ts';
import type { KerasImportProblem } from './importResult.ts';
import type { LayerEntry } from './layerEntries.ts';
import { formatBatchShape, layerProblem } from './messageText.ts';
import type { Wiring } from './wiring.ts';

/** Recorded Keras shapes (build_config, tensor shapes) against LayerLab's inferred ones: any difference is a problem. */
function shapesAgree(recorded: KerasBatchShape, actual: Shape): boolean {
  return recorded.length === actual.length + 1 && actual.every((d, i) => {
    const keras = recorded[i + 1];
    return keras === null || keras === d;
  });
}

function recordedInputShapes(entry: LayerEntry, kind: LayerKind): KerasBatchShape[] | null {
  const buildConfig = own(entry.raw, 'build_config');
  if (!isRecord(buildConfig)) return null;
  const value = own(buildConfig, 'input_shape');
  if (LAYER_REGISTRY[kind].inputs.max > 1) {
    if (!Array.isArray(value)) return null;
    const shapes = (value as unknown[]).map(readBatchShape);
    return shapes.every((s): s is KerasBatchShape => s !== null) ? shapes : null;
  }
  const shape = readBatchShape(value);
  return shape === null ? null : [shape];
}

export function checkGraph(graph: Graph, layers: readonly ConvertedLayer[], wiring: Wiring, nameOf: ReadonlyMap<string, string>): KerasImportProblem[] {
  const problems: KerasImportProblem[] = [];
  const inference = inferShapes(graph);
  const problem = (id: string, message: string): KerasImportProblem => layerProblem({ id, name: nameOf.get(id) ?? id }, message);
  for (const diagnostic of inference.diagnostics) {
    if (diagnostic.severity !== 'error') continue;
    const id = diagnostic.nodeIds[0];
    problems.push(id === undefined ? { layer: null, message: diagnostic.message } : problem(id, diagnostic.message));
  }
  if (problems.length > 0) return problems;
  for (const layer of layers) {
    const info = inference.nodes.get(layer.entry.id);
    const recorded = recordedInputShapes(layer.entry, layer.kind);
    if (info?.status !== 'ok' || recorded === null) continue;
    recorded.forEach((shape, i) => {
      const actual = info.inputShapes[i];
      if (actual !== undefined && !shapesAgree(shape, actual)) {
        problems.push(layerProblem(layer.entry, `Keras built this layer for input ${formatBatchShape(shape)}, but LayerLab computes ${formatShape(actual)}`));
      }
    });
  }
  for (const edge of graph.edges) {
    const recorded = wiring.edgeShapes.get(edge.id);
    const source = inference.nodes.get(edge.source);
    if (recorded === undefined || source?.status !== 'ok' || shapesAgree(recorded, source.shape)) continue;
    problems.push(problem(edge.source, `Keras records this layer's output as ${formatBatchShape(recorded)}, but LayerLab computes ${formatShape(source.shape)}`));
  }
  return problems;
}
