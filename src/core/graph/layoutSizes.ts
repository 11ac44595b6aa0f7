/** Sizes of a layer's box on the canvas and the gaps between boxes, shared by the canvas, layouts and diagrams. */
export const LAYOUT = {
  /** Size of a node box on the canvas. */
  nodeWidth: 200,
  nodeHeight: 72,
  /** Horizontal gap between columns (room for the shape pill on an edge). */
  rankGap: 100,
  /** Vertical gap between nodes of one column. */
  nodeGap: 40,
  /** Vertical gap next to an edge that passes through a column. */
  edgeGap: 20,
  /** Above this many nodes, or this long a path, the simple layered layout is used instead of dagre. */
  maxDagreNodes: 600,
  maxDagreDepth: 300,
} as const;
