/**
 * The generic tfjs path: any graph LayerLab compiles. The loss (Keras's formula plus the weight penalties) is
 * differentiated by tf.variableGrads over model.apply(shaped(x), { training: true }), so Dropout drops and
 * BatchNormalization normalises with the batch statistics and moves its moving mean and variance, as Keras's fit does.
 */
import * as tf from '@tensorflow/tfjs';
import { layerNameOf } from '../layerNames.ts';
import type { TrainerSettings } from '../trainer.ts';
import { lossValue } from './losses.ts';
import type { TrainingNetwork } from './network.ts';
import { createKerasOptimizer } from './optimizers.ts';
import { penaltyValue } from './penalties.ts';
import type { StepEngine } from './stepEngine.ts';
import { metricValue } from './targets.ts';

function single(result: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[]): tf.Tensor {
  if (result instanceof tf.Tensor) return result;
  throw new Error('the model did not give one output tensor');
}

export function createGenericPath(network: TrainingNetwork, settings: TrainerSettings): StepEngine {
  const { model, mode, penalties } = network;
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const optimizer = createKerasOptimizer(settings.optimizer, settings.learningRate, variables);
  const { inputShape } = network;
  /** The flat rows in the Input's shape, e.g. count × 28 × 28. */
  const shaped = (x: tf.Tensor2D): tf.Tensor => (inputShape.length === 1 ? x : tf.reshape(x, [x.shape[0], ...inputShape]));

  return {
    trainStep(x, targets) {
      const kept: { out: tf.Tensor | null } = { out: null };
      const { value, grads } = tf.variableGrads(() => {
        const out = single(model.apply(shaped(x), { training: true }));
        kept.out = tf.keep(out);
        const loss = lossValue(settings.loss, out, targets.t);
        const penalty = penaltyValue(penalties);
        return penalty === null ? loss : tf.add(loss, penalty);
      }, variables);
      optimizer.apply(variables.map((v) => grads[v.name] ?? null));
      const out = kept.out;
      if (out === null) throw new Error('the model gave no output');
      const metric = metricValue(mode, out, targets);
      out.dispose();
      return tf.stack([value, metric]) as tf.Tensor1D;
    },
    predict(x) {
      return single(model.apply(shaped(x), { training: false }));
    },
    outputsOf(x, nodeIds) {
      // model.execute runs the graph once and hands back any layer's output, named by its symbolic tensor.
      const names = nodeIds.map((id) => {
        const output = model.getLayer(layerNameOf(id)).output;
        if (Array.isArray(output)) throw new Error(`${id} has more than one output`);
        return output.name;
      });
      const result = model.execute(shaped(x), names);
      return Array.isArray(result) ? result : [result];
    },
    setLearningRate(learningRate) {
      optimizer.setLearningRate(learningRate);
    },
    dispose() {
      optimizer.dispose();
    },
  };
}
