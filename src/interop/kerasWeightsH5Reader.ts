/**
 * Reads a Keras 3 model.weights.h5 (layout: see kerasWeightsH5.ts) into weights by Keras layer name.
 */
import { LIMITS } from '../core/layers/index.ts';
import type { ProjectWeights, WeightTensor } from '../core/project/types.ts';
import type { H5wasm } from './h5wasmLoader.ts';
import { loadH5wasm } from './h5wasmLoader.ts';
import type { InteropProblem } from './interopProblem.ts';
import { sentence } from './interopProblem.ts';
import type { KerasWeightSlot } from './kerasWeightLayout.ts';
import { kerasWeightLayout } from './kerasWeightLayout.ts';
import type { H5Dataset, H5Group, KerasWeightsH5Options } from './kerasWeightsH5Shared.ts';
import { product } from './kerasWeightsH5Shared.ts';

export type KerasWeightsReadResult =
  | {
      ok: true;
      /** Weights by Keras layer name (layers without weights are left out), with Keras's weight names. */
      weights: ProjectWeights;
      warnings: string[];
    }
  | { ok: false; problems: InteropProblem[] };

/** More numbers than this in one weights file are refused (800 MB of float32); LayerLab caps layers far lower. */
export const MAX_WEIGHT_VALUES = 200_000_000;

/** HDF5's file signature, at offset 0 or after a user block of 512, 1024, 2048, ... bytes. */
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** H5T_class_t values in h5wasm's dataset metadata. */
const H5T_INTEGER = 0;
const H5T_FLOAT = 1;

function hasHdf5Signature(bytes: Uint8Array): boolean {
  for (let offset = 0; offset + HDF5_SIGNATURE.length <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
    if (HDF5_SIGNATURE.every((b, i) => bytes[offset + i] === b)) return true;
  }
  return false;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // HDF5's error stack is long; its last "minor:" line usually says the most.
  const minors = [...text.matchAll(/minor: (.+)/g)].map((m) => (m[1] ?? '').trim());
  const last = minors[minors.length - 1];
  return (last ?? text.split('\n')[0] ?? '').slice(0, 200);
}

/** A child group, or null when there is none (never follows external links). */
function childGroup(h5: H5wasm, group: H5Group, name: string): H5Group | null {
  if (!group.keys().includes(name)) return null;
  const entity = group.get(name);
  return entity instanceof h5.h5.Group ? entity : null;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

interface ReadState {
  h5: H5wasm;
  problems: InteropProblem[];
  warnings: string[];
  totalValues: number;
}

function readDataset(state: ReadState, slot: KerasWeightSlot, where: string, dataset: H5Dataset, name: string): WeightTensor | null {
  const problem = (reason: string): null => {
    state.problems.push({ layer: slot.layerName, message: `The ${name} weights (${where}) ${reason}.` });
    return null;
  };
  const meta = dataset.metadata;
  if (meta.type !== H5T_FLOAT || (meta.size !== 4 && meta.size !== 8)) {
    return problem(`are stored as ${meta.type === H5T_FLOAT ? `${meta.size * 8}-bit floats` : 'something other than floats'}; LayerLab reads 32-bit (or 64-bit) floats`);
  }
  const shape = dataset.shape;
  if (shape === null || !shape.every((d) => Number.isInteger(d) && d >= 0)) return problem('have no fixed shape');
  const count = product(shape);
  if (count > LIMITS.maxLayerParams.value) {
    return problem(`hold ${count} numbers, more than LayerLab's ${LIMITS.maxLayerParams.value} per layer (${LIMITS.maxLayerParams.reason})`);
  }
  state.totalValues += count;
  if (state.totalValues > MAX_WEIGHT_VALUES) return problem(`take the file past ${MAX_WEIGHT_VALUES} numbers, more than LayerLab reads`);
  const value = dataset.value;
  if (!(value instanceof Float32Array || value instanceof Float64Array) || value.length !== count) {
    return problem('could not be read as numbers');
  }
  // Keras assigns what it loads to float32 variables.
  const values = value instanceof Float32Array ? Array.from(value) : Array.from(value, (v) => Math.fround(v));
  return { name, shape: [...shape], values };
}

function readSlot(state: ReadState, layersRoot: H5Group | null, rootName: string, slot: KerasWeightSlot): WeightTensor[] | null {
  const { h5 } = state;
  const path = `${rootName}/${slot.groupName}/vars`;
  const layerGroup = layersRoot === null ? null : childGroup(h5, layersRoot, slot.groupName);
  const vars = layerGroup === null ? null : childGroup(h5, layerGroup, 'vars');
  const keys = vars === null ? [] : vars.keys();
  const names = slot.weightNames;
  const layer = slot.layerName;
  if (names === null) {
    if (keys.length > 0) {
      state.problems.push({
        layer,
        message: `This layer is a ${slot.className.slice(0, 80)}, whose weights LayerLab does not know (it reads Dense, BatchNormalization and PReLU weights).`,
      });
    }
    return null;
  }
  if (keys.length !== names.length) {
    const expected = names.length === 0 ? 'none' : `${names.length} (${names.join(', ')})`;
    const found = vars === null ? 'has no weights for this layer' : `holds ${plural(keys.length, 'weight array')} at ${path}`;
    state.problems.push({
      layer,
      message: `model.weights.h5 ${found}, but a ${slot.className} with this config has ${expected}.`,
    });
    return null;
  }
  if (vars === null) return [];
  const tensors: WeightTensor[] = [];
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i] ?? '';
    const entity = keys.includes(String(i)) ? vars.get(String(i)) : null;
    if (!(entity instanceof h5.h5.Dataset)) {
      state.problems.push({ layer, message: `model.weights.h5 has no array ${path}/${i} for this layer's ${name} weights.` });
      return null;
    }
    const tensor = readDataset(state, slot, `${path}/${i}`, entity, name);
    if (tensor === null) return null;
    tensors.push(tensor);
  }
  return tensors;
}

