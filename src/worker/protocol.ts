/**
 * The messages between the app (worker/client.ts) and the engine worker (engine.worker.ts). Types only: nothing here
 * runs, so importing it pulls no code (and no TensorFlow.js) into the app's bundle.
 *
 * Requests: every request carries an `id` the client chose; the worker answers each with exactly one final reply
 * carrying the same id: `ok: true` with the result for that request type, or `ok: false` with a message a student can
 * read. Data crosses as structured-clonable objects (graphs, settings, typed arrays).
 *
 * Training: the worker holds at most one training session. `train.load` (re)builds it from the project; the other
 * `train.*` requests steer it. While it lives, the worker also posts TrainingSnapshot messages (no id): at most one
 * before the client answers with `train.frame` (sent once the page has drawn it, i.e. once per animation frame), so
 * snapshots never queue up faster than the page can draw them.
 *
 * To add a request: add its body to EngineRequestBody and its result to EngineResult (same `type`), then handle it in
 * engineRequests.ts (the compiler checks the switch is exhaustive).
 */
import type { ProjectDataset } from '../core/datasets/types.ts';
import type { Graph } from '../core/graph/types.ts';
import type { ProjectWeights } from '../core/project/types.ts';
import type { MetricName, TrainingSettings } from '../core/training/settings.ts';
import type { EnginePath, NeuronArithmetic } from '../engine/trainer.ts';

/** Builds (or rebuilds) the training session: data, network, weights. Training starts paused. */
export interface TrainLoadRequest {
  type: 'train.load';
  graph: Graph;
  dataset: Exclude<ProjectDataset, { kind: 'none' }>;
  settings: TrainingSettings;
  /** The project's trained weights; null starts from the seed's initial weights. Layers missing from it start fresh. */
  weights: ProjectWeights | null;
}

/** How fast a run goes: 'max' as fast as the engine can; otherwise about that many batches per second (to watch). */
export type TrainingSpeed = 'max' | number;

export type TrainControl =
  | { type: 'train.run'; speed: TrainingSpeed }
  | { type: 'train.pause' }
  /** One batch, or the rest of the current epoch, then pause. */
  | { type: 'train.step'; unit: 'batch' | 'epoch' }
  /** Learning rate, batch size, optimizer, l2, epochs, runUntilStopped: applied at the next step (optimizer change keeps the weights). */
  | { type: 'train.settings'; settings: TrainingSettings }
  /** Back to the seed's initial weights ('reset', the same weights as before) or a new seed's ('newSeed'). Clears the curves. */
  | { type: 'train.reset'; seed: number }
  /** Back to the last weights whose loss was finite (after divergence). */
  | { type: 'train.restore' }
  /** Which example the snapshots show activations for, and which neuron the inspector shows. */
  | { type: 'train.view'; view: TrainingView };

export interface TrainingView {
  /** An example of the data (index into the split), or the student's own input (e.g. a drawn digit). */
  sample: { split: 'train' | 'test'; index: number } | { custom: Float32Array };
  /** A Dense neuron for the inspector, or null. */
  neuron: { nodeId: string; unit: number } | null;
  /** Snapshots carry weights (for the canvas) only when asked: they can be large. */
  weights: boolean;
  /** Resolution of the 2-D output map and of each neuron's map (0 = none). */
  outputGrid: number;
  neuronGrid: number;
}

/** The page drew the last snapshot: the worker may send the next one. */
export interface TrainFrameRequest {
  type: 'train.frame';
}

/** Ends the session and frees its memory. */
export interface TrainCloseRequest {
  type: 'train.close';
}

/** The session's current weights, as the project keeps them (asked for at pause and at the end of a run). */
export interface TrainWeightsRequest {
  type: 'train.weights';
}

/** Every request the worker understands, without its id. */
export type EngineRequestBody =
  | TrainLoadRequest
  | TrainControl
  | TrainFrameRequest
  | TrainCloseRequest
  | TrainWeightsRequest;

export type EngineRequestType = EngineRequestBody['type'];

/** A request as posted to the worker. */
export type EngineRequest = EngineRequestBody & { id: number };

