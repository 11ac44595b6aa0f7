import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_DATASET_NAMES, BUILTIN_DATASETS, validateBuiltinDatasetConfig } from '../../../src/core/datasets/builtin.ts';
import { MNIST_LIMITS, validateMnistDatasetConfig } from '../../../src/core/datasets/mnist.ts';
import { REGRESSION_DATASET_NAMES, validateRegressionDatasetConfig } from '../../../src/core/datasets/regression.ts';
import type {
  BuiltinDatasetConfig,
  BuiltinDatasetName,
  CsvDatasetConfig,
  ProjectDataset,
  RegressionDatasetConfig,
} from '../../../src/core/datasets/types.ts';
import type { GraphEdge, GraphNode } from '../../../src/core/graph/types.ts';
import { ACTIVATIONS, INITIALIZERS, LAYER_KINDS, LAYER_REGISTRY } from '../../../src/core/layers/index.ts';
import type { LayerKind, ParamField } from '../../../src/core/layers/index.ts';
import type { LayerLabProject, ProjectLoadResult, ProjectWeights, WeightTensor } from '../../../src/core/project/index.ts';
import { RESERVED_KEYS, parseProject, serializeProject } from '../../../src/core/project/index.ts';
import type { TrainingSettings } from '../../../src/core/training/settings.ts';
import { LOSSES, OPTIMIZERS, TRAINING_LIMITS } from '../../../src/core/training/settings.ts';
import { at, exampleFile } from './helpers.ts';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

// ---------------------------------------------------------------------------
// Random valid projects
// ---------------------------------------------------------------------------

const nodeId = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/).filter((id) => !RESERVED_KEYS.includes(id));

/** Any well-typed value for a parameter (ranges are not a load error, so out-of-range values are fine). */
function paramValue(field: ParamField): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'int':
    case 'axis':
      return fc.integer({ min: -10, max: 5000 });
    case 'float':
      return field.nullable === true ? fc.option(finite, { nil: null }) : finite;
    case 'bool':
      return fc.boolean();
    case 'activation':
      return fc.constantFrom(...ACTIVATIONS);
    case 'initializer':
      return fc.constantFrom(...INITIALIZERS);
    case 'regularizer':
      return fc.option(fc.record({ l1: finite, l2: finite }), { nil: null });
    case 'shape':
      return fc.array(fc.integer({ min: -1, max: 100 }), { maxLength: 4 });
    case 'axisList':
      return fc.option(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }), { nil: null });
  }
}

function paramsOf(kind: LayerKind): fc.Arbitrary<Record<string, unknown>> {
  const fields = LAYER_REGISTRY[kind].params as Readonly<Record<string, ParamField>>;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, field] of Object.entries(fields)) shape[name] = paramValue(field);
  return fc.record(shape);
}

const nodeOf = (id: string): fc.Arbitrary<GraphNode> =>
  fc
    .constantFrom(...LAYER_KINDS)
    .chain((kind) => fc.record({ params: paramsOf(kind), x: finite, y: finite }).map((r) => ({ kind, ...r })))
    .map(({ kind, params, x, y }) => ({ id, kind, params, position: { x, y } }) as GraphNode);

const tensorsArb: fc.Arbitrary<WeightTensor[]> = fc.uniqueArray(
  fc
    .record({ name: fc.string({ minLength: 1, maxLength: 12 }), shape: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }) })
    .chain(({ name, shape }) => {
      const size = shape.reduce((a, b) => a * b, 1);
      return fc.array(finite, { minLength: size, maxLength: size }).map((values) => ({ name, shape, values }));
    }),
  { selector: (t) => t.name, maxLength: 4 },
);

