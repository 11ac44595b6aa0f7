/** The compile_config Keras writes for a model compiled with LayerLab's training settings. */
import type { LossName, OptimizerName, TrainingSettings } from '../../training/settings.ts';
import type { KerasSerializedObject } from '../kerasFormat.ts';

/** What `model.get_compile_config()` returns in Keras 3.15 (TensorFlow backend). */
export interface KerasCompileConfig {
  optimizer: KerasSerializedObject;
  loss: LossName;
  loss_weights: null;
  metrics: string[];
  weighted_metrics: null;
  run_eagerly: boolean;
  steps_per_execution: number;
  jit_compile: boolean;
}

/** Each optimizer's class, its default `name` (Keras snake-cases the class name: RMSprop -> rm_sprop) and its own defaults. */
const OPTIMIZER_JSON: { readonly [O in OptimizerName]: { className: string; name: string; extra: () => Record<string, unknown> } } = {
  sgd: { className: 'SGD', name: 'sgd', extra: () => ({ momentum: 0, nesterov: false }) },
  adam: { className: 'Adam', name: 'adam', extra: () => ({ beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false }) },
  rmsprop: { className: 'RMSprop', name: 'rm_sprop', extra: () => ({ rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false }) },
  adagrad: { className: 'Adagrad', name: 'adagrad', extra: () => ({ initial_accumulator_value: 0.1, epsilon: 1e-7 }) },
};

/**
 * The `compile_config` Keras 3.15 writes (in a compiled model's to_json() and in a .keras file's config.json) for
 * `model.compile(optimizer=<Optimizer>(learning_rate=...), loss=<loss>, metrics=['accuracy'])`. The learning rate is
 * the float32 value Keras keeps in its variable (0.01 is written 0.009999999776482582). Keras's loader compiles a
 * model from it with `model.compile_from_config(compile_config)`.
 */
export function exportKerasCompileConfig(training: TrainingSettings): KerasCompileConfig {
  const optimizer = OPTIMIZER_JSON[training.optimizer];
  return {
    optimizer: {
      module: 'keras.optimizers',
      class_name: optimizer.className,
      config: {
        name: optimizer.name,
        learning_rate: Math.fround(training.learningRate),
        weight_decay: null,
        clipnorm: null,
        global_clipnorm: null,
        clipvalue: null,
        use_ema: false,
        ema_momentum: 0.99,
        ema_overwrite_frequency: null,
        loss_scale_factor: null,
        gradient_accumulation_steps: null,
        ...optimizer.extra(),
      },
      registered_name: null,
    },
    loss: training.loss,
    loss_weights: null,
    metrics: ['accuracy'],
    weighted_metrics: null,
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: false,
  };
}
