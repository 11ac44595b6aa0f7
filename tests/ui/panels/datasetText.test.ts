import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/core/project/index.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { describeData } from '../../../src/ui/panels/datasetText.ts';

function preset(file: string): LayerLabProject {
  const loaded = parseProject(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(file);
  return loaded.project;
}

describe('what the Data and Train tabs say about the data', () => {
  it('a built-in set: its title, description and settings', () => {
    const text = describeData(preset('xor.layerlab.json'));
    expect(text.title).toBe('XOR');
    expect(text.detail).toMatch(/ 400 points, noise 0\.1, seed 1\.$/);
    expect(text.trainable).toBe(true);
  });

  it('no dataset yet, with data that fits but is not available yet (Iris, MNIST)', () => {
    const iris = describeData(preset('iris-softmax.layerlab.json'));
    expect(iris).toEqual({
      title: 'No dataset chosen yet',
      detail: 'Iris flowers (4 measurements, 3 species) fits this network: that dataset is not available yet; it arrives with training.',
      trainable: false,
    });
    expect(describeData(preset('mnist-mlp.layerlab.json')).detail).toMatch(/^MNIST handwritten digits .* fits this network: that dataset is not available yet/);
  });

  it('no dataset yet, and nothing built in fits', () => {
    const project = preset('iris-softmax.layerlab.json');
    const odd = { ...project, graph: { ...project.graph, nodes: project.graph.nodes.map((n) => (n.kind === 'Input' ? { ...n, params: { shape: [7] } } : n)) } } as LayerLabProject;
    expect(describeData(odd).detail).toBe('No built-in dataset fits this network. Choosing your own data arrives with training.');
  });

  it('no dataset yet, where a built-in set would fit: says which', () => {
    const xor = preset('xor.layerlab.json');
    expect(describeData({ ...xor, dataset: { kind: 'none' } }).detail).toBe('The built-in XOR dataset fits this network.');
  });
});
