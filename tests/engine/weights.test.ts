/** Weights as plain data (names, order, loading with plain-language problems) and seeded starting weights. */
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/core/graph/types.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { initialValues } from '../../src/core/weights/initialWeights.ts';
import { getLayerWeights, setLayerWeights } from '../../src/engine/weights.ts';
import type { LayerWeight, LayerWeights } from '../../src/engine/weights.ts';
import { createRng } from '../../src/core/datasets/rng.ts';
import { arbitraryValidGraph } from '../support/randomGraph.ts';
import { chain, graph, node } from './helpers.ts';

const models: tf.LayersModel[] = [];
afterEach(() => {
  for (const model of models.splice(0)) model.dispose();
});

function compile(g: Graph, seed = 0): tf.LayersModel {
  const result = compileGraph(g, { seed });
  if (!result.ok) throw new Error(result.message);
  models.push(result.model);
  return result.model;
}

function summary(weights: LayerWeights): Record<string, [string, number[]][]> {
  return Object.fromEntries([...weights].map(([id, list]) => [id, list.map((w) => [w.name, w.shape] as [string, number[]])]));
}

const LAYERED = graph(
  [
    node('x', 'Input', { shape: [3] }),
    node('d', 'Dense', { units: 4 }),
    node('nb', 'Dense', { units: 2, use_bias: false }),
    node('bn', 'BatchNormalization'),
    node('bn_c', 'BatchNormalization', { scale: false }),
    node('bn_s', 'BatchNormalization', { center: false }),
    node('bn_0', 'BatchNormalization', { center: false, scale: false }),
    node('p', 'PReLU'),
    node('act', 'Activation'),
    node('grid', 'Input', { shape: [2, 3, 2, 5] }),
    node('bn5', 'BatchNormalization', { axis: 2 }),
    node('p5', 'PReLU', { shared_axes: [1, 3] }),
    node('_hidden', 'Dense', { units: 3 }),
  ],
  [
    ['x', 'd'],
    ['d', 'nb'],
    ['nb', 'bn'],
    ['bn', 'bn_c'],
    ['bn_c', 'bn_s'],
    ['bn_s', 'bn_0'],
    ['bn_0', 'p'],
    ['p', 'act'],
    ['grid', 'bn5'],
    ['bn5', 'p5'],
    ['p5', '_hidden'],
  ],
);

describe('getLayerWeights', () => {
  it("names every weight as Keras does, in Keras's order, by node id, leaving out layers without weights", () => {
    const model = compile(LAYERED);
    expect(summary(getLayerWeights(model))).toEqual({
      d: [
        ['kernel', [3, 4]],
        ['bias', [4]],
      ],
      nb: [['kernel', [4, 2]]],
      bn: [
        ['gamma', [2]],
        ['beta', [2]],
        ['moving_mean', [2]],
        ['moving_variance', [2]],
      ],
      bn_c: [
        ['beta', [2]],
        ['moving_mean', [2]],
        ['moving_variance', [2]],
      ],
      bn_s: [
        ['gamma', [2]],
        ['moving_mean', [2]],
        ['moving_variance', [2]],
      ],
      bn_0: [
        ['moving_mean', [2]],
        ['moving_variance', [2]],
      ],
      p: [['alpha', [2]]],
      bn5: [
        ['gamma', [3]],
        ['beta', [3]],
        ['moving_mean', [3]],
        ['moving_variance', [3]],
      ],
      p5: [['alpha', [1, 3, 1, 5]]],
      _hidden: [
        ['kernel', [5, 3]],
        ['bias', [3]],
      ],
    });
  });

  it('starts BatchNormalization at gamma 1, beta 0, mean 0, variance 1 and PReLU alpha at 0, as Keras does', () => {
    const weights = getLayerWeights(compile(LAYERED));
    const values = (id: string) => Object.fromEntries((weights.get(id) ?? []).map((w) => [w.name, [...w.values]]));
    expect(values('bn')).toEqual({ gamma: [1, 1], beta: [0, 0], moving_mean: [0, 0], moving_variance: [1, 1] });
    expect(values('bn5')).toEqual({ gamma: [1, 1, 1], beta: [0, 0, 0], moving_mean: [0, 0, 0], moving_variance: [1, 1, 1] });
    expect(values('p')).toEqual({ alpha: [0, 0] });
  });

  it('returns copies: changing them does not change the model', () => {
    const model = compile(LAYERED);
    const first = getLayerWeights(model).get('d')?.[0];
    if (first === undefined) throw new Error('no kernel');
    const original = first.values[0];
    first.values[0] = 123;
    expect(getLayerWeights(model).get('d')?.[0]?.values[0]).toBe(original);
  });
});

