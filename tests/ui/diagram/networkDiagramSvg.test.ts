/** The network diagram for slides (a pure SVG string) and the layer titles it shares with the canvas. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../../src/core/graph/layout.ts';
import type { Graph, GraphNode } from '../../../src/core/graph/types.ts';
import { formatShape } from '../../../src/core/layers/index.ts';
import { parseProject } from '../../../src/core/project/index.ts';
import { inferShapes } from '../../../src/core/shapes/inferShapes.ts';
import { escapeXml, networkDiagramSvg } from '../../../src/ui/diagram/networkDiagramSvg.ts';
import { nodeTitle } from '../../../src/ui/nodes/nodeTitle.ts';
import { graph, node } from '../../support/graphBuilders.ts';

function xorGraph(): Graph {
  const loaded = parseProject(readFileSync(new URL('../../../examples/xor.layerlab.json', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('examples/xor.layerlab.json does not load');
  return loaded.project.graph;
}

/** Two inputs, a merge and most layer kinds, laid out as an import would be. */
function richGraph(): Graph {
  return layoutGraph(
    graph(
      [
        node('features', 'Input', { shape: [4] }),
        node('d1', 'Dense', { units: 8, activation: 'relu' }),
        node('drop', 'Dropout', { rate: 0.5 }),
        node('extra', 'Input', { shape: [3] }),
        node('d2', 'Dense', { units: 5, activation: 'linear' }),
        node('cat', 'Concatenate'),
        node('bn', 'BatchNormalization'),
        node('act', 'Activation', { activation: 'tanh' }),
        node('leaky', 'LeakyReLU', { negative_slope: 0.3 }),
        node('elu', 'ELU', { alpha: 1 }),
        node('resh', 'Reshape', { target_shape: [13, 1] }),
        node('flat', 'Flatten'),
        node('big', 'Dense', { units: 1000, activation: 'relu' }),
        node('out', 'Dense', { units: 1, activation: 'sigmoid' }),
      ],
      [
        ['features', 'd1'],
        ['d1', 'drop'],
        ['extra', 'd2'],
        ['drop', 'cat'],
        ['d2', 'cat'],
        ['cat', 'bn'],
        ['bn', 'act'],
        ['act', 'leaky'],
        ['leaky', 'elu'],
        ['elu', 'resh'],
        ['resh', 'flat'],
        ['flat', 'big'],
        ['big', 'out'],
      ],
    ),
  );
}

/**
 * A small well-formedness check (no XML parser is installed): tags nest and close, attributes are quoted, and text
 * holds no raw "<" and no "&" outside an entity.
 */
function expectWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  let roots = 0;
  for (let match = tag.exec(xml); match !== null; match = tag.exec(xml)) {
    const text = xml.slice(last, match.index);
    expect(text, `text before ${match[0]}`).not.toMatch(/</);
    expect(text.replace(/&(amp|lt|gt|quot|#39|#\d+);/g, '')).not.toMatch(/&/);
    last = tag.lastIndex;
    const [, closing, name = '', attributes = '', selfClosing] = match;
    for (const value of attributes.matchAll(/="([^"]*)"/g)) expect((value[1] ?? '').replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toMatch(/[&<]/);
    if (closing === '/') expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (selfClosing !== '/') {
      if (stack.length === 0) roots += 1;
      stack.push(name);
    } else if (stack.length === 0) roots += 1;
  }
  expect(xml.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

describe('networkDiagramSvg', () => {
  it('draws every layer with its title, id, output shape and parameters, and every edge with its shape pill', () => {
    const g = richGraph();
    const inference = inferShapes(g);
    expect(inference.ok).toBe(true);
    const svg = networkDiagramSvg(g, inference, { theme: 'light' });
    for (const n of g.nodes) {
      expect(svg).toContain(`>${escapeXml(nodeTitle(n))}</text>`);
      expect(svg).toContain(`>${n.id}</text>`);
    }
    for (const title of ['Input (4)', 'Dense 8 · relu', 'Dropout 0.5', 'Dense 5', 'Concatenate', 'BatchNorm', 'Activation · tanh', 'LeakyReLU · slope 0.3', 'ELU · alpha 1', 'Reshape (13, 1)', 'Flatten', 'Dense 1 · sigmoid']) {
      expect(svg).toContain(`>${title}</text>`);
    }
    expect(svg).not.toContain('linear');
    for (const e of g.edges) {
      const info = inference.nodes.get(e.source);
      if (info?.status !== 'ok') throw new Error('expected a shape');
      expect(svg).toContain(`text-anchor="middle">${formatShape(info.shape)}</text>`);
    }
    const pills = svg.match(/text-anchor="middle">\(None[^<]*<\/text>/g) ?? [];
    expect(pills).toHaveLength(g.edges.length);
    expect(svg).toContain('>(None, 8)</text>');
    expect(svg).toContain('>40 params</text>');
    expect(svg).toContain('>14,000 params</text>'); // 13 * 1000 + 1000, with en-US separators
    expect(svg).toContain('>1,001 params</text>');
    expect((svg.match(/<path /g) ?? []).length).toBe(g.edges.length);
    expect((svg.match(/<polygon /g) ?? []).length).toBe(g.edges.length);
    expectWellFormedXml(svg);
  });

  it('fits the viewBox to the layers with a 24 px margin, positions as on the canvas', () => {
    const g = xorGraph(); // boxes at x = 0, 300, 600, y = 0, each 200 x 72
    const svg = networkDiagramSvg(g, inferShapes(g), { theme: 'light' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="848" height="120" viewBox="-24 -24 848 120" role="img">/);
    expect(svg).toContain('<rect x="300" y="0" width="200" height="72"');
    // The edge hidden -> out leaves hidden's right side and ends at out's left side with an arrowhead.
    expect(svg).toContain('<path d="M 500 36 C ');
    expect(svg).toContain('<polygon points="600,36 593,32 593,40"');
    expect(svg).toContain('>Input (2)</text>');
    expect(svg).toContain('>Dense 4 · tanh</text>');
    expect(svg).toContain('>12 params</text>');
    expect(svg).toContain('>5 params</text>');
    expect(svg).toContain('>0 params</text>');
    expect(svg).toContain('>(None, 2)</text>');
    expect(svg).toContain('>(None, 4)</text>');
    expect(svg).toContain('>(None, 1)</text>');
    expectWellFormedXml(svg);

    const titled = networkDiagramSvg(g, inferShapes(g), { theme: 'light', title: 'XOR 2-4-1' });
    expect(titled).toContain('viewBox="-24 -64 848 160"');
    expect(titled).toContain('font-size="18" font-weight="600" fill="#1f2937">XOR 2-4-1</text>');
    expectWellFormedXml(titled);
  });

  it('uses the light and dark palettes', () => {
    const g = xorGraph();
    const light = networkDiagramSvg(g, inferShapes(g), { theme: 'light' });
    expect(light).toMatch(/<rect x="-24" y="-24" width="848" height="120" fill="#ffffff"\/>/);
    expect(light).toContain('fill="#ffffff" stroke="#d1d5db"');
    expect(light).toContain('fill="#1f2937"');
    expect(light).toContain('fill="#6b7280"');
    const dark = networkDiagramSvg(g, inferShapes(g), { theme: 'dark' });
    expect(dark).toMatch(/<rect x="-24" y="-24" width="848" height="120" fill="#171a21"\/>/);
    expect(dark).toContain('fill="#1f2430" stroke="#2a2f3a"');
    expect(dark).toContain('fill="#e5e7eb"');
    expect(dark).not.toContain('#ffffff');
  });

  it('is self-contained: system fonts, inline attributes, no ids, links, images or styles from elsewhere', () => {
    const g = richGraph();
    const svg = networkDiagramSvg(g, inferShapes(g), { theme: 'dark', title: 'Two inputs' });
    expect(svg).toContain('font-family="system-ui, ');
    expect(svg).toContain('font-family="ui-monospace, ');
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|href|url\(|<image|<style|<script|@import|\sid="|class="/);
  });

  it('escapes hostile names and titles', () => {
    const hostile = `a<b>&"c'`;
    const g = graph([node(hostile, 'Input', { shape: [2] }), node('d', 'Dense', { units: 2 })], [[hostile, 'd']]);
    const svg = networkDiagramSvg(g, inferShapes(g), { theme: 'light', title: `<script>alert("x")</script> & 'y'` });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain(hostile);
    expect(svg).toContain('a&lt;b&gt;&amp;&quot;c&#39;');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expectWellFormedXml(svg);
  });

  it('draws a layer with an error with a red border and an unknown shape, and an empty network as a note', () => {
    const g = graph([node('x', 'Input', { shape: [4] }), node('r', 'Reshape', { target_shape: [3] })], [['x', 'r']]);
    const positioned = layoutGraph(g);
    const svg = networkDiagramSvg(positioned, inferShapes(positioned), { theme: 'light' });
    expect(svg).toContain('stroke="#c62828" stroke-width="1.5"');
    expect(svg).toMatch(/>\?<\/text>/);
    expectWellFormedXml(svg);

    const empty = networkDiagramSvg({ nodes: [], edges: [] }, inferShapes({ nodes: [], edges: [] }), { theme: 'light' });
    expect(empty).toContain('>No layers yet</text>');
    expectWellFormedXml(empty);
  });
});

describe('nodeTitle', () => {
  it.each<[string, GraphNode]>([
    ['Input (2)', node('a', 'Input', { shape: [2] })],
    ['Input (28, 28)', node('a', 'Input', { shape: [28, 28] })],
    ['Dense 8 · relu', node('a', 'Dense', { units: 8, activation: 'relu' })],
    ['Dense 3', node('a', 'Dense', { units: 3, activation: 'linear' })],
    ['Activation · relu', node('a', 'Activation', { activation: 'relu' })],
    ['Dropout 0.5', node('a', 'Dropout', { rate: 0.5 })],
    ['Dropout 0.3', node('a', 'Dropout', { rate: 0.1 + 0.2 })],
    ['BatchNorm', node('a', 'BatchNormalization')],
    ['Flatten', node('a', 'Flatten')],
    ['Reshape (2, -1)', node('a', 'Reshape', { target_shape: [2, -1] })],
    ['Concatenate', node('a', 'Concatenate')],
    ['Concatenate axis 1', node('a', 'Concatenate', { axis: 1 })],
    ['Add', node('a', 'Add')],
    ['Multiply', node('a', 'Multiply')],
    ['Softmax', node('a', 'Softmax')],
    ['ReLU', node('a', 'ReLU')],
    ['ReLU · max 6', node('a', 'ReLU', { max_value: 6 })],
    ['LeakyReLU · slope 0.2', node('a', 'LeakyReLU', { negative_slope: 0.2 })],
    ['ELU · alpha 0.5', node('a', 'ELU', { alpha: 0.5 })],
    ['PReLU', node('a', 'PReLU')],
    ['PReLU · shared axes 1', node('a', 'PReLU', { shared_axes: [1] })],
  ])('%s', (title, n) => {
    expect(nodeTitle(n)).toBe(title);
  });
});
