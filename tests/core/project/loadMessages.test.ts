/**
 * Messages of parseProject that no other test read: each crafted file breaks one rule, and the test reads the
 * sentence (and the field path) the Open dialog shows for it.
 */
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/core/project/index.ts';
import { at, exampleFile } from './helpers.ts';
import type { JsonObject } from './helpers.ts';

/** graph.model of the XOR example with `inputs` replaced (the output stays the single node "out"). */
function withInputs(inputs: unknown, extra: JsonObject = {}): (file: JsonObject) => void {
  return (file) => {
    at(file, 'graph').model = { api: 'functional', inputs, outputs: { form: 'single', ends: [{ node: 'out' }] }, ...extra };
  };
}

const CASES: [string, (file: JsonObject) => void, string, string][] = [
  [
    'a node listed twice among the model inputs',
    withInputs({ form: 'list', ends: [{ node: 'x' }, { node: 'x' }] }),
    'graph.model.inputs.ends[1].node',
    'Node "x" is listed twice among the model inputs ("graph.model.inputs.ends").',
  ],
  [
    'an empty dict key',
    withInputs({ form: 'dict', ends: [{ node: 'x', key: '' }] }),
    'graph.model.inputs.ends[0].key',
    'The key at "graph.model.inputs.ends[0].key" is empty; a dict key names the model input.',
  ],
  [
    'an unknown field in graph.model',
    withInputs({ form: 'single', ends: [{ node: 'x' }] }, { bogus: 1 }),
    'graph.model.bogus',
    'The model structure "graph.model" has an unknown field "bogus"; its fields are api, inputs, outputs.',
  ],
  [
    'an unknown field in graph.model.inputs',
    withInputs({ form: 'single', ends: [{ node: 'x' }], bogus: 1 }),
    'graph.model.inputs.bogus',
    'The model inputs "graph.model.inputs" has an unknown field "bogus"; its fields are form, ends.',
  ],
  [
    'an unknown field in one model input',
    withInputs({ form: 'single', ends: [{ node: 'x', bogus: 1 }] }),
    'graph.model.inputs.ends[0].bogus',
    'Model input 1 "graph.model.inputs.ends[0]" has an unknown field "bogus"; its fields are node, key.',
  ],
  [
    'an unknown form of the model inputs',
    withInputs({ form: 'tuple', ends: [{ node: 'x' }] }),
    'graph.model.inputs.form',
    'The form of the model inputs "graph.model.inputs.form" must be one of single, list, dict; it is the text "tuple".',
  ],
  [
    'an unknown Keras API',
    withInputs({ form: 'single', ends: [{ node: 'x' }] }, { api: 'subclass' }),
    'graph.model.api',
    'The Keras API "graph.model.api" must be one of sequential, functional; it is the text "subclass".',
  ],
  [
    'a field a builtin dataset does not have',
    (file) => {
      at(file, 'dataset').bogus = 1;
    },
    'dataset.bogus',
    'A dataset of kind "builtin" has no field "bogus"; its fields are kind, name, samples, noise, seed, classes, added.',
  ],
  [
    'more added points than a project keeps',
    (file) => {
      at(file, 'dataset').added = Array.from({ length: 10_001 }, () => ({ x1: 0, x2: 0, label: 0 }));
    },
    'dataset.added',
    'There are 10001 added points; a project keeps at most 10000.',
  ],
  [
    'a weight tensor with one value for a shape that needs two',
    (file) => {
      const out = at(file, 'weights', 'layers').out as unknown[];
      out[1] = { name: 'bias', shape: [2], values: [0] };
    },
    'weights.layers.out[1].values',
    'Weight tensor "bias" of node "out" has 1 value, but its shape [2] needs 2.',
  ],
  [
    'a bad fifth added point, counted in words',
    (file) => {
      at(file, 'dataset').added = [...Array.from({ length: 4 }, () => ({ x1: 0, x2: 0, label: 0 })), { x1: 0, x2: 0, label: 7 }];
    },
    'dataset.added[4].label',
    "The 5th added point's label must be a whole number from 0 to 1 (the xor dataset has 2 classes); it is 7.",
  ],
];

describe('parseProject reports each broken rule in one sentence at its field', () => {
  it.each(CASES)('%s', (_name, mutate, path, message) => {
    const file = exampleFile();
    mutate(file);
    const result = parseProject(JSON.stringify(file));
    if (result.ok) throw new Error('the file was accepted');
    expect(result.errors).toEqual([{ path, message }]);
  });

  it('a file cut off in the middle is not valid JSON, with the parser\'s reason', () => {
    const result = parseProject('{"format": ');
    if (result.ok) throw new Error('the file was accepted');
    expect(result.errors).toEqual([{ path: '', message: expect.stringMatching(/^The file is not valid JSON: \S/) }]);
  });

  it('a number too large for a float is described as such', () => {
    const text = JSON.stringify(exampleFile()).replace('"learningRate":0.1', '"learningRate":1e999');
    const result = parseProject(text);
    if (result.ok) throw new Error('the file was accepted');
    expect(result.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/; it is a number too large to store\.$/));
  });
});

describe('the size cap counts the bytes the file takes on disk (UTF-8)', () => {
  const MB = 1024 * 1024;
  // "😀" is two UTF-16 units and four UTF-8 bytes: counted as 3 bytes per unit, 50 MB of them would be 75 MB.
  it('opens 50 MB of four-byte characters far enough to find they are not JSON', () => {
    const result = parseProject('😀'.repeat((50 * MB) / 4));
    if (result.ok) throw new Error('the file was accepted');
    expect(result.errors).toEqual([{ path: '', message: expect.stringMatching(/^The file is not valid JSON: /) }]);
  });

  it('refuses one character more, with its true size', () => {
    const result = parseProject('😀'.repeat((50 * MB) / 4 + 1));
    if (result.ok) throw new Error('the file was accepted');
    expect(result.errors[0]?.message).toBe('The file is too large to open: it is 50.1 MB, and LayerLab opens project files of up to 50 MB.');
  });

  it('counts a lone high surrogate (which UTF-8 writes as a three-byte replacement) as three bytes', () => {
    // 12.5 M of ("\uD800" + "x") is 50 MB: read as JSON, not refused for its size.
    const result = parseProject('\uD800x'.repeat((50 * MB) / 4));
    if (result.ok) throw new Error('the file was accepted');
    expect(result.errors[0]?.message).toMatch(/^The file is not valid JSON: /);
  });
});
