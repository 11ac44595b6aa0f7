/**
 * Keras 3's defaults for the layer arguments LayerLab reads and writes: what a Keras file means when it leaves an
 * argument out (the importers fall back to these) and what the Python script may leave out (it writes only the
 * arguments that differ). LayerLab's own defaults, for a new node on the canvas, are in core/layers and may differ:
 * LayerLab's Dense starts with relu, Keras's has no activation.
 */
export const KERAS_DEFAULTS = {
  Dense: { activation: 'linear', use_bias: true, kernel_initializer: 'glorot_uniform', bias_initializer: 'zeros' },
  BatchNormalization: { axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true },
  Concatenate: { axis: -1 },
  Softmax: { axis: -1 },
  ReLU: { max_value: null, negative_slope: 0, threshold: 0 },
  LeakyReLU: { negative_slope: 0.3 },
  ELU: { alpha: 1 },
} as const;
