/** How a network is trained. Names follow Keras's compile() and fit() arguments. */
export const OPTIMIZERS = ['sgd', 'adam', 'rmsprop', 'adagrad'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Each optimizer's class in keras.optimizers. */
export const KERAS_OPTIMIZER_CLASS: { readonly [O in OptimizerName]: string } = {
  sgd: 'SGD',
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
}

export const DEFAULT_TRAINING: TrainingSettings = {
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 16,
  epochs: 100,
  loss: 'binary_crossentropy',
  validationSplit: 0,
  seed: 1,
};

export const TRAINING_LIMITS = {
  learningRate: { min: 1e-6, max: 10 },
  batchSize: { min: 1, max: 4096 },
  epochs: { min: 1, max: 10000 },
  validationSplit: { min: 0, max: 0.5 },
} as const;

export const OPTIMIZER_INFO: { readonly [O in OptimizerName]: string } = {
  sgd: 'Stochastic gradient descent: after each batch, move every weight a small step (the learning rate) downhill on the loss.',
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