describe('setLayerWeights', () => {
  it('round-trips: weights read from one model make another compile of the graph predict the same', () => {
    const a = compile(LAYERED, 1);
    const b = compile(LAYERED, 2);
    const inputs = [tf.randomNormal([3, 3]), tf.randomNormal([3, 2, 3, 2, 5])];
    // Give every weight (also gamma, beta, moving statistics, alpha) a value of its own.
    const rng = createRng(9);
    const randomised: LayerWeights = new Map(
      [...getLayerWeights(a)].map(([id, list]) => [id, list.map((w) => ({ ...w, values: w.values.map(() => 0.1 + rng.next()) }))]),
    );
    expect(setLayerWeights(a, randomised)).toEqual([]);
    expect(setLayerWeights(b, getLayerWeights(a))).toEqual([]);
    const out = (m: tf.LayersModel) => tf.tidy(() => (m.predict(inputs) as tf.Tensor[]).map((t) => Array.from(t.dataSync())));
    expect(out(b)).toEqual(out(a));
    tf.dispose(inputs);
  });

  it('loads layer by layer, and says in plain words what it could not load and why', () => {
    const model = compile(LAYERED);
    const before = getLayerWeights(model);
    const f = (n: number) => new Float32Array(n).fill(0.5);
    const given = new Map<string, LayerWeight[]>([
      ['ghost', [{ name: 'kernel', shape: [1, 1], values: f(1) }]],
      ['d', [{ name: 'kernel', shape: [4, 3], values: f(12) }, { name: 'bias', shape: [4], values: f(4) }]],
      ['nb', [{ name: 'kernel', shape: [4, 2], values: f(8) }, { name: 'bias', shape: [2], values: f(2) }]],
      ['bn', [{ name: 'gamma', shape: [2], values: f(2) }]],
      ['p', [{ name: 'alpha', shape: [2], values: f(3) }]],
      ['act', [{ name: 'kernel', shape: [1], values: f(1) }]],
      ['_hidden', [{ name: 'kernel', shape: [5, 3], values: f(15) }, { name: 'bias', shape: [3], values: f(3) }]],
    ]);
    expect(setLayerWeights(model, given)).toEqual([
      'There is no layer called ghost in this network, so its weights were not loaded.',
      "d's kernel weights have shape (3, 4) in this network, but the weights given have shape (4, 3), so d keeps its current weights.",
      'nb has no bias weights (it has kernel), so nb keeps its current weights.',
      'No beta weights were given for bn, so bn keeps its current weights.',
      'No moving_mean weights were given for bn, so bn keeps its current weights.',
      'No moving_variance weights were given for bn, so bn keeps its current weights.',
      "p's alpha weights of shape (2,) need 2 numbers, but 3 were given, so p keeps its current weights.",
      'act has no weights, but kernel weights were given for it.',
    ]);
    const after = getLayerWeights(model);
    for (const id of ['d', 'nb', 'bn', 'p']) expect(after.get(id)).toEqual(before.get(id));
    expect([...(after.get('_hidden')?.[0]?.values ?? [])]).toEqual(new Array(15).fill(0.5));
  });

  it('never throws, even on nonsense', () => {
    const model = compile(LAYERED);
    const nonsense = new Map([['d', [{ name: 'kernel', shape: [3, 4], values: 'abc' }]]]) as unknown as LayerWeights;
    const before = getLayerWeights(model).get('d');
    expect(setLayerWeights(model, nonsense)).toEqual([
      "d's kernel weights of shape (3, 4) need 12 numbers, but 3 were given, so d keeps its current weights.",
      'No bias weights were given for d, so d keeps its current weights.',
    ]);
    expect(getLayerWeights(model).get('d')).toEqual(before);
  });
});

