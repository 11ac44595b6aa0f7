import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { Connection, Edge, EdgeChange, IsValidConnection, NodeChange, OnConnectEnd, Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { checkConnection } from '../../core/editing/index.ts';
import { connectLayers, deleteElements, reconnectEdge } from '../../state/editor/editing.ts';
import type { Position } from '../../core/graph/types.ts';
import { ShapeEdge } from '../edges/ShapeEdge.tsx';
import { LayerNode } from '../nodes/LayerNode.tsx';
import type { LayerFlowNode } from '../nodes/LayerNode.tsx';
import { useEditor, useStores, useTraining, useUi } from '../stores.ts';
import { ConnectionHint } from './ConnectionHint.tsx';
import { ConnectionLine } from './ConnectionLine.tsx';
import { FlowNodeCache, flowEdges, slotOf } from './flowElements.ts';
import { TrainingLegend } from './training/TrainingLegend.tsx';
import type { Size } from './flowElements.ts';
import '@xyflow/react/dist/style.css';
import './canvas.css';

const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };
const MINIMAP_STYLE = { width: 150, height: 96 };
/**
 * Fit a network into view, but never so small that its cards cannot be read: a long one is shown from its middle.
 * The padding keeps the cards clear of the training legend (top left) and the zoom controls (bottom left).
 */
const FIT_VIEW = {
  maxZoom: 1.2,
  minZoom: 0.5,
  padding: { top: '76px', left: '60px', right: '20px', bottom: '28px' },
  duration: 200,
} as const;
/** The overview map is for networks too big to read at a glance, on a canvas tall enough to spare its corner. */
const MINIMAP_MIN_LAYERS = 7;
const MINIMAP_MIN_CANVAS_HEIGHT = 420;
/** Cards that grew or a canvas that was resized are fitted again after this pause (ms), unless the user moved the view. */
const REFIT_DELAY_MS = 120;
/** Cards grow and the drawer opens when the first training numbers arrive; changes within this time (ms) are refitted. */
const GROWTH_WINDOW_MS = 3000;
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const ARIA_LABELS = {
  'node.a11yDescription.default': 'Press Enter or Space to select this layer; Delete removes it; arrow keys move it.',
  'controls.ariaLabel': 'Zoom controls',
  'minimap.ariaLabel': 'Overview of the whole network',
};

export interface CanvasProps {
  /** Where the view was when the page was last closed; fit the network into view when absent. */
  initialViewport: Viewport | null;
  onViewportChange(viewport: Viewport): void;
}

/**
 * The canvas: React Flow showing the project's graph. Every change the user makes goes to the editor store as a
 * command (one undo step each, one per drag); React Flow's own state is only the view.
 */
