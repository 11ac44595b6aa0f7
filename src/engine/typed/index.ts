/** The typed-array training path: plain JavaScript for small networks of common layers (see typedTrainer.ts). */
export { createTypedTrainer } from './typedTrainer.ts';
export { typedPathSupport, TYPED_PATH_MAX_WEIGHTS } from './support.ts';
export type { TypedSupport } from './support.ts';
