import { describe, expect, it } from 'vitest';
import { chainGraph, createNode } from '../../../src/core/graph/build.ts';
import { createProject } from '../../../src/core/project/index.ts';
import type { Diagnostic } from '../../../src/core/shapes/diagnostic.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';
import type { ParamField } from '../../../src/core/layers/index.ts';
import { LAYER_REGISTRY } from '../../../src/core/layers/index.ts';
import { parseFieldText } from '../../../src/ui/panels/inspector/fieldText.ts';
import { applyParam } from '../../../src/ui/panels/inspector/paramActions.ts';
import { countBySeverity, paramProblemsOf } from '../../../src/ui/panels/inspector/paramProblems.ts';

const d = (nodeIds: string[], message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  severity: 'error',
  code: 'invalid-param',
  nodeIds,
  message,
  ...extra,
});

describe('paramProblemsOf', () => {
  it("picks the node's problems that name a parameter, the first per parameter", () => {
    const problems = paramProblemsOf(
      [
        d(['hidden'], 'units bad', { param: 'units', fix: 'Use 1 or more.' }),
        d(['hidden'], 'units worse', { param: 'units' }),
        d(['hidden'], 'penalty bad', { param: 'kernel_regularizer.l2' }),
        d(['hidden'], 'no param'),
        d(['out', 'hidden'], 'about out', { param: 'units' }),
        d(['hidden'], 'warning', { param: 'activation', severity: 'warning', code: 'not-in-keras' }),
        d(['hidden'], 'empty param', { param: '' }),
      ],
      'hidden',
    );
    expect([...problems]).toEqual([
      ['units', { severity: 'error', message: 'units bad', fix: 'Use 1 or more.' }],
      ['kernel_regularizer', { severity: 'error', message: 'penalty bad' }],
      ['activation', { severity: 'warning', message: 'warning' }],
    ]);
  });

  it('counts errors and warnings', () => {
    expect(countBySeverity([])).toEqual({ errors: 0, warnings: 0 });
    expect(countBySeverity([{ severity: 'error' }, { severity: 'warning' }, { severity: 'error' }])).toEqual({ errors: 2, warnings: 1 });
  });
});

/** What the inspector does on each keystroke, end to end through the editor store (no DOM). */
describe('typing into a field updates the project live', () => {
  const xor = () =>
    createEditorStore(
      createProject('xor', chainGraph([createNode('x', 'Input', { shape: [2] }), createNode('hidden', 'Dense', { units: 4 }), createNode('out', 'Dense', { units: 1 })])),
    );
  const fieldOf = (kind: keyof typeof LAYER_REGISTRY, name: string): ParamField => (LAYER_REGISTRY[kind].params as unknown as Record<string, ParamField>)[name] as ParamField;
  /** Types `text` into field `name` of `id` as the inspector does: applied when it reads as a value. */
  const type = (store: ReturnType<typeof xor>, id: string, kind: keyof typeof LAYER_REGISTRY, name: string, text: string) => {
    const parsed = parseFieldText(fieldOf(kind, name), text);
    if (parsed.ok) applyParam(store, id, name, parsed.value);
    return parsed;
  };

  it('updates shape and parameter count on every keystroke that reads as a number', () => {
    const store = xor();
    type(store, 'hidden', 'Dense', 'units', '1');
    expect(store.getState().nodeStatus.get('hidden')?.shape).toBe('(None, 1)');
    type(store, 'hidden', 'Dense', 'units', '16');
    expect(store.getState().nodeStatus.get('hidden')).toMatchObject({ shape: '(None, 16)', params: 2 * 16 + 16 });
    expect(store.getState().validation.totalParams).toBe(48 + 17);
  });

  it('keeps the last good value when the text does not read as a number', () => {
    const store = xor();
    type(store, 'hidden', 'Dense', 'units', '16');
    const before = store.getState().project;
    expect(type(store, 'hidden', 'Dense', 'units', '16a')).toEqual({ ok: false, message: 'Enter a number, for example 8.' });
    expect(store.getState().project).toBe(before);
  });

  it("applies out-of-range values; the field shows the core's message for its parameter", () => {
    const store = xor();
    type(store, 'hidden', 'Dense', 'units', '0');
    const problems = paramProblemsOf(store.getState().validation.diagnostics, 'hidden');
    expect(problems.get('units')).toEqual({ severity: 'error', message: 'Dense units must be at least 1; it is 0.', fix: 'Use 1 or more.' });
    type(store, 'hidden', 'Dense', 'units', '5000');
    expect(paramProblemsOf(store.getState().validation.diagnostics, 'hidden').get('units')?.message).toBe(
      "Dense units is 5000, above LayerLab's cap of 4096: larger layers make every training step too slow to watch in the browser.",
    );
    type(store, 'hidden', 'Dense', 'units', '8');
    expect(paramProblemsOf(store.getState().validation.diagnostics, 'hidden').has('units')).toBe(false);
  });

  it('reports a negative penalty under the weight penalty', () => {
    const store = xor();
    applyParam(store, 'hidden', 'kernel_regularizer', { l1: 0, l2: -1 });
    expect(paramProblemsOf(store.getState().validation.diagnostics, 'hidden').get('kernel_regularizer')?.message).toBe(
      'Dense kernel_regularizer penalties must be 0 or more; l1 is 0 and l2 is -1.',
    );
  });

  it('reports an input shape the core refuses under the shape field', () => {
    const store = xor();
    type(store, 'x', 'Input', 'shape', '0, 2');
    expect(paramProblemsOf(store.getState().validation.diagnostics, 'x').get('shape')?.message).toBe(
      'Input shape (0, 2) has the dimension 0; every dimension must be a whole number of at least 1.',
    );
  });

  it('makes one undo step of the keystrokes in one field until it is sealed (blur, Enter)', () => {
    const store = xor();
    type(store, 'hidden', 'Dense', 'units', '1');
    type(store, 'hidden', 'Dense', 'units', '16');
    store.getState().seal();
    type(store, 'hidden', 'Dense', 'units', '32');
    store.getState().undo();
    expect(store.getState().project.graph.nodes[1]?.params).toMatchObject({ units: 16 });
    store.getState().undo();
    expect(store.getState().project.graph.nodes[1]?.params).toMatchObject({ units: 4 });
  });

  it('adds no undo step when the text reads as the value the project has ("4" → "4.0")', () => {
    const store = xor();
    const revision = store.getState().revision;
    type(store, 'hidden', 'Dense', 'units', '4.0');
    expect(store.getState().revision).toBe(revision);
    expect(applyParam(store, 'hidden', 'units', 4)).toBe(false);
    expect(applyParam(store, 'missing', 'units', 4)).toBe(false);
    expect(applyParam(store, 'hidden', 'units', 5)).toBe(true);
  });
});
