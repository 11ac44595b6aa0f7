/**
 * One name rule for every importer: a layer name LayerLab cannot use as a node id gets the same id, and the student
 * reads the same warning or problem, whether the network comes as Keras JSON (Sequential or Functional) or as a
 * TensorFlow.js model.json, and the TF.js weights follow their layer to its new id.
 */
import { describe, expect, it } from 'vitest';
import { createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { exportKerasModel } from '../../../src/core/keras/exportConfig.ts';
import { importKerasConfig } from '../../../src/core/keras/importConfig.ts';
import { exportTfjsModel } from '../../../src/core/keras/tfjsExport.ts';
import { importTfjsModel } from '../../../src/core/keras/tfjsImport.ts';
import type { ProjectWeights } from '../../../src/core/project/types.ts';

const GRAPH: Graph = {
  nodes: [
    createNode('x', 'Input', { shape: [2] }),
    createNode('hidden', 'Dense', { units: 3, activation: 'tanh' }),
    createNode('out', 'Dense', { units: 1, activation: 'sigmoid' }),
  ],
  edges: [
    { id: 'e1', source: 'x', target: 'hidden', inputIndex: 0 },
    { id: 'e2', source: 'hidden', target: 'out', inputIndex: 0 },
  ],
};

const WEIGHTS: ProjectWeights = {
  layers: {
    hidden: [
      { name: 'kernel', shape: [2, 3], values: [0.5, -0.25, 1, 0.75, -1, 0.125] },
      { name: 'bias', shape: [3], values: [0.5, 0, -0.5] },
    ],
    out: [
      { name: 'kernel', shape: [3, 1], values: [1, -2, 0.25] },
      { name: 'bias', shape: [1], values: [0.375] },
    ],
  },
};

/** `value` with every string naming a layer (or a "<layer>/<weight>" of it) renamed. */
function renameLayers(value: unknown, names: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    const slash = value.indexOf('/');
    const layer = slash < 0 ? value : value.slice(0, slash);
    const to = Object.hasOwn(names, layer) ? names[layer] : undefined;
    return to === undefined ? value : `${to}${slash < 0 ? '' : value.slice(slash)}`;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => renameLayers(item, names));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renameLayers(item, names)]));
  }
  return value;
}

function kerasJson(functional: boolean): unknown {
  const result = exportKerasModel(GRAPH, { name: 'names', functional });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return JSON.parse(result.text) as unknown;
}

