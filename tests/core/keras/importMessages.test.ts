/**
 * Every message the Keras architecture importer gives for a malformed call, reference or argument, read through
 * importKerasConfig as a user's file reaches it: one crafted model per message, with the exact sentence.
 */
import { describe, expect, it } from 'vitest';
import { importKerasConfig, KERAS_IMPORT_LIMITS } from '../../../src/core/keras/importConfig.ts';

type Json = Record<string, unknown>;

const LIMIT = KERAS_IMPORT_LIMITS.maxLayers;

const tensor = (layer: string, nodeIndex = 0): Json => ({
  class_name: '__keras_tensor__',
  config: { shape: null, dtype: 'float32', keras_history: [layer, nodeIndex, 0] },
});
const call = (...args: unknown[]): Json => ({ args, kwargs: {} });
const k3 = (className: string, name: string, config: Json, inbound: unknown = []): Json => ({
  module: 'keras.layers',
  class_name: className,
  config: { name, ...config },
  registered_name: null,
  name,
  inbound_nodes: inbound,
});
const INPUT = k3('InputLayer', 'x', { batch_shape: [null, 4] });
/** A Dense layer 'd' with the given inbound nodes and extra config. */
const dense = (inbound: unknown, extra: Json = {}): Json => k3('Dense', 'd', { units: 2, ...extra }, inbound);
const fromX = [call(tensor('x'))];

function functional(layers: Json[], outputs: unknown = [['d', 0, 0]], inputs: unknown = [['x', 0, 0]]): Json {
  return { class_name: 'Functional', config: { name: 'm', layers, input_layers: inputs, output_layers: outputs } };
}

function sequential(first: Json): Json {
  return { class_name: 'Sequential', config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'd', units: 2, ...first } }] } };
}

/** The problems a user reads, each as "[layer] message" (or the message alone for the whole file). */
function problemsOf(json: unknown): string[] {
  const result = importKerasConfig(json);
  if (result.ok) throw new Error('import succeeded but should have failed');
  return result.problems.map((p) => (p.layer === null ? p.message : `[${p.layer}] ${p.message}`));
}

describe('importKerasConfig: inbound nodes it cannot read', () => {
  it.each<[string, Json, string]>([
    ['a tensor whose config is not an object', functional([INPUT, dense([call({ class_name: '__keras_tensor__', config: 5 })])]), '[d] An inbound tensor has no valid "keras_history" [layer name, node index, tensor index].'],
    ['a call without "args"', functional([INPUT, dense([{ kwargs: {} }])]), '[d] An inbound node has no "args" list.'],
    ['a call whose "kwargs" is not an object', functional([INPUT, dense([{ args: [tensor('x')], kwargs: 5 }])]), '[d] An inbound node has "kwargs" that is not an object.'],
    ['a Keras 3 call with too many inputs', functional([INPUT, dense([call(Array.from({ length: LIMIT + 1 }, () => tensor('x')))])]), `[d] An inbound node has more than ${LIMIT} inputs.`],
    ['an argument that is not a tensor', functional([INPUT, dense([call(tensor('x'), 5)])]), '[d] An inbound node passes an argument that is not a tensor (LayerLab layers take only tensors).'],
    ['a tensor passed as a keyword argument', functional([INPUT, dense([{ args: [tensor('x')], kwargs: { mask: tensor('x') } }])]), '[d] An inbound node passes a tensor as a keyword argument.'],
    ['a Keras 2 call with too many inputs', functional([INPUT, dense([Array.from({ length: LIMIT + 1 }, () => ['x', 0, 0, {}])])]), `[d] An inbound node has more than ${LIMIT} inputs.`],
    ['a Keras 2 entry too short', functional([INPUT, dense([[['x', 0]]])]), '[d] An inbound entry is not [layer name, node index, tensor index, kwargs].'],
    ['a Keras 2 entry whose call arguments are not an object', functional([INPUT, dense([[['x', 0, 0, 'training']]])]), '[d] An inbound entry has call arguments that are not an object.'],
    ['too many calls', functional([INPUT, dense(Array.from({ length: LIMIT + 1 }, () => call(tensor('x'))))]), `[d] "inbound_nodes" has more than ${LIMIT} entries.`],
    ['a call that is a number', functional([INPUT, dense([5])]), '[d] An inbound node is neither {"args", "kwargs"} nor a list of [layer, node, tensor].'],
    ['"inbound_nodes" that is not a list', functional([INPUT, dense(5)]), '[d] "inbound_nodes" is not a list.'],
    ['an input from a call that does not exist', functional([INPUT, dense([call(tensor('x', 1))])]), "[d] This layer's input is call 1 of layer 'x', which has no such call."],
  ])('refuses %s', (_what, json, message) => {
    expect(problemsOf(json)).toEqual([message]);
  });
});

