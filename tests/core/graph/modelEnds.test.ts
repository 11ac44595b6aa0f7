/**
 * The model's recorded structure against the live graph (modelEnds.ts), the Keras API rules (kerasApi.ts), the
 * editor command that stores the student's pick, the canvas edits that must keep or update the record, and the
 * project schema's messages for a bad graph.model.
 */
import { describe, expect, it } from 'vitest';
import { chainGraph, connect, createNode } from '../../../src/core/graph/build.ts';
import { kerasApiFor } from '../../../src/core/graph/kerasApi.ts';
import { layoutGraph } from '../../../src/core/graph/layout.ts';
import { modelEnds, reconcileEnds, reconciledStructure } from '../../../src/core/graph/modelEnds.ts';
import type { Graph, ModelStructure } from '../../../src/core/graph/types.ts';
import { removeFromGraph } from '../../../src/core/editing/subgraph.ts';
import { renameInGraph } from '../../../src/core/editing/renameNode.ts';
import { inferShapes } from '../../../src/core/shapes/inferShapes.ts';
import { createProject, parseProject, serializeProject } from '../../../src/core/project/index.ts';
import type { EditCommand } from '../../../src/state/editor/commands.ts';
import { applyCommand, commandLabel } from '../../../src/state/editor/commands.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';

/** Two Inputs a, b; sum = a + b and prod = a × b, both outputs (the model). */
function sumProd(model?: ModelStructure): Graph {
  const graph: Graph = {
    nodes: [createNode('a', 'Input', { shape: [2] }), createNode('b', 'Input', { shape: [2] }), createNode('sum', 'Add'), createNode('prod', 'Multiply')],
    edges: [connect('a', 'sum', 0), connect('b', 'sum', 1), connect('a', 'prod', 0), connect('b', 'prod', 1)],
  };
  return model === undefined ? graph : { ...graph, model };
}

const DICT: ModelStructure = {
  api: 'functional',
  inputs: { form: 'dict', ends: [{ node: 'b', key: 'second' }, { node: 'a', key: 'first' }] },
  outputs: { form: 'dict', ends: [{ node: 'prod', key: 'out_prod' }, { node: 'sum', key: 'out_sum' }] },
};

describe('modelEnds: the recorded structure reconciled with the graph', () => {
  it('without a record: graph order, one end a single tensor, several a list', () => {
    expect(modelEnds(sumProd())).toEqual({
      inputs: { form: 'list', ends: [{ node: 'a', key: 'a' }, { node: 'b', key: 'b' }] },
      outputs: { form: 'list', ends: [{ node: 'sum', key: 'sum' }, { node: 'prod', key: 'prod' }] },
    });
    const chain = chainGraph([createNode('x', 'Input', { shape: [2] }), createNode('out', 'Dense')]);
    expect(modelEnds(chain).outputs).toEqual({ form: 'single', ends: [{ node: 'out', key: 'out' }] });
  });

  it('keeps the recorded order and keys, whatever the graph order', () => {
    expect(modelEnds(sumProd(DICT))).toEqual({
      inputs: { form: 'dict', ends: [{ node: 'b', key: 'second' }, { node: 'a', key: 'first' }] },
      outputs: { form: 'dict', ends: [{ node: 'prod', key: 'out_prod' }, { node: 'sum', key: 'out_sum' }] },
    });
    // Core's inference (and through it the engine) takes the ends in that order too.
    const inference = inferShapes(sumProd(DICT));
    expect([inference.inputs, inference.outputs]).toEqual([
      ['b', 'a'],
      ['prod', 'sum'],
    ]);
  });

  it('drops a deleted node, appends a new end under its node id (made unique), and a single that gains one becomes a list', () => {
    expect(reconcileEnds({ form: 'dict', ends: [{ node: 'gone', key: 'x' }, { node: 'sum', key: 'prod' }] }, ['sum', 'prod'])).toEqual({
      form: 'dict',
      ends: [
        { node: 'sum', key: 'prod' },
        { node: 'prod', key: 'prod_2' },
      ],
    });
    expect(reconcileEnds({ form: 'single', ends: [{ node: 'sum' }] }, ['prod', 'sum'])).toEqual({
      form: 'list',
      ends: [
        { node: 'sum', key: 'sum' },
        { node: 'prod', key: 'prod' },
      ],
    });
    expect(reconcileEnds({ form: 'list', ends: [{ node: 'sum' }] }, ['sum'])).toEqual({ form: 'list', ends: [{ node: 'sum', key: 'sum' }] });
    // A node listed twice counts once; a node that is no longer an output drops out.
    expect(reconcileEnds({ form: 'list', ends: [{ node: 'sum' }, { node: 'sum' }, { node: 'a' }] }, ['sum'])).toEqual({
      form: 'list',
      ends: [{ node: 'sum', key: 'sum' }],
    });
  });

  it('what a saved project holds: the record brought up to date, only the fields that were recorded', () => {
    expect(reconciledStructure(sumProd())).toBeUndefined();
    expect(reconciledStructure(sumProd({ api: 'functional' }))).toEqual({ api: 'functional' });
    const without = removeFromGraph(sumProd(DICT), { nodeIds: ['prod'] });
    expect(reconciledStructure(without)?.outputs).toEqual({ form: 'dict', ends: [{ node: 'sum', key: 'out_sum' }] });
  });
});

