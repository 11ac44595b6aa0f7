import * as tf from '@tensorflow/tfjs';

/**
 * LayerLab runs TensorFlow.js in production mode: it skips debug-only checks, and in Node it silences the banner
 * urging tfjs-node, which LayerLab deliberately does not use (it downloads a native binary at install time).
 * Imported for its effect by every engine module that creates tensors.
 */
tf.env().set('PROD', true);

/**
 * tfjs 4.22 has no gradient for Greater, so it cannot differentiate a tf.where(tf.greater(x, t), …) such as
 * customLayers.ts's ELU (alpha ≠ 1) and ReLU (with a threshold): training throws "gradient function not found for
 * Greater". TensorFlow gives a comparison no gradient (zero), and so does this.
 */
if (tf.getGradient('Greater') === undefined) {
  tf.registerGradient({
    kernelName: 'Greater',
    inputsToSave: ['a', 'b'],
    gradFunc: (_dy, saved) => ({ a: () => tf.zerosLike(saved[0] as tf.Tensor), b: () => tf.zerosLike(saved[1] as tf.Tensor) }),
  });
}
