/**
 * Writes a Keras 3 model.weights.h5 (layout: see kerasWeightsH5.ts), optimizer state included for compiled models.
 */
import { own } from '../core/keras/kerasFormat.ts';
import type { JsonRecord } from '../core/keras/kerasFormat.ts';
import type { ProjectWeights, WeightTensor } from '../core/project/types.ts';
import type { H5wasm } from './h5wasmLoader.ts';
import { loadH5wasm } from './h5wasmLoader.ts';
import type { InteropProblem } from './interopProblem.ts';
import { quote } from './interopProblem.ts';
import type { KerasWeightLayout } from './kerasWeightLayout.ts';
import { kerasWeightLayout } from './kerasWeightLayout.ts';
import type { H5Group, KerasWeightsH5Options } from './kerasWeightsH5Shared.ts';
import { product } from './kerasWeightsH5Shared.ts';

/** Thrown (as a rejection) by writeKerasWeightsH5 when the config or the weights cannot be written. */
export class KerasWeightsError extends Error {
  constructor(readonly problems: InteropProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'KerasWeightsError';
  }
}

/** HDF5 format bounds: the earliest format each object allows, as h5py (and so Keras) writes by default. */
const LIBVER: ['earliest', 'latest'] = ['earliest', 'latest'];

/** What is wrong with writing `weights` for these layers: missing, unknown or extra weights, wrong counts. */
export function checkWeightsForLayout(layout: KerasWeightLayout, weights: ProjectWeights): InteropProblem[] {
  const problems: InteropProblem[] = [];
  const names = new Set(layout.slots.map((s) => s.layerName));
  for (const id of Object.keys(weights.layers)) {
    const given = Object.hasOwn(weights.layers, id) ? weights.layers[id] : undefined;
    if (!names.has(id) && given !== undefined && given.length > 0) {
      problems.push({ layer: id, message: `There are weights for ${quote(id)}, but the model has no layer of that name.` });
    }
  }
  for (const slot of layout.slots) {
    const layer = slot.layerName;
    const given = Object.hasOwn(weights.layers, layer) ? (weights.layers[layer] ?? []) : [];
    if (slot.weightNames === null) {
      problems.push({ layer, message: `LayerLab cannot write weights for a ${slot.className.slice(0, 80)} layer.` });
      continue;
    }
    for (const tensor of given) {
      if (!slot.weightNames.includes(tensor.name)) {
        problems.push({ layer, message: `A ${slot.className} layer has no ${quote(tensor.name)} weights.` });
      }
    }
    for (const name of slot.weightNames) {
      const matches = given.filter((t) => t.name === name);
      const tensor = matches[0];
      if (tensor === undefined) {
        problems.push({ layer, message: `The ${name} weights are missing.` });
      } else if (matches.length > 1) {
        problems.push({ layer, message: `There are two sets of ${name} weights.` });
      } else if (!tensor.shape.every((d) => Number.isInteger(d) && d >= 0) || tensor.values.length !== product(tensor.shape)) {
        problems.push({
          layer,
          message: `The ${name} weights of shape (${tensor.shape.join(', ')}) need ${product(tensor.shape)} numbers, but ${tensor.values.length} were given.`,
        });
      }
    }
  }
  return problems;
}

/** Variables that are not trained: BatchNormalization's running statistics. */
const NON_TRAINABLE_WEIGHTS: ReadonlySet<string> = new Set(['moving_mean', 'moving_variance']);

/**
 * The state variables a Keras optimizer creates in `build(model.trainable_variables)`: per pass, for each trainable
 * variable in order, one variable per name, of the variable's shape, filled with `fill`. Null for an optimizer
 * class LayerLab does not know.
 */
function optimizerSlotPasses(className: string, config: JsonRecord): { names: string[]; fill: number }[] | null {
  const number = (key: string, fallback: number): number => {
    const value = own(config, key);
    return typeof value === 'number' ? value : fallback;
  };
  switch (className) {
    case 'SGD':
      return number('momentum', 0) !== 0 ? [{ names: ['momentum'], fill: 0 }] : [];
    case 'Adam': {
      const passes = [{ names: ['momentum', 'velocity'], fill: 0 }];
      if (own(config, 'amsgrad') === true) passes.push({ names: ['velocity_hat'], fill: 0 });
      return passes;
    }
    case 'RMSprop': {
      const passes = [{ names: ['velocity'], fill: 0 }];
      if (number('momentum', 0) > 0) passes.push({ names: ['momentum'], fill: 0 });
      if (own(config, 'centered') === true) passes.push({ names: ['average_gradient'], fill: 0 });
      return passes;
    }
    case 'Adagrad':
      return [{ names: ['accumulator'], fill: number('initial_accumulator_value', 0.1) }];
    default:
      return null;
  }
}

