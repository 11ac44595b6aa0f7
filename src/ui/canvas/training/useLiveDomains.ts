/**
 * The canvas's two colour domains as hooks (see liveDomains.ts). Every card and edge asks the same tracker, one per
 * training store, so a frame computes each domain once however many pictures use it.
 */
import type { Graph } from '../../../core/graph/types.ts';
import { useEditor, useStores, useTraining } from '../../stores.ts';
import { createDomainTracker, type DomainTracker } from './liveDomains.ts';

const trackers = new WeakMap<object, DomainTracker>();

function useTracker(): DomainTracker {
  const { training } = useStores();
  let tracker = trackers.get(training);
  if (tracker === undefined) {
    tracker = createDomainTracker();
    trackers.set(training, tracker);
  }
  return tracker;
}

/** The ids of the Input layers, one per line: a string, so a selector returning it is stable between edits. */
export function inputIdsKey(graph: Graph): string {
  let key = '';
  for (const node of graph.nodes) if (node.kind === 'Input') key = key === '' ? node.id : `${key}\n${node.id}`;
  return key;
}

/** The reach of the weight colours (lines, heatmaps): ±this is full orange/blue. */
export function useWeightDomain(): number {
  const tracker = useTracker();
  return useTraining((s) => tracker.weights(s.canvas.weights));
}

/** The reach of the neuron output colours (dots, maps). */
export function useOutputDomain(): number {
  const tracker = useTracker();
  const skipKey = useEditor((s) => inputIdsKey(s.project.graph));
  return useTraining((s) => tracker.outputs(s.canvas.sample, s.canvas.grid, skipKey));
}

/** True while a session has numbers to show (its first snapshot arrived, and it was not forgotten since). */
export function useLive(): boolean {
  return useTraining((s) => s.canvas.sample !== null || s.canvas.grid !== null);
}
