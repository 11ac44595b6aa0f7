/**
 * The two ways the tfjs trainer computes a step, behind one shape: the generic path (tfjs autodiff over the
 * compiled model, any graph) and the Dense fast path (a hand-written backward pass for chains of Dense layers).
 * Every method is called inside a tf.tidy by the trainer, which reads the numbers back outside it. `x` is always
 * count × inputSize, the examples as flat rows, however many dimensions the Input has.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Targets } from './targets.ts';

export interface StepEngine {
  /** One optimizer step on x; returns [loss with penalties, metric] of the forward pass before the update. */
  trainStep(x: tf.Tensor2D, targets: Targets): tf.Tensor1D;
  /** The network's output in inference mode (no dropout, BatchNormalization's moving statistics). */
  predict(x: tf.Tensor2D): tf.Tensor;
  /** The inference-mode outputs of the given (non-Input) nodes, in that order. */
  outputsOf(x: tf.Tensor2D, nodeIds: readonly string[]): tf.Tensor[];
  setLearningRate(learningRate: number): void;
  dispose(): void;
}
