/**
 * The numbers training produces, many times a second: kept out of the editor store (and out of React Flow's nodes)
 * so a snapshot never re-validates the network or touches undo history. Components subscribe to one value each.
 *
 * The curves grow by appending in place (`history` keeps its identity, `historyVersion` counts changes), so a
 * 10,000-epoch run does not copy its whole history 60 times a second.
 */
import { createStore } from 'zustand/vanilla';
import type { EpochPoint, TrainingSnapshot, TrainingSpeed, TrainingStatus, TrainingView, TrainLoadResult } from '../../worker/protocol.ts';

export type SessionPhase = 'none' | 'loading' | 'ready' | 'failed';

export interface TrainingData {
  phase: SessionPhase;
  /** What the session was built from (path, data, points); null before the first load. */
  session: TrainLoadResult | null;
  /** Why the last load failed, or the engine crashed. */
  error: string | null;
  status: TrainingStatus | null;
  run: number;
  epoch: number;
  steps: number;
  epochProgress: number;
  samplesPerSecond: number;
  history: EpochPoint[];
  historyVersion: number;
  batch: TrainingSnapshot['batch'];
  weights: TrainingSnapshot['weights'];
  sample: TrainingSnapshot['sample'];
  neuron: TrainingSnapshot['neuron'];
  grid: TrainingSnapshot['grid'];
  curve: TrainingSnapshot['curve'];
  confusion: TrainingSnapshot['confusion'];
  message: TrainingSnapshot['message'];
  /**
   * The same weights, example and grid for the canvas's cards and edges, refreshed at most CANVAS_EVERY_MS while a
   * run goes on (every snapshot otherwise). A few hundred weight lines and dozens of neuron maps are the costliest
   * pictures; ten times a second keeps them live while the panels, curves and decision boundary update every frame.
   */
  canvas: { weights: TrainingSnapshot['weights']; sample: TrainingSnapshot['sample']; grid: TrainingSnapshot['grid']; at: number };
  /** The epoch count the current run stops at (null: until stopped). */
  targetEpoch: number | null;
  speed: TrainingSpeed;
  view: TrainingView;
}

export interface TrainingActions {
  /** Applies one snapshot; one of an older run is ignored, and a new run starts new curves. */
  applySnapshot(snapshot: TrainingSnapshot): void;
  setSession(phase: SessionPhase, session: TrainLoadResult | null, error?: string | null): void;
  setView(view: Partial<TrainingView>): void;
  setSpeed(speed: TrainingSpeed): void;
  setTargetEpoch(epoch: number | null): void;
  clearMessage(): void;
  /** Forgets the session (the network or its data changed): the pictures empty, the curves stay until the next run. */
  forget(error?: string | null): void;
}

export type TrainingState = TrainingData & TrainingActions;
export type TrainingStore = ReturnType<typeof createTrainingStore>;

/** How often the canvas's training pictures are refreshed while a run goes on. */
export const CANVAS_EVERY_MS = 100;

const NO_CANVAS: TrainingData['canvas'] = { weights: null, sample: null, grid: null, at: 0 };

export const INITIAL_VIEW: TrainingView = { sample: { split: 'test', index: 0 }, neuron: null, weights: true, outputGrid: 64, neuronGrid: 24 };

const EMPTY: Omit<TrainingData, 'view' | 'speed'> = {
  phase: 'none',
  session: null,
  error: null,
  status: null,
  run: 0,
  epoch: 0,
  steps: 0,
  epochProgress: 0,
  samplesPerSecond: 0,
  history: [],
  historyVersion: 0,
  batch: null,
  weights: null,
  sample: null,
  neuron: null,
  grid: null,
  curve: null,
  confusion: null,
  message: null,
  canvas: NO_CANVAS,
  targetEpoch: null,
};

export function createTrainingStore() {
  return createStore<TrainingState>()((set, get) => ({
    ...EMPTY,
    speed: 'max',
    view: INITIAL_VIEW,
    applySnapshot(snapshot) {
      const state = get();
      if (snapshot.run < state.run) return;
      const newRun = snapshot.run !== state.run;
      const history = newRun ? [] : state.history;
      if (snapshot.newEpochs.length > 0) history.push(...snapshot.newEpochs);
      const weights = snapshot.weights ?? state.weights;
      const now = typeof performance === 'undefined' ? Date.now() : performance.now();
      const canvasDue = snapshot.status !== 'running' || newRun || now - state.canvas.at >= CANVAS_EVERY_MS;
      set({
        run: snapshot.run,
        status: snapshot.status,
        epoch: snapshot.epoch,
        steps: snapshot.steps,
        epochProgress: snapshot.epochProgress,
        samplesPerSecond: snapshot.samplesPerSecond,
        history,
        historyVersion: newRun || snapshot.newEpochs.length > 0 ? state.historyVersion + 1 : state.historyVersion,
        batch: snapshot.batch,
        weights,
        sample: snapshot.sample,
        neuron: snapshot.neuron,
        grid: snapshot.grid,
        curve: snapshot.curve,
        confusion: snapshot.confusion,
        message: snapshot.message,
        canvas: canvasDue ? { weights, sample: snapshot.sample, grid: snapshot.grid, at: now } : state.canvas,
      });
    },
    setSession(phase, session, error = null) {
      set({ phase, session, error });
    },
    setView(view) {
      set({ view: { ...get().view, ...view } });
    },
    setSpeed(speed) {
      set({ speed });
    },
    setTargetEpoch(targetEpoch) {
      set({ targetEpoch });
    },
    clearMessage() {
      set({ message: null });
    },
    forget(error = null) {
      set({ phase: error === null ? 'none' : 'failed', session: null, error, status: null, weights: null, sample: null, neuron: null, grid: null, curve: null, confusion: null, canvas: NO_CANVAS });
    },
  }));
}
