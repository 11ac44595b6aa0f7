/**
 * The Data tab rendered to HTML in Node (react-dom/server, no DOM) for every kind of data: the chooser, the settings
 * and the preview that suit it, the fit check, the one-click suggestion and the CSV picker's messages. Clicks,
 * drags and uploads are covered by the browser (e2e) tests.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CsvDatasetConfig, ProjectDataset } from '../../../src/core/datasets/types.ts';
import { parseProject } from '../../../src/core/project/index.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';
import type { TrainingController } from '../../../src/state/training/trainingController.ts';
import { createTrainingStore } from '../../../src/state/training/trainingStore.ts';
import { createUiStore } from '../../../src/state/uiStore.ts';
import { DataPanel } from '../../../src/ui/panels/DataPanel.tsx';
import { StoresContext } from '../../../src/ui/stores.ts';
import type { AppStores } from '../../../src/ui/stores.ts';

function preset(file: string): LayerLabProject {
  const loaded = parseProject(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(file);
  return loaded.project;
}

const xor = preset('xor.layerlab.json');

function render(project: LayerLabProject): string {
  const editor = createEditorStore(project);
  // Server rendering reads a store's initial state; let it read the current one.
  const stores: AppStores = {
    editor: { ...editor, getInitialState: editor.getState },
    ui: createUiStore(),
    training: createTrainingStore(),
    // The Data tab never trains; a trainer that is never called keeps the test to what it renders.
    trainer: {} as TrainingController,
  };
  return renderToStaticMarkup(createElement(StoresContext.Provider, { value: stores }, createElement(DataPanel)));
}

const withData = (dataset: ProjectDataset, project: LayerLabProject = xor, split = 0): string =>
  render({ ...project, dataset, training: { ...project.training, validationSplit: split } });

/** The visible text of the element with this test id (tags stripped). */
function textOf(html: string, testId: string): string | null {
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match ? (match[2] ?? '').replace(/<[^>]+>/g, '') : null;
}

const FILE = 'x1,x2,label\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n2,1,a\n4,3,b\n';
const csv = (text = FILE): CsvDatasetConfig => ({
  kind: 'csv',
  fileName: 'points.csv',
  text,
  features: ['x1', 'x2'],
  label: 'label',
  task: 'classification',
  normalization: 'standardize',
  seed: 1,
});

