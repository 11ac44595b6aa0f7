/**
 * Property: for random valid graphs, the compiled tfjs model has core's shapes and parameter counts, layer by layer,
 * and actually runs (prediction and a training-mode forward pass) with outputs of those shapes.
 */
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { inferShapes } from '../../src/core/shapes/inferShapes.ts';
import { compileGraph } from '../../src/engine/compileGraph.ts';
import { layerNameOf } from '../../src/engine/layerNames.ts';
import { arbitraryValidGraph } from '../support/randomGraph.ts';
import { asList, shapeNoBatch } from './helpers.ts';

const RUNS = 500;
const BATCH = 2;

describe('compileGraph agrees with core inferShapes', () => {
  it(`gives ${RUNS} random valid graphs core's shapes and parameter counts, and the models run`, () => {
    const before = tf.memory().numTensors;
    fc.assert(
      fc.property(arbitraryValidGraph(), fc.nat({ max: 1000 }), (graph, seed) => {
        const core = inferShapes(graph);
        expect(core.ok).toBe(true);
        const result = compileGraph(graph, { seed });
        if (!result.ok) throw new Error(`compileGraph refused a valid graph: ${result.message}`);
        const { model } = result;
        try {
          expect(result.inputs).toEqual(core.inputs);
          expect(result.outputs).toEqual(core.outputs);
          expect(model.inputs.map((t) => t.shape.slice(1))).toEqual(
            core.inputs.map((id) => {
              const info = core.nodes.get(id);
              return info?.status === 'ok' ? [...info.shape] : null;
            }),
          );
          const expectedOutputs = core.outputs.map((id) => {
            const info = core.nodes.get(id);
            return info?.status === 'ok' ? [...info.shape] : null;
          });
          expect(model.outputs.map((t) => t.shape.slice(1))).toEqual(expectedOutputs);

          for (const node of graph.nodes) {
            const info = core.nodes.get(node.id);
            if (info?.status !== 'ok') throw new Error(`core has no shape for ${node.id}`);
            const layer = model.getLayer(layerNameOf(node.id));
            expect({ id: node.id, shape: shapeNoBatch(layer.outputShape) }).toEqual({ id: node.id, shape: [...info.shape] });
            expect({ id: node.id, params: layer.countParams() }).toEqual({ id: node.id, params: info.params });
          }
          expect(model.countParams()).toBe(core.totalParams);

          // The model must also run: symbolic shapes alone do not catch a kernel that fails at run time.
          const inputs = model.inputs.map((t) => tf.randomNormal([BATCH, ...(t.shape.slice(1) as number[])]));
          try {
            for (const training of [false, true]) {
              const outputs = asList(model.apply(inputs, { training }) as tf.Tensor | tf.Tensor[]);
              expect(outputs.map((t) => t.shape)).toEqual(expectedOutputs.map((s) => [BATCH, ...(s ?? [])]));
              tf.dispose(outputs);
            }
          } finally {
            tf.dispose(inputs);
          }
        } finally {
          model.dispose();
        }
      }),
      { numRuns: RUNS },
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
