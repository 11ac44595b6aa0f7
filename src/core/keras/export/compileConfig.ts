/** The compile_config Keras writes for a model compiled with LayerLab's training settings. */
import type { LossName, MetricName, OptimizerName, TrainingSettings } from '../../training/settings.ts';
import { SGD_MOMENTUM } from '../../training/settings.ts';
import type { Graph } from '../../graph/types.ts';
import type { Regularizer } from '../../layers/index.ts';
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
  // Keras's SGD(momentum=0.9): the same class, so Keras writes the same name.
  momentum: { className: 'SGD', name: 'sgd', extra: () => ({ momentum: SGD_MOMENTUM, nesterov: false }) },
  adam: { className: 'Adam', name: 'adam', extra: () => ({ beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false }) },
  rmsprop: { className: 'RMSprop', name: 'rm_sprop', extra: () => ({ rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false }) },
  adagrad: { className: 'Adagrad', name: 'adagrad', extra: () => ({ initial_accumulator_value: 0.1, epsilon: 1e-7 }) },
};

/**
 * The `compile_config` Keras 3.15 writes (in a compiled model's to_json() and in a .keras file's config.json) for
 * `model.compile(optimizer=<Optimizer>(learning_rate=...), loss=<loss>, metrics=[<metric>])`: the metric is
 * "accuracy" for classification and "mae" (mean absolute error) for regression. The learning rate is the float32
 * value Keras keeps in its variable (0.01 is written 0.009999999776482582). Keras's loader compiles a model from it
 * with `model.compile_from_config(compile_config)`.
 *
 * The settings' L2 weight penalty is not part of compile_config (Keras has no such compile argument): it belongs to
 * each Dense layer's kernel_regularizer, see {@link withProjectL2}.
 */
export function exportKerasCompileConfig(training: TrainingSettings, metric: MetricName = 'accuracy'): KerasCompileConfig {
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
    metrics: [metric],
    weighted_metrics: null,
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: false,
  };
}

/**
 * The L2 penalty of a Dense kernel once the training settings' `l2` is added to the layer's own
 * kernel_regularizer, as Keras would see it: loss += l1 × Σ|w| + (own l2 + l2) × Σw². Both penalties are sums over
 * the same weights, so adding their L2 factors gives exactly the same loss (and gradient) as applying them one
 * after the other. Null when there is no penalty at all.
 */
export function combinedKernelRegularizer(own: Regularizer | null, l2: number): Regularizer | null {
  if (l2 === 0) return own;
  return own === null ? { l1: 0, l2 } : { l1: own.l1, l2: own.l2 + l2 };
}

/**
 * The graph as Keras should build it to train like LayerLab: when the training settings have an L2 weight penalty,
 * every Dense layer's kernel_regularizer gains it (combinedKernelRegularizer). Used by the Keras, TF.js and JSON
 * exports, which carry the penalty in the layers; the graph is returned unchanged when `l2` is 0.
 */
export function withProjectL2(graph: Graph, l2: number): Graph {
  if (l2 === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((node) =>
      node.kind === 'Dense' ? { ...node, params: { ...node.params, kernel_regularizer: combinedKernelRegularizer(node.params.kernel_regularizer, l2) } } : node,
    ),
  };
}
