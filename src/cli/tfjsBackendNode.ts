/**
 * Where TensorFlow.js's WebAssembly binaries are in Node: the dist folder of the installed
 * @tensorflow/tfjs-backend-wasm package. The engine may not use Node's modules, so the CLI, the benchmarks and the
 * Node tests find the folder here and pass it to initBackend({ wasmPaths }).
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

/** The folder holding tfjs-backend-wasm*.wasm, ending in a path separator (tfjs appends the file name to it). */
export function nodeWasmPaths(): string {
  const require = createRequire(import.meta.url);
  // The package has no "exports" map, so its package.json resolves from any install layout (hoisted or nested).
  const packageJson = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return `${join(dirname(packageJson), 'dist')}${sep}`;
}
