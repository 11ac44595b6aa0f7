/**
 * Import and export messages no other test reads, read here as a student sees them (formatProblem of the Problem
 * the CLI and the app make): one case per message, so every message the app can show has a test that reads it.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importKerasConfig } from '../../../src/core/keras/importConfig.ts';
import { importTfjsModel } from '../../../src/core/keras/tfjsImport.ts';
import { formatProblems, problemsFromLayerProblems, problemsFromWarnings } from '../../../src/core/problems/index.ts';
import type { LayerProblemLike } from '../../../src/core/problems/index.ts';
import { readArchive } from '../../../src/interop/kerasArchive.ts';
import { checkWeightsForLayout, kerasWeightLayout, readKerasWeightsH5 } from '../../../src/interop/kerasWeightsH5.ts';
import { readTraining } from '../../../src/interop/trainingFromCompileConfig.ts';
import { ZipFailure } from '../../../src/interop/zipReader.ts';

type Json = Record<string, unknown>;

const tensor = (layer: string, nodeIndex = 0, tensorIndex = 0): Json => ({
  class_name: '__keras_tensor__',
  config: { shape: null, dtype: 'float32', keras_history: [layer, nodeIndex, tensorIndex] },
});
const layer = (className: string, name: string, config: Json, args: Json[][] = [], kwargs: Json = {}): Json => ({
  module: 'keras.layers',
  class_name: className,
  name,
  config: { name, ...config },
  registered_name: null,
  inbound_nodes: args.map((a) => ({ args: a, kwargs })),
});
const input = (name: string, shape: number[] = [2], batch: number | null = null): Json => layer('InputLayer', name, { batch_shape: [batch, ...shape] });
const dense = (name: string, from: string, config: Json = {}): Json => layer('Dense', name, { units: 1, ...config }, [[tensor(from)]]);
const functional = (layers: Json[], inputs: unknown = [['x', 0, 0]], outputs: unknown = [['d', 0, 0]]): Json => ({
  class_name: 'Functional',
  config: { name: 'm', layers, input_layers: inputs, output_layers: outputs },
});
const sequential = (layers: Json[]): Json => ({ class_name: 'Sequential', config: { name: 'm', layers } });

/** What `layerlab import` prints for the model (problems when refused, warnings when imported). */
function importText(json: unknown): string {
  const result = importKerasConfig(json);
  return result.ok ? formatProblems(problemsFromWarnings(result.warnings, 'import')) : formatProblems(problemsFromLayerProblems(result.problems, 'import'));
}

const text = (result: { ok: true } | { ok: false; problems: readonly LayerProblemLike[] }): string =>
  result.ok ? 'imported' : formatProblems(problemsFromLayerProblems(result.problems, 'import'));

