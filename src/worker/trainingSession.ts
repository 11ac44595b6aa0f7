/**
 * One training run in the engine worker: the data (split into train and test), the trainer the engine picked, the
 * epoch loop, and the snapshots the page draws. Runs in slices of about 12 ms, yielding to the event loop between
 * them so Pause, a new learning rate or a new view arrive at the next step; posts a snapshot after a slice only when
 * the page has drawn the previous one (`frame`), so it never floods the main thread.
 *
 * Pure of the worker itself: `post`, the clock and the data assets are injected, so Node tests drive a session
 * exactly as the worker does.
 */
import type { Dataset, DatasetAssets } from '../core/datasets/types.ts';
import { loadDataset } from '../core/datasets/index.ts';
import type { Graph } from '../core/graph/types.ts';
import { divergenceMessage } from '../core/training/divergence.ts';
import type { TrainingSettings } from '../core/training/settings.ts';
import { outputActivation } from '../core/validation/datasetFit.ts';
import { inferShapes } from '../core/shapes/inferShapes.ts';
import { createTrainer } from '../engine/createTrainer.ts';
import { fromProjectWeights, initialProjectWeights, toProjectWeights } from '../engine/projectWeights.ts';
import type { NetworkTrainer } from '../engine/trainer.ts';
import type { LayerWeights } from '../engine/weights.ts';
import { TrainingRun } from '../engine/trainingRun.ts';
import type {
  EpochPoint,
  TrainControl,
  TrainingSnapshot,
  TrainingSpeed,
  TrainingStatus,
  TrainingView,
  TrainLoadRequest,
  TrainLoadResult,
  TrainWeightsResult,
} from './protocol.ts';
import { gridInputs, GRID_EXTENT } from './grid.ts';

export interface SessionDeps {
  post(snapshot: TrainingSnapshot, transfer: ArrayBuffer[]): void;
  assets: DatasetAssets;
  now(): number;
  /** Lets queued messages (pause, settings) run between slices. */
  yieldToEvents(): Promise<void>;
}

/** Work per slice while running at full speed, before yielding and (maybe) posting a snapshot: short, so a snapshot the page asks for leaves within a few ms. */
const SLICE_MS = 6;
/** Curve of a 1-D regression: this many points across the data's x range. */
const CURVE_POINTS = 200;
/** Confusion matrices are recounted at most this often while running. */
const CONFUSION_EVERY_MS = 250;

const DEFAULT_VIEW: TrainingView = { sample: { split: 'test', index: 0 }, neuron: null, weights: false, outputGrid: 0, neuronGrid: 0 };

export type OpenResult = { ok: true; session: TrainingSession; result: TrainLoadResult } | { ok: false; message: string };

/** The weights to start from: the project's where they fit, the seed's initial weights for every other layer. */
function startingWeights(graph: Graph, seed: number, saved: LayerWeights | null): { ok: true; weights: LayerWeights } | { ok: false; message: string } {
  const initial = initialProjectWeights(graph, seed);
  if (!initial.ok) return { ok: false, message: `The network cannot be built: ${initial.message}` };
  const weights = fromProjectWeights(initial.weights);
  if (saved === null) return { ok: true, weights };
  for (const [id, tensors] of weights) {
    const kept = saved.get(id);
    const fits = kept !== undefined && kept.length === tensors.length && kept.every((t, i) => t.name === tensors[i]?.name && t.values.length === tensors[i]?.values.length);
    if (fits) weights.set(id, kept);
  }
  return { ok: true, weights };
}