/** Reads /optimizer/vars only to say what is not imported. */
function optimizerWarning(h5: H5wasm, root: H5Group): string | null {
  const optimizer = childGroup(h5, root, 'optimizer');
  const vars = optimizer === null ? null : childGroup(h5, optimizer, 'vars');
  if (vars === null) return null;
  const keys = vars.keys();
  let iterations = 0;
  const first = keys.includes('0') ? vars.get('0') : null;
  if (first instanceof h5.h5.Dataset && first.metadata.type === H5T_INTEGER && product(first.shape ?? [0]) === 1) {
    const value = first.value;
    const scalar = ArrayBuffer.isView(value) ? (value as unknown as ArrayLike<number | bigint>)[0] : value;
    if (typeof scalar === 'bigint' || typeof scalar === 'number') iterations = Number(scalar);
  }
  // Fresh state (as LayerLab writes it, or an optimizer that never trained) loses nothing.
  if (iterations === 0) return null;
  return `The optimizer's saved state (after ${plural(iterations, 'training step')}) is not imported: training in LayerLab starts the optimizer afresh.`;
}

/**
 * Reads a Keras 3 `model.weights.h5`, given the model config it belongs to (parsed or not), into weights by Keras
 * layer name with Keras's weight names. Checks that every layer has exactly the variables its config gives it (by
 * count; shapes are checked against the network by the caller) stored as floats. Never throws: a file that is not
 * HDF5, is damaged, or does not fit the config gives problems.
 */
export async function readKerasWeightsH5(bytes: Uint8Array, modelConfig: unknown, options: KerasWeightsH5Options = {}): Promise<KerasWeightsReadResult> {
  const layout = kerasWeightLayout(modelConfig);
  if (!layout.ok) return layout;
  if (!hasHdf5Signature(bytes)) {
    return { ok: false, problems: [{ layer: null, message: 'model.weights.h5 is not an HDF5 file, so its weights cannot be read.' }] };
  }
  let h5: H5wasm;
  try {
    h5 = await (options.h5wasm ?? loadH5wasm());
  } catch (error) {
    return { ok: false, problems: [{ layer: null, message: sentence(`The HDF5 reader (h5wasm) could not be loaded: ${errorText(error)}`) }] };
  }
  const path = h5.scratchPath();
  let file: InstanceType<H5wasm['h5']['File']> | null = null;
  try {
    h5.writeFile(path, bytes);
    file = new h5.h5.File(path, 'r');
    const state: ReadState = { h5, problems: [], warnings: [], totalValues: 0 };
    // Keras 2.13-2.15 (tf.keras) wrote "_layer_checkpoint_dependencies" where Keras 3 writes "layers".
    const rootName = file.keys().includes('layers') ? 'layers' : '_layer_checkpoint_dependencies';
    const layersRoot = childGroup(h5, file, rootName);
    const layers: ProjectWeights['layers'] = {};
    for (const slot of layout.slots) {
      const tensors = readSlot(state, layersRoot, rootName, slot);
      if (tensors !== null && tensors.length > 0) layers[slot.layerName] = tensors;
    }
    if (state.problems.length > 0) return { ok: false, problems: state.problems };
    const known = new Set(layout.slots.map((s) => s.groupName));
    for (const name of layersRoot?.keys() ?? []) {
      if (known.has(name)) continue;
      const group = layersRoot === null ? null : childGroup(h5, layersRoot, name);
      const vars = group === null ? null : childGroup(h5, group, 'vars');
      if (vars !== null && vars.keys().length > 0) {
        state.warnings.push(`model.weights.h5 holds weights at ${rootName}/${name}, which belong to no layer of the model; they were ignored.`);
      }
    }
    const optimizer = optimizerWarning(h5, file);
    if (optimizer !== null) state.warnings.push(optimizer);
    return { ok: true, weights: { layers }, warnings: state.warnings };
  } catch (error) {
    return { ok: false, problems: [{ layer: null, message: `model.weights.h5 is damaged and cannot be read (HDF5: ${errorText(error)}).` }] };
  } finally {
    try {
      file?.close();
    } catch {
      // Closing a file HDF5 could only half read; the scratch file is removed below either way.
    }
    h5.remove(path);
  }
}