describe('Keras model config messages', () => {
  it.each<[string, unknown, string]>([
    ['a layer without a name', sequential([{ class_name: 'InputLayer', config: { batch_shape: [null, 2] } }]), "error: Layer #1 ('InputLayer') has no name."],
    [
      'an InputLayer fed by another layer',
      functional([input('x'), { ...input('y'), inbound_nodes: [{ args: [tensor('x')], kwargs: {} }] }, dense('d', 'y')], [['x', 0, 0], ['y', 0, 0]]),
      'error [y]: An InputLayer cannot take inputs.',
    ],
    ['a layer nothing feeds', functional([input('x'), layer('Dense', 'd', { units: 1 })]), 'error [d]: This layer has no inbound nodes, so nothing feeds it.'],
    [
      'an input from a call that does not exist',
      functional([input('x'), layer('Dense', 'd', { units: 1 }, [[tensor('x', 1)]])]),
      "error [d]: This layer's input is call 1 of layer 'x', which has no such call.",
    ],
    [
      'an input from a second output',
      functional([input('x'), layer('Dense', 'd', { units: 1 }, [[tensor('x', 0, 1)]])]),
      "error [d]: This layer's input is output 1 of layer 'x'; LayerLab layers have a single output.",
    ],
    [
      'a model output listed twice',
      functional([input('x'), dense('d', 'x')], [['x', 0, 0]], [['d', 0, 0], ['d', 0, 0]]),
      "error [d]: This layer is listed twice among the model's outputs.",
    ],
    [
      'a model output from a second call',
      functional([input('x'), dense('d', 'x')], [['x', 0, 0]], [['d', 1, 0]]),
      'error [d]: The model output is call 1, output 0 of this layer; LayerLab layers have one call and one output.\n' +
        'error [d]: This layer is not a model output, but nothing uses its output, so LayerLab would make it an extra output.',
    ],
    [
      'a model input that is not an InputLayer',
      functional([input('x'), dense('d', 'x'), dense('e', 'd')], [['d', 0, 0]], [['e', 0, 0]]),
      "error [d]: This layer is a model input but a Dense, not an InputLayer.\nerror [x]: This layer is an InputLayer but not one of the model's inputs.",
    ],
    [
      'a layer that is both a model input and output',
      functional([input('x'), dense('d', 'x')], [['x', 0, 0]], [['x', 0, 0]]),
      'error [x]: This layer is both a model input and a model output; LayerLab needs a layer between them.\n' +
        'error [d]: This layer is not a model output, but nothing uses its output, so LayerLab would make it an extra output.',
    ],
    [
      'model inputs that are not a list',
      functional([input('x'), dense('d', 'x')], 'x'),
      'error: The model\'s "input_layers" is not a list of [layer name, node index, tensor index].',
    ],
    ['inbound nodes that are not a list', functional([input('x'), { ...dense('d', 'x'), inbound_nodes: 'x' }]), 'error [d]: "inbound_nodes" is not a list.'],
    ['a Sequential InputLayer after the first layer', sequential([input('x'), dense('d', 'x'), input('y')]), 'error [y]: An InputLayer can only be the first layer of a Sequential model.'],
    ['a Sequential model of an InputLayer alone', sequential([input('x')]), 'error: The model has no layers after its input.'],
    [
      'an empty batch shape',
      sequential([layer('InputLayer', 'x', { batch_shape: [] }), dense('d', 'x')]),
      'error [x]: batch_shape is empty; it must start with the batch dimension.',
    ],
    ['an InputLayer without a shape', sequential([layer('InputLayer', 'x', {}), dense('d', 'x')]), 'error [x]: This InputLayer has no batch_shape, so the size of an example is unknown.'],
    ['a Reshape target that is not a shape', sequential([input('x', [4]), layer('Reshape', 'r', { target_shape: 'x' })]), 'error [r]: target_shape is "x"; it must be a list of sizes.'],
    ['a Reshape without a target', sequential([input('x', [4]), layer('Reshape', 'r', {})]), 'error [r]: target_shape is missing.'],
    ['PReLU shared axes that are not axes', sequential([input('x', [4]), layer('PReLU', 'p', { shared_axes: 'all' })]), 'error [p]: shared_axes is "all"; it must be a list of axes.'],
    [
      'arguments of the wrong type',
      sequential([input('x'), dense('d', 'x', { units: 'many', use_bias: 'yes' })]),
      'error [d]: units is "many"; it must be a number.\nerror [d]: use_bias is "yes"; it must be true or false.',
    ],
    ['a required argument left out', sequential([input('x'), layer('Dense', 'd', {})]), 'error [d]: units is missing.'],
    [
      'regularizers LayerLab cannot read',
      sequential([input('x'), dense('d', 'x', { kernel_regularizer: { class_name: 'L1L2', config: { l1: 'a' } } }), dense('e', 'd', { kernel_regularizer: 5 })]),
      'error [d]: kernel_regularizer L1L2(l1="a") has penalties that are not numbers.\nerror [e]: kernel_regularizer is 5, not a Keras regularizer.',
    ],
    [
      'initializers LayerLab does not have',
      sequential([input('x'), dense('d', 'x', { kernel_initializer: { class_name: 'Constant', config: { value: 0.5 } } }), dense('e', 'd', { kernel_initializer: 5 })]),
      'error [d]: kernel_initializer Constant(value=0.5) is a constant LayerLab has no initializer for (it has zeros and ones).\n' +
        'error [e]: kernel_initializer is 5, not a Keras initializer.',
    ],
  ])('%s', (_name, json, expected) => {
    expect(importText(json)).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['a fixed batch size', sequential([input('x', [2], 32), dense('d', 'x')]), "warning: In layer 'x', the fixed batch size 32 in batch_shape is ignored."],
    [
      'call arguments',
      functional(
        [input('x'), layer('Dropout', 'd', { rate: 0.5 }, [[tensor('x')]], { training: true }), layer('Dense', 'e', { units: 1 }, [[tensor('d')]], { mask: 1 })],
        [['x', 0, 0]],
        [['e', 0, 0]],
      ),
      "warning: Layer 'd' is called with training=True (always in training mode); LayerLab ignores this.\nwarning: In layer 'e', the call argument 'mask' (1) is ignored.",
    ],
  ])('warns: %s', (_name, json, expected) => {
    expect(importText(json)).toBe(expected);
  });
});

