/** A card's neuron rows, rendered on the server: one button per neuron, named for a screen reader. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ROW_HEIGHT } from '../../../../src/ui/canvas/training/cardGeometry.ts';
import { NeuronStrip } from '../../../../src/ui/nodes/NeuronStrip.tsx';
import { StoresContext } from '../../../../src/ui/stores.ts';
import { liveData, liveStores } from './liveStores.ts';

function render(props: Parameters<typeof NeuronStrip>[0], unit: number | null): string {
  const { stores } = liveStores(liveData(unit));
  return renderToStaticMarkup(createElement(StoresContext.Provider, { value: stores }, createElement(NeuronStrip, props)));
}

const buttons = (html: string): string[] => [...html.matchAll(/<button[^>]*>/g)].map((m) => m[0]);

describe('NeuronStrip', () => {
  it('shows one button per neuron, named with its activation on the viewed example', () => {
    const html = render({ id: 'hidden', kind: 'Dense', units: 4, rows: 'dot' }, null);
    expect(buttons(html)).toHaveLength(4);
    expect(html).toContain('aria-label="Neuron 1 of hidden: activation 0.412"');
    expect(html).toContain('aria-label="Neuron 2 of hidden: activation \u22120.900"');
    expect(html).toContain('aria-label="Neurons of hidden"');
  });

  it('marks the neuron the inspector shows as pressed, and only that one', () => {
    const html = render({ id: 'hidden', kind: 'Dense', units: 4, rows: 'dot' }, 2);
    const pressed = buttons(html).filter((b) => b.includes('aria-pressed="true"'));
    expect(pressed).toHaveLength(1);
    expect(pressed[0]).toContain('Neuron 3 of hidden');
  });

  it("names the Input's rows after the data's features", () => {
    const html = render({ id: 'x', kind: 'Input', units: 2, rows: 'dot' }, null);
    expect(html).toContain('aria-label="Input 1 of x (x1): value 1.50"');
    expect(html).toContain('aria-label="Input 2 of x (x2): value \u22122.00"');
  });

  it('gives every row the fixed height the weight lines are drawn to, whatever the values', () => {
    for (const rows of ['dot', 'map'] as const) {
      const html = render({ id: 'hidden', kind: 'Dense', units: 4, rows }, null);
      for (const b of buttons(html)) expect(b).toContain(`style="height:${ROW_HEIGHT[rows]}px"`);
      expect(html).toContain(`style="height:${4 * ROW_HEIGHT[rows]}px"`);
    }
  });
});
