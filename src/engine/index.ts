/** The engine: LayerLab graphs as TensorFlow.js models. Importing it registers LayerLab's custom tfjs classes. */
export { compileGraph } from './compileGraph.ts';
export type { CompileOptions, CompileResult } from './compileGraph.ts';
export { createModelHolder } from './modelHolder.ts';
export type { ModelHolder } from './modelHolder.ts';
export { getLayerWeights, setLayerWeights } from './weights.ts';
export type { LayerWeight, LayerWeights } from './weights.ts';
export { layerNameOf, nodeIdOf } from './layerNames.ts';
export { tfjsActivation } from './customActivations.ts';
export { layerSeed } from './initialWeights.ts';
export { fromProjectWeights, initialProjectWeights, toProjectWeights } from './projectWeights.ts';
