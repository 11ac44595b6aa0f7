/**
 * Where a layer clicked in the palette goes: after the single selected layer when its output is free (so clicking
 * Dense, Dense, Dense builds a chain), otherwise in the middle of the view; never on top of another layer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainGraph, createNode } from '../../../src/core/graph/build.ts';
import { LAYOUT } from '../../../src/core/graph/layoutSizes.ts';
import type { Graph, Position } from '../../../src/core/graph/types.ts';
import { createProject } from '../../../src/core/project/index.ts';
import { LAYER_KINDS, LAYER_REGISTRY } from '../../../src/core/layers/index.ts';
import { addLayer } from '../../../src/state/editor/editing.ts';
import { createEditorStore } from '../../../src/state/editor/editorStore.ts';
import { freeSpot, placeNewLayer } from '../../../src/ui/palette/placement.ts';

/** Two layer boxes (top-left corners, LAYOUT size) cover each other. */
const covers = (a: Position, b: Position): boolean => Math.abs(a.x - b.x) < LAYOUT.nodeWidth && Math.abs(a.y - b.y) < LAYOUT.nodeHeight;

const xor: Graph = chainGraph([createNode('x', 'Input', { shape: [2] }), createNode('hidden', 'Dense', { units: 4 }), createNode('out', 'Dense', { units: 1 })]);
const at = (graph: Graph, id: string): Position => graph.nodes.find((n) => n.id === id)?.position ?? { x: NaN, y: NaN };
const CENTRE = { x: 2000, y: 1500 };

describe('placeNewLayer', () => {
  it('goes right of a single selected layer whose output is free, connected after it', () => {
    const place = placeNewLayer(xor, 'Dense', ['out'], CENTRE);
    expect(place.after).toBe('out');
    expect(place.position.y).toBe(at(xor, 'out').y);
    expect(place.position.x).toBeGreaterThanOrEqual(at(xor, 'out').x + LAYOUT.nodeWidth);
    for (const n of xor.nodes) expect(covers(place.position, n.position)).toBe(false);
  });

  it('is not connected after a layer that already feeds something: it goes in the middle of the view', () => {
    const place = placeNewLayer(xor, 'Dense', ['hidden'], CENTRE);
    expect(place.after).toBeNull();
    expect(place.position).toEqual({ x: CENTRE.x - LAYOUT.nodeWidth / 2, y: CENTRE.y - LAYOUT.nodeHeight / 2 });
  });

  it('an Input is never connected after anything', () => {
    for (const kind of LAYER_KINDS.filter((k) => LAYER_REGISTRY[k].inputs.max === 0)) {
      expect(placeNewLayer(xor, kind, ['out'], CENTRE).after).toBeNull();
    }
  });

  it('with no selection, or several layers selected, it goes in the middle of the view, unconnected', () => {
    expect(placeNewLayer(xor, 'Dense', [], CENTRE).after).toBeNull();
    expect(placeNewLayer(xor, 'Dense', ['out', 'hidden'], CENTRE).after).toBeNull();
    expect(placeNewLayer(xor, 'Dense', ['gone'], CENTRE).after).toBeNull();
  });

  it('clicking Dense three times with the new layer selected builds a chain, left to right, without overlaps', () => {
    const store = createEditorStore(createProject('Chain', xor));
    store.getState().select({ nodes: ['out'], edges: [] });
    for (let i = 0; i < 3; i += 1) {
      const state = store.getState();
      const place = placeNewLayer(state.project.graph, 'Dense', state.selection.nodes, CENTRE);
      addLayer(store, 'Dense', place.position, place.after);
    }
    const graph = store.getState().project.graph;
    expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
      ['x', 'hidden'],
      ['hidden', 'out'],
      ['out', 'dense'],
      ['dense', 'dense_1'],
      ['dense_1', 'dense_2'],
    ]);
    const pos = new Map(graph.nodes.map((n) => [n.id, n.position]));
    for (const e of graph.edges) expect(pos.get(e.source)?.x ?? Infinity).toBeLessThan(pos.get(e.target)?.x ?? -Infinity);
    for (const a of graph.nodes) for (const b of graph.nodes) if (a !== b) expect(covers(a.position, b.position)).toBe(false);
  });

  it('a layer right of the selected one pushes the new layer down, off it', () => {
    const crowded: Graph = { nodes: [...xor.nodes, createNode('beside', 'Dense', { units: 2 }, { x: at(xor, 'out').x + LAYOUT.nodeWidth + LAYOUT.rankGap, y: 0 })], edges: xor.edges };
    const place = placeNewLayer(crowded, 'Dense', ['out'], CENTRE);
    expect(place.after).toBe('out');
    for (const n of crowded.nodes) expect(covers(place.position, n.position)).toBe(false);
  });
});

describe('freeSpot', () => {
  it('keeps a spot that is free (rounded to whole pixels)', () => {
    expect(freeSpot(xor, { x: 100.4, y: 500.6 })).toEqual({ x: 100, y: 501 });
  });

  it('never puts a layer on top of another one, and only moves it down (property)', () => {
    const position = fc.record({ x: fc.integer({ min: -600, max: 600 }), y: fc.integer({ min: -400, max: 400 }) });
    fc.assert(
      fc.property(fc.array(position, { maxLength: 30 }), fc.record({ x: fc.double({ min: -600, max: 600, noNaN: true }), y: fc.double({ min: -400, max: 400, noNaN: true }) }), (spots, p) => {
        const graph: Graph = { nodes: spots.map((s, i) => createNode(`n${i}`, 'Dense', {}, s)), edges: [] };
        const spot = freeSpot(graph, p);
        for (const n of graph.nodes) {
          if (covers(spot, n.position)) throw new Error(`(${spot.x}, ${spot.y}) covers ${n.id} at (${n.position.x}, ${n.position.y})`);
        }
        expect(spot.x).toBe(Math.round(p.x));
        expect(spot.y).toBeGreaterThanOrEqual(Math.round(p.y));
      }),
      { numRuns: 300, seed: 20251202 },
    );
  });
});
