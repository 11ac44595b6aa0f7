/** Validation diagnostics, import/export problems, warnings and project-file errors as the one Problem type. */
import { describe, expect, it } from 'vitest';
import { createNode } from '../../../src/core/graph/build.ts';
import { importKerasConfig } from '../../../src/core/keras/importConfig.ts';
import {
  formatProblem,
  problemFromDiagnostic,
  problemsFromDiagnostics,
  problemsFromLayerProblems,
  problemsFromMessages,
  problemsFromProjectErrors,
  problemsFromWarnings,
} from '../../../src/core/problems/index.ts';
import type { Diagnostic } from '../../../src/core/shapes/diagnostic.ts';
import { inferShapes } from '../../../src/core/shapes/inferShapes.ts';
import { parseProject } from '../../../src/core/project/index.ts';

describe('problemFromDiagnostic', () => {
  it('points at the first node, keeps the message and fix, and leaves code and param on the Diagnostic', () => {
    const d: Diagnostic = { severity: 'error', code: 'invalid-param', nodeIds: ['hidden'], message: 'Dense units must be at least 1; it is 0.', fix: 'Use 1 or more.', param: 'units' };
    expect(problemFromDiagnostic(d)).toStrictEqual({
      severity: 'error',
      nodeId: 'hidden',
      message: 'Dense units must be at least 1; it is 0.',
      fix: 'Use 1 or more.',
      source: 'validation',
    });
  });

  it('keeps every node when there are several, the first one first', () => {
    const d: Diagnostic = { severity: 'error', code: 'cycle', nodeIds: ['a', 'b'], message: 'a and b form a loop (a → b → a).' };
    expect(problemFromDiagnostic(d)).toStrictEqual({ severity: 'error', nodeId: 'a', nodeIds: ['a', 'b'], message: d.message, source: 'validation' });
  });

  it('has no node for a problem of the whole network, and no fix when there is none', () => {
    const d: Diagnostic = { severity: 'warning', code: 'no-input', nodeIds: [], message: 'The network has no Input layer.' };
    expect(problemFromDiagnostic(d)).toStrictEqual({ severity: 'warning', nodeId: null, message: 'The network has no Input layer.', source: 'validation' });
  });

  it('converts what inferShapes finds, in the same order', () => {
    const graph = {
      nodes: [createNode('x', 'Input', { shape: [2] }), createNode('hidden', 'Dense', { units: 0 }), createNode('spare', 'Input', { shape: [2] })],
      edges: [{ id: 'e1', source: 'x', target: 'hidden', inputIndex: 0 }],
    };
    const { diagnostics } = inferShapes(graph);
    const problems = problemsFromDiagnostics(diagnostics);
    expect(problems.map((p) => [p.severity, p.nodeId])).toEqual([
      ['error', 'hidden'],
      ['warning', 'spare'],
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'error [hidden]: Dense units must be at least 1; it is 0.\n  fix: Use 1 or more.',
      'warning [spare]: Input spare is not connected to anything, so its data is never used.\n  fix: Connect spare to a layer, or delete it.',
    ]);
  });
});

describe('problemsFromLayerProblems', () => {
  it('turns each {layer, message} into an error on that node (or on nothing), with its source', () => {
    expect(
      problemsFromLayerProblems(
        [
          { layer: 'conv', message: 'Conv2D is not a LayerLab layer kind.' },
          { layer: null, message: 'The model has no outputs.' },
        ],
        'import',
      ),
    ).toStrictEqual([
      { severity: 'error', nodeId: 'conv', message: 'Conv2D is not a LayerLab layer kind.', source: 'import' },
      { severity: 'error', nodeId: null, message: 'The model has no outputs.', source: 'import' },
    ]);
    expect(problemsFromLayerProblems([{ layer: 'out', message: 'm.' }], 'export', 'warning')).toStrictEqual([
      { severity: 'warning', nodeId: 'out', message: 'm.', source: 'export' },
    ]);
  });

  it('an import problem points at the node id the layer gets, and names the layer as the file does when they differ', () => {
    const json = {
      class_name: 'Functional',
      config: {
        name: 'm',
        layers: [
          { class_name: 'InputLayer', name: 'in', config: { name: 'in', batch_shape: [null, 2] }, inbound_nodes: [] },
          {
            class_name: 'Dense',
            name: 'my layer',
            config: { name: 'my layer', units: 2, activation: 'foo' },
            inbound_nodes: [{ args: [{ class_name: '__keras_tensor__', config: { keras_history: ['in', 0, 0] } }], kwargs: {} }],
          },
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [['my layer', 0, 0]],
      },
    };
    const result = importKerasConfig(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(problemsFromLayerProblems(result.problems, 'import').map(formatProblem)).toEqual([
      "error [my_layer]: activation 'foo' is unknown. In the file this layer is named 'my layer'.",
    ]);
  });
});

describe('problemsFromMessages and problemsFromWarnings', () => {
  it('are problems of the whole model or file: errors, or warnings', () => {
    expect(problemsFromMessages(['There is no layer called ghost in this network, so its weights were not loaded.'], 'project-file')).toStrictEqual([
      { severity: 'error', nodeId: null, message: 'There is no layer called ghost in this network, so its weights were not loaded.', source: 'project-file' },
    ]);
    expect(problemsFromWarnings(["In layer 'd', noise_shape is [null, 1], which LayerLab ignores."], 'import').map(formatProblem)).toEqual([
      "warning: In layer 'd', noise_shape is [null, 1], which LayerLab ignores.",
    ]);
  });
});

describe('problemsFromProjectErrors', () => {
  it('keeps each message and adds the path of the field at fault', () => {
    expect(
      problemsFromProjectErrors([
        { path: 'graph.nodes[1].params.unitz', message: 'Node "hidden": "unitz" is not a parameter of Dense.' },
        { path: '', message: 'The file is empty.' },
      ]),
    ).toStrictEqual([
      { severity: 'error', nodeId: null, message: 'Node "hidden": "unitz" is not a parameter of Dense (at graph.nodes[1].params.unitz).', source: 'project-file' },
      { severity: 'error', nodeId: null, message: 'The file is empty.', source: 'project-file' },
    ]);
  });

  it('reads what parseProject reports', () => {
    const result = parseProject('{"format": "layerlab-project", "version": 1,');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [problem] = problemsFromProjectErrors(result.errors);
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toMatch(/^The file is not valid JSON: /);
  });
});
