/**
 * The URLs of TensorFlow.js's WebAssembly binaries in the built app (browser only). Vite copies each file into the
 * build and gives its hashed URL; the worker passes the map to initBackend({ wasmPaths }). All three are listed
 * because tfjs-backend-wasm picks one at start-up (plain, SIMD, or threaded SIMD when cross-origin isolated) and
 * requires a complete map.
 */
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export const WASM_PATHS: Record<string, string> = {
  'tfjs-backend-wasm.wasm': plainWasm,
  'tfjs-backend-wasm-simd.wasm': simdWasm,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
};
