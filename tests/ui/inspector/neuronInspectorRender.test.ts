/** The neuron inspector in the Layer tab, rendered on the server with one snapshot's numbers. */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { TrainingData } from '../../../src/state/training/trainingStore.ts';
import { Inspector } from '../../../src/ui/panels/inspector/Inspector.tsx';
import { StoresContext } from '../../../src/ui/stores.ts';
import { liveData, liveStores } from '../canvas/training/liveStores.ts';
import { renderSettled } from '../../support/renderSettled.ts';

function render(data: Partial<TrainingData> | null, selected: string): Promise<string> {
  const { stores } = liveStores(data, [selected]);
  return renderSettled(createElement(StoresContext.Provider, { value: stores }, createElement(Inspector)));
}

/** The data-value of the element with this test id, as a number. */
function valueOf(html: string, testId: string): number {
  const match = new RegExp(`data-testid="${testId}" data-value="([^"]+)"`).exec(html);
  if (match === null) throw new Error(`no ${testId} in the markup`);
  return Number(match[1]);
}

describe('NeuronInspector', () => {
  it('adds nothing to the Layer tab without a training session', async () => {
    const html = await render(null, 'hidden');
    expect(html).not.toContain('data-testid="neuron-inspector"');
    expect(html).toContain('Delete layer</button>');
  });

  it('asks for a neuron while none of this layer is chosen, with a picker of its neurons', async () => {
    const html = await render(liveData(null), 'hidden');
    expect(html).toContain('Click a neuron on the card to see its arithmetic.');
    expect(html).toContain('>Choose a neuron…</option>');
    expect(html).toContain('>Neuron 4 of 4</option>');
    expect(html).not.toContain('data-testid="neuron-sum"');
  });

  it("shows the chosen neuron's example and every number of its sum, which adds up", async () => {
    const html = await render(liveData(1), 'hidden');
    expect(html).toMatch(/<option value="1" selected="">Neuron 2 of 4<\/option>/);
    expect(html).toContain('Test example 4 of 120 · class: opposite sign');
    const inputs = [0, 1].map((i) => valueOf(html, `neuron-input-${i}`));
    const weights = [0, 1].map((i) => valueOf(html, `neuron-weight-${i}`));
    expect(inputs).toEqual([1.5, -2]);
    const sum = inputs.reduce((s, x, i) => s + x * (weights[i] ?? 0), valueOf(html, 'neuron-bias'));
    expect(sum).toBeCloseTo(valueOf(html, 'neuron-sum'), 6);
    expect(valueOf(html, 'neuron-output')).toBeCloseTo(Math.tanh(sum), 6);
    // The first layer's inputs are the data's features.
    expect(html).toContain('<th scope="row">x1</th>');
  });

  it("names a later layer's inputs after the layer they come from", async () => {
    const data = liveData(null);
    const inputs = new Float32Array([0.1, 0.2, 0.3, 0.4]);
    const html = await render(
      { ...data, view: { ...(data.view as NonNullable<typeof data.view>), neuron: { nodeId: 'out', unit: 0 } }, neuron: { nodeId: 'out', unit: 0, activation: 'sigmoid', inputs, weights: inputs, bias: 0, sum: 0.3, output: 0.57 } },
      'out',
    );
    expect(html).toContain('<th scope="row">hidden unit 3</th>');
  });

  it('is shown for Dense layers only', async () => {
    const html = await render(liveData(null), 'x');
    expect(html).not.toContain('data-testid="neuron-inspector"');
  });
});
