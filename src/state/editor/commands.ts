/**
 * Every edit a student makes on the canvas, as plain data (excalidraw's actions, xyflow's changes): what to do, not
 * how. `applyCommand` is the one place that turns a command into a new project; history stores commands with the
 * project before and after, so undo and redo are exact and the history can label each step ("Undo: move dense").
 */
import type { Graph, GraphEdge, GraphNode, KerasApi, Position } from '../../core/graph/types.ts';
import type { ParamValue } from '../../core/layers/index.ts';
import type { LayerLabProject, ProjectWeights } from '../../core/project/index.ts';
import type { ProjectDataset } from '../../core/datasets/types.ts';
import type { TrainingSettings } from '../../core/training/settings.ts';
import { removeFromGraph, renameInGraph, renameInWeights } from '../../core/editing/index.ts';

/** Why a whole project replaced the one on the canvas (shown as "Undo: open preset"). */
export type ReplaceReason = 'new' | 'open' | 'preset' | 'import' | 'share';

export type EditCommand =
  | { type: 'addNodes'; nodes: GraphNode[]; edges: GraphEdge[]; label: string }
  | { type: 'remove'; nodeIds: string[]; edgeIds: string[] }
  | { type: 'moveNodes'; positions: Record<string, Position> }
  | { type: 'setParam'; nodeId: string; param: string; value: ParamValue }
  | { type: 'renameNode'; from: string; to: string }
  | { type: 'connect'; edge: GraphEdge }
  | { type: 'reconnect'; edgeId: string; edge: GraphEdge }
  | { type: 'renameProject'; name: string }
  | { type: 'layout'; positions: Record<string, Position> }
  | { type: 'resetWeights' }
  /** The data the project trains on (the data panel). */
  | { type: 'setDataset'; dataset: ProjectDataset }
  /** Some training settings (the train panel); `label` names the setting for undo, e.g. "learning rate". */
  | { type: 'setTraining'; patch: Partial<TrainingSettings>; label: string }
  /** The weights a training run reached (kept with the project: saved, autosaved, shared, exported). */
  | { type: 'setWeights'; weights: ProjectWeights; label: string }
  | { type: 'replaceProject'; project: LayerLabProject; reason: ReplaceReason }
  /** The Keras API the exports use (graph.model.api; the Export dialog); null: follow the graph (see kerasApi.ts). */
  | { type: 'setKerasApi'; api: KerasApi | null };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The few words after "Undo: " / "Redo: ". */
export function commandLabel(command: EditCommand): string {
  switch (command.type) {
    case 'addNodes':
      return command.label;
    case 'remove': {
      const parts = [];
      if (command.nodeIds.length > 0) parts.push(command.nodeIds.length === 1 ? (command.nodeIds[0] ?? '') : plural(command.nodeIds.length, 'layer'));
      if (command.edgeIds.length > 0 && command.nodeIds.length === 0) parts.push(plural(command.edgeIds.length, 'connection'));
      return `delete ${parts.join(' and ')}`;
    }
    case 'moveNodes': {
      const ids = Object.keys(command.positions);
      return ids.length === 1 ? `move ${ids[0] ?? ''}` : `move ${plural(ids.length, 'layer')}`;
    }
    case 'setParam':
      return `set ${command.nodeId} ${command.param}`;
    case 'renameNode':
      return `rename ${command.from} to ${command.to}`;
    case 'connect':
      return `connect ${command.edge.source} to ${command.edge.target}`;
    case 'reconnect':
      return `reconnect to ${command.edge.target}`;
    case 'renameProject':
      return 'rename the project';
    case 'layout':
      return 'tidy up the layout';
    case 'resetWeights':
      return 'reset the weights';
    case 'setDataset':
      return 'change the data';
    case 'setTraining':
      return `set the ${command.label}`;
    case 'setWeights':
      return command.label;
    case 'setKerasApi':
      return command.api === null ? 'follow the network for the Keras API' : `use Keras ${command.api === 'sequential' ? 'Sequential' : 'functional API'}`;
    case 'replaceProject':
      return { new: 'new project', open: 'open project', preset: 'open preset', import: 'import model', share: 'open shared link' }[command.reason];
  }
}

