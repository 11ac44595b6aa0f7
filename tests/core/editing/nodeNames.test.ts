import { describe, expect, it } from 'vitest';
import { checkNodeName, defaultNodeName, kerasSnakeCase, nextNodeId } from '../../../src/core/editing/index.ts';
import { chainGraph, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { NODE_ID_PATTERN } from '../../../src/core/graph/types.ts';
import { LAYER_KINDS } from '../../../src/core/layers/index.ts';
import type { LayerKind } from '../../../src/core/layers/index.ts';

const graph: Graph = chainGraph([
  createNode('x', 'Input', { shape: [2] }),
  createNode('hidden', 'Dense', { units: 4 }),
  createNode('dense', 'Dense', { units: 1 }),
]);

describe('checkNodeName', () => {
  it('accepts a free valid name, trimmed', () => {
    expect(checkNodeName(graph, 'hidden', '  first_layer ')).toEqual({ ok: true, name: 'first_layer' });
    expect(checkNodeName(graph, null, '_a.b-c9')).toEqual({ ok: true, name: '_a.b-c9' });
    expect(checkNodeName(graph, 'hidden', 'a'.repeat(64))).toEqual({ ok: true, name: 'a'.repeat(64) });
  });

  it("accepts a node's own name, and names that differ only in case (Keras names are case-sensitive)", () => {
    expect(checkNodeName(graph, 'hidden', 'hidden')).toEqual({ ok: true, name: 'hidden' });
    expect(checkNodeName(graph, 'hidden', ' hidden ')).toEqual({ ok: true, name: 'hidden' });
    expect(checkNodeName(graph, 'hidden', 'Hidden')).toEqual({ ok: true, name: 'Hidden' });
    expect(checkNodeName(graph, 'hidden', 'DENSE')).toEqual({ ok: true, name: 'DENSE' });
  });

  it('refuses an empty name', () => {
    const reason = "A layer needs a name: type one, such as 'hidden' or 'dense_1'.";
    expect(checkNodeName(graph, 'hidden', '')).toEqual({ ok: false, reason });
    expect(checkNodeName(graph, 'hidden', '   \t ')).toEqual({ ok: false, reason });
  });

  it('refuses a name longer than 64 characters', () => {
    expect(checkNodeName(graph, 'hidden', 'a'.repeat(65))).toEqual({
      ok: false,
      reason: `'${'a'.repeat(40)}…' is 65 characters long; a layer name can have at most 64.`,
    });
  });

  it('refuses a name that starts with something other than a letter or _', () => {
    expect(checkNodeName(graph, 'hidden', '1st')).toEqual({
      ok: false,
      reason: "A layer name must start with a letter (a-z, A-Z) or '_', because it becomes the layer's name in Keras; '1st' starts with '1'.",
    });
    expect(checkNodeName(graph, 'hidden', '-x')).toMatchObject({ reason: expect.stringContaining("'-x' starts with '-'.") });
    expect(checkNodeName(graph, 'hidden', 'élan')).toMatchObject({ reason: expect.stringContaining("'élan' starts with 'é'.") });
  });

  it('refuses characters a Keras layer name cannot have, naming them', () => {
    expect(checkNodeName(graph, 'hidden', 'my layer')).toEqual({
      ok: false,
      reason:
        "A layer name can only use letters (a-z, A-Z), digits, '_', '.' and '-', because it becomes the layer's name in Keras; 'my layer' contains ' ' (a space).",
    });
    expect(checkNodeName(graph, 'hidden', 'block/dense:0')).toMatchObject({
      reason: expect.stringContaining("'block/dense:0' contains '/' and ':'."),
    });
    expect(checkNodeName(graph, 'hidden', 'a b/c#d$e')).toMatchObject({
      reason: expect.stringContaining("contains ' ' (a space), '/' and '#'."),
    });
  });

  it('refuses names JavaScript reserves', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      expect(checkNodeName(graph, 'hidden', name)).toEqual({
        ok: false,
        reason: `'${name}' is reserved by JavaScript; choose another name.`,
      });
    }
  });

  it('refuses a name another layer has, suggesting a free one', () => {
    expect(checkNodeName(graph, 'hidden', 'dense')).toEqual({
      ok: false,
      reason: "Another layer is already named 'dense'; every layer needs its own name, because it becomes the layer's name in Keras. Try 'dense_1'.",
    });
    expect(checkNodeName(graph, null, 'hidden')).toMatchObject({ ok: false, reason: expect.stringContaining("Try 'hidden_1'.") });
  });

  it('never throws on odd input', () => {
    expect(checkNodeName(graph, null, undefined as unknown as string)).toMatchObject({ ok: false });
    expect(checkNodeName({} as Graph, null, 'fine')).toEqual({ ok: true, name: 'fine' });
  });
});

describe('kerasSnakeCase and default names', () => {
  it("matches Keras 3's to_snake_case for every layer kind (values read from Keras 3.15.1)", () => {
    const keras: Record<LayerKind, string> = {
      Input: 'input',
      Dense: 'dense',
      Activation: 'activation',
      Dropout: 'dropout',
      BatchNormalization: 'batch_normalization',
      Flatten: 'flatten',
      Reshape: 'reshape',
      Concatenate: 'concatenate',
      Add: 'add',
      Multiply: 'multiply',
      Softmax: 'softmax',
      ReLU: 're_lu',
      LeakyReLU: 'leaky_re_lu',
      ELU: 'elu',
      PReLU: 'p_re_lu',
    };
    for (const kind of LAYER_KINDS) expect(kerasSnakeCase(kind)).toBe(keras[kind]);
    expect(kerasSnakeCase('InputLayer')).toBe('input_layer');
    expect(kerasSnakeCase('Conv2DTranspose')).toBe('conv2d_transpose');
  });

  it('names Input layers input_layer, as Keras 3 does', () => {
    expect(defaultNodeName('Input')).toBe('input_layer');
    expect(defaultNodeName('LeakyReLU')).toBe('leaky_re_lu');
  });
});

describe('nextNodeId', () => {
  it('counts like Keras: dense, dense_1, dense_2 …', () => {
    const taken = new Set<string>();
    const ids = Array.from({ length: 4 }, () => {
      const id = nextNodeId(taken, 'Dense');
      taken.add(id);
      return id;
    });
    expect(ids).toEqual(['dense', 'dense_1', 'dense_2', 'dense_3']);
  });

  it('takes the first free id, from a graph or a set', () => {
    expect(nextNodeId(graph, 'Dense')).toBe('dense_1');
    expect(nextNodeId(graph, 'Input')).toBe('input_layer');
    expect(nextNodeId(new Set(['input_layer', 'input_layer_1']), 'Input')).toBe('input_layer_2');
    expect(nextNodeId(new Set(['dense_1']), 'Dense')).toBe('dense');
    expect(nextNodeId(new Set(['batch_normalization']), 'BatchNormalization')).toBe('batch_normalization_1');
    expect(nextNodeId(new Set(), 'PReLU')).toBe('p_re_lu');
  });

  it('always returns a valid, free, unreserved id', () => {
    for (const kind of LAYER_KINDS) {
      const id = nextNodeId(graph, kind);
      expect(NODE_ID_PATTERN.test(id)).toBe(true);
      expect(graph.nodes.some((n) => n.id === id)).toBe(false);
    }
    expect(nextNodeId(new Set(), 'NotAKind' as LayerKind)).toBe('not_a_kind');
    expect(nextNodeId(new Set(['layer']), '' as LayerKind)).toBe('layer_1');
  });
});
