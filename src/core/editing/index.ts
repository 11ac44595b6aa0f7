/** The pure rules the canvas editor calls: connections, layer names, copy/paste/delete and renaming. */
export type { ConnectionCandidate, ConnectionCheck, ConnectionOptions, ConnectionRule } from './checkConnection.ts';
export { CONNECTION_RULES, checkConnection } from './checkConnection.ts';
export type { NodeNameCheck } from './nodeNames.ts';
export { MAX_NODE_NAME_LENGTH, checkNodeName, defaultNodeName, freeName, kerasSnakeCase, nextNodeId, takenIds } from './nodeNames.ts';
export { connectEdgeId, freeEdgeId, importEdgeId, takenEdgeIds, uniqueEdgeId } from './edgeIds.ts';
export type { Clip, PasteResult } from './subgraph.ts';
export { copySubgraph, pasteSubgraph, removeFromGraph } from './subgraph.ts';
export { renameInGraph, renameInWeights } from './renameNode.ts';
export { inputSlotCount } from './inputSlots.ts';
