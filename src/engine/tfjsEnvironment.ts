import * as tf from '@tensorflow/tfjs';

/**
 * LayerLab runs TensorFlow.js in production mode: it skips debug-only checks, and in Node it silences the banner
 * urging tfjs-node, which LayerLab deliberately does not use (it downloads a native binary at install time).
 * Imported for its effect by every engine module that creates tensors.
 */
tf.env().set('PROD', true);
