/**
 * Keras's fit() loop over a NetworkTrainer, one batch at a time: the data split into training rows and the held-out
 * test rows (the last `validationSplit` of them, as Keras's validation_split), a seeded shuffle per epoch, the mean
 * batch loss and metric per epoch, the test loss and metric at each epoch's end, and divergence watch (a loss that is
 * not finite, or explodes) with the last good weights kept. The engine worker (trainingSession.ts) and `layerlab
 * train` both drive this class, so a project trains the same way in the app and on the command line.
 */
import { createRng, permutation } from '../core/datasets/rng.ts';
import type { Rng } from '../core/datasets/rng.ts';
import type { Dataset } from '../core/datasets/types.ts';
import { isDiverging } from '../core/training/divergence.ts';
import { testRowCount } from '../core/training/split.ts';
import type { NetworkTrainer } from './trainer.ts';
import type { LayerWeights } from './weights.ts';

export interface EpochResult {
  epoch: number;
  loss: number;
  metric: number;
  testLoss: number | null;
  testMetric: number | null;
}

export interface StepResult {
  loss: number;
  metric: number;
  /** Set when this batch was the last of its epoch. */
  epochEnded: EpochResult | null;
  /** Set when the run diverged: the loss became NaN/infinite, or an epoch's loss exploded. */
  diverged: 'nan' | 'exploding' | null;
}


export class TrainingRun {
  readonly numTrain: number;
  readonly numTest: number;
  readonly inputSize: number;
  /** Features (numSamples × inputSize) and targets (class index or value per row), as the trainer takes them. */
  readonly x: Float32Array;
  readonly y: Float32Array;
  private readonly yWidth: number;
  private batchX = new Float32Array(0);
  private batchY = new Float32Array(0);
  private rng: Rng;
  private order: Uint32Array = new Uint32Array(0);
  private lossSum = 0;
  private metricSum = 0;
  private seen = 0;
  private bestLoss: number | null = null;
  /** The loss of the first batch since the run (re)started from its weights: what "getting worse" compares with. */
  private startLoss: number | null = null;

  trainer: NetworkTrainer;
  batchSize: number;
  epoch = 0;
  steps = 0;
  /** Training rows done in the current epoch. */
  cursor = 0;
  lastGood: LayerWeights;
  lastGoodEpoch = 0;

  constructor(dataset: Dataset, trainer: NetworkTrainer, options: { validationSplit: number; batchSize: number; seed: number }) {
    this.trainer = trainer;
    this.numTest = testRowCount(dataset.numSamples, options.validationSplit);
    this.numTrain = dataset.numSamples - this.numTest;
    this.inputSize = dataset.numFeatures;
    this.x = dataset.features;
    this.y = dataset.task === 'classification' ? Float32Array.from(dataset.labels) : dataset.targets;
    this.yWidth = this.y.length / Math.max(1, dataset.numSamples);
    this.batchSize = options.batchSize;
    this.rng = createRng(options.seed);
    this.lastGood = trainer.getWeights();
    this.startEpoch();
  }

  /** Where the current epoch is, 0..1. */
  get epochProgress(): number {
    return this.numTrain === 0 ? 0 : this.cursor / this.numTrain;
  }

  /** The test rows' features and targets (empty when nothing is held out). */
  testRows(): { x: Float32Array; y: Float32Array; count: number } {
    return { x: this.x.subarray(this.numTrain * this.inputSize), y: this.y.subarray(this.numTrain * this.yWidth), count: this.numTest };
  }

  trainRows(): { x: Float32Array; y: Float32Array; count: number } {
    return { x: this.x.subarray(0, this.numTrain * this.inputSize), y: this.y.subarray(0, this.numTrain * this.yWidth), count: this.numTrain };
  }

  /** Row `row` of the data (train rows first): its features and its target (class index or value). */
  row(row: number): { x: Float32Array; y: number } {
    return { x: this.x.slice(row * this.inputSize, (row + 1) * this.inputSize), y: this.y[row * this.yWidth] ?? 0 };
  }

  /** Starts over from the trainer's current weights: epoch 0, a fresh shuffle for `seed`. */
  restart(trainer: NetworkTrainer, seed: number): void {
    this.trainer = trainer;
    this.rng = createRng(seed);
    this.epoch = 0;
    this.steps = 0;
    this.bestLoss = null;
    this.startLoss = null;
    this.lastGood = trainer.getWeights();
    this.lastGoodEpoch = 0;
    this.startEpoch();
  }

  /** A new trainer for the same run (another optimizer or loss): the best loss so far no longer compares. */
  replaceTrainer(trainer: NetworkTrainer): void {
    this.trainer = trainer;
    this.bestLoss = null;
  }

  /** Back to the last weights whose epoch ended well; the current epoch starts again. */
  restoreLastGood(): void {
    this.trainer.setWeights(this.lastGood);
    this.startLoss = null;
    this.epoch = this.lastGoodEpoch;
    this.startEpoch();
  }

  /** Drops the half-done epoch (after divergence): the next batch starts a new one. */
  abandonEpoch(): void {
    this.startEpoch();
  }

  private startEpoch(): void {
    this.order = permutation(this.numTrain, this.rng);
    this.cursor = 0;
    this.lossSum = 0;
    this.metricSum = 0;
    this.seen = 0;
  }

  /** One optimizer step on the next batch; ends the epoch when it was the last batch. */
  step(): StepResult {
    const size = Math.max(1, Math.min(this.batchSize, this.numTrain - this.cursor));
    if (this.batchX.length !== size * this.inputSize) {
      this.batchX = new Float32Array(size * this.inputSize);
      this.batchY = new Float32Array(size * this.yWidth);
    }
    const width = this.inputSize;
    const yWidth = this.yWidth;
    for (let i = 0; i < size; i += 1) {
      const row = this.order[this.cursor + i] ?? 0;
      this.batchX.set(this.x.subarray(row * width, (row + 1) * width), i * width);
      this.batchY.set(this.y.subarray(row * yWidth, (row + 1) * yWidth), i * yWidth);
    }
    const result = this.trainer.trainBatch(this.batchX, this.batchY, size);
    this.startLoss ??= result.loss;
    this.cursor += size;
    this.steps += 1;
    this.lossSum += result.loss * size;
    this.metricSum += result.metric * size;
    this.seen += size;
    if (!Number.isFinite(result.loss)) return { ...result, epochEnded: null, diverged: 'nan' };
    if (this.cursor < this.numTrain) return { ...result, epochEnded: null, diverged: null };
    return this.endEpoch(result);
  }

  private endEpoch(result: { loss: number; metric: number }): StepResult {
    const loss = this.lossSum / Math.max(1, this.seen);
    const metric = this.metricSum / Math.max(1, this.seen);
    this.epoch += 1;
    let testLoss: number | null = null;
    let testMetric: number | null = null;
    if (this.numTest > 0) {
      const test = this.testRows();
      const evaluated = this.trainer.evaluate(test.x, test.y, test.count);
      testLoss = evaluated.loss;
      testMetric = evaluated.metric;
    }
    const epochEnded: EpochResult = { epoch: this.epoch, loss, metric, testLoss, testMetric };
    this.startEpoch();
    if (isDiverging(loss, this.bestLoss, this.startLoss)) return { ...result, epochEnded, diverged: Number.isFinite(loss) ? 'exploding' : 'nan' };
    this.bestLoss = this.bestLoss === null ? loss : Math.min(this.bestLoss, loss);
    this.lastGood = this.trainer.getWeights();
    this.lastGoodEpoch = this.epoch;
    return { ...result, epochEnded, diverged: null };
  }
}