describe('TensorFlow.js weights manifest messages', () => {
  const topology = {
    class_name: 'Sequential',
    config: {
      name: 'm',
      layers: [
        { class_name: 'InputLayer', config: { name: 'x', batch_input_shape: [null, 2] } },
        { class_name: 'Dense', config: { name: 'd', units: 1, activation: 'linear' } },
      ],
    },
    keras_version: 'tfjs-layers 4.22.0',
  };
  const model = (manifest: unknown): Json => ({ format: 'layers-model', modelTopology: topology, weightsManifest: manifest });
  const kernel = { name: 'd/kernel', shape: [2, 1], dtype: 'float32' };
  const bias = { name: 'd/bias', shape: [1], dtype: 'float32' };

  it('a manifest that is not a list, or entries that are not usable', () => {
    expect(text(importTfjsModel(model('x'), new Uint8Array(0)))).toBe('error: "weightsManifest" is not a list.');
    const entries = [7, { weights: [] }, { paths: [], weights: [kernel] }, { paths: ['w.bin'], weights: [{ shape: [1] }, { ...bias, shape: [100000, 100000, 100000, 100000] }] }];
    expect(text(importTfjsModel(model(entries), new Uint8Array(0)))).toBe(
      [
        'error: Entry 1 of weightsManifest is not an object.',
        'error: Entry 2 of weightsManifest has no "paths" list.',
        'error: Entry 3 of weightsManifest lists weights but no file holding them.',
        'error: Entry 4 of weightsManifest has a weight without a name.',
        "error: The weight 'd/bias' of shape (100000, 100000, 100000, 100000) is far too large.",
      ].join('\n'),
    );
    const many = [{ paths: Array.from({ length: 10_001 }, (_, i) => `w${i}.bin`), weights: [] }];
    expect(text(importTfjsModel(model(many), new Uint8Array(0)))).toBe('error: The weights manifest lists more than 10000 files or 100000 weights.');
  });

  it('weights that are not bytes, and a weight without its layer in its name', () => {
    const manifest = [{ paths: ['w.bin'], weights: [kernel, bias] }];
    expect(text(importTfjsModel(model(manifest), 'abc' as unknown as Uint8Array))).toBe(
      'error: The weights must be given as bytes (Uint8Array or ArrayBuffer), or a list of them, one per file.',
    );
    expect(text(importTfjsModel(model(manifest), ['abc'] as unknown as Uint8Array[]))).toBe('error: The weight files must be given as bytes (Uint8Array or ArrayBuffer).');
    expect(text(importTfjsModel(model([{ paths: ['w.bin'], weights: [{ ...kernel, name: 'kernel' }, bias] }]), new Uint8Array(12)))).toBe(
      [
        'error: The weight \'kernel\' is not named "<layer>/<weight>", so LayerLab cannot tell which layer it belongs to.',
        'error [d]: The weights manifest has no kernel for this layer (the network needs one of shape (2, 1)).',
      ].join('\n'),
    );
  });
});

