/** The numeric paths that can run a network (see src/engine/trainer.ts), and how the UI names them. */
export type EnginePath = 'typed' | 'tfjs-wasm' | 'tfjs-webgl' | 'tfjs-cpu';

export const ENGINE_PATH_LABEL: { readonly [P in EnginePath]: string } = {
  typed: 'plain JavaScript (typed arrays)',
  'tfjs-wasm': 'TensorFlow.js with WebAssembly',
  'tfjs-webgl': 'TensorFlow.js with WebGL (the GPU)',
  'tfjs-cpu': 'TensorFlow.js in plain JavaScript',
};
