import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CsvDatasetConfig, ProjectDataset } from '../../../src/core/datasets/types.ts';
import { parseProject } from '../../../src/core/project/index.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { describeData } from '../../../src/ui/panels/datasetText.ts';

function preset(file: string): LayerLabProject {
  const loaded = parseProject(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(file);
  return loaded.project;
}

const xor = preset('xor.layerlab.json');
const on = (dataset: ProjectDataset, project: LayerLabProject = xor) => describeData({ ...project, dataset });

const FLOWERS = 'length,width,kind\n1.5,0.2,small\n4.5,1.5,big\n1.4,0.3,small\n5.1,1.8,big\n';
const csv = (patch: Partial<CsvDatasetConfig> = {}): CsvDatasetConfig => ({
  kind: 'csv',
  fileName: 'flowers.csv',
  text: FLOWERS,
  features: ['length', 'width'],
  label: 'kind',
  task: 'classification',
  normalization: 'standardize',
  seed: 1,
  ...patch,
});

describe('what the Data and Train tabs say about the data', () => {
  it('a 2-D set: its title, description and settings', () => {
    const text = describeData(xor);
    expect(text.title).toBe('XOR');
    expect(text.detail).toMatch(/^Opposite corners share a class.* 400 points, noise 0\.1, seed 1\.$/);
    expect(text.trainable).toBe(true);
  });

  it('a 2-D set with more classes and points the student added: the arms and the added points are counted', () => {
    const added = [
      { x1: 1, x2: 2, label: 0 },
      { x1: -1, x2: 0.5, label: 2 },
    ];
    const text = on({ kind: 'builtin', name: 'spiral', samples: 1000, noise: 0.2, seed: 7, classes: 3, added });
    expect(text.title).toBe('Spiral (3 arms)');
    expect(text.detail).toMatch(/ 1,000 points and 2 points you added, noise 0\.2, seed 7, 3 classes\.$/);
    expect(on({ kind: 'builtin', name: 'circle', samples: 10, noise: 0, seed: 1, classes: 2, added: [added[0]!] }).detail).toMatch(/ 10 points and 1 point you added,/);
  });

  it('a regression set', () => {
    const text = on({ kind: 'regression', name: 'sine', samples: 200, noise: 0.1, seed: 3 });
    expect(text).toEqual({
      title: 'Sine wave',
      detail: 'One input x and a wavy target y = sin(x), so the network has to bend a straight line into a curve. 200 points, noise 0.1, seed 3.',
      trainable: true,
    });
    expect(on({ kind: 'regression', name: 'plane', samples: 10000, noise: 0, seed: 1 }).detail).toMatch(/ 10,000 points, noise 0, seed 1\.$/);
  });

  it('Iris and MNIST, as their presets choose them', () => {
    const iris = describeData(preset('iris-softmax.layerlab.json'));
    expect(iris.title).toBe('Iris flowers');
    expect(iris.detail).toMatch(/150 flowers in an order set by seed 1\.$/);
    expect(iris.trainable).toBe(true);
    const mnist = describeData(preset('mnist-mlp.layerlab.json'));
    expect(mnist.title).toBe('MNIST handwritten digits');
    expect(mnist.detail).toMatch(/ 5,000 digits \(about as many of each\), chosen by seed 1\.$/);
  });

  it('a CSV file: rows, the columns read and how, and what is predicted', () => {
    expect(on(csv())).toEqual({
      title: 'flowers.csv',
      detail: '4 rows; from 2 columns ("length", "width", standardised (mean 0, spread 1)) the network predicts "kind", one of 2 classes ("big", "small").',
      trainable: true,
    });
    const regression = on(csv({ features: ['length'], label: 'width', task: 'regression', normalization: 'none' }));
    expect(regression.detail).toBe('4 rows; from 1 column ("length", used as they are) the network predicts the number "width" (regression).');
  });

  it('a CSV file with a bad value cannot be trained on, and says where the value is', () => {
    const text = on(csv({ text: FLOWERS.replace('4.5,1.5', '4.5,wide') }));
    expect(text.trainable).toBe(false);
    expect(text.title).toBe('flowers.csv');
    expect(text.detail).toMatch(/^This data cannot be used yet: .*Line 3.*"width"/);
  });

  it('settings out of range cannot be trained on, with the reason', () => {
    const text = on({ kind: 'builtin', name: 'xor', samples: 5, noise: 0.1, seed: 1, classes: 2 });
    expect(text.trainable).toBe(false);
    expect(text.detail).toBe('This data cannot be used yet: Samples must be a whole number from 10 to 10000 (got 5).');
  });

  it('no dataset yet: names the data that fits the network', () => {
    expect(on({ kind: 'none' })).toEqual({
      title: 'No dataset chosen yet',
      detail: 'The XOR data fits this network: choose it in the Data tab.',
      trainable: false,
    });
    const iris = preset('iris-softmax.layerlab.json');
    expect(on({ kind: 'none' }, iris).detail).toBe('The Iris flowers (4 measurements, 3 species) data fits this network: choose it in the Data tab.');
  });

  it('no dataset yet, and nothing LayerLab has fits', () => {
    const iris = preset('iris-softmax.layerlab.json');
    const odd = { ...iris, dataset: { kind: 'none' }, graph: { ...iris.graph, nodes: iris.graph.nodes.map((n) => (n.kind === 'Input' ? { ...n, params: { shape: [7] } } : n)) } } as LayerLabProject;
    const text = describeData(odd);
    expect(text.trainable).toBe(false);
    expect(text.detail).toMatch(/^None of the data LayerLab has fits this network\. .*upload a CSV file\.$/);
  });
});