describe('the Data tab', () => {
  it('lists every kind of data under its heading with its description, the one in use checked and marked', () => {
    const html = render(xor);
    for (const heading of ['2-D classification', 'Regression', 'Real data', 'Your data']) expect(html).toContain(`>${heading}</legend>`);
    for (const title of ['Circle', 'XOR', 'Gaussian blobs', 'Two moons', 'Spiral', 'Sine wave', 'Tilted plane', 'Iris flowers', 'MNIST handwritten digits', 'CSV file']) {
      expect(html).toMatch(new RegExp(`class="data-choice-title">${title}(<|\\b)`));
    }
    expect(html).toContain('Opposite corners share a class');
    expect(html.match(/>in use</g)).toHaveLength(1);
    expect(textOf(html, 'data-choice-builtin:xor')).toMatch(/^XORin use/);
    expect(html).toMatch(/checked="" value="builtin:xor"/);
    expect(html.match(/ checked=""/g)?.length).toBe(2); // the XOR choice and the first class to add
  });

  it('a 2-D set: its points on the plane, a class to add, the settings and the test split', () => {
    const html = withData({ ...xor.dataset, added: [{ x1: 1, x2: 1, label: 1 }] } as ProjectDataset, xor, 0.25);
    expect(html).toMatch(/aria-label="The data over the plane, x1 and x2 from −6 to 6: 301 training points \(filled\), 100 test points \(outlined\)\. Click the plot to add a point\."/);
    expect(html).toContain('<legend>Click the plot to add a point of</legend>');
    expect(html).toContain('same sign');
    expect(html).toContain('opposite sign');
    expect(html).toMatch(/<button type="button" class="btn">Remove added points \(1\)<\/button>/);
    expect(html).toMatch(/>Points<\/label><output[^>]*>400<\/output>/);
    expect(html).toMatch(/>Noise<\/label><output[^>]*>0\.10<\/output>/);
    expect(html).toMatch(/>Held out for testing<\/label><output[^>]*>25%<\/output>/);
    expect(html).toContain('100 of 401 examples are never trained on');
    expect(html).not.toContain('Blobs (classes)');
  });

  it('with no added points, the remove button is there but cannot be pressed', () => {
    expect(render(xor)).toMatch(/<button type="button" class="btn" disabled="">Remove added points \(0\)<\/button>/);
  });

  it('sets with more classes let the student pick how many', () => {
    const html = withData({ kind: 'builtin', name: 'gauss', samples: 200, noise: 0.1, seed: 1, classes: 4 });
    expect(html).toContain('Blobs (classes)</label>');
    expect(html).toMatch(/<option value="4" selected="">4<\/option>/);
  });

  it('says plainly when the network does not fit the chosen data', () => {
    const html = withData({ kind: 'builtin', name: 'spiral', samples: 200, noise: 0.1, seed: 1, classes: 3 });
    expect(textOf(html, 'data-fit')).toMatch(/^The network does not fit this data yet:.*Your output has 1 unit but the Spiral data has 3 classes\./);
    expect(textOf(render(xor), 'data-fit')).toBeNull();
  });

  it('no data chosen (an imported model): asks for data and offers what fits in one click', () => {
    const html = withData({ kind: 'none' });
    expect(textOf(html, 'dataset-name')).toBe('No dataset chosen yetThe XOR data fits this network: choose it in the Data tab.');
    expect(html).toContain('Choose the data this network learns from.');
    expect(html).toContain('<button type="button" class="btn primary">Use XOR</button>');
    expect(html).not.toContain('>in use<');
    expect(html).not.toContain('Held out for testing');
  });

  it('regression: the sine wave as a graph, the plane coloured by target', () => {
    const sine = withData({ kind: 'regression', name: 'sine', samples: 50, noise: 0.1, seed: 1 }, xor, 0.2);
    expect(sine).toContain('aria-label="y against x: 40 training points, 10 test points."');
    const plane = withData({ kind: 'regression', name: 'plane', samples: 50, noise: 0.1, seed: 1 });
    expect(plane).toContain('coloured by their target y');
    expect(plane).not.toContain('Click the plot');
  });

  it('Iris: a scatter of two measurements the student picks, coloured by species', () => {
    const html = render(preset('iris-softmax.layerlab.json'));
    expect(html).toContain('>Across</label>');
    expect(html).toMatch(/<option value="2" selected="">petal length<\/option>/);
    expect(html).toMatch(/<option value="3" selected="">petal width<\/option>/);
    expect(html).toContain('aria-label="petal width against petal length for 150 rows, coloured by class."');
    for (const species of ['setosa', 'versicolor', 'virginica']) expect(html).toContain(species);
  });

  it('MNIST: how many digits, and the digits loading', () => {
    const html = render(preset('mnist-mlp.layerlab.json'));
    expect(html).toContain('>How many digits</label>');
    expect(html).toMatch(/<option value="5000" selected="">5,000<\/option>/);
    for (const n of ['500', '1,000', '2,000', '10,000']) expect(html).toContain(`>${n}</option>`);
    expect(html).toContain('Loading the digits…');
  });

  it('CSV in use: the file button, the columns picked, a scatter, and "Use this data" waiting for a change', () => {
    const html = withData(csv());
    expect(html).toContain('data-testid="csv-file"');
    expect(html).toContain('points.csv');
    expect(html).toMatch(/<option value="label" selected="">label<\/option>/);
    expect(html).toMatch(/<input type="checkbox" checked=""\/><span class="data-csv-name">x1<\/span>/);
    expect(html).toContain('x2 against x1 for 6 rows');
    expect(html).toMatch(/<button type="button" class="btn primary" disabled="">Use this data<\/button>/);
    expect(html).toContain('This is the data the network learns from.');
    expect(textOf(html, 'csv-error')).toBeNull();
  });

  it('a CSV file with a bad value: an alert names its line and column', () => {
    const html = withData(csv(FILE.replace('5,6,a', '5,six,a')));
    expect(textOf(html, 'csv-error')).toBe('Line 4, column &quot;x2&quot;: &quot;six&quot; is not a number.');
    expect(html).toContain('role="alert" data-testid="csv-error"');
    expect(html).toMatch(/disabled="">Use this data</);
    // Said once by the picker and once by the data card, not again as a problem of the network.
    expect(textOf(html, 'data-fit')).toBeNull();
    expect(textOf(html, 'dataset-name')).toMatch(/This data cannot be used yet: Line 4/);
  });
});