function tfjsFiles(): { modelJson: unknown; weightsBin: Uint8Array } {
  const result = exportTfjsModel(GRAPH, WEIGHTS, { name: 'names' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { modelJson: JSON.parse(JSON.stringify(result.modelJson)) as unknown, weightsBin: result.weightsBin };
}

/** What the student sees: the node ids and warnings of an import, or its problems. */
type Outcome = { ids: string[]; warnings: string[] } | { problems: { layer: string | null; message: string }[] };

function outcome(result: ReturnType<typeof importKerasConfig> | ReturnType<typeof importTfjsModel>): Outcome {
  return result.ok ? { ids: result.graph.nodes.map((n) => n.id), warnings: result.warnings } : { problems: result.problems };
}

const RULE = "LayerLab layer names use only letters, digits, '_', '.' and '-', start with a letter or '_', and have at most 64 characters.";
const renamed = (from: string, to: string): string => `Layer '${from}' was renamed '${to}': ${RULE}`;
const LONG = 'h'.repeat(200);
const LONG_BANG = `${'h'.repeat(199)}!`;
const SHOWN_LONG = `${'h'.repeat(80)}…`;

interface Case {
  label: string;
  names: Record<string, string>;
  expected: Outcome;
  /** Problems only a TF.js file has besides (its weights manifest names each weight by its layer). */
  tfjsAlso?: string[];
}

const twice = (layer: string): string[] => [
  `The weights manifest lists the weight '${layer}/kernel' twice.`,
  `The weights manifest lists the weight '${layer}/bias' twice.`,
];

const CASES: Case[] = [
  {
    label: 'spaces',
    names: { hidden: 'hidden layer', out: 'out put' },
    expected: { ids: ['x', 'hidden_layer', 'out_put'], warnings: [renamed('hidden layer', 'hidden_layer'), renamed('out put', 'out_put')] },
  },
  {
    label: 'a slash, made into a name another layer already has',
    names: { hidden: 'dense/1', out: 'dense_1' },
    expected: { ids: ['x', 'dense_1_2', 'dense_1'], warnings: [renamed('dense/1', 'dense_1_2')] },
  },
  {
    label: 'two names that clean up the same',
    names: { hidden: 'a b', out: 'a?b' },
    expected: { ids: ['x', 'a_b', 'a_b_2'], warnings: [renamed('a b', 'a_b'), renamed('a?b', 'a_b_2')] },
  },
  {
    label: 'the empty name',
    names: { hidden: '' },
    expected: { ids: ['x', '_', 'out'], warnings: [renamed('', '_')] },
  },
  {
    label: '200 characters, twice nearly the same',
    names: { hidden: LONG, out: LONG_BANG },
    expected: {
      ids: ['x', 'h'.repeat(64), `${'h'.repeat(62)}_2`],
      warnings: [
        `Layer '${SHOWN_LONG}' was renamed '${'h'.repeat(64)}': ${RULE}`,
        `Layer '${SHOWN_LONG}' was renamed '${'h'.repeat(62)}_2': ${RULE}`,
      ],
    },
  },
  {
    label: 'a duplicate name',
    names: { hidden: 'twin', out: 'twin' },
    expected: { problems: [{ layer: 'twin', message: "Two layers are named 'twin'; Keras layer names must be unique." }] },
    tfjsAlso: twice('twin'),
  },
  {
    label: 'a duplicate name LayerLab would rename',
    names: { hidden: 'my layer', out: 'my layer' },
    expected: { problems: [{ layer: 'my layer', message: "Two layers are named 'my layer'; Keras layer names must be unique." }] },
    tfjsAlso: twice('my layer'),
  },
  {
    label: 'a name JavaScript reserves',
    names: { hidden: 'constructor' },
    expected: {
      problems: [{ layer: 'constructor', message: "'constructor' is reserved in JavaScript and cannot be a LayerLab layer name; rename the layer." }],
    },
  },
];

describe('the TF.js importer renames layers by the Keras importers’ rule, in their words', () => {
  it.each(CASES)('$label', ({ names, expected, tfjsAlso = [] }) => {
    const sequential = outcome(importKerasConfig(renameLayers(kerasJson(false), names)));
    const functional = outcome(importKerasConfig(renameLayers(kerasJson(true), names)));
    const { modelJson, weightsBin } = tfjsFiles();
    const tfjs = importTfjsModel(renameLayers(modelJson, names), weightsBin);
    expect(sequential).toEqual(expected);
    expect(functional).toEqual(expected);
    const tfjsExpected: Outcome =
      'problems' in expected ? { problems: [...expected.problems, ...tfjsAlso.map((message) => ({ layer: null, message }))] } : expected;
    expect(outcome(tfjs)).toEqual(tfjsExpected);
    if ('ids' in expected && tfjs.ok) {
      // The weights follow each layer to its new id.
      const [, hiddenId, outId] = expected.ids;
      expect(tfjs.weights.layers[hiddenId ?? '']).toEqual(WEIGHTS.layers.hidden);
      expect(tfjs.weights.layers[outId ?? '']).toEqual(WEIGHTS.layers.out);
    }
  });

  it('still gives "0_x", the name the TF.js export gives the node "_x", back its id "_x", without a warning', () => {
    const graph: Graph = { ...GRAPH, nodes: GRAPH.nodes.map((n) => (n.id === 'hidden' ? { ...n, id: '_x' } : n)), edges: GRAPH.edges.map((e) => (e.target === 'hidden' ? { ...e, target: '_x' } : e.source === 'hidden' ? { ...e, source: '_x' } : e)) };
    const result = exportTfjsModel(graph, { layers: { _x: WEIGHTS.layers.hidden ?? [], out: WEIGHTS.layers.out ?? [] } });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(JSON.stringify(result.modelJson)).toContain('"0_x"');
    const back = importTfjsModel(JSON.parse(JSON.stringify(result.modelJson)) as unknown, result.weightsBin);
    expect(outcome(back)).toEqual({ ids: ['x', '_x', 'out'], warnings: [] });
    expect(back.ok && back.weights.layers._x).toEqual(WEIGHTS.layers.hidden);
  });
});