describe('canvas edits keep the record', () => {
  it('rename updates the node in the record and keeps its key; an end without a key keeps the old id as its key', () => {
    const renamed = renameInGraph(sumProd(DICT), 'sum', 'total');
    expect(renamed.model?.outputs?.ends).toEqual([
      { node: 'prod', key: 'out_prod' },
      { node: 'total', key: 'out_sum' },
    ]);
    const keyless = renameInGraph(sumProd({ outputs: { form: 'dict', ends: [{ node: 'sum' }] } }), 'sum', 'total');
    expect(keyless.model?.outputs?.ends).toEqual([{ node: 'total', key: 'sum' }]);
    const list = renameInGraph(sumProd({ inputs: { form: 'list', ends: [{ node: 'b' }, { node: 'a' }] } }), 'a', 'first');
    expect(list.model?.inputs?.ends).toEqual([{ node: 'b' }, { node: 'first' }]);
  });

  it('every editor command and the layout keep graph.model', () => {
    const project = createProject('p', sumProd(DICT));
    const commands: EditCommand[] = [
      { type: 'addNodes', nodes: [createNode('extra', 'Dense')], edges: [], label: 'add' },
      { type: 'remove', nodeIds: ['prod'], edgeIds: [] },
      { type: 'moveNodes', positions: { a: { x: 1, y: 1 } } },
      { type: 'layout', positions: { a: { x: 1, y: 1 } } },
      { type: 'setParam', nodeId: 'b', param: 'shape', value: [2] },
      { type: 'connect', edge: connect('a', 'extra') },
    ];
    for (const command of commands) expect(applyCommand(project, command).graph.model, command.type).toEqual(DICT);
    expect(layoutGraph(sumProd(DICT)).model).toEqual(DICT);
  });
});

describe('kerasApiFor: Sequential or functional', () => {
  const chain = (): Graph => chainGraph([createNode('x', 'Input', { shape: [2] }), createNode('h', 'Dense'), createNode('out', 'Dense')]);

  it('a chain from the canvas is Sequential; a chain set to functional is functional', () => {
    expect(kerasApiFor(chain())).toMatchObject({ api: 'sequential', chain: ['x', 'h', 'out'], sequentialBlocker: null, ignored: null });
    expect(kerasApiFor({ ...chain(), model: { api: 'functional' } })).toMatchObject({ api: 'functional', chain: ['x', 'h', 'out'], sequentialBlocker: null, ignored: null });
  });

  it('a branching network can only be functional; asked for Sequential, the pick is ignored with the reason', () => {
    const blocker =
      'Keras Sequential is a straight chain of layers from one Input; this network branches, merges or has more than one Input or output, so only the functional API can build it.';
    expect(kerasApiFor(sumProd())).toEqual({ api: 'functional', chain: null, sequentialBlocker: blocker, ignored: null });
    expect(kerasApiFor(sumProd({ api: 'sequential' })).ignored).toBe(`The model was set to Keras Sequential, but it is written with the functional API: ${blocker}`);
  });

  it('a chain whose input or output is a dict or a list can only be functional', () => {
    const listIn = { ...chain(), model: { api: 'sequential' as const, inputs: { form: 'list' as const, ends: [{ node: 'x' }] } } };
    expect(kerasApiFor(listIn)).toMatchObject({
      api: 'functional',
      chain: ['x', 'h', 'out'],
      sequentialBlocker: "The model's inputs are a list of one, which only Keras's functional API can express.",
    });
  });
});

