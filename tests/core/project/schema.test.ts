import { describe, expect, it } from 'vitest';
import { LAYER_KINDS } from '../../../src/core/layers/index.ts';
import { formatPath, parseProject } from '../../../src/core/project/index.ts';
import { at, errorsAfter, errorsOfText, exampleFile, expectOnlyError } from './helpers.ts';

const nodes = (file: unknown): Record<string, unknown>[] => at(file, 'graph').nodes as Record<string, unknown>[];

describe('formatPath', () => {
  it('writes dotted paths with list indices, quoting keys that are not plain names', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['graph', 'nodes', 2, 'params', 'units'])).toBe('graph.nodes[2].params.units');
    expect(formatPath(['weights', 'layers', 'dense.1', 0, 'values', 3])).toBe('weights.layers["dense.1"][0].values[3]');
  });
});

describe('unknown fields', () => {
  it('rejects an unknown top-level field', () => {
    expectOnlyError(
      (file) => {
        file.colour = 'blue';
      },
      'colour',
      'The project file has an unknown field "colour"; its fields are format, version, name, graph, dataset, training, weights.',
    );
  });

  it('rejects an unknown node field', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 1).selected = true;
      },
      'graph.nodes[1].selected',
      'Node "hidden" has an unknown field "selected"; its fields are id, kind, params, position.',
    );
  });

  it('suggests the right spelling of a misspelt field', () => {
    expectOnlyError(
      (file) => {
        at(file, 'training').learningrate = 0.5;
      },
      'training.learningrate',
      'The "training" section has an unknown field "learningrate"; its fields are optimizer, learningRate, batchSize, epochs, loss, validationSplit, seed, l2, runUntilStopped. Did you mean "learningRate"?',
    );
  });

  it('rejects unknown fields in positions, edges, the dataset and weight tensors', () => {
    const errors = errorsAfter((file) => {
      at(file, 'graph', 'nodes', 0, 'position').z = 1;
      at(file, 'graph', 'edges', 0).label = 'a';
      at(file, 'dataset').features = 2;
      at(file, 'weights', 'layers', 'out', 1).dtype = 'float32';
    });
    expect(errors.map((e) => e.path)).toEqual([
      'graph.nodes[0].position.z',
      'graph.edges[0].label',
      'dataset.features',
      'weights.layers.out[1].dtype',
    ]);
    expect(errors[3]?.message).toBe(
      'Weight tensor "bias" of node "out" has an unknown field "dtype"; its fields are name, shape, values.',
    );
  });
});

describe('layer parameters', () => {
  it('rejects an unknown parameter, listing the real ones', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 2, 'params').unitz = 3;
      },
      'graph.nodes[2].params.unitz',
      'Node "out": "unitz" is not a parameter of Dense (its parameters are units, activation, use_bias, kernel_initializer, bias_initializer, kernel_regularizer).',
    );
  });

  it('rejects a parameter of the wrong type', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 2, 'params').units = '3';
      },
      'graph.nodes[2].params.units',
      'Node "out" (Dense): parameter "units" must be a number; it is the text "3".',
    );
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 1, 'params').activation = 'swishy';
      },
      'graph.nodes[1].params.activation',
      expect.stringMatching(/^Node "hidden" \(Dense\): parameter "activation" must be one of .*relu.*; it is the text "swishy"\.$/) as string,
    );
  });

  it('explains a malformed weight penalty', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 1, 'params').kernel_regularizer = { l1: 0, l3: 0.1 };
      },
      'graph.nodes[1].params.kernel_regularizer',
      'Node "hidden" (Dense): parameter "kernel_regularizer" has unknown key "l3" (only l1 and l2).',
    );
  });

  it('rejects params that are not an object', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 1).params = [4];
      },
      'graph.nodes[1].params',
      'Node "hidden"\'s params must be an object of parameter names and values ({ ... }); it is a list of 1 item.',
    );
  });

  it('loads parameters that are well-typed but out of range (the canvas reports them)', () => {
    const file = exampleFile();
    at(file, 'graph', 'nodes', 1, 'params').units = 0;
    const result = parseProject(JSON.stringify(file));
    expect(result.ok).toBe(true);
  });
});

