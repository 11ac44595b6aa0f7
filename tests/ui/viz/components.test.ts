/**
 * The pictures rendered to HTML in Node (react-dom/server): labelled axes, legends and accessible names a user relies
 * on, and the numbers they print. Drawing on canvas and pointer interaction run in the browser, not here.
 */
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  ColorLegend,
  DataScatter,
  DecisionBoundary,
  LossChart,
  MetricReadout,
  ProbabilityBars,
  RegressionPlot,
  WeightHeatmap,
  type ChartSeries,
} from '../../../src/ui/viz/index.ts';
import { formatLoss, formatPercent, formatValue, LOSS_WIDTH, MINUS } from '../../../src/ui/viz/format.ts';

function render<P extends object>(component: FunctionComponent<P>, props: P): string {
  return renderToStaticMarkup(createElement(component as FunctionComponent<object>, props));
}

const ariaLabel = (html: string, role = 'img'): string => html.match(new RegExp(`role="${role}" aria-label="([^"]*)"`))?.[1] ?? '';

function series(label: string, values: number[], dashed = false): ChartSeries {
  return { label, dashed, points: values.flatMap((v, i) => [i + 1, v]) };
}

describe('<LossChart>', () => {
  const loss = [series('train', [0.9, 0.6, 0.41, 0.3]), series('test', [1, 0.7, 0.5, 0.45], true)];
  const accuracy = [series('train', [0.5, 0.7, 0.8, 0.9]), series('test', [0.5, 0.6, 0.75, 0.85], true)];

  it('labels its axes and reads the latest epoch’s numbers in the legend', () => {
    const html = render(LossChart, { loss, metric: accuracy, width: 400 });
    for (const title of ['epoch', 'loss', 'accuracy']) expect(html).toContain(`>${title}</text>`);
    expect(html).toContain('epoch 4');
    expect(html).toContain(`>${formatLoss(0.3)}</td>`);
    expect(html).toContain(`>${formatPercent(0.85)}</td>`);
    expect(html).toContain('stroke-dasharray="5 3"');
    expect(ariaLabel(html)).toBe(`Loss chart at epoch 4: train loss ${formatLoss(0.3)}, accuracy ${formatPercent(0.9)}; test loss ${formatLoss(0.45)}, accuracy ${formatPercent(0.85)}.`);
  });

  it('marks a diverged epoch: a gap, a marker that says so, and NaN in the legend', () => {
    const html = render(LossChart, { loss: [series('train', [0.9, 0.6, NaN])], width: 400 });
    expect(html).toContain('train loss was not a number at epoch 3: training diverged');
    expect(html).toContain('>NaN</td>');
    expect(ariaLabel(html)).toContain('Training diverged');
  });

  it('a log scale labels the loss axis so, and accuracy ticks read as percentages', () => {
    const html = render(LossChart, { loss, metric: accuracy, defaultLogScale: true, width: 400 });
    expect(html).toContain('>loss (log)</text>');
    expect(html).toContain('>100%</text>');
  });

  it('before training it says what to do', () => {
    const html = render(LossChart, { loss: [series('train', [])], width: 300 });
    expect(html).toContain('No epochs yet: press Train');
    expect(ariaLabel(html)).toBe('Loss chart: no epochs trained yet.');
  });
});

describe('<DecisionBoundary>', () => {
  const train = { xy: [-3, 2, 4, -1, 0, 0], labels: [0, 1, 1] };
  const test = { xy: [1, 1], labels: [0] };

  it('draws the grid on a canvas at data resolution, with axes x1 and x2 from −6 to 6', () => {
    const n = 50;
    const html = render(DecisionBoundary, { values: new Float32Array(n * n).fill(0.5), n, k: 1, train, test, theme: 'light' });
    expect(html).toContain(`<canvas width="${n}" height="${n}"`);
    expect(html).toContain('>x1</text>');
    expect(html).toContain('>x2</text>');
    expect(html).toContain(`>${MINUS}6</text>`);
    expect(ariaLabel(html)).toBe(`The network's decision over the plane, x1 and x2 from ${MINUS}6 to 6: 3 training points (filled), 1 test points (outlined).`.replace("'", '&#x27;'));
    expect(html).toContain('class="viz-points-train"');
    expect(html).toContain('class="viz-points-test"');
  });

  it('a sigmoid output gets a probability legend, softmax classes a note on paleness', () => {
    const sigmoid = render(DecisionBoundary, { values: Float32Array.of(0.1, 0.9, 0.4, 0.6), n: 2, k: 1, classNames: ['red', 'blue'] });
    expect(sigmoid).toContain('aria-label="Colour scale for probability of blue: orange 0, grey 0.5, blue 1"');
    const softmax = render(DecisionBoundary, { values: new Float32Array(2 * 2 * 3).fill(1 / 3), n: 2, k: 3 });
    expect(softmax).toContain('paler: less sure');
    expect(softmax).toContain('class 2');
  });

  it('as the data preview (no grid) shows points only, and invites clicks when points can be added', () => {
    const html = render(DecisionBoundary, { train, onAddPoint: () => {} });
    expect(html).not.toContain('<canvas');
    expect(ariaLabel(html)).toContain('Click the plot to add a point.');
    expect(html).toContain('class="viz-plane-hit clickable"');
  });

  it('regression on plane data shows the value legend instead of classes', () => {
    const html = render(DecisionBoundary, { values: Float32Array.of(-0.7, 0.2, 0.4, 0.1), n: 2, regression: true, train: { xy: [1, 1], labels: [0.3] } });
    expect(html).toContain('aria-label="Colour scale for output and target: orange −1 (negative), grey 0, blue 1 (positive)"');
  });
});