function withGraph(project: LayerLabProject, graph: Graph): LayerLabProject {
  return { ...project, graph };
}

/** The project with graph.model.api set (or removed, for null); the project itself when nothing changes. */
function withKerasApi(project: LayerLabProject, api: KerasApi | null): LayerLabProject {
  const { graph } = project;
  if ((graph.model?.api ?? null) === api) return project;
  const { api: _old, ...rest } = graph.model ?? {};
  const model = api === null ? rest : { ...rest, api };
  if (Object.keys(model).length === 0) {
    const { model: _dropped, ...bare } = graph;
    return withGraph(project, bare);
  }
  return withGraph(project, { ...graph, model });
}

function movePositions(graph: Graph, positions: Record<string, Position>): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (Object.hasOwn(positions, n.id) ? { ...n, position: { ...(positions[n.id] as Position) } } : n)),
    edges: graph.edges,
  };
}

/**
 * The project after `command`. Pure: the input is never modified, and unchanged nodes keep their identity. Trained
 * weights that no longer fit are dropped by the editor store afterwards (reconcileWeights), once it has the new
 * network's shapes.
 */
export function applyCommand(project: LayerLabProject, command: EditCommand): LayerLabProject {
  const graph = project.graph;
  switch (command.type) {
    case 'addNodes':
      return withGraph(project, { ...graph, nodes: [...graph.nodes, ...command.nodes], edges: [...graph.edges, ...command.edges] });
    case 'remove': {
      const removed = removeFromGraph(graph, { nodeIds: command.nodeIds, edgeIds: command.edgeIds });
      return removed.nodes.length === graph.nodes.length && removed.edges.length === graph.edges.length ? project : withGraph(project, removed);
    }
    case 'moveNodes':
    case 'layout':
      return { ...project, graph: movePositions(graph, command.positions) };
    case 'setParam': {
      const node = graph.nodes.find((n) => n.id === command.nodeId);
      const current = node === undefined ? undefined : (node.params as unknown as Record<string, unknown>)[command.param];
      if (node === undefined || JSON.stringify(current) === JSON.stringify(command.value)) return project;
      return withGraph(project, {
        ...graph,
        nodes: graph.nodes.map((n) => (n.id === command.nodeId ? ({ ...n, params: { ...n.params, [command.param]: command.value } } as GraphNode) : n)),
        edges: graph.edges,
      });
    }
    case 'renameNode': {
      const renamed = { ...project, graph: renameInGraph(graph, command.from, command.to) };
      return project.weights === null ? renamed : { ...renamed, weights: renameInWeights(project.weights, command.from, command.to) };
    }
    case 'connect':
      return withGraph(project, { ...graph, nodes: graph.nodes, edges: [...graph.edges, command.edge] });
    case 'reconnect':
      return withGraph(project, { ...graph, nodes: graph.nodes, edges: graph.edges.map((e) => (e.id === command.edgeId ? command.edge : e)) });
    case 'renameProject':
      return command.name === project.name ? project : { ...project, name: command.name };
    case 'resetWeights':
      return project.weights === null ? project : { ...project, weights: null };
    case 'setDataset':
      return JSON.stringify(project.dataset) === JSON.stringify(command.dataset) ? project : { ...project, dataset: command.dataset };
    case 'setTraining': {
      const training = { ...project.training, ...command.patch };
      return JSON.stringify(training) === JSON.stringify(project.training) ? project : { ...project, training };
    }
    case 'setWeights':
      return { ...project, weights: command.weights };
    case 'setKerasApi':
      return withKerasApi(project, command.api);
    case 'replaceProject':
      return command.project;
  }
}

/** True when the command can change shapes or problems (moving nodes cannot). */
export function changesNetwork(command: EditCommand): boolean {
  return command.type !== 'moveNodes' && command.type !== 'layout' && command.type !== 'renameProject' && command.type !== 'setWeights';
}