export async function openTrainingSession(request: TrainLoadRequest, deps: SessionDeps, run: number): Promise<OpenResult> {
  const data = await loadDataset(request.dataset, deps.assets);
  if (!data.ok) return { ok: false, message: data.message };
  const dataset = data.dataset;
  const start = startingWeights(request.graph, request.settings.seed, request.weights === null ? null : fromProjectWeights(request.weights));
  if (!start.ok) return start;
  const made = createTrainer({
    graph: request.graph,
    weights: start.weights,
    settings: request.settings,
    options: { task: dataset.task },
  });
  if (!made.ok) return { ok: false, message: made.message };
  if (made.trainer.inputSize !== dataset.numFeatures) {
    made.trainer.dispose();
    return {
      ok: false,
      message: `The network's Input takes ${made.trainer.inputSize} values per example, but ${dataset.name} has ${dataset.numFeatures} features.`,
    };
  }
  const session = new TrainingSession(request, dataset, made.trainer, deps, run);
  return { ok: true, session, result: session.describe() };
}

export class TrainingSession {
  private readonly graph: Graph;
  private settings: TrainingSettings;
  private readonly dataset: Dataset;
  private readonly deps: SessionDeps;
  private readonly training: TrainingRun;
  private run: number;
  private targetEpoch: number;

  private status: TrainingStatus = 'paused';
  private speed: TrainingSpeed = 'max';
  private looping = false;
  private pending: EpochPoint[] = [];
  private lastBatch: { loss: number; metric: number } | null = null;
  private message: TrainingSnapshot['message'] = null;
  private view: TrainingView = DEFAULT_VIEW;
  private clientReady = true;
  private dirty = true;
  private rateWindow: { time: number; samples: number }[] = [];
  private confusion: TrainingSnapshot['confusion'] = null;
  private confusionSteps = -1;
  private confusionTime = 0;
  private readonly activationOfOutput;
  private readonly outputId: string;
  private readonly inputId: string;
  private readonly gridCache = new Map<number, Float32Array>();
  private closed = false;

  constructor(request: TrainLoadRequest, dataset: Dataset, trainer: NetworkTrainer, deps: SessionDeps, run: number) {
    this.graph = request.graph;
    this.settings = request.settings;
    this.dataset = dataset;
    this.deps = deps;
    this.run = run;
    this.training = new TrainingRun(dataset, trainer, request.settings);
    this.targetEpoch = request.settings.epochs;
    const inference = inferShapes(request.graph);
    this.activationOfOutput = outputActivation(request.graph, inference.outputs[0] ?? '');
    this.outputId = inference.outputs[0] ?? '';
    this.inputId = request.graph.nodes.find((n) => n.kind === 'Input')?.id ?? '';
    if (this.training.numTest === 0) this.view = { ...DEFAULT_VIEW, sample: { split: 'train', index: 0 } };
  }

  private get trainer(): NetworkTrainer {
    return this.training.trainer;
  }

  private get inputSize(): number {
    return this.training.inputSize;
  }

  describe(): TrainLoadResult {
    const d = this.dataset;
    const lowDimensional = d.numFeatures <= 2 && d.image === undefined;
    return {
      type: 'train.load',
      path: this.trainer.path,
      pathReason: this.trainer.pathReason,
      metric: this.trainer.metric,
      task: d.task,
      numTrain: this.training.numTrain,
      numTest: this.training.numTest,
      numFeatures: d.numFeatures,
      classNames: [...d.classNames],
      featureNames: [...d.featureNames],
      points: lowDimensional ? { features: d.features.slice(), labels: d.labels.slice(), targets: d.targets.slice() } : null,
      image: d.image === undefined ? null : { ...d.image },
      batchesPerEpoch: Math.ceil(this.training.numTrain / this.settings.batchSize),
      outputNodeId: this.outputId,
    };
  }

  /** Steers the run; every control request is answered at once (the effect shows in the next snapshot). */
  control(command: TrainControl): void {
    switch (command.type) {
      case 'train.run':
        this.speed = command.speed;
        this.message = null;
        if (this.status === 'done' || this.training.epoch >= this.targetEpoch) this.targetEpoch = this.training.epoch + this.settings.epochs;
        if (this.status === 'diverged') this.training.abandonEpoch();
        this.status = 'running';
        this.startLoop();
        break;
      case 'train.pause':
        if (this.status === 'running') this.status = 'paused';
        break;
      case 'train.step': {
        this.status = 'paused';
        this.message = null;
        const epoch = this.training.epoch;
        do this.stepBatch();
        while (command.unit === 'epoch' && this.training.epoch === epoch && this.status === 'paused');
        break;
      }
      case 'train.settings':
        this.applySettings(command.settings);
        break;
      case 'train.reset':
        this.reset(command.seed);
        break;
      case 'train.restore':
        this.training.restoreLastGood();
        this.message = null;
        this.status = 'paused';
        break;
      case 'train.view':
        this.view = command.view;
        break;
    }
    this.dirty = true;
    this.flushIfIdle();
  }