describe('importKerasConfig: model structure and layer arguments', () => {
  it.each<[string, unknown, string]>([
    ['more input references than layers it imports', functional([INPUT, dense(fromX)], [['d', 0, 0]], Array.from({ length: LIMIT + 1 }, () => ['x', 0, 0])), 'The model\'s "input_layers" is not a list of [layer name, node index, tensor index].'],
    ['an output that also feeds another layer', functional([INPUT, k3('Dense', 'a', { units: 2 }, fromX), dense([call(tensor('a'))])], [['a', 0, 0], ['d', 0, 0]]), "[a] This layer is a model output but also feeds 'd'; in LayerLab a model's outputs are the layers whose output goes nowhere."],
    ['a model of only its input', functional([INPUT], null), 'The model has no outputs.'],
    ['a "model_config" that is not an object', { model_config: '[1]' }, '"model_config" is not an object.'],
    ['an object whose reading throws', { get class_name(): string { throw new Error('boom'); } }, 'The model could not be read: its JSON is not a Keras model config.'],
    ['an initializer whose config is not an object', functional([INPUT, dense(fromX, { kernel_initializer: { class_name: 'GlorotUniform', config: 5 } })]), '[d] kernel_initializer is {"class_name": "GlorotUniform", "config": 5}, not a Keras initializer.'],
    ['an axis that is a word', functional([INPUT, k3('Concatenate', 'd', { axis: 'last' }, [call([tensor('x'), tensor('x')])])]), '[d] axis is "last"; it must be a number.'],
    ['an Activation layer without its activation', functional([INPUT, k3('Activation', 'd', {}, fromX)]), '[d] activation is missing.'],
    ['a function activation from a module outside Keras', functional([INPUT, dense(fromX, { activation: { class_name: 'function', config: 'relu', module: 'mine' } })]), '[d] activation {"class_name": "function", "config": "relu", "module": "mine"} is unknown.'],
    ['a Dense layer of -3 units', functional([INPUT, dense(fromX, { units: -3 })]), '[d] Dense units must be at least 1; it is -3.'],
    ['a layer from a module outside Keras', functional([INPUT, { ...dense(fromX), module: 'my_layers' }]), '[d] \'Dense\' is a custom layer ("my_layers"); LayerLab imports built-in Keras layers only.'],
    ['a layer registered under another name', functional([INPUT, { ...dense(fromX), registered_name: 'Custom>Dense' }]), '[d] \'Dense\' is a custom layer ("Custom>Dense"); LayerLab imports built-in Keras layers only.'],
    ['an InputLayer with a size of None', functional([k3('InputLayer', 'x', { batch_shape: [null, null] }), dense(fromX)]), '[x] The input shape (None, None) has a dimension of unknown size (None); LayerLab needs every size of an example fixed.'],
    ['a Keras 2 first layer with input_shape (None,)', sequential({ input_shape: [null] }), '[d] The input shape (None, None) has a dimension of unknown size (None); LayerLab needs every size of an example fixed.'],
    ['a Keras 2 first layer whose batch_input_shape is a word', sequential({ batch_input_shape: 'x' }), '[d] batch_input_shape is "x"; it must be a list of sizes.'],
  ])('refuses %s', (_what, json, message) => {
    expect(problemsOf(json)).toEqual([message]);
  });

  it('takes a Keras 2 first layer\'s input_dim as its input shape', () => {
    const result = importKerasConfig(sequential({ input_dim: 3 }));
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' | '));
    expect(result.graph.nodes.find((n) => n.kind === 'Input')?.params).toEqual({ shape: [3] });
  });
});