/**
 * /optimizer/vars as Keras writes it for a compiled model loaded by `keras.models.load_model`: its optimizer is
 * built on the model's trainable variables, so it holds iterations (int64 0), learning_rate (float32) and, per
 * trainable variable, fresh state (Adam's zero moments, Adagrad's accumulators at initial_accumulator_value).
 * Writing only what an unbuilt optimizer holds (iterations and learning_rate) makes Keras warn on load that it
 * skipped the optimizer's variables; writing the built state loads silently.
 */
function writeOptimizer(file: H5Group, layout: KerasWeightLayout, weights: ProjectWeights): void {
  const optimizer = layout.optimizer;
  if (optimizer === null) return;
  const vars = file.create_group('optimizer').create_group('vars');
  vars.create_attribute('name', optimizer.name);
  vars.create_dataset({ name: '0', data: new BigInt64Array([0n]), shape: [], dtype: '<q' });
  const learningRate = own(optimizer.config, 'learning_rate');
  if (typeof learningRate !== 'number') return;
  vars.create_dataset({ name: '1', data: new Float32Array([learningRate]), shape: [], dtype: '<f' });
  const passes = optimizerSlotPasses(optimizer.className, optimizer.config);
  if (passes === null) return;
  const trainable: WeightTensor[] = [];
  for (const slot of layout.slots) {
    if (!slot.trainable) continue;
    const given = Object.hasOwn(weights.layers, slot.layerName) ? (weights.layers[slot.layerName] ?? []) : [];
    for (const name of slot.weightNames ?? []) {
      const tensor = given.find((t) => t.name === name);
      if (tensor !== undefined && !NON_TRAINABLE_WEIGHTS.has(name)) trainable.push(tensor);
    }
  }
  let index = 2;
  for (const pass of passes) {
    for (const tensor of trainable) {
      for (let k = 0; k < pass.names.length; k += 1) {
        const data = new Float32Array(product(tensor.shape)).fill(pass.fill);
        vars.create_dataset({ name: String(index), data, shape: [...tensor.shape], dtype: '<f' });
        index += 1;
      }
    }
  }
}

/**
 * Writes `model.weights.h5` for a model config (a `to_json()` object or a .keras config.json; with a non-empty
 * `compile_config`, the fresh state of the compiled optimizer is written too, see writeOptimizer) and weights keyed by layer
 * name, with exactly Keras 3's groups, attributes, dataset names, types and shapes (see kerasWeightsH5.ts). Rejects
 * with a KerasWeightsError listing the problems when the config or the weights do not fit.
 */
export async function writeKerasWeightsH5(modelConfig: unknown, weights: ProjectWeights, options: KerasWeightsH5Options = {}): Promise<Uint8Array> {
  const layout = kerasWeightLayout(modelConfig);
  if (!layout.ok) throw new KerasWeightsError(layout.problems);
  const problems = checkWeightsForLayout(layout, weights);
  if (problems.length > 0) throw new KerasWeightsError(problems);

  const h5 = await (options.h5wasm ?? loadH5wasm());
  const path = h5.scratchPath();
  let file: InstanceType<H5wasm['h5']['File']> | null = null;
  try {
    file = new h5.h5.File(path, 'w', { libver: LIBVER });
    // The order Keras creates them in: the model's own (empty) vars, each layer, then the optimizer.
    file.create_group('vars').create_attribute('name', layout.modelName);
    let layersRoot: H5Group | null = null;
    for (const slot of layout.slots) {
      layersRoot ??= file.create_group('layers');
      const vars = layersRoot.create_group(slot.groupName).create_group('vars');
      vars.create_attribute('name', slot.layerName);
      const given = Object.hasOwn(weights.layers, slot.layerName) ? (weights.layers[slot.layerName] ?? []) : [];
      (slot.weightNames ?? []).forEach((name, i) => {
        const tensor = given.find((t) => t.name === name);
        if (tensor === undefined) return;
        vars.create_dataset({ name: String(i), data: Float32Array.from(tensor.values), shape: [...tensor.shape], dtype: '<f' });
      });
    }
    writeOptimizer(file, layout, weights);
    file.close();
    file = null;
    return new Uint8Array(h5.readFile(path));
  } finally {
    try {
      file?.close();
    } catch {
      // Already failing; the scratch file is removed below.
    }
    h5.remove(path);
  }
}
