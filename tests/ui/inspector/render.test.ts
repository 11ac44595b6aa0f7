/**
 * The inspector rendered to HTML in Node (react-dom/server, no DOM): every layer kind gets a generated form whose
 * controls have labels, help and error wiring. Interaction is covered by the browser (e2e) tests.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { connect, createNode } from '../../../src/core/graph/build.ts';
import type { Graph } from '../../../src/core/graph/types.ts';
import { LAYER_KINDS } from '../../../src/core/layers/index.ts';
import { createProject } from '../../../src/core/project/index.ts';
import type { Selection } from '../../../src/state/editor/editorStore.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';
import { Inspector } from '../../../src/ui/panels/inspector/Inspector.tsx';
import { StoresContext } from '../../../src/ui/stores.ts';
import { serverStores } from '../../support/serverStores.ts';

function render(graph: Graph, selection: Selection): string {
  const editor = createEditorStore(createProject('t', graph));
  editor.getState().select(selection);
  const { stores } = serverStores(editor);
  return renderToStaticMarkup(createElement(StoresContext.Provider, { value: stores }, createElement(Inspector)));
}

/** Every <label for> points at a control, and every aria-describedby id exists. */
function expectWired(html: string): void {
  const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<label[^>]* for="([^"]+)"/g)) expect(ids.has(m[1])).toBe(true);
  for (const m of html.matchAll(/aria-describedby="([^"]+)"/g)) for (const id of (m[1] ?? '').split(' ')) expect(ids.has(id)).toBe(true);
  const labelled = new Set([...html.matchAll(/<label[^>]* for="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<(input|select)[^>]* id="([^"]+)"/g)) expect(labelled.has(m[2]), m[0]).toBe(true);
}

const xor: Graph = {
  nodes: [createNode('x', 'Input', { shape: [2] }), createNode('hidden', 'Dense', { units: 4, activation: 'tanh' }), createNode('out', 'Dense', { units: 1 })],
  edges: [connect('x', 'hidden'), connect('hidden', 'out')],
};

describe('Inspector (server-rendered)', () => {
  it('shows a hint and the network summary when nothing is selected', () => {
    const html = render(xor, { nodes: [], edges: [] });
    expect(html).toContain('Select a layer on the canvas to see and change its settings.');
    expect(html).toContain('<dt>Parameters</dt><dd data-testid="network-params">17</dd>');
    expect(html).toContain('<dt>Layers</dt><dd>3</dd>');
  });

  it('counts a multiple selection and offers to delete it', () => {
    const html = render(xor, { nodes: ['hidden', 'out'], edges: [] });
    expect(html).toContain('2 layers selected');
    expect(html).toContain('Delete 2 layers</button>');
  });

  it('shows a Dense layer: header, name, generated form, connections, delete', () => {
    const html = render(xor, { nodes: ['hidden'], edges: [] });
    expectWired(html);
    expect(html).toContain('data-testid="inspector-shape">(None, 4)</span>');
    expect(html).toContain('data-testid="inspector-params">12 params</span>');
    expect(html).toContain('>Layer name</label>');
    expect(html).toContain('value="hidden"');
    expect(html).toMatch(/>neurons <span[^>]*>\(units\)<\/span><\/label><input[^>]*inputMode="numeric"[^>]*value="4"/);
    expect(html).toContain('How many neurons the layer has.<span class="inspector-hint"> Allowed: 1 to 4,096.</span>');
    expect(html).toContain('weight initializer <span class="mono inspector-keras">(kernel_initializer)</span>');
    expect(html).toContain('<option value="step">step (perceptron) — step (not exportable to Keras)</option>');
    expect(html).toContain('f(x) = (e^x - e^-x) / (e^x + e^-x)');
    expect(html).toContain('aria-label="tanh curve"');
    expect(html).toContain('>Input comes from</label>');
    expect(html).toContain('<option value="x" selected="">x — Input</option><option value="out">out — Dense</option>');
    expect(html).toContain('>out</button>');
    expect(html).toContain('Delete layer</button>');
    // Fields in schema order.
    const order = ['>neurons ', '>activation<', '>use bias<', '>weight initializer ', '>bias initializer<', '>weight penalty '].map((s) => html.indexOf(s));
    expect(order.every((p, i) => p > 0 && (i === 0 || p > (order[i - 1] ?? 0)))).toBe(true);
  });

  it("marks a parameter the core refuses: the field shows the core's message and is aria-invalid", () => {
    const graph: Graph = { ...xor, nodes: xor.nodes.map((n) => (n.id === 'hidden' ? createNode('hidden', 'Dense', { units: 0 }) : n)) };
    const html = render(graph, { nodes: ['hidden'], edges: [] });
    expectWired(html);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*value="0"/);
    expect(html).toContain('Dense units must be at least 1; it is 0.<span class="inspector-fix"> Use 1 or more.</span>');
    expect(html).toContain('inspector-problem-error');
  });

  it('generates a form for every layer kind', () => {
    for (const kind of LAYER_KINDS) {
      const graph: Graph = { nodes: [createNode('x', 'Input', { shape: [4] }), createNode('layer', kind)], edges: kind === 'Input' ? [] : [connect('x', 'layer')] };
      const html = render(graph, { nodes: ['layer'], edges: [] });
      expectWired(html);
      expect(html, kind).toContain(`>${kind} <span class="visually-hidden">layer layer</span></h2>`);
      expect(html, kind).toContain('Delete layer</button>');
    }
  });

  it('numbers the inputs of a merge layer, with a free slot', () => {
    const graph: Graph = {
      nodes: [createNode('x', 'Input', { shape: [2] }), createNode('a', 'Dense', { units: 3 }), createNode('concat', 'Concatenate')],
      edges: [connect('x', 'a'), connect('x', 'concat', 0), connect('a', 'concat', 1)],
    };
    const html = render(graph, { nodes: ['concat'], edges: [] });
    expect(html).toContain('>Input 1 comes from</label>');
    expect(html).toContain('>Input 2 comes from</label>');
    expect(html).toContain('>Input 3 comes from</label>');
  });

  it('shows a weight penalty as a choice plus its factor fields', () => {
    const graph: Graph = { ...xor, nodes: xor.nodes.map((n) => (n.id === 'hidden' ? createNode('hidden', 'Dense', { kernel_regularizer: { l1: 0, l2: 0.01 } }) : n)) };
    const html = render(graph, { nodes: ['hidden'], edges: [] });
    expectWired(html);
    expect(html).toContain('>weight penalty (L2)</label>');
    expect(html).not.toContain('>weight penalty (L1)</label>');
    expect(html).toMatch(/<option value="l2" selected="">L2<\/option>/);
  });
});