describe('<ProbabilityBars>', () => {
  it('highlights the most likely class, tags the true one, prints percentages and the logits', () => {
    const html = render(ProbabilityBars, { probabilities: [0.1, 0.7, 0.2], classNames: ['cat', 'dog', 'fox'], trueClass: 2, logits: [-1, 0.946, -0.307] });
    expect(html).toMatch(/<tr class="predicted"><th scope="row">dog<span class="viz-tag">predicted<\/span><\/th>/);
    expect(html).toMatch(/fox<span class="viz-tag true">true<\/span>/);
    expect(html).toContain(`>${formatPercent(0.7)}</td>`);
    expect(html).toContain(`>${formatValue(0.946)}</td>`);
    expect(html).toContain('Predicted dog (70.0%); the true class is fox');
  });

  it('no output yet says so', () => {
    expect(render(ProbabilityBars, { probabilities: [], classNames: ['a', 'b'] })).toContain('No prediction yet.');
  });

  it('a single sigmoid output is read as two classes', () => {
    const html = render(ProbabilityBars, { probabilities: [0.8], classNames: ['no', 'yes'] });
    expect(html).toContain(`>${formatPercent(0.2)}</td>`);
    expect(html).toMatch(/<tr class="predicted"><th scope="row">yes/);
  });
});

describe('<MetricReadout>', () => {
  it('keeps every field the same width whatever the numbers', () => {
    const fields = (html: string) => [...html.matchAll(/<dd data-testid="([^"]+)">([^<]*)<\/dd>/g)].map((m) => [m[1], (m[2] ?? '').length]);
    const early = fields(render(MetricReadout, { epoch: 1, samplesPerSecond: 85.2, loss: 0.69, metric: 0.5 }));
    const late = fields(render(MetricReadout, { epoch: 12345, samplesPerSecond: 15432, loss: 0.0012, metric: 1 }));
    const before = fields(render(MetricReadout, { epoch: 0 }));
    expect(late).toEqual(early);
    expect(before).toEqual(early);
    expect(early.find(([id]) => id === 'metric-loss')?.[1]).toBe(LOSS_WIDTH);
  });
});

describe('<WeightHeatmap>', () => {
  it('names its size and colour range, and prints row and column names when small', () => {
    const html = render(WeightHeatmap, { values: Float32Array.of(0.5, -1.2, 0.1, 0.3, -0.4, 0.9), rows: 2, cols: 3, inputNames: ['x1', 'x2'], label: 'Weights of hidden' });
    expect(ariaLabel(html)).toBe(`Weights of hidden: 2 inputs (rows) × 3 neurons (columns), from ${MINUS}2 (orange) to 2 (blue). Use the arrow keys to read single weights.`);
    expect(html).toContain('<span>x1</span><span>x2</span>');
    expect(html).toContain('neurons (units) →');
    expect(html).toContain('tabindex="0"');
  });

  it('a 784 × 128 matrix is one canvas of 128 × 784 pixels, without per-row labels', () => {
    const html = render(WeightHeatmap, { values: new Float32Array(784 * 128), rows: 784, cols: 128 });
    expect(html).toContain('<canvas width="128" height="784"');
    expect(html).not.toContain('viz-weights-rows');
    expect(html.length).toBeLessThan(5000);
  });
});

describe('<ColorLegend>', () => {
  it('labels −max, 0 and +max', () => {
    const html = render(ColorLegend, { max: 0.5, label: 'weight' });
    expect(html).toContain(`<span>${MINUS}0.5</span><span>0</span><span>0.5</span>`);
  });
});

describe('<DataScatter> and <RegressionPlot>', () => {
  it('plots the two chosen features with their names on the axes', () => {
    const features = [5.1, 3.5, 1.4, 0.2, 7.0, 3.2, 4.7, 1.4, 6.3, 3.3, 6.0, 2.5];
    const html = render(DataScatter, {
      features,
      featureCount: 4,
      labels: [0, 1, 2],
      featureNames: ['sepal length', 'sepal width', 'petal length', 'petal width'],
      classNames: ['setosa', 'versicolor', 'virginica'],
      xFeature: 2,
      yFeature: 3,
    });
    expect(html).toContain('>petal length</text>');
    expect(html).toContain('>petal width</text>');
    expect(ariaLabel(html)).toBe('petal width against petal length for 3 rows, coloured by class.');
    expect(html).toContain('virginica');
  });

  it('a feature that is not there gives a message, not a crash', () => {
    const html = render(DataScatter, { features: [1, 2], featureCount: 2, labels: [0], featureNames: ['a', 'b'], xFeature: 0, yFeature: 5 });
    expect(html).toContain('Pick two of the 2 feature columns to plot.');
  });

  it('a 1-D regression labels its axes and draws the network’s curve', () => {
    const html = render(RegressionPlot, { train: [0, 0, 1, 0.8], curve: { xs: [0, 0.5, 1], ys: [0, 0.5, 0.9] }, xLabel: 'x', yLabel: 'y' });
    expect(html).toContain('>x</text>');
    expect(html).toContain('>y</text>');
    expect(html).toMatch(/<path class="viz-curve" d="M[\d.]+ [\d.]+L/);
    expect(ariaLabel(html)).toBe("y against x: 2 training points, and the network's curve.".replace("'", '&#x27;'));
  });
});