export function Canvas({ initialViewport, onViewportChange }: CanvasProps) {
  const { editor, ui } = useStores();
  const graph = useEditor((s) => s.project.graph);
  const selection = useEditor((s) => s.selection);
  const theme = useUi((s) => s.theme);
  const flow = useReactFlow();
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const cache = useRef(new FlowNodeCache());
  const reconnecting = useRef<string | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const canvasHeight = useCanvasHeight(canvasRef);
  /** True while the view is the one LayerLab fitted: cards that grow and the drawer that opens as training starts fit it again. */
  const autoFit = useRef(initialViewport === null);

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const nodes = useMemo(() => cache.current.build(graph.nodes, graph.edges, selectedNodes, sizes), [graph, selectedNodes, sizes]);
  const edges = useMemo(() => flowEdges(graph.edges, selectedEdges), [graph.edges, selectedEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => {
      const state = editor.getState();
      let newSizes: Map<string, Size> | null = null;
      const moved: Record<string, Position> = {};
      let dragging = false;
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions !== undefined) {
          newSizes ??= new Map(sizes);
          newSizes.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
        } else if (change.type === 'position' && change.position !== undefined) {
          moved[change.id] = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
          if (change.dragging === true) dragging = true;
        } else if (change.type === 'select') {
          selected ??= new Set(state.selection.nodes);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (newSizes !== null) setSizes(newSizes);
      if (Object.keys(moved).length > 0) {
        if (dragging || state.dragBefore !== null) state.dragTo(moved);
        else state.dispatch({ type: 'moveNodes', positions: moved }, { mergeKey: `keyboard-move:${Object.keys(moved).join(',')}` });
      }
      if (selected !== null) state.select({ nodes: graph.nodes.filter((n) => selected.has(n.id)).map((n) => n.id), edges: state.selection.edges });
    },
    [editor, graph.nodes, sizes],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = editor.getState();
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'select') {
          selected ??= new Set(state.selection.edges);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (selected !== null) state.select({ nodes: state.selection.nodes, edges: graph.edges.filter((e) => selected.has(e.id)).map((e) => e.id) });
    },
    [editor, graph.edges],
  );

  const isValidConnection = useCallback<IsValidConnection>(
    (c) => {
      const slot = slotOf(c.targetHandle);
      if (slot === null) return false;
      const graph = editor.getState().project.graph;
      const replacing = reconnecting.current;
      return checkConnection(graph, { source: c.source, target: c.target, inputIndex: slot }, replacing === null ? {} : { replacing }).ok;
    },
    [editor],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const slot = slotOf(c.targetHandle);
      if (slot === null) return;
      const outcome = connectLayers(editor, c.source, c.target, slot);
      if (!outcome.ok) ui.getState().toast({ tone: 'error', text: outcome.reason });
    },
    [editor, ui],
  );

  /** A wire dropped on a handle that refused it: say why (the hint already showed it while dragging). */
  const onConnectEnd = useCallback<OnConnectEnd>(
    (_event, state) => {
      if (reconnecting.current !== null) return;
      if (state.isValid === false && state.fromNode !== null && state.toNode !== null && state.toHandle !== null) {
        const slot = slotOf(state.toHandle.id) ?? 0;
        const check = checkConnection(editor.getState().project.graph, { source: state.fromNode.id, target: state.toNode.id, inputIndex: slot });
        if (!check.ok) ui.getState().toast({ tone: 'error', text: check.reason });
      }
    },
    [editor, ui],
  );

  const onReconnectStart = useCallback((_e: unknown, edge: Edge) => {
    reconnecting.current = edge.id;
  }, []);
  const onReconnect = useCallback(
    (old: Edge, c: Connection) => {
      const slot = slotOf(c.targetHandle);
      reconnecting.current = null;
      if (slot === null) return;
      const outcome = reconnectEdge(editor, old.id, c.source, c.target, slot);
      if (!outcome.ok) ui.getState().toast({ tone: 'error', text: outcome.reason });
    },
    [editor, ui],
  );
  /** An edge end dragged off and dropped on empty canvas is deleted. */
  const onReconnectEnd = useCallback(
    (_e: unknown, edge: Edge) => {
      if (reconnecting.current === edge.id) deleteElements(editor, [], [edge.id]);
      reconnecting.current = null;
    },
    [editor],
  );

  const onNodeDragStart = useCallback(() => editor.getState().beginDrag(), [editor]);
  const onNodeDragStop = useCallback(() => editor.getState().endDrag(), [editor]);
  const onMoveEnd = useCallback((_e: unknown, viewport: Viewport) => onViewportChange(viewport), [onViewportChange]);
  /** A pan or zoom by the user (it comes with an event; LayerLab's own fits do not) stops the automatic refits. */
  const onMoveStart = useCallback((event: unknown) => {
    if (event !== null && event !== undefined) autoFit.current = false;
  }, []);
  const onPaneClick = useCallback(() => editor.getState().select({ nodes: [], edges: [] }), [editor]);

  const fitRequest = useUi((s) => s.fitRequest);
  useEffect(() => {
    if (fitRequest === 0) return undefined;
    // After the new nodes are rendered and measured.
    autoFit.current = true;
    const timer = setTimeout(() => void flow.fitView(FIT_VIEW), 60);
    return () => clearTimeout(timer);
  }, [fitRequest, flow]);

  // Only what training starting causes is refitted (cards that grow neuron rows, the curves drawer that opens): a card
  // measured again or a panel opened while the student builds must not move the view under the pointer.
  const showsTraining = useTraining((s) => s.canvas.weights !== null);
  const growthUntil = useRef(0);
  useEffect(() => {
    if (showsTraining) growthUntil.current = performance.now() + GROWTH_WINDOW_MS;
  }, [showsTraining]);
  const fittedSizes = useRef<{ sizes: ReadonlyMap<string, Size>; canvasHeight: number }>({ sizes, canvasHeight });
  useEffect(() => {
    const before = fittedSizes.current;
    fittedSizes.current = { sizes, canvasHeight };
    const changed = canvasHeight !== before.canvasHeight || cardsGrew(before.sizes, sizes);
    if (!autoFit.current || !changed || performance.now() > growthUntil.current) return undefined;
    const timer = setTimeout(() => {
      if (autoFit.current) void flow.fitView(FIT_VIEW);
    }, REFIT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [sizes, canvasHeight, flow]);

  const onInit = useCallback(() => {
    if (initialViewport === null) void flow.fitView(FIT_VIEW);
  }, [flow, initialViewport]);

  const showMinimap = graph.nodes.length >= MINIMAP_MIN_LAYERS && canvasHeight >= MINIMAP_MIN_CANVAS_HEIGHT;

  return (
    <div className="canvas" data-testid="canvas" ref={canvasRef}>
      <ReactFlow<LayerFlowNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onReconnectStart={onReconnectStart}
        onReconnect={onReconnect}
        onReconnectEnd={onReconnectEnd}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onSelectionDragStart={onNodeDragStart}
        onSelectionDragStop={onNodeDragStop}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onPaneClick={onPaneClick}
        onInit={onInit}
        connectionLineComponent={ConnectionLine}
        defaultViewport={initialViewport ?? undefined}
        colorMode={theme}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        minZoom={0.1}
        maxZoom={2.5}
        connectionRadius={28}
        reconnectRadius={16}
        attributionPosition="top-right"
        ariaLabelConfig={ARIA_LABELS}
        elevateNodesOnSelect
        onlyRenderVisibleElements={nodes.length > 60}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} color="var(--grid-dot)" />
        <Controls position="bottom-left" showInteractive={false} fitViewOptions={FIT_VIEW} />
        {showMinimap && (
          <MiniMap position="bottom-right" pannable zoomable nodeStrokeWidth={2} ariaLabel="Overview of the whole network" style={MINIMAP_STYLE} />
        )}
        <ConnectionHint />
        <TrainingLegend />
      </ReactFlow>
    </div>
  );
}

/** Whether a card that was already there changed its height (training adds neuron rows; new cards do not count). */
function cardsGrew(before: ReadonlyMap<string, Size>, after: ReadonlyMap<string, Size>): boolean {
  for (const [id, size] of after) {
    const old = before.get(id);
    if (old !== undefined && Math.abs(old.height - size.height) > 8) return true;
  }
  return false;
}

/** The canvas's height in CSS pixels, kept up to date as the drawer and the window change it. */
function useCanvasHeight(ref: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
