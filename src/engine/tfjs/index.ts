/** The TensorFlow.js training path: backend choice and the NetworkTrainer that runs on it. */
export { activeTfjsPath, initBackend, lastBackendChoice, WASM_FILE_NAMES } from './backend.ts';
export type { BackendChoice, BackendOptions, TfjsPath } from './backend.ts';
export { createTfjsTrainer } from './tfjsTrainer.ts';
export type { CreateTfjsTrainerResult, TfjsTrainer, TfjsTrainerTuning } from './tfjsTrainer.ts';