describe('the setKerasApi command (the Export dialog)', () => {
  it('stores the pick in the project, undoably, and null goes back to following the graph', () => {
    const store = createEditorStore(createProject('p', chainGraph([createNode('x', 'Input', { shape: [2] }), createNode('out', 'Dense')])));
    const before = store.getState().project;
    store.getState().dispatch({ type: 'setKerasApi', api: 'functional' });
    expect(store.getState().project.graph.model).toEqual({ api: 'functional' });
    expect(commandLabel({ type: 'setKerasApi', api: 'functional' })).toBe('use Keras functional API');
    store.getState().undo();
    expect(store.getState().project).toBe(before);
    store.getState().redo();
    store.getState().dispatch({ type: 'setKerasApi', api: null });
    expect(store.getState().project.graph.model).toBeUndefined();
    expect(applyCommand(before, { type: 'setKerasApi', api: null })).toBe(before);
  });

  it('keeps the recorded inputs and outputs when the API changes', () => {
    const project = createProject('p', sumProd(DICT));
    expect(applyCommand(project, { type: 'setKerasApi', api: null }).graph.model).toEqual({ inputs: DICT.inputs, outputs: DICT.outputs });
  });
});

describe('graph.model in a project file', () => {
  const fileWith = (model: unknown): string => {
    const text = serializeProject(createProject('p', sumProd()));
    const json = JSON.parse(text) as { graph: Record<string, unknown> };
    json.graph.model = model;
    return JSON.stringify(json);
  };
  const errors = (model: unknown): { path: string; message: string }[] => {
    const result = parseProject(fileWith(model));
    return result.ok ? [] : result.errors;
  };

  it('round-trips, and a file with the structure opens to it', () => {
    const result = parseProject(fileWith(DICT));
    expect(result.ok && result.project.graph.model).toEqual(DICT);
  });

  it('names the field at fault in plain sentences', () => {
    expect(errors({ api: 'keras' })).toEqual([
      { path: 'graph.model.api', message: 'The Keras API "graph.model.api" must be one of sequential, functional; it is the text "keras".' },
    ]);
    expect(errors({ outputs: { form: 'dict', ends: [{ node: 'nope', key: 'k' }, { node: 'sum', key: 'k' }, { node: 'a' }] } })).toEqual([
      { path: 'graph.model.outputs.ends[0].node', message: 'The model output "nope" at "graph.model.outputs.ends[0].node" is not a node of the graph.' },
      { path: 'graph.model.outputs.ends[1].key', message: 'The key "k" at "graph.model.outputs.ends[1].key" is used twice; every model output needs its own key.' },
      { path: 'graph.model.outputs.ends[2].node', message: 'The model output "a" at "graph.model.outputs.ends[2].node" is an Input; a model output is a layer.' },
    ]);
    expect(errors({ inputs: { form: 'single', ends: [{ node: 'a' }, { node: 'sum', key: 'x' }] } })).toEqual([
      {
        path: 'graph.model.inputs.ends',
        message: 'The model inputs "graph.model.inputs" have the form "single" but list 2 nodes; use "list" or "dict" for more than one.',
      },
      { path: 'graph.model.inputs.ends[1].node', message: 'The model input "sum" at "graph.model.inputs.ends[1].node" is a Add, not an Input.' },
      { path: 'graph.model.inputs.ends[1].key', message: 'The key "x" at "graph.model.inputs.ends[1].key" is only used when the model inputs have the form "dict".' },
    ]);
    expect(errors({ outputs: { form: 'dict', ends: [{ node: 'sum', name: 'x' }] } })).toEqual([
      {
        path: 'graph.model.outputs.ends[0].name',
        message: 'Model output 1 "graph.model.outputs.ends[0]" has an unknown field "name"; its fields are node, key.',
      },
    ]);
  });
});