describe('nodes', () => {
  it('rejects a kind that is not a layer kind, listing the kinds', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 1).kind = 'Dence';
      },
      'graph.nodes[1].kind',
      `Node "hidden"'s kind must be one of ${LAYER_KINDS.join(', ')}; it is the text "Dence" (not a layer kind).`,
    );
  });

  it('rejects a duplicate node id at the second node', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 2).id = 'hidden';
        at(file, 'graph', 'edges', 1).target = 'hidden';
        file.weights = null;
      },
      'graph.nodes[2].id',
      'Node id "hidden" is already used by the 2nd node; every node needs its own id.',
    );
  });

  it('rejects ids with characters a Keras layer name cannot have', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 0).id = 'a/b';
        at(file, 'graph', 'edges', 0).source = 'a/b';
      },
      'graph.nodes[0].id',
      'Node id "a/b" cannot be used: an id starts with a letter or _ and has only letters, digits, _, . and - (at most 64 characters), because it becomes the Keras layer name.',
    );
    const errors = errorsAfter((file) => {
      at(file, 'graph', 'nodes', 0).id = '';
      at(file, 'graph', 'nodes', 1).id = '1st';
      at(file, 'graph', 'nodes', 2).id = 'x'.repeat(65);
      file.graph = { nodes: nodes(file), edges: [] };
      file.weights = null;
    });
    expect(errors.map((e) => e.path)).toEqual(['graph.nodes[0].id', 'graph.nodes[1].id', 'graph.nodes[2].id']);
  });

  it('rejects JavaScript-reserved node ids', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'nodes', 0).id = 'constructor';
        at(file, 'graph', 'edges', 0).source = 'constructor';
      },
      'graph.nodes[0].id',
      'Node id "constructor" is reserved by JavaScript; choose another id.',
    );
  });

  it('rejects positions that are not finite numbers', () => {
    const text = JSON.stringify(exampleFile()).replace('"position":{"x":0,"y":0}', '"position":{"x":1e999,"y":"0"}');
    expect(errorsOfText(text)).toEqual([
      { path: 'graph.nodes[0].position.x', message: 'Node "x"\'s position x must be a number; it is a number too large to store.' },
      { path: 'graph.nodes[0].position.y', message: 'Node "x"\'s position y must be a number; it is the text "0".' },
    ]);
  });

  it('names a node without a usable id by its place in the list', () => {
    expectOnlyError(
      (file) => {
        nodes(file).push({ id: 5, kind: 'ReLU', position: { x: 0, y: 0 } });
      },
      'graph.nodes[3].id',
      'The 4th node\'s id must be text in double quotes; it is 5.',
    );
  });

  it('reports a missing node field', () => {
    expectOnlyError(
      (file) => {
        delete at(file, 'graph', 'nodes', 2).position;
      },
      'graph.nodes[2].position',
      'Node "out"\'s position is missing; it must be an object like {"x": 0, "y": 0}.',
    );
  });
});

describe('edges', () => {
  it('rejects an edge to or from a missing node', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'edges', 1).target = 'output';
      },
      'graph.edges[1].target',
      'Edge "e2" ends at node "output", but there is no node with that id.',
    );
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'edges', 0).source = 'input';
      },
      'graph.edges[0].source',
      'Edge "e1" starts at node "input", but there is no node with that id.',
    );
  });

  it('rejects a negative or fractional inputIndex', () => {
    const message = (shown: string): string =>
      `Edge "e1"'s inputIndex must be a whole number, 0 or more (0 is the target's first input); it is ${shown}.`;
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'edges', 0).inputIndex = -1;
      },
      'graph.edges[0].inputIndex',
      message('-1'),
    );
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'edges', 0).inputIndex = 0.5;
      },
      'graph.edges[0].inputIndex',
      message('0.5'),
    );
  });

  it('rejects duplicate and empty edge ids', () => {
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'edges', 1).id = 'e1';
      },
      'graph.edges[1].id',
      'Edge id "e1" is already used by the 1st edge; every edge needs its own id.',
    );
    expectOnlyError(
      (file) => {
        at(file, 'graph', 'edges', 1).id = '';
      },
      'graph.edges[1].id',
      'The 2nd edge has an empty id; every edge needs an id.',
    );
  });
});

