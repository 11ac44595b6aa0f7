import { expect } from 'vitest';
import type { ProjectFieldError } from '../../../src/core/project/index.ts';
import { parseProject } from '../../../src/core/project/index.ts';

export type JsonObject = { [key: string]: unknown };

/** The XOR 2-4-1 example from docs/project-file.md (version 3), as parsed JSON (a fresh copy each call). */
export function exampleFile(): JsonObject {
  const file = exampleFileV1();
  file.version = 3;
  file.training = { ...at(file, 'training'), l2: 0, runUntilStopped: false };
  return file;
}

/** The same project as LayerLab 1 saved it (file version 1: no training.l2 or runUntilStopped). */
export function exampleFileV1(): JsonObject {
  return {
    format: 'layerlab-project',
    version: 1,
    name: 'XOR 2-4-1',
    graph: {
      nodes: [
        { id: 'x', kind: 'Input', params: { shape: [2] }, position: { x: 0, y: 0 } },
        { id: 'hidden', kind: 'Dense', params: { units: 4, activation: 'tanh' }, position: { x: 220, y: 0 } },
        { id: 'out', kind: 'Dense', params: { units: 1, activation: 'sigmoid' }, position: { x: 440, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'x', target: 'hidden', inputIndex: 0 },
        { id: 'e2', source: 'hidden', target: 'out', inputIndex: 0 },
      ],
    },
    dataset: { kind: 'builtin', name: 'xor', samples: 400, noise: 0.1, seed: 1, classes: 2 },
    training: {
      optimizer: 'sgd',
      learningRate: 0.1,
      batchSize: 16,
      epochs: 100,
      loss: 'binary_crossentropy',
      validationSplit: 0,
      seed: 1,
    },
    weights: {
      layers: {
        hidden: [
          { name: 'kernel', shape: [2, 4], values: [0.5, -0.25, 1, 0, 0.75, 0.125, -1, 2] },
          { name: 'bias', shape: [4], values: [0, 0.1, -0.1, 0] },
        ],
        out: [
          { name: 'kernel', shape: [4, 1], values: [1, -1, 0.5, 0.25] },
          { name: 'bias', shape: [1], values: [0] },
        ],
      },
    },
  };
}

/** Reads a property of parsed JSON in a test, failing loudly if the path is wrong. */
export function at(value: unknown, ...path: (string | number)[]): JsonObject {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) throw new Error(`no ${String(key)} in test fixture`);
    current = (current as Record<string | number, unknown>)[key];
  }
  if (typeof current !== 'object' || current === null) throw new Error(`${path.join('.')} is not an object`);
  return current as JsonObject;
}

/** Parses text that must be rejected and returns its errors. */
export function errorsOfText(text: string): ProjectFieldError[] {
  const result = parseProject(text);
  if (result.ok) throw new Error('expected the file to be rejected, but it loaded');
  return result.errors;
}

/** Applies `change` to a copy of the example, parses it, and returns the errors (it must be rejected). */
export function errorsAfter(change: (file: JsonObject) => void): ProjectFieldError[] {
  const file = exampleFile();
  change(file);
  return errorsOfText(JSON.stringify(file));
}

/** Asserts the file is rejected with exactly this one error. */
export function expectOnlyError(change: (file: JsonObject) => void, path: string, message: string): void {
  expect(errorsAfter(change)).toEqual([{ path, message }]);
}
