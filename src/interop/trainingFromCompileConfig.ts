/**
 * A Keras model's compile_config -> LayerLab's training settings (optimizer, learning rate, loss), with a warning for
 * each setting that does not carry over.
 */
import { exportKerasCompileConfig } from '../core/keras/exportConfig.ts';
import { describeValue, isRecord, own, readSerialized } from '../core/keras/kerasFormat.ts';
import type { JsonRecord } from '../core/keras/kerasFormat.ts';
import type { LossName, OptimizerName, TrainingSettings } from '../core/training/settings.ts';
import { DEFAULT_TRAINING, KERAS_OPTIMIZER_CLASS, LOSSES, OPTIMIZERS, SGD_MOMENTUM, TRAINING_LIMITS } from '../core/training/settings.ts';
import { quote } from './interopProblem.ts';
import { kerasSnakeCase } from './kerasWeightLayout.ts';

// SGD is two LayerLab optimizers: plain SGD and momentum (SGD with momentum 0.9); readOptimizer tells them apart.
const OPTIMIZER_BY_CLASS: ReadonlyMap<string, OptimizerName> = new Map(
  OPTIMIZERS.filter((name) => name !== 'momentum').map((name) => [KERAS_OPTIMIZER_CLASS[name], name] as const),
);

const LOSS_ALIASES: ReadonlyMap<string, LossName> = new Map([
  ['mse', 'mean_squared_error'],
  ['MSE', 'mean_squared_error'],
]);

/** The shortest decimal that is the same float32 (Keras writes learning rates as float32: 0.009999999776482582). */
function tidyFloat32(value: number): number {
  if (Math.fround(value) !== value) return value;
  for (let digits = 1; digits <= 9; digits += 1) {
    const shorter = Number(value.toPrecision(digits));
    if (Math.fround(shorter) === value) return shorter;
  }
  return value;
}

function nearlyEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  return a === b;
}

function readOptimizer(value: unknown, training: Partial<TrainingSettings>, warnings: string[]): void {
  const serialized = typeof value === 'string' ? { className: value, config: {} as JsonRecord } : readSerialized(value);
  if (serialized === null) {
    warnings.push(`The compiled optimizer ${describeValue(value)} is not one LayerLab reads; the optimizer setting was left as it is.`);
    return;
  }
  let optimizer = OPTIMIZER_BY_CLASS.get(serialized.className) ?? [...OPTIMIZER_BY_CLASS.values()].find((o) => o === serialized.className.toLowerCase());
  if (optimizer === undefined) {
    warnings.push(
      `The model was compiled with the ${quote(serialized.className)} optimizer, which LayerLab does not have (it has SGD, Adam, RMSprop and Adagrad); the optimizer setting was left as it is.`,
    );
    return;
  }
  // Keras's SGD with LayerLab's momentum (0.9) is LayerLab's "momentum"; any other momentum is reported below.
  if (optimizer === 'sgd' && nearlyEqual(own(serialized.config, 'momentum'), SGD_MOMENTUM)) optimizer = 'momentum';
  training.optimizer = optimizer;
  const learningRate = own(serialized.config, 'learning_rate');
  if (typeof learningRate === 'number' && Number.isFinite(learningRate)) {
    const rate = tidyFloat32(learningRate);
    const { min, max } = TRAINING_LIMITS.learningRate;
    if (rate >= min && rate <= max) training.learningRate = rate;
    else warnings.push(`The learning rate ${rate} is outside LayerLab's range (${min} to ${max}); the learning rate setting was left as it is.`);
  } else if (learningRate !== undefined) {
    warnings.push(`The learning rate ${describeValue(learningRate)} is a schedule, which LayerLab does not have; the learning rate setting was left as it is.`);
  }
  // Arguments LayerLab does not model: fine at Keras's defaults (those LayerLab's own export writes).
  const defaults = exportKerasCompileConfig({ ...DEFAULT_TRAINING, optimizer }).optimizer.config;
  for (const key of Object.keys(serialized.config)) {
    if (key === 'name' || key === 'learning_rate') continue;
    const ours = own(defaults, key);
    const theirs = own(serialized.config, key);
    if (!nearlyEqual(theirs, ours) && !(ours === undefined && (theirs === null || theirs === false))) {
      warnings.push(`The optimizer's ${key}=${describeValue(theirs)} is ignored: LayerLab's ${serialized.className} uses Keras's default (${describeValue(ours ?? null)}).`);
    }
  }
}

function readLoss(value: unknown, training: Partial<TrainingSettings>, warnings: string[]): void {
  let name: string | null = null;
  if (typeof value === 'string') {
    name = LOSS_ALIASES.get(value) ?? value;
  } else {
    const serialized = readSerialized(value);
    if (serialized !== null) {
      if (own(serialized.config, 'from_logits') === true) {
        warnings.push(`The loss ${describeValue(value)} works on logits (from_logits=True); LayerLab's losses take probabilities, so the loss setting was left as it is.`);
        return;
      }
      name = kerasSnakeCase(serialized.className);
    }
  }
  const loss = LOSSES.find((l) => l === name);
  if (loss === undefined) {
    warnings.push(
      `The model was compiled with the loss ${describeValue(value)}, which LayerLab does not have (it has ${LOSSES.join(', ')}); the loss setting was left as it is.`,
    );
    return;
  }
  training.loss = loss;
}

/** The settings in compile_config that map to LayerLab's: optimizer, learning rate and loss. */
export function readTraining(config: JsonRecord, warnings: string[]): Partial<TrainingSettings> {
  const compile = own(config, 'compile_config');
  const training: Partial<TrainingSettings> = {};
  if (!isRecord(compile) || Object.keys(compile).length === 0) return training;
  const optimizer = own(compile, 'optimizer');
  if (optimizer !== undefined && optimizer !== null) readOptimizer(optimizer, training, warnings);
  const loss = own(compile, 'loss');
  if (loss !== undefined && loss !== null) readLoss(loss, training, warnings);
  return training;
}