const builtinArb: fc.Arbitrary<BuiltinDatasetConfig> = fc
  .constantFrom(...BUILTIN_DATASET_NAMES)
  .chain((name) =>
    fc.record({
      kind: fc.constant('builtin' as const),
      name: fc.constant(name),
      samples: fc.integer({ min: 10, max: 10000 }),
      noise: fc.double({ min: 0, max: 0.5, noNaN: true }),
      seed: finite,
      classes: fc.integer({ min: BUILTIN_DATASETS[name].minClasses, max: BUILTIN_DATASETS[name].maxClasses }),
    }),
  )
  .chain((config) =>
    fc
      .option(
        fc.array(
          fc.record({
            x1: fc.double({ min: -6, max: 6, noNaN: true }),
            x2: fc.double({ min: -6, max: 6, noNaN: true }),
            label: fc.integer({ min: 0, max: config.classes - 1 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        { nil: undefined },
      )
      .map((added) => (added === undefined ? config : { ...config, added })),
  );

const regressionArb: fc.Arbitrary<RegressionDatasetConfig> = fc.record({
  kind: fc.constant('regression' as const),
  name: fc.constantFrom(...REGRESSION_DATASET_NAMES),
  samples: fc.integer({ min: 10, max: 10000 }),
  noise: fc.double({ min: 0, max: 0.5, noNaN: true }),
  seed: finite,
});

/** Text a CSV file may hold: any characters (quotes, commas, line breaks, emoji, lone surrogates...). */
const csvArb: fc.Arbitrary<CsvDatasetConfig> = fc.record({
  kind: fc.constant('csv' as const),
  fileName: fc.string({ minLength: 1, maxLength: 20 }),
  task: fc.constantFrom('classification' as const, 'regression' as const),
  features: fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
  label: fc.string({ minLength: 1, maxLength: 8 }),
  normalization: fc.constantFrom('none' as const, 'standardize' as const, 'minmax' as const),
  seed: finite,
  text: fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((t) => t.trim() !== ''),
}).filter((c) => !c.features.includes(c.label));

const datasetArb: fc.Arbitrary<ProjectDataset> = fc.oneof(
  builtinArb,
  regressionArb,
  fc.record({ kind: fc.constant('iris' as const), seed: finite }),
  fc.record({ kind: fc.constant('mnist' as const), samples: fc.integer({ min: MNIST_LIMITS.minSamples, max: MNIST_LIMITS.maxSamples }), seed: finite }),
  csvArb,
  fc.constant({ kind: 'none' as const }),
);

const trainingArb: fc.Arbitrary<TrainingSettings> = fc.record({
  optimizer: fc.constantFrom(...OPTIMIZERS),
  learningRate: fc.double({ min: TRAINING_LIMITS.learningRate.min, max: TRAINING_LIMITS.learningRate.max, noNaN: true }),
  batchSize: fc.integer(TRAINING_LIMITS.batchSize),
  epochs: fc.integer(TRAINING_LIMITS.epochs),
  loss: fc.constantFrom(...LOSSES),
  validationSplit: fc.double({ min: 0, max: TRAINING_LIMITS.validationSplit.max, noNaN: true }),
  seed: finite,
  l2: fc.double({ min: 0, max: 1, noNaN: true }),
  runUntilStopped: fc.boolean(),
});

const projectArb: fc.Arbitrary<LayerLabProject> = fc
  .uniqueArray(nodeId, { maxLength: 6 })
  .chain((ids) => {
    const nodes = fc.tuple(...ids.map(nodeOf));
    const edges: fc.Arbitrary<GraphEdge[]> =
      ids.length === 0
        ? fc.constant([])
        : fc
            .array(fc.record({ s: fc.constantFrom(...ids), t: fc.constantFrom(...ids), inputIndex: fc.nat(3) }), {
              maxLength: 8,
            })
            .map((list) => list.map(({ s, t, inputIndex }, i) => ({ id: `e${i}`, source: s, target: t, inputIndex })));
    const weights: fc.Arbitrary<ProjectWeights | null> = fc.option(
      fc.subarray(ids).chain((withWeights) =>
        fc.tuple(...withWeights.map(() => tensorsArb)).map((lists) => {
          const layers: Record<string, WeightTensor[]> = {};
          withWeights.forEach((id, i) => {
            layers[id] = lists[i] ?? [];
          });
          return { layers };
        }),
      ),
      { nil: null },
    );
    return fc.record({
      name: fc.string({ unit: 'binary', maxLength: 30 }),
      nodes,
      edges,
      dataset: datasetArb,
      training: trainingArb,
      weights,
    });
  })
  .map(({ name, nodes, edges, dataset, training, weights }) => ({
    format: 'layerlab-project' as const,
    version: 3 as const,
    name,
    graph: { nodes, edges },
    dataset,
    training,
    weights,
  }));

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

const INTERNAL = /internal error/;

/** A well-formed result; if the file loaded, saving and loading it again gives the same project and text. */
function expectWellFormed(result: ProjectLoadResult): void {
  if (result.ok) {
    const text = serializeProject(result.project);
    const again = parseProject(text);
    expect(again).toEqual({ ok: true, project: result.project, warnings: [] });
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(100);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(error.message).not.toBe('');
    expect(error.message).not.toMatch(INTERNAL);
  }
}

type Mutation = { pick: number; op: 'set' | 'delete' | 'replace'; key: string; value: fc.JsonValue };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('set', 'delete', 'replace'),
  key: fc.oneof(
    fc.constantFrom('id', 'kind', 'params', 'units', 'shape', 'values', 'layers', 'name', 'x', 'source', 'inputIndex', 'nodes', 'toString', 'hasOwnProperty'),
    fc.constantFrom(...RESERVED_KEYS),
    fc.string({ maxLength: 6 }),
  ),
  value: fc.jsonValue({ maxDepth: 3 }),
});

/** Every object and list inside `root`, with the key or index that reaches it from its parent. */
function containers(root: unknown): { parent: unknown; key: string | number; value: unknown }[] {
  const found: { parent: unknown; key: string | number; value: unknown }[] = [];
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v: unknown, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      found.push({ parent: value, key, value: child });
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Applies mutations to parsed JSON, writing keys as own properties the way JSON.parse would. */
function mutate(root: Record<string, unknown>, mutations: readonly Mutation[]): void {
  for (const { pick, op, key, value } of mutations) {
    const all = containers(root);
    const target = all[pick % Math.max(1, all.length)];
    if (target === undefined) continue;
    const parent = target.parent as Record<string | number, unknown>;
    if (op === 'replace') {
      parent[target.key] = value;
    } else if (typeof target.value === 'object' && target.value !== null && !Array.isArray(target.value)) {
      const object = target.value as Record<string, unknown>;
      if (op === 'delete') {
        const keys = Object.keys(object);
        const victim = keys[pick % Math.max(1, keys.length)];
        if (victim !== undefined) delete object[victim];
      } else {
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      }
    } else if (Array.isArray(target.value) && op === 'delete') {
      target.value.splice(pick % Math.max(1, target.value.length), 1);
    } else if (Array.isArray(target.value)) {
      target.value.push(value);
    }
  }
}

describe('property: parseProject never throws', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(parseProject(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('on any JSON object that claims to be a current project', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const text = JSON.stringify({ ...value, format: 'layerlab-project', version: 3 });
        expectWellFormed(parseProject(text));
      }),
      { numRuns: 300 },
    );
  });

  it('on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expectWellFormed(parseProject(text));
      }),
    );
  });

  it('on random structural mutations of a valid project', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), projectArb), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (project, mutations) => {
        const root = project === null ? exampleFile() : (JSON.parse(serializeProject(project)) as Record<string, unknown>);
        mutate(root, mutations);
        expectWellFormed(parseProject(JSON.stringify(root)));
      }),
      { numRuns: 500 },
    );
  });

  it('on random edits of a valid project file', () => {
    const text = serializeProject((parseProject(JSON.stringify(exampleFile())) as { project: LayerLabProject }).project);
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(5), fc.string({ maxLength: 3 }), (at, cut, insert) => {
        expectWellFormed(parseProject(text.slice(0, at) + insert + text.slice(at + cut)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('property: round trip', () => {
  it('parseProject(serializeProject(p)) deep-equals p for any valid project', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const text = serializeProject(project);
        expect(parseProject(text)).toEqual({ ok: true, project, warnings: [] });
        expect(text.endsWith('\n')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every kind of dataset, byte for byte, through a second save', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const text = serializeProject(project);
        const again = parseProject(text);
        if (!again.ok) throw new Error(JSON.stringify(again.errors));
        expect(serializeProject(again.project)).toBe(text);
        expect(Object.keys(at(JSON.parse(text), 'dataset'))[0]).toBe('kind');
      }),
      { numRuns: 200 },
    );
  });
});

describe('property: dataset checks agree with the dataset module', () => {
  it('accepts exactly the configs validateBuiltinDatasetConfig accepts', () => {
    const datasetish = fc.record({
      kind: fc.constant('builtin' as const),
      name: fc.constantFrom(...(Object.keys(BUILTIN_DATASETS) as BuiltinDatasetName[])),
      samples: fc.oneof(fc.integer({ min: 0, max: 10_100 }), fc.double({ min: 0, max: 20_000, noNaN: true })),
      noise: fc.double({ min: -0.2, max: 0.7, noNaN: true }),
      seed: finite,
      classes: fc.oneof(fc.integer({ min: 0, max: 7 }), fc.double({ min: 0, max: 7, noNaN: true })),
    });
    fc.assert(
      fc.property(datasetish, (dataset) => {
        const file = exampleFile();
        file.dataset = dataset;
        const result = parseProject(JSON.stringify(file));
        expect(result.ok).toBe(validateBuiltinDatasetConfig(dataset) === null);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly the regression and MNIST configs the dataset module accepts', () => {
    const regressionish = fc.record({
      kind: fc.constant('regression' as const),
      name: fc.constantFrom(...REGRESSION_DATASET_NAMES),
      samples: fc.oneof(fc.integer({ min: 0, max: 10_100 }), fc.double({ min: 0, max: 20_000, noNaN: true })),
      noise: fc.double({ min: -0.2, max: 0.7, noNaN: true }),
      seed: finite,
    });
    const mnistish = fc.record({
      kind: fc.constant('mnist' as const),
      samples: fc.oneof(fc.integer({ min: 0, max: 10_100 }), fc.double({ min: 0, max: 20_000, noNaN: true })),
      seed: finite,
    });
    fc.assert(
      fc.property(fc.oneof(regressionish, mnistish), (dataset) => {
        const file = exampleFile();
        file.dataset = dataset;
        const result = parseProject(JSON.stringify(file));
        const problem = dataset.kind === 'mnist' ? validateMnistDatasetConfig(dataset) : validateRegressionDatasetConfig(dataset);
        expect(result.ok).toBe(problem === null);
      }),
      { numRuns: 500 },
    );
  });
});