  /** The page drew the last snapshot. */
  frame(): void {
    this.clientReady = true;
    this.flushIfIdle();
  }

  weights(): TrainWeightsResult {
    return { type: 'train.weights', weights: toProjectWeights(this.trainer.getWeights()), epoch: this.training.epoch, steps: this.training.steps };
  }

  close(): void {
    this.closed = true;
    this.status = 'paused';
    this.trainer.dispose();
  }

  private applySettings(next: TrainingSettings): void {
    const previous = this.settings;
    this.settings = next;
    this.training.batchSize = next.batchSize;
    if (next.learningRate !== previous.learningRate) this.trainer.setLearningRate(next.learningRate);
    if (next.optimizer !== previous.optimizer || next.loss !== previous.loss || next.l2 !== previous.l2) {
      // A new optimizer starts with fresh state (no momentum yet); the weights carry over.
      const made = createTrainer({ graph: this.graph, weights: this.trainer.getWeights(), settings: next, options: { task: this.dataset.task } });
      if (made.ok) {
        this.trainer.dispose();
        this.training.replaceTrainer(made.trainer);
      } else {
        this.message = { tone: 'error', text: made.message, canRestore: false };
        this.status = 'paused';
      }
    }
    if (next.epochs !== previous.epochs) this.targetEpoch = Math.max(this.training.epoch, next.epochs);
  }

  private reset(seed: number): void {
    const start = startingWeights(this.graph, seed, null);
    if (!start.ok) {
      this.message = { tone: 'error', text: start.message, canRestore: false };
      return;
    }
    this.settings = { ...this.settings, seed };
    const made = createTrainer({ graph: this.graph, weights: start.weights, settings: this.settings, options: { task: this.dataset.task } });
    if (!made.ok) {
      this.message = { tone: 'error', text: made.message, canRestore: false };
      return;
    }
    this.trainer.dispose();
    this.training.restart(made.trainer, seed);
    this.run += 1;
    this.targetEpoch = this.settings.epochs;
    this.pending = [];
    this.lastBatch = null;
    this.message = null;
    this.status = 'paused';
    this.confusionSteps = -1;
    this.rateWindow = [];
  }

  /** One batch; records the epoch's point, and stops the run when it diverged or reached its last epoch. */
  private stepBatch(): void {
    const result = this.training.step();
    this.lastBatch = { loss: result.loss, metric: result.metric };
    this.rateWindow.push({ time: this.deps.now(), samples: Math.min(this.settings.batchSize, this.training.numTrain) });
    this.dirty = true;
    if (result.epochEnded !== null) this.pending.push(result.epochEnded);
    if (result.diverged !== null) {
      this.status = 'diverged';
      this.message = {
        tone: 'error',
        text: divergenceMessage({
          settings: this.settings,
          outputActivation: this.activationOfOutput,
          kind: result.diverged,
          epoch: result.epochEnded?.epoch ?? this.training.epoch + 1,
          canRestore: true,
        }),
        canRestore: true,
      };
      return;
    }
    if (result.epochEnded !== null && !this.settings.runUntilStopped && this.training.epoch >= this.targetEpoch && this.status === 'running') {
      this.status = 'done';
      this.message = { tone: 'info', text: `Trained ${this.training.epoch} epochs. Press Train to go on for ${this.settings.epochs} more.`, canRestore: false };
    }
  }