describe('.keras file messages', () => {
  const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
  const archiveProblem = (bytes: Uint8Array): string => {
    try {
      readArchive(bytes);
      return 'read';
    } catch (error) {
      if (error instanceof ZipFailure) return error.message;
      throw error;
    }
  };
  /** A .keras-shaped zip with one field of config.json's central directory entry changed. */
  const patched = (offset: number, value: number): Uint8Array => {
    const bytes = zipSync({ 'config.json': encode('{}'), 'model.weights.h5': new Uint8Array(4) });
    const view = new DataView(bytes.buffer);
    const central = view.getUint32(bytes.length - 22 + 16, true);
    view.setUint16(central + offset, value, true);
    return bytes;
  };

  it('weights kept as .npz, an encrypted entry, a compression LayerLab cannot unpack', () => {
    expect(archiveProblem(zipSync({ 'config.json': encode('{}'), 'model.weights.npz': new Uint8Array(4) }))).toBe(
      'The .keras file keeps its weights in model.weights.npz; LayerLab reads model.weights.h5, what model.save() writes by default.',
    );
    expect(archiveProblem(patched(8, 1))).toBe('config.json in the .keras file is encrypted, so LayerLab cannot read it.');
    expect(archiveProblem(patched(10, 12))).toBe('config.json in the .keras file is compressed with zip method 12; LayerLab unpacks stored and deflated files only.');
  });

  it('compile settings LayerLab leaves as they are', () => {
    const warnings: string[] = [];
    readTraining({ compile_config: { optimizer: { class_name: 'Adam', config: { learning_rate: 50 } }, loss: { class_name: 'BinaryCrossentropy', config: { from_logits: true } } } }, warnings);
    readTraining({ compile_config: { optimizer: { class_name: 'SGD', config: { learning_rate: { class_name: 'ExponentialDecay', config: {} } } }, loss: 'binary_crossentropy' } }, warnings);
    expect(formatProblems(problemsFromWarnings(warnings, 'import'))).toBe(
      [
        "warning: The learning rate 50 is outside LayerLab's range (0.000001 to 10); the learning rate setting was left as it is.",
        "warning: The loss BinaryCrossentropy(from_logits=true) works on logits (from_logits=True); LayerLab's losses take probabilities, so the loss setting was left as it is.",
        'warning: The learning rate ExponentialDecay() is a schedule, which LayerLab does not have; the learning rate setting was left as it is.',
      ].join('\n'),
    );
  });

  it('a model config the weights file cannot be laid out for', () => {
    const layoutText = (config: unknown): string => {
      const layout = kerasWeightLayout(config);
      return layout.ok ? 'laid out' : formatProblems(problemsFromLayerProblems(layout.problems, 'import'));
    };
    expect(layoutText(7)).toBe('error: The model config is not a JSON object.');
    expect(layoutText({ class_name: 'Subclassed', config: {} })).toBe('error: The model is "Subclassed", not a Keras Sequential or Functional model.');
    expect(layoutText({ class_name: 'Sequential', config: 1 })).toBe('error: The model config has no "config" object.');
    expect(layoutText({ class_name: 'Sequential', config: { layers: 1 } })).toBe('error: The model config has no "layers" list.');
    expect(layoutText({ class_name: 'Functional', config: { layers: [3, { class_name: 'Dense', config: {} }] } })).toBe(
      'error: Layer #1 of the model config is not a Keras layer.\nerror: Layer #2 of the model config has no name.',
    );
  });

  it('weights the weights file cannot be written with', () => {
    const layout = kerasWeightLayout({
      class_name: 'Functional',
      config: { layers: [{ class_name: 'InputLayer', config: { name: 'x' } }, { class_name: 'Conv2D', config: { name: 'c' } }, { class_name: 'Dense', config: { name: 'd' } }] },
    });
    if (!layout.ok) throw new Error('the layout should be read');
    const one = { shape: [1], values: [1] };
    const problems = checkWeightsForLayout(layout, { layers: { d: [{ name: 'kernel', ...one }, { name: 'kernel', ...one }, { name: 'gamma', ...one }] } });
    expect(formatProblems(problemsFromLayerProblems(problems, 'export'))).toBe(
      [
        'error [c]: LayerLab cannot write weights for a Conv2D layer.',
        "error [d]: A Dense layer has no 'gamma' weights.",
        'error [d]: There are two sets of kernel weights.',
        'error [d]: The bias weights are missing.',
      ].join('\n'),
    );
  });

  it('an HDF5 reader that cannot be loaded', async () => {
    const hdf5Signature = new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const result = await readKerasWeightsH5(hdf5Signature, sequential([]), { h5wasm: Promise.reject(new Error('no wasm here')) });
    expect(text(result)).toBe('error: The HDF5 reader (h5wasm) could not be loaded: no wasm here.');
  });
});
