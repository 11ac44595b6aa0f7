/**
 * Trained weights through edits: what a student keeps after training and then changing the network. A layer keeps
 * what it learned unless it is deleted or its weights no longer have the shapes the network needs; a layer whose
 * shape is unknown for a moment (a wire pulled off upstream) keeps them until the shape is known again.
 */
import { describe, expect, it } from 'vitest';
import { connect, createNode } from '../../../src/core/graph/build.ts';
import type { LayerLabProject, ProjectWeights } from '../../../src/core/project/index.ts';
import { expectedWeights } from '../../../src/core/shapes/expectedWeights.ts';
import { inferShapes } from '../../../src/core/shapes/inferShapes.ts';
import { addLayer, connectLayers, deleteElements, renameLayer, setLayerParam } from '../../../src/state/editor/editing.ts';
import { reconcileWeights } from '../../../src/state/editor/reconcileWeights.ts';
import { trainedXor } from '../persistence/helpers.ts';
import { storeOf, withNode, withSpare } from './helpers.ts';

const layersOf = (project: LayerLabProject): ProjectWeights['layers'] => project.weights?.layers ?? {};

/** Whether every kept tensor has the shape the network now expects (never keep weights that cannot load). */
function keptWeightsFit(project: LayerLabProject): void {
  const inference = inferShapes(project.graph);
  const expected = expectedWeights(project.graph, inference);
  for (const [id, tensors] of Object.entries(layersOf(project))) {
    if (inference.nodes.get(id)?.status !== 'ok') continue;
    expect(tensors.map((t) => [t.name, t.shape])).toEqual((expected.get(id) ?? []).map((w) => [w.name, w.shape]));
  }
}

describe('trained weights survive edits that do not touch them', () => {
  it('moving, renaming the project, changing an activation, adding and wiring other layers keep the same weights object', () => {
    const store = storeOf(withSpare(trainedXor()));
    const weights = store.getState().project.weights;
    expect(weights).not.toBeNull();
    const s = () => store.getState();
    s().dispatch({ type: 'moveNodes', positions: { hidden: { x: 320, y: 30 } } });
    s().dispatch({ type: 'renameProject', name: 'Trained' });
    setLayerParam(store, 'hidden', 'activation', 'relu');
    setLayerParam(store, 'out', 'use_bias', true); // unchanged value
    addLayer(store, 'Dense', { x: 900, y: 0 }, 'out');
    expect(connectLayers(store, 'x', 'spare', 0)).toEqual({ ok: true });
    deleteElements(store, ['spare'], []);
    expect(s().project.weights).toBe(weights);
  });
});

describe('trained weights that no longer fit are dropped', () => {
  it("changing a layer's units drops its weights, and those of the layer it feeds (their input width changed)", () => {
    const store = storeOf(trainedXor());
    setLayerParam(store, 'hidden', 'units', 3);
    expect(store.getState().project.weights).toBeNull();
  });

  it("changing the last layer's units drops only its weights", () => {
    const store = storeOf(trainedXor());
    const hidden = layersOf(store.getState().project).hidden;
    setLayerParam(store, 'out', 'units', 2);
    const project = store.getState().project;
    expect(Object.keys(layersOf(project))).toEqual(['hidden']);
    expect(layersOf(project).hidden).toBe(hidden);
    keptWeightsFit(project);
  });

  it('turning off the bias drops that layer’s weights (their list no longer matches)', () => {
    const store = storeOf(trainedXor());
    setLayerParam(store, 'out', 'use_bias', false);
    expect(Object.keys(layersOf(store.getState().project))).toEqual(['hidden']);
  });

  it("deleting a layer drops its weights and keeps the others' as they were", () => {
    const store = storeOf(trainedXor());
    const hidden = layersOf(store.getState().project).hidden;
    deleteElements(store, ['out'], []);
    expect(Object.keys(layersOf(store.getState().project))).toEqual(['hidden']);
    expect(layersOf(store.getState().project).hidden).toBe(hidden);
  });

  it('undo brings the dropped weights back, exactly', () => {
    const store = storeOf(trainedXor());
    const before = store.getState().project;
    setLayerParam(store, 'hidden', 'units', 3);
    store.getState().undo();
    expect(store.getState().project).toBe(before);
    expect(store.getState().project.weights).toBe(before.weights);
  });

  it('weights of a layer that is not in the graph are dropped', () => {
    const project = trainedXor();
    const stray: LayerLabProject = { ...project, weights: { layers: { ...layersOf(project), gone: layersOf(project).out ?? [] } } };
    const reconciled = reconcileWeights(stray);
    expect(Object.keys(layersOf(reconciled))).toEqual(['hidden', 'out']);
  });
});