  private startLoop(): void {
    if (this.looping) return;
    this.looping = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    let owed = 0;
    let last = this.deps.now();
    try {
      while (this.status === 'running' && !this.closed) {
        const began = this.deps.now();
        if (this.speed === 'max') {
          do this.stepBatch();
          while (this.status === 'running' && this.deps.now() - began < SLICE_MS);
        } else {
          owed = Math.min(owed + ((began - last) / 1000) * this.speed, this.speed);
          while (owed >= 1 && this.status === 'running') {
            this.stepBatch();
            owed -= 1;
          }
        }
        last = began;
        if (this.clientReady) this.flush();
        await this.deps.yieldToEvents();
      }
    } finally {
      this.looping = false;
    }
    if (!this.closed) {
      this.dirty = true;
      this.flushIfIdle();
    }
  }

  private flushIfIdle(): void {
    if (this.closed || !this.dirty || !this.clientReady) return;
    if (this.status === 'running' && this.looping) return;
    this.flush();
  }

  private samplesPerSecond(): number {
    if (this.status !== 'running') return 0;
    const now = this.deps.now();
    while (this.rateWindow.length > 0 && now - (this.rateWindow[0]?.time ?? now) > 1000) this.rateWindow.shift();
    if (this.rateWindow.length < 2) return 0;
    const span = now - (this.rateWindow[0]?.time ?? now);
    const samples = this.rateWindow.reduce((sum, entry) => sum + entry.samples, 0);
    return span > 0 ? (samples * 1000) / span : 0;
  }

  private flush(): void {
    this.clientReady = false;
    this.dirty = false;
    const transfer: ArrayBuffer[] = [];
    const snapshot: TrainingSnapshot = {
      kind: 'snapshot',
      run: this.run,
      status: this.status,
      epoch: this.training.epoch,
      steps: this.training.steps,
      epochProgress: this.training.epochProgress,
      samplesPerSecond: this.samplesPerSecond(),
      newEpochs: this.pending,
      batch: this.lastBatch,
      weights: this.view.weights ? this.weightSnapshot(transfer) : null,
      sample: this.sampleSnapshot(transfer),
      neuron: this.neuronSnapshot(),
      grid: this.gridSnapshot(transfer),
      curve: this.curveSnapshot(transfer),
      confusion: this.confusionSnapshot(),
      message: this.message,
    };
    this.pending = [];
    this.deps.post(snapshot, transfer);
  }

  private weightSnapshot(transfer: ArrayBuffer[]): TrainingSnapshot['weights'] {
    const out: NonNullable<TrainingSnapshot['weights']> = {};
    for (const [id, tensors] of this.trainer.getWeights()) {
      out[id] = tensors.map((t) => {
        transfer.push(t.values.buffer as ArrayBuffer);
        return { name: t.name, shape: t.shape, values: t.values };
      });
    }
    return out;
  }

  private viewedInput(): { x: Float32Array; label: number | null; target: number | null } | null {
    const sample = this.view.sample;
    if ('custom' in sample) {
      if (sample.custom.length !== this.inputSize) return null;
      return { x: sample.custom, label: null, target: null };
    }
    const count = sample.split === 'train' ? this.training.numTrain : this.training.numTest;
    if (count === 0) return null;
    const index = Math.min(Math.max(0, Math.floor(sample.index)), count - 1);
    const { x, y } = this.training.row(sample.split === 'train' ? index : this.training.numTrain + index);
    return this.dataset.task === 'classification' ? { x, label: y, target: null } : { x, label: null, target: y };
  }

  private sampleSnapshot(transfer: ArrayBuffer[]): TrainingSnapshot['sample'] {
    const input = this.viewedInput();
    if (input === null) return null;
    const outputs: Record<string, Float32Array> = {};
    for (const [id, output] of this.trainer.layerOutputs(input.x, 1)) {
      // Copies: a trainer may hand out views of its own buffers, and one array may serve two layers (Flatten).
      const values = output.values.slice();
      outputs[id] = values;
      transfer.push(values.buffer as ArrayBuffer);
    }
    return { ...input, x: input.x.slice(), outputs };
  }

