/** A layer card with and without a training session, rendered on the server inside React Flow's provider. */
import { ReactFlowProvider } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { TrainingData } from '../../../../src/state/training/trainingStore.ts';
import { HEAD_HEIGHT, MID_HEIGHT } from '../../../../src/ui/canvas/training/cardGeometry.ts';
import { LayerNode, type LayerFlowNode } from '../../../../src/ui/nodes/LayerNode.tsx';
import { StoresContext } from '../../../../src/ui/stores.ts';
import { liveData, liveStores, xorGraph } from './liveStores.ts';
import { renderSettled } from '../../../support/renderSettled.ts';

function renderCard(id: string, data: Partial<TrainingData> | null): Promise<string> {
  const { stores } = liveStores(data);
  const node = xorGraph.nodes.find((n) => n.id === id);
  if (node === undefined) throw new Error(id);
  const props = { id, data: { node, inputSlots: node.kind === 'Input' ? 0 : 1 }, selected: false, type: 'layer' } as unknown as NodeProps<LayerFlowNode>;
  return renderSettled(createElement(ReactFlowProvider, null, createElement(StoresContext.Provider, { value: stores }, createElement(LayerNode, props))));
}

describe('a layer card while training', () => {
  it('looks as it always does without a session: no neuron rows, no fixed heights', async () => {
    const html = await renderCard('hidden', null);
    expect(html).not.toContain('neuron-row');
    expect(html).not.toContain('is-live');
    expect(html).not.toContain('style="height');
  });

  it('adds a row per neuron once a session has numbers, under a head of fixed height', async () => {
    const html = await renderCard('hidden', liveData(null));
    expect(html).toContain('layer-node is-live');
    expect([...html.matchAll(/class="neuron-row/g)]).toHaveLength(4);
    expect(html).toContain(`class="layer-node-head" style="height:${HEAD_HEIGHT}px"`);
    expect(html).toContain(`class="layer-node-mid" style="height:${MID_HEIGHT}px"`);
  });

  it("shows the data's values on the Input card", async () => {
    const html = await renderCard('x', liveData(null));
    expect(html).toContain('Input 1 of x (x1): value 1.50');
  });
});
