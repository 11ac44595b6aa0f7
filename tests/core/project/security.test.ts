import { afterEach, describe, expect, it } from 'vitest';
import { findReservedKeys, parseProject } from '../../../src/core/project/index.ts';
import { errorsOfText, exampleFile } from './helpers.ts';

const reservedMessage = (key: string): string =>
  `"${key}" cannot be used as a field name: JavaScript reserves it, and LayerLab refuses it so that a file can never change how the app works.`;

/** The example as text, with `insert` placed right after the first `{` that follows `anchor`. */
function exampleWith(anchor: string, insert: string): string {
  const text = JSON.stringify(exampleFile());
  const start = text.indexOf(anchor);
  if (start < 0) throw new Error(`anchor ${anchor} not in the example`);
  const brace = text.indexOf('{', start) + 1;
  return `${text.slice(0, brace)}${insert},${text.slice(brace)}`;
}

const notPolluted = (): void => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
};

describe('reserved keys', () => {
  afterEach(notPolluted);

  it('rejects "__proto__" at the top level without polluting Object.prototype', () => {
    const text = `{"__proto__": {"polluted": 1}, ${JSON.stringify(exampleFile()).slice(1)}`;
    expect(errorsOfText(text)).toEqual([{ path: '__proto__', message: reservedMessage('__proto__') }]);
    notPolluted();
  });

  it('rejects "constructor" and "prototype" at the top level', () => {
    const text = `{"constructor": {"prototype": {"polluted": 1}}, ${JSON.stringify(exampleFile()).slice(1)}`;
    expect(errorsOfText(text)).toEqual([{ path: 'constructor', message: reservedMessage('constructor') }]);
    const text2 = `{"prototype": {}, ${JSON.stringify(exampleFile()).slice(1)}`;
    expect(errorsOfText(text2)).toEqual([{ path: 'prototype', message: reservedMessage('prototype') }]);
  });

  it('rejects "__proto__" and "constructor" inside layer params', () => {
    const proto = exampleWith('"params":{"units":4', '"__proto__": {"polluted": 1}');
    expect(errorsOfText(proto)).toEqual([
      { path: 'graph.nodes[1].params.__proto__', message: reservedMessage('__proto__') },
    ]);
    const ctor = exampleWith('"params":{"units":4', '"constructor": {"polluted": 1}');
    expect(errorsOfText(ctor)).toEqual([
      { path: 'graph.nodes[1].params.constructor', message: reservedMessage('constructor') },
    ]);
  });

  it('rejects reserved keys as weight-layer keys and deep inside values', () => {
    const weights = exampleWith('"layers":', '"__proto__": [{"name": "kernel", "shape": [1], "values": [1]}]');
    expect(errorsOfText(weights)).toEqual([{ path: 'weights.layers.__proto__', message: reservedMessage('__proto__') }]);
    const deep = exampleWith('"dataset":', '"x": [{"y": {"prototype": 1}}]');
    expect(errorsOfText(deep)).toEqual([{ path: 'dataset.x[0].y.prototype', message: reservedMessage('prototype') }]);
  });

  it('still says "not a LayerLab project" first for foreign files', () => {
    expect(errorsOfText('{"__proto__": {"polluted": 1}}')).toEqual([
      { path: 'format', message: 'This is not a LayerLab project file: it has no "format": "layerlab-project" field.' },
    ]);
  });

  it('finds reserved keys in deeply nested input without overflowing the stack', () => {
    const depth = 100_000;
    const text = `${'['.repeat(depth)}{"__proto__": 1}${']'.repeat(depth)}`;
    const value: unknown = JSON.parse(text);
    const errors = findReservedKeys(value);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path.endsWith('[0][0].__proto__')).toBe(true);
    expect(() => parseProject(text)).not.toThrow();
  });
});

describe('findReservedKeys', () => {
  it('reports every reserved key, in file order', () => {
    const value: unknown = JSON.parse('{"a": {"__proto__": 1, "b": [{"prototype": 2}]}, "constructor": 3}');
    expect(findReservedKeys(value).map((e) => e.path)).toEqual(['a.__proto__', 'a.b[0].prototype', 'constructor']);
    expect(findReservedKeys(JSON.parse('{"a": [1, "constructor", {"toString": 1}]}'))).toEqual([]);
  });
});