  private neuronSnapshot(): TrainingSnapshot['neuron'] {
    const chosen = this.view.neuron;
    const input = this.viewedInput();
    if (chosen === null || input === null) return null;
    const arithmetic = this.trainer.neuron(chosen.nodeId, chosen.unit, input.x);
    if (arithmetic === null) return null;
    const node = this.graph.nodes.find((n) => n.id === chosen.nodeId);
    const activation = node?.kind === 'Dense' ? node.params.activation : 'linear';
    return { ...arithmetic, nodeId: chosen.nodeId, unit: chosen.unit, activation };
  }

  private grid(n: number): Float32Array {
    let cached = this.gridCache.get(n);
    if (cached === undefined) {
      cached = gridInputs(n, GRID_EXTENT);
      this.gridCache.set(n, cached);
    }
    return cached;
  }

  private gridSnapshot(transfer: ArrayBuffer[]): TrainingSnapshot['grid'] {
    const { outputGrid: n, neuronGrid: m } = this.view;
    if (this.inputSize !== 2 || this.dataset.image !== undefined || n <= 0) return null;
    const outputs = this.trainer.layerOutputs(this.grid(n), n * n);
    const output = (outputs.get(this.outputId)?.values ?? this.trainer.predict(this.grid(n), n * n)).slice();
    transfer.push(output.buffer as ArrayBuffer);
    const layers: Record<string, Float32Array> = {};
    if (m > 0) {
      const small = m === n ? outputs : this.trainer.layerOutputs(this.grid(m), m * m);
      for (const [id, out] of small) {
        if (id === this.inputId) continue;
        const values = out.values.slice();
        layers[id] = values;
        transfer.push(values.buffer as ArrayBuffer);
      }
    }
    return { n, output, m, layers };
  }

  private curveSnapshot(transfer: ArrayBuffer[]): TrainingSnapshot['curve'] {
    if (this.inputSize !== 1 || this.dataset.task !== 'regression') return null;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of this.training.x) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const xs = new Float32Array(CURVE_POINTS);
    for (let i = 0; i < CURVE_POINTS; i += 1) xs[i] = lo + ((hi - lo) * i) / (CURVE_POINTS - 1);
    const ys = this.trainer.predict(xs, CURVE_POINTS);
    transfer.push(xs.buffer as ArrayBuffer, ys.buffer as ArrayBuffer);
    return { xs, ys };
  }

  private confusionSnapshot(): TrainingSnapshot['confusion'] {
    if (this.dataset.task !== 'classification') return null;
    const now = this.deps.now();
    const stale = this.confusionSteps !== this.training.steps;
    const due = this.status !== 'running' || now - this.confusionTime >= CONFUSION_EVERY_MS;
    if (this.confusion !== null && (!stale || !due)) return { ...this.confusion, counts: this.confusion.counts.slice() };
    const k = Math.max(2, this.dataset.numClasses);
    const useTest = this.training.numTest > 0;
    const rows = useTest ? this.training.testRows() : this.training.trainRows();
    const count = rows.count;
    const outputs = this.trainer.predict(rows.x, count);
    const width = outputs.length / Math.max(1, count);
    const counts = new Int32Array(k * k);
    for (let i = 0; i < count; i += 1) {
      const truth = rows.y[i] ?? 0;
      let predicted = 0;
      if (width === 1) predicted = (outputs[i] ?? 0) > 0.5 ? 1 : 0;
      else {
        let best = -Infinity;
        for (let j = 0; j < width; j += 1) {
          const v = outputs[i * width + j] ?? -Infinity;
          if (v > best) {
            best = v;
            predicted = j;
          }
        }
      }
      if (truth < k && predicted < k) counts[truth * k + predicted] = (counts[truth * k + predicted] ?? 0) + 1;
    }
    this.confusion = { counts, classes: k, split: useTest ? 'test' : 'train' };
    this.confusionSteps = this.training.steps;
    this.confusionTime = now;
    return { ...this.confusion, counts: counts.slice() };
  }
}