describe('starting weights', () => {
  it('are bit-identical for the same graph and seed in two separate compiles (random graphs)', () => {
    fc.assert(
      fc.property(arbitraryValidGraph(), fc.integer(), (g, seed) => {
        const a = getLayerWeights(compile(g, seed));
        const b = getLayerWeights(compile(g, seed));
        for (const model of models.splice(0)) model.dispose();
        expect(summary(b)).toEqual(summary(a));
        for (const [id, list] of a) {
          list.forEach((w, i) => {
            const other = b.get(id)?.[i]?.values;
            expect(other && Buffer.from(other.buffer).equals(Buffer.from(w.values.buffer))).toBe(true);
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('differ between seeds, and stay put for a layer when another layer is added', () => {
    const base = chain([node('x', 'Input', { shape: [4] }), node('h', 'Dense', { units: 5 }), node('y', 'Dense', { units: 2 })]);
    const kernel = (g: Graph, seed: number, id: string) => [...(getLayerWeights(compile(g, seed)).get(id)?.[0]?.values ?? [])];
    expect(kernel(base, 0, 'h')).not.toEqual(kernel(base, 1, 'h'));
    const longer = chain([node('x', 'Input', { shape: [4] }), node('h', 'Dense', { units: 5 }), node('mid', 'Dense', { units: 5 }), node('y', 'Dense', { units: 2 })]);
    expect(kernel(longer, 7, 'h')).toEqual(kernel(base, 7, 'h'));
  });

  it('follow each Keras initializer', () => {
    const stats = (values: Float32Array) => {
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
      return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
    };
    const shape = [200, 300];
    const rng = createRng(1);
    const glorot = stats(initialValues('glorot_uniform', shape, rng));
    const limit = Math.sqrt(6 / 500);
    expect(glorot.min).toBeGreaterThanOrEqual(-limit);
    expect(glorot.max).toBeLessThanOrEqual(limit);
    expect(glorot.sd).toBeCloseTo(limit / Math.sqrt(3), 3);
    // Truncated normals: Keras scales the standard deviation up by 1/0.8796 so the truncated draw has the target one.
    const he = stats(initialValues('he_normal', shape, rng));
    expect(he.sd / Math.sqrt(2 / 200)).toBeCloseTo(1, 1);
    expect(Math.max(-he.min, he.max)).toBeLessThanOrEqual((2 * Math.sqrt(2 / 200)) / 0.87962566103423978 + 1e-6);
    expect(stats(initialValues('lecun_uniform', shape, rng)).max).toBeLessThanOrEqual(Math.sqrt(3 / 200));
    expect(stats(initialValues('he_uniform', shape, rng)).max).toBeLessThanOrEqual(Math.sqrt(6 / 200));
    expect(stats(initialValues('glorot_normal', shape, rng)).sd / Math.sqrt(2 / 500)).toBeCloseTo(1, 1);
    expect(stats(initialValues('lecun_normal', shape, rng)).sd / Math.sqrt(1 / 200)).toBeCloseTo(1, 1);
    expect(stats(initialValues('random_normal', shape, rng)).sd).toBeCloseTo(0.05, 3);
    const truncated = stats(initialValues('truncated_normal', shape, rng));
    expect(Math.max(-truncated.min, truncated.max)).toBeLessThanOrEqual(0.1 + 1e-7);
    const uniform = stats(initialValues('random_uniform', shape, rng));
    expect([uniform.min >= -0.05, uniform.max <= 0.05, Math.abs(uniform.mean) < 0.001]).toEqual([true, true, true]);
    expect(new Set(initialValues('zeros', [3, 4], rng))).toEqual(new Set([0]));
    expect(new Set(initialValues('ones', [3, 4], rng))).toEqual(new Set([1]));
  });

  it('honour Dense kernel_initializer and bias_initializer', () => {
    const model = compile(chain([node('x', 'Input', { shape: [3] }), node('d', 'Dense', { units: 2, kernel_initializer: 'ones', bias_initializer: 'ones' })]));
    expect(getLayerWeights(model).get('d')?.map((w) => [...w.values])).toEqual([
      [1, 1, 1, 1, 1, 1],
      [1, 1],
    ]);
  });
});

describe('Dropout', () => {
  it('is seeded: same seed, same masks; a new mask at each training step; identity when predicting', () => {
    const g = chain([node('x', 'Input', { shape: [64] }), node('drop', 'Dropout', { rate: 0.5 })]);
    const ones = tf.ones([1, 64]);
    const masks = (model: tf.LayersModel) =>
      [0, 1, 2].map(() => tf.tidy(() => Array.from((model.apply(ones, { training: true }) as tf.Tensor).dataSync())));
    const a = masks(compile(g, 5));
    const b = masks(compile(g, 5));
    const c = masks(compile(g, 6));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(a[1]).not.toEqual(a[0]);
    // Kept values are scaled by 1 / (1 - rate), as in Keras.
    expect(new Set(a.flat())).toEqual(new Set([0, 2]));
    const predicted = tf.tidy(() => Array.from((compile(g, 5).predict(ones) as tf.Tensor).dataSync()));
    expect(predicted).toEqual(new Array(64).fill(1));
    ones.dispose();
  });
});

describe('BatchNormalization in training', () => {
  it("LayerLab's own layer (used where tfjs's cannot go) trains exactly like tfjs's", () => {
    // A rank-2 input where both apply: tfjs's layer (center and scale on) against LayerLab's (forced via rank 5).
    const data = tf.randomNormal([6, 3], 1, 2, 'float32', 4);
    const flat = compile(chain([node('x', 'Input', { shape: [3] }), node('bn', 'BatchNormalization', { momentum: 0.8 })]));
    const deep = compile(chain([node('x', 'Input', { shape: [1, 1, 1, 3] }), node('bn', 'BatchNormalization', { momentum: 0.8 })]));
    const deepData = tf.reshape(data, [6, 1, 1, 1, 3]);
    for (let step = 0; step < 3; step += 1) {
      const [y1, y2] = tf.tidy(() => [
        Array.from((flat.apply(data, { training: true }) as tf.Tensor).dataSync()),
        Array.from((deep.apply(deepData, { training: true }) as tf.Tensor).dataSync()),
      ]);
      expect(y2.map((v) => v.toFixed(4))).toEqual(y1?.map((v) => v.toFixed(4)));
    }
    const stats = (m: tf.LayersModel) => getLayerWeights(m).get('bn')?.map((w) => [...w.values].map((v) => v.toFixed(5)));
    expect(stats(deep)).toEqual(stats(flat));
    tf.dispose([data, deepData]);
  });

  it('without center or scale normalises with the batch statistics alone (tfjs cannot train this)', () => {
    const model = compile(chain([node('x', 'Input', { shape: [2] }), node('bn', 'BatchNormalization', { center: false, scale: false, epsilon: 0.001 })]));
    const x = tf.tensor2d([
      [1, 10],
      [3, 20],
    ]);
    const y = tf.tidy(() => Array.from((model.apply(x, { training: true }) as tf.Tensor).dataSync()));
    const z = (v: number, mean: number, variance: number) => (v - mean) / Math.sqrt(variance + 0.001);
    expect(y.map((v) => v.toFixed(5))).toEqual([z(1, 2, 1), z(10, 15, 25), z(3, 2, 1), z(20, 15, 25)].map((v) => v.toFixed(5)));
    // moving = 0.99 * moving + 0.01 * batch
    expect(getLayerWeights(model).get('bn')?.map((w) => [...w.values].map((v) => v.toFixed(5)))).toEqual([
      [0.02, 0.15].map((v) => v.toFixed(5)),
      [0.99 + 0.01, 0.99 + 0.25].map((v) => v.toFixed(5)),
    ]);
    x.dispose();
  });
});
