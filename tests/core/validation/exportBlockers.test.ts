import { describe, expect, it } from 'vitest';
import { chainGraph, createNode } from '../../../src/core/graph/build.ts';
import { exportBlockers } from '../../../src/core/validation/exportBlockers.ts';
import { validateNetwork } from '../../../src/core/validation/validateNetwork.ts';

const xorData = { dataset: { title: 'XOR', numFeatures: 2, numClasses: 2, featureNames: ['x1', 'x2'] }, loss: 'binary_crossentropy' as const };

describe('exportBlockers: what stops layerlab export and the Export menu', () => {
  it('lets a sound network through even when it does not fit its data or loss', () => {
    const graph = chainGraph([createNode('x', 'Input', { shape: [3] }), createNode('out', 'Dense', { units: 4, activation: 'softmax' })]);
    const validation = validateNetwork(graph, xorData);
    expect(validation.ok).toBe(false);
    expect(validation.datasetDiagnostics.length).toBeGreaterThan(0);
    expect(exportBlockers(validation)).toEqual([]);
  });

  it('stops on an error of the network itself, naming the layer', () => {
    const graph = chainGraph([createNode('x', 'Input', { shape: [2] }), createNode('out', 'Dense', { units: 0 })]);
    const blockers = exportBlockers(validateNetwork(graph, xorData));
    expect(blockers.map((d) => [d.nodeIds[0], d.message])).toEqual([['out', 'Dense units must be at least 1; it is 0.']]);
  });

  it('stops on a layer Keras cannot express, though building only warns about it', () => {
    const graph = chainGraph([createNode('x', 'Input', { shape: [2] }), createNode('out', 'Dense', { units: 1, activation: 'step' })]);
    const validation = validateNetwork(graph, xorData);
    expect(validation.ok).toBe(true);
    expect(exportBlockers(validation).map((d) => d.code)).toEqual(['not-in-keras']);
  });
});
