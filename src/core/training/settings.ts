/** How a network is trained. Names follow Keras's compile() and fit() arguments. */
export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Each optimizer's class in keras.optimizers. */
export const KERAS_OPTIMIZER_CLASS: { readonly [O in OptimizerName]: string } = {
  sgd: 'SGD',
  momentum: 'SGD',
  adam: 'Adam',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
};

export const LOSSES = [
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
  'mean_squared_error',
] as const;
export type LossName = (typeof LOSSES)[number];

export interface TrainingSettings {
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
  loss: LossName;
  /** Fraction of the data held out to measure accuracy on examples the network never trained on. */
  validationSplit: number;
  /** Seeds weight initialisation, dropout and shuffling, so a run can be repeated exactly. */
  seed: number;
  /** Weight penalty (L2) added for every Dense kernel: loss += l2 × sum(kernel²), as Keras's L2(l2). 0 = none. */
  l2: number;
  /** Train until the student presses Pause instead of stopping after `epochs` (the app; the CLI always stops). */
  runUntilStopped: boolean;
}

/** SGD with momentum uses Keras's SGD(momentum=0.9). */
export const SGD_MOMENTUM = 0.9;

export const DEFAULT_TRAINING: TrainingSettings = {
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 16,
  epochs: 100,
  loss: 'binary_crossentropy',
  validationSplit: 0,
  seed: 1,
  l2: 0,
  runUntilStopped: false,
};

export const TRAINING_LIMITS = {
  learningRate: { min: 1e-6, max: 10 },
  batchSize: { min: 1, max: 4096 },
  epochs: { min: 1, max: 10000 },
  validationSplit: { min: 0, max: 0.5 },
  l2: { min: 0, max: 1 },
} as const;

export const OPTIMIZER_INFO: { readonly [O in OptimizerName]: string } = {
  sgd: 'Stochastic gradient descent: after each batch, move every weight a small step (the learning rate) downhill on the loss.',
  momentum: 'Gradient descent with momentum (0.9): each step keeps most of the previous one, so it rolls through small bumps and speeds up on long slopes.',
  adam: 'Gradient descent that adapts the step for each weight from recent gradients; usually trains fastest.',
  rmsprop: 'Gradient descent that divides each step by a running average of recent gradient sizes.',
  adagrad: 'Gradient descent whose steps shrink for weights that have already moved a lot.',
};

export const LOSS_INFO: { readonly [L in LossName]: string } = {
  binary_crossentropy: 'For a yes/no answer from one sigmoid output: heavily penalises confident wrong answers.',
  categorical_crossentropy: 'For several classes from a softmax output with one unit per class.',
  sparse_categorical_crossentropy: 'Like categorical crossentropy, with labels given as class numbers instead of one-hot rows.',
  mean_squared_error: 'The average squared difference between output and target.',
};

/** What is measured besides the loss: accuracy for classification, mean absolute error for regression. */
export type MetricName = 'accuracy' | 'mae';

export const METRIC_INFO: { readonly [M in MetricName]: { label: string; description: string } } = {
  accuracy: { label: 'accuracy', description: 'The share of examples whose predicted class is the right one.' },
  mae: { label: 'mean absolute error', description: 'The average distance between the prediction and the target.' },
};