describe('weights of a layer whose shape is unknown for now are kept', () => {
  it('pulling the wire into hidden off and putting it back keeps every weight', () => {
    const store = storeOf(trainedXor());
    const weights = store.getState().project.weights;
    deleteElements(store, [], ['e1']);
    expect(store.getState().nodeStatus.get('hidden')?.shape).toBeNull();
    expect(store.getState().project.weights).toBe(weights);
    expect(connectLayers(store, 'x', 'hidden', 0)).toEqual({ ok: true });
    expect(store.getState().nodeStatus.get('hidden')?.shape).not.toBeNull();
    expect(store.getState().project.weights).toBe(weights);
  });

  it('a typo upstream (units 0) keeps the weights after it until the shape is known again', () => {
    const store = storeOf(trainedXor());
    const out = layersOf(store.getState().project).out;
    setLayerParam(store, 'hidden', 'units', 0);
    expect(store.getState().nodeStatus.get('out')?.blocked).not.toBeNull();
    expect(layersOf(store.getState().project).out).toBe(out);
    setLayerParam(store, 'hidden', 'units', 4); // back to what it was trained with
    expect(layersOf(store.getState().project).out).toBe(out);
    keptWeightsFit(store.getState().project);
  });

  it('reconnecting to an input of another width drops the weights that no longer fit', () => {
    const store = storeOf(withNode(trainedXor(), createNode('wide', 'Input', { shape: [3] }, { x: 0, y: 200 })));
    const out = layersOf(store.getState().project).out;
    deleteElements(store, [], ['e1']);
    expect(connectLayers(store, 'wide', 'hidden', 0)).toEqual({ ok: true });
    const project = store.getState().project;
    expect(Object.keys(layersOf(project))).toEqual(['out']);
    expect(layersOf(project).out).toBe(out);
    keptWeightsFit(project);
  });
});

describe('renaming a layer renames its weights', () => {
  it('the tensors move to the new name, unchanged', () => {
    const store = storeOf(trainedXor());
    const { hidden, out } = layersOf(store.getState().project);
    expect(renameLayer(store, 'hidden', 'features')).toEqual({ ok: true });
    const layers = layersOf(store.getState().project);
    expect(Object.keys(layers)).toEqual(['features', 'out']);
    expect(layers.features).toBe(hidden);
    expect(layers.out).toBe(out);
    // …and they still fit after the rename, so a later edit elsewhere keeps them.
    setLayerParam(store, 'features', 'activation', 'relu');
    expect(layersOf(store.getState().project).features).toBe(hidden);
  });
});

describe('reconcileWeights on its own', () => {
  it('returns the same project when there are no weights, or when they all fit', () => {
    const trained = trainedXor();
    expect(reconcileWeights(trained)).toBe(trained);
    const bare = { ...trained, weights: null };
    expect(reconcileWeights(bare)).toBe(bare);
  });

  it('keeps the weights of layers caught in a loop (their shapes are unknown until it is fixed)', () => {
    const project = trainedXor();
    const looped: LayerLabProject = {
      ...project,
      graph: { nodes: project.graph.nodes, edges: [...project.graph.edges.filter((e) => e.id !== 'e1'), connect('out', 'hidden')] },
    };
    expect(inferShapes(looped.graph).nodes.get('hidden')?.status).not.toBe('ok');
    expect(reconcileWeights(looped)).toBe(looped);
  });
});
