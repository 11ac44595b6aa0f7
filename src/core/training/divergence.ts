/**
 * When a run has gone wrong: the loss became NaN or infinite, or exploded, and what most likely caused it, in words
 * a student can act on. Pure: the worker calls it after each batch and epoch; the tests call it directly.
 */
import type { ActivationName } from '../layers/activations.ts';
import type { LossName, TrainingSettings } from './settings.ts';

/** An epoch's loss this many times the run's best epoch (plus a floor) counts as exploding. */
export const EXPLODING_FACTOR = 3;
const EXPLODING_FLOOR = 0.5;
/** An epoch's loss this many times the loss the run started from (plus a floor) counts as exploding. */
export const START_FACTOR = 2;
const START_FLOOR = 0.25;

/**
 * True when an epoch's mean loss shows the run is diverging: not finite; or far above the loss of the weights the run
 * started from (its first batch), as when too big a learning rate throws fresh weights into saturation, where the
 * clipped crossentropy stays high but finite; or far above the best epoch so far, as when a trained network is
 * knocked off its minimum. Ordinary training never does either: an epoch's mean loss stays near or below the start.
 */
export function isDiverging(epochLoss: number, bestLoss: number | null, startLoss: number | null = null): boolean {
  if (!Number.isFinite(epochLoss)) return true;
  if (startLoss !== null && Number.isFinite(startLoss) && epochLoss > START_FACTOR * startLoss + START_FLOOR) return true;
  if (bestLoss === null) return false;
  return epochLoss > EXPLODING_FACTOR * bestLoss + EXPLODING_FLOOR;
}

const CROSSENTROPY: ReadonlySet<LossName> = new Set(['binary_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy']);

/** Why the loss does not fit the output's activation, or null when it does. */
export function lossOutputMismatch(loss: LossName, activation: ActivationName | null): string | null {
  if (!CROSSENTROPY.has(loss) || activation === null) return null;
  if (loss === 'binary_crossentropy' && activation !== 'sigmoid' && activation !== 'hard_sigmoid') {
    return `binary crossentropy reads the output as a probability, but the output layer's activation is ${activation}, whose values are not between 0 and 1; use sigmoid on the output, or the mean squared error loss`;
  }
  if (loss !== 'binary_crossentropy' && activation !== 'softmax') {
    return `${loss.replace(/_/g, ' ')} reads the outputs as probabilities that add up to 1, but the output layer's activation is ${activation}; use softmax on the output`;
  }
  return null;
}

export interface DivergenceContext {
  settings: TrainingSettings;
  /** The output layer's activation (see outputActivation in validation/datasetFit.ts). */
  outputActivation: ActivationName | null;
  /** 'nan': the loss became NaN or infinite; 'exploding': it grew far above its best. */
  kind: 'nan' | 'exploding';
  epoch: number;
  /** Whether weights from before the trouble were kept. */
  canRestore: boolean;
}

function suggestedRate(learningRate: number): string {
  const lower = learningRate / 10;
  return Number(lower.toPrecision(2)).toString();
}

/** The message training pauses with: what happened, the likely cause, and what to do. */
export function divergenceMessage(context: DivergenceContext): string {
  const { settings, kind, epoch } = context;
  const what =
    kind === 'nan'
      ? `Training paused in epoch ${epoch}: the loss is no longer a number (it became NaN or infinite), so the weights no longer mean anything.`
      : `Training paused in epoch ${epoch}: the loss shot up far above its best value, so the network is getting worse instead of better.`;
  const mismatch = lossOutputMismatch(settings.loss, context.outputActivation);
  const cause =
    mismatch !== null
      ? `The likely cause: ${mismatch}.`
      : `The likely cause: the learning rate (${settings.learningRate}) is too high for ${settings.optimizer === 'momentum' ? 'SGD with momentum' : settings.optimizer}, so each step overshoots the bottom of the loss and lands higher up. Try ${suggestedRate(settings.learningRate)}.`;
  const restore = context.canRestore ? ' Go back to the last good weights, change the setting, and train again.' : ' Reset the weights, change the setting, and train again.';
  return `${what} ${cause}${restore}`;
}