describe('training and dataset settings', () => {
  it('reports values out of range with the allowed range', () => {
    const errors = errorsAfter((file) => {
      Object.assign(at(file, 'training'), { learningRate: 0, batchSize: 0, epochs: 2.5, validationSplit: 0.9 });
    });
    expect(errors).toEqual([
      { path: 'training.learningRate', message: 'The learning rate must be from 0.000001 to 10; it is 0.' },
      { path: 'training.batchSize', message: 'The batch size must be a whole number from 1 to 4096; it is 0.' },
      { path: 'training.epochs', message: 'The number of epochs must be a whole number from 1 to 10000; it is 2.5.' },
      { path: 'training.validationSplit', message: 'The validation split must be from 0 to 0.5; it is 0.9.' },
    ]);
  });

  it('reports wrong types and unknown choices', () => {
    const errors = errorsAfter((file) => {
      Object.assign(at(file, 'training'), { learningRate: '0.1', optimizer: 'adamw' });
    });
    expect(errors).toEqual([
      { path: 'training.optimizer', message: 'The optimizer must be one of sgd, momentum, adam, rmsprop, adagrad; it is the text "adamw".' },
      { path: 'training.learningRate', message: 'The learning rate must be a number; it is the text "0.1".' },
    ]);
  });

  it('checks the dataset against its limits and the number of classes each set allows', () => {
    expect(
      errorsAfter((file) => {
        Object.assign(at(file, 'dataset'), { samples: 5, noise: 0.6, classes: 3 });
      }),
    ).toEqual([
      { path: 'dataset.samples', message: 'The number of samples must be a whole number from 10 to 10000; it is 5.' },
      { path: 'dataset.noise', message: 'The dataset noise must be from 0 to 0.5; it is 0.6.' },
      { path: 'dataset.classes', message: 'The xor dataset always has 2 classes; "classes" is 3.' },
    ]);
    expectOnlyError(
      (file) => {
        Object.assign(at(file, 'dataset'), { name: 'spiral', classes: 6 });
      },
      'dataset.classes',
      'The spiral dataset needs a whole number of classes from 2 to 5; "classes" is 6.',
    );
    expectOnlyError(
      (file) => {
        at(file, 'dataset').name = 'sine';
      },
      'dataset.name',
      'The dataset name must be one of circle, xor, gauss, moons, spiral; it is the text "sine".',
    );
  });
});

describe('weights', () => {
  it('rejects a tensor whose values do not fill its shape', () => {
    expectOnlyError(
      (file) => {
        (at(file, 'weights', 'layers', 'hidden', 0).values as number[]).pop();
      },
      'weights.layers.hidden[0].values',
      'Weight tensor "kernel" of node "hidden" has 7 values, but its shape [2, 4] needs 8 (2 × 4).',
    );
  });

  it('rejects values that are not numbers, naming the first one', () => {
    expectOnlyError(
      (file) => {
        at(file, 'weights', 'layers', 'hidden', 1).values = [0, null, 'x', 0];
      },
      'weights.layers.hidden[1].values[1]',
      'Weight tensor "bias" of node "hidden": value 1 is null; every value must be a number.',
    );
  });

  it('rejects weights for a node that is not in the graph', () => {
    expectOnlyError(
      (file) => {
        at(file, 'weights', 'layers').ghost = [];
      },
      'weights.layers.ghost',
      'There are weights for node "ghost", but the graph has no node with that id.',
    );
  });

  it('rejects bad shapes, empty and repeated tensor names', () => {
    expect(
      errorsAfter((file) => {
        at(file, 'weights', 'layers', 'out', 0).shape = [4, 0];
        at(file, 'weights', 'layers', 'out', 1).name = 'kernel';
        at(file, 'weights', 'layers', 'hidden', 1).name = '';
      }),
    ).toEqual([
      {
        path: 'weights.layers.hidden[1].name',
        message: 'The 2nd weight tensor of node "hidden" has an empty name.',
      },
      {
        path: 'weights.layers.out[0].shape',
        message:
          'Weight tensor "kernel" of node "out" has the shape [4, 0]; every dimension must be a whole number of at least 1, and 0 is not.',
      },
      { path: 'weights.layers.out[1].name', message: 'Node "out" has two weight tensors named "kernel".' },
    ]);
  });

  it('rejects weights that are not null or an object', () => {
    expectOnlyError(
      (file) => {
        file.weights = [];
      },
      'weights',
      'The weights must be null or an object like {"layers": { ... }}; it is an empty list.',
    );
  });
});

describe('many problems at once', () => {
  it('reports every problem in one load, in file order', () => {
    const errors = errorsAfter((file) => {
      file.name = 7;
      at(file, 'training').epochs = 0;
      at(file, 'graph', 'edges', 0).source = 'nowhere';
      at(file, 'graph', 'nodes', 1).kind = 'Dence';
      at(file, 'graph', 'nodes', 2, 'params').units = true;
    });
    expect(errors.map((e) => e.path)).toEqual([
      'name',
      'graph.nodes[1].kind',
      'graph.nodes[2].params.units',
      'graph.edges[0].source',
      'training.epochs',
    ]);
  });

  it('caps the list at 100 errors and says how many more there are', () => {
    const errors = errorsAfter((file) => {
      file.graph = {
        nodes: Array.from({ length: 150 }, (_, i) => ({ id: `n${i}`, kind: 'ReLU', position: { x: 'left', y: 0 } })),
        edges: [],
      };
      file.weights = null;
    });
    expect(errors).toHaveLength(100);
    expect(errors[99]).toEqual({ path: '', message: '…and 51 more problems; fix the ones above first.' });
  });
});