/** What the session was built from, for the panels. */
export interface TrainLoadResult {
  type: 'train.load';
  path: EnginePath;
  /** Why this path, one sentence. */
  pathReason: string;
  metric: MetricName;
  task: 'classification' | 'regression';
  numTrain: number;
  numTest: number;
  numFeatures: number;
  classNames: string[];
  featureNames: string[];
  /** For 2-D (and 1-D) data: the points to plot (features and labels/targets), train rows first. */
  points: { features: Float32Array; labels: Int32Array; targets: Float32Array } | null;
  /** For image data (MNIST). */
  image: { width: number; height: number } | null;
  batchesPerEpoch: number;
  /** The node whose output is the network's prediction (its entry in a snapshot's sample outputs). */
  outputNodeId: string;
}

export interface TrainAckResult {
  type: 'train.ack';
}

export interface TrainWeightsResult {
  type: 'train.weights';
  weights: ProjectWeights;
  /** Completed epochs and steps the weights are from. */
  epoch: number;
  steps: number;
}

/** The result of each request type, tagged with the same `type` (control requests all answer 'train.ack'). */
export type EngineResult = TrainLoadResult | TrainAckResult | TrainWeightsResult;

/** The result type each request type gets. */
export type EngineResultTypeFor<T extends EngineRequestType> = T extends 'train.load' | 'train.weights' ? T : 'train.ack';

export type EngineResultFor<T extends EngineRequestType> = Extract<EngineResult, { type: EngineResultTypeFor<T> }>;

export type EngineSuccessReply = EngineResult & { id: number; ok: true };

export interface EngineFailureReply {
  id: number;
  ok: false;
  /** What went wrong, in full sentences. */
  message: string;
}

/** The worker's one final answer to a request. */
export type EngineReply = EngineSuccessReply | EngineFailureReply;

/** One point of the curves: the epoch's mean training loss/metric (as Keras's fit reports), and the test set's. */
export interface EpochPoint {
  epoch: number;
  loss: number;
  metric: number;
  testLoss: number | null;
  testMetric: number | null;
}

export type TrainingStatus = 'paused' | 'running' | 'done' | 'diverged';

export interface SnapshotLayerWeights {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** The state of training, posted by the worker at most once per drawn frame. Transferable arrays are moved, not copied. */
export interface TrainingSnapshot {
  kind: 'snapshot';
  /** Counts `train.load` and `train.reset`: a snapshot of an older session or run is ignored. */
  run: number;
  status: TrainingStatus;
  /** Completed epochs, batches done in all, and how far the current epoch is (0..1). */
  epoch: number;
  steps: number;
  epochProgress: number;
  /** Over the last second of training (0 while paused). */
  samplesPerSecond: number;
  /** Epochs finished since the previous snapshot of this run (the client appends them). */
  newEpochs: EpochPoint[];
  /** The last batch's loss and metric. */
  batch: { loss: number; metric: number } | null;
  /** Present when the view asks for weights. By node id. */
  weights: Record<string, SnapshotLayerWeights[]> | null;
  /** The viewed example: its input, label or target, and every layer's output on it. */
  sample: {
    x: Float32Array;
    label: number | null;
    target: number | null;
    outputs: Record<string, Float32Array>;
  } | null;
  /** The inspected neuron's arithmetic on the viewed example. */
  neuron: (NeuronArithmetic & { nodeId: string; unit: number; activation: string }) | null;
  /** 2-D inputs: the output over [-6,6]² (n×n×outputSize, row 0 = top) and each layer's neurons (m×m×units). */
  grid: { n: number; output: Float32Array; m: number; layers: Record<string, Float32Array> } | null;
  /** 1-D inputs: the network's curve over the data's x range. */
  curve: { xs: Float32Array; ys: Float32Array } | null;
  /** Classification: counts, rows = true class, columns = predicted, on the test set (train when there is none). */
  confusion: { counts: Int32Array; classes: number; split: 'train' | 'test' } | null;
  /** Why training stopped on its own: divergence (with the cause) or a finished run. */
  message: { tone: 'error' | 'info'; text: string; canRestore: boolean } | null;
}

/** Everything the worker posts: replies and snapshots. */
export type EngineMessage = EngineReply | TrainingSnapshot;
