/**
 * Picks the numeric path for a network and builds its trainer: the typed-array path when every layer is one it runs
 * and the network is small (TensorFlow.js's per-kernel overhead dominates there), TensorFlow.js on the active backend
 * otherwise. The reason is kept on the trainer so the UI can say which path runs and why.
 */
import type { CreateTrainerResult, NetworkTrainer, TrainerSpec } from './trainer.ts';
import { createTfjsTrainer, initBackend } from './tfjs/index.ts';
import { createTypedTrainer, typedPathSupport } from './typed/index.ts';

type BackendChoice = Awaited<ReturnType<typeof initBackend>>;

let backend: BackendChoice | null = null;

/**
 * Starts TensorFlow.js's backend once (wasm, WebGL with a GPU, cpu last). Call before creating trainers; the worker
 * passes the app's .wasm URLs, the CLI the node_modules folder.
 */
export async function initEngine(options: Parameters<typeof initBackend>[0]): Promise<BackendChoice> {
  backend ??= await initBackend(options);
  return backend;
}

export function createTrainer(spec: TrainerSpec): CreateTrainerResult {
  const forced = spec.options.path;
  if (forced === 'typed') return createTypedTrainer(spec);
  if (forced !== undefined) return createTfjsTrainer(spec);
  const support = typedPathSupport(spec.graph);
  if (support.ok) return createTypedTrainer(spec);
  const tfjs = createTfjsTrainer(spec);
  if (!tfjs.ok) return tfjs;
  const reason = backend === null ? support.reason : `${support.reason} ${backend.reason}`;
  return { ok: true, trainer: withReason(tfjs.trainer, reason) };
}

/** The same trainer, explaining the choice of path in its own words. */
function withReason(trainer: NetworkTrainer, pathReason: string): NetworkTrainer {
  return {
    path: trainer.path,
    pathReason,
    metric: trainer.metric,
    inputSize: trainer.inputSize,
    outputSize: trainer.outputSize,
    trainBatch: (x, y, count) => trainer.trainBatch(x, y, count),
    evaluate: (x, y, count) => trainer.evaluate(x, y, count),
    predict: (x, count) => trainer.predict(x, count),
    layerOutputs: (x, count) => trainer.layerOutputs(x, count),
    neuron: (nodeId, unit, x) => trainer.neuron(nodeId, unit, x),
    getWeights: () => trainer.getWeights(),
    setWeights: (weights) => trainer.setWeights(weights),
    setLearningRate: (lr) => trainer.setLearningRate(lr),
    dispose: () => trainer.dispose(),
  };
}
