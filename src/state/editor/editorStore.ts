/**
 * The editor's state: the project being edited (the same data as a `.layerlab.json` file), the selection, undo
 * history, and what validation says about it, recomputed on every change of the network. React Flow's node and edge
 * arrays are derived from this in the canvas; they are never the source of truth.
 */
import { createStore } from 'zustand/vanilla';
import type { Position } from '../../core/graph/types.ts';
import type { LayerLabProject } from '../../core/project/index.ts';
import type { Problem } from '../../core/problems/index.ts';
import type { NetworkValidation } from '../../core/validation/validateNetwork.ts';
import type { EditCommand } from './commands.ts';
import { applyCommand, changesNetwork } from './commands.ts';
import { reconcileWeights } from './reconcileWeights.ts';
import type { History } from './history.ts';
import { EMPTY_HISTORY, pushStep, redoStep, sealLastStep, undoStep } from './history.ts';
import type { NodeStatus } from './nodeStatus.ts';
import { deriveNodeStatus } from './nodeStatus.ts';
import { validateDoc } from './validateDoc.ts';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export const NO_SELECTION: Selection = Object.freeze({ nodes: Object.freeze([]), edges: Object.freeze([]) }) as Selection;

export interface EditorData {
  project: LayerLabProject;
  validation: NetworkValidation;
  /** Every problem of the network, errors first, in the shared Problem type. */
  problems: readonly Problem[];
  nodeStatus: ReadonlyMap<string, NodeStatus>;
  selection: Selection;
  history: History;
  /** Goes up by one on every change of the project (edits, undo, redo, drags): autosave watches it. */
  revision: number;
  /** The project when the current drag started, or null when nothing is being dragged. */
  dragBefore: LayerLabProject | null;
}

export interface EditorActions {
  /** Applies an edit as one undoable step. `mergeKey`: consecutive steps with the same key become one. */
  dispatch(command: EditCommand, options?: { mergeKey?: string; select?: Selection }): void;
  undo(): void;
  redo(): void;
  /** The next edit starts a new undo step even if it has the same merge key. */
  seal(): void;
  select(selection: Selection): void;
  /** Replaces everything without an undo step: the app's first load (autosave, preset). */
  reset(project: LayerLabProject, selection?: Selection): void;
  beginDrag(): void;
  /** Moves nodes while dragging: shown at once, one undo step when the drag ends. */
  dragTo(positions: Record<string, Position>): void;
  endDrag(): void;
}

export type EditorState = EditorData & EditorActions;

function derived(project: LayerLabProject, previous: ReadonlyMap<string, NodeStatus>): Pick<EditorData, 'validation' | 'problems' | 'nodeStatus'> {
  const { validation, problems } = validateDoc(project);
  return { validation, problems, nodeStatus: deriveNodeStatus(project.graph.nodes.map((n) => n.id), validation, problems, previous) };
}

/** Keeps only selected ids that still exist. */
function prune(selection: Selection, project: LayerLabProject): Selection {
  const nodes = new Set(project.graph.nodes.map((n) => n.id));
  const edges = new Set(project.graph.edges.map((e) => e.id));
  const keptNodes = selection.nodes.filter((id) => nodes.has(id));
  const keptEdges = selection.edges.filter((id) => edges.has(id));
  return keptNodes.length === selection.nodes.length && keptEdges.length === selection.edges.length ? selection : { nodes: keptNodes, edges: keptEdges };
}

export type EditorStore = ReturnType<typeof createEditorStore>;

export function createEditorStore(initial: LayerLabProject) {
  return createStore<EditorState>()((set, get) => {
    /** Moves to `project` (after an edit, undo or redo), re-validating only when the network itself may have changed. */
    const moveTo = (project: LayerLabProject, networkChanged: boolean, extra: Partial<EditorData>): void => {
      const state = get();
      const selection = extra.selection ?? state.selection;
      set({
        ...extra,
        project,
        ...(networkChanged ? derived(project, state.nodeStatus) : {}),
        selection: prune(selection, project),
        revision: state.revision + 1,
      });
    };

    return {
      project: initial,
      ...derived(initial, new Map()),
      selection: NO_SELECTION,
      history: EMPTY_HISTORY,
      revision: 0,
      dragBefore: null,

      dispatch(command, options = {}) {
        // An edit in the middle of a drag (a key pressed while dragging) first ends the drag as its own step.
        if (get().dragBefore !== null) get().endDrag();
        const state = get();
        const before = state.project;
        const applied = applyCommand(before, command);
        if (applied === before) return;
        const networkChanged = changesNetwork(command) || before.graph.nodes.length !== applied.graph.nodes.length;
        const checked = networkChanged ? derived(applied, state.nodeStatus) : null;
        // Weights that no longer fit the edited network are dropped, using the shapes just worked out.
        const after = checked === null ? applied : reconcileWeights(applied, checked.validation);
        const history = pushStep(state.history, { command, before, after, mergeKey: options.mergeKey ?? null });
        set({
          project: after,
          ...(checked ?? {}),
          history,
          selection: prune(options.select ?? state.selection, after),
          revision: state.revision + 1,
        });
      },

      undo() {
        const state = get();
        if (state.dragBefore !== null) return;
        const result = undoStep(state.history);
        if (result === null) return;
        moveTo(result.step.before, changesNetwork(result.step.command), { history: result.history });
      },

      redo() {
        const state = get();
        if (state.dragBefore !== null) return;
        const result = redoStep(state.history);
        if (result === null) return;
        moveTo(result.step.after, changesNetwork(result.step.command), { history: result.history });
      },

      seal() {
        set({ history: sealLastStep(get().history) });
      },

      select(selection) {
        const current = get().selection;
        const same =
          current.nodes.length === selection.nodes.length &&
          current.edges.length === selection.edges.length &&
          current.nodes.every((id, i) => id === selection.nodes[i]) &&
          current.edges.every((id, i) => id === selection.edges[i]);
        if (!same) set({ selection });
      },

      reset(project, selection = NO_SELECTION) {
        set({
          project,
          ...derived(project, new Map()),
          selection: prune(selection, project),
          history: EMPTY_HISTORY,
          revision: get().revision + 1,
          dragBefore: null,
        });
      },

      beginDrag() {
        const state = get();
        if (state.dragBefore === null) set({ dragBefore: state.project, history: sealLastStep(state.history) });
      },

      dragTo(positions) {
        const state = get();
        const project = applyCommand(state.project, { type: 'moveNodes', positions });
        set({ project, revision: state.revision + 1 });
      },

      endDrag() {
        const state = get();
        const before = state.dragBefore;
        if (before === null) return;
        const after = state.project;
        const moved: Record<string, Position> = {};
        const old = new Map(before.graph.nodes.map((n) => [n.id, n.position]));
        for (const node of after.graph.nodes) {
          const was = old.get(node.id);
          if (was !== undefined && (was.x !== node.position.x || was.y !== node.position.y)) moved[node.id] = node.position;
        }
        if (Object.keys(moved).length === 0) {
          set({ dragBefore: null });
          return;
        }
        const command: EditCommand = { type: 'moveNodes', positions: moved };
        set({ dragBefore: null, history: pushStep(state.history, { command, before, after, mergeKey: null }) });
      },
    };
  });
}
