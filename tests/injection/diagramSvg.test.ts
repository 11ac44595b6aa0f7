/**
 * The network diagram (PNG and SVG download) with a hostile project name and layer names: the SVG is well-formed
 * XML (a strict parser reads it, see xmlTree.ts), the names are its text exactly as typed, and it has the same
 * elements and attributes as the diagram of a plainly named project, so nothing the names held became markup.
 */
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/core/graph/types.ts';
import { inferShapes } from '../../src/core/shapes/inferShapes.ts';
import { networkDiagramSvg } from '../../src/ui/diagram/networkDiagramSvg.ts';
import { graph, node } from '../support/graphBuilders.ts';
import { expectAllowedIds, HOSTILE_IDS, HOSTILE_MARKUP } from './hostileText.ts';
import type { XmlElement } from './xmlTree.ts';
import { allElements, ownText, parseXml } from './xmlTree.ts';

/** A branching network whose layers are named `ids` (input, two branches, a merge, the output). */
function network(ids: readonly string[]): Graph {
  const [input = 'a', left = 'b', right = 'c', merge = 'd', out = 'e'] = ids;
  const g = graph(
    [
      node(input, 'Input', { shape: [2] }),
      node(left, 'Dense', { units: 4, activation: 'relu' }),
      node(right, 'Dense', { units: 3, activation: 'tanh' }),
      node(merge, 'Concatenate'),
      node(out, 'Dense', { units: 1, activation: 'sigmoid' }),
    ],
    [
      [input, left],
      [input, right],
      [left, merge],
      [right, merge],
      [merge, out],
    ],
  );
  g.nodes.forEach((n, i) => {
    n.position = { x: 300 * Math.min(i, 3), y: 120 * (i % 2) };
  });
  return g;
}

const BENIGN_IDS = ['a', 'b', 'c', 'd', 'e'];

function diagram(g: Graph, title: string): XmlElement {
  const { root, otherMarkup } = parseXml(networkDiagramSvg(g, inferShapes(g), { theme: 'light', title }));
  expect(otherMarkup).toEqual([]);
  return root;
}

/** Each element's name and attribute names, in document order: what the markup is, whatever the text says. */
const structure = (root: XmlElement): string[] => allElements(root).map((e) => `${e.name}[${Object.keys(e.attributes).sort().join(' ')}]`);

describe('the network diagram shows hostile names as text', () => {
  const benign = diagram(network(BENIGN_IDS), 'A plain name');

  it.each(HOSTILE_MARKUP)('project name %j: the heading and the title are the name, and no markup was added', (name) => {
    const ids = HOSTILE_IDS.slice(0, 5);
    const g = network(ids);
    expectAllowedIds(g.nodes);
    const root = diagram(g, name);
    expect(structure(root)).toEqual(structure(benign));
    const elements = allElements(root);
    expect(elements.filter((e) => e.name === 'title').map(ownText)[0]).toBe(name);
    const texts = elements.filter((e) => e.name === 'text').map(ownText);
    expect(texts[0]).toBe(name);
    for (const id of ids) expect(texts).toContain(id);
    for (const e of elements) {
      for (const value of Object.values(e.attributes)) expect(value).not.toMatch(/pwned|javascript|evil/);
    }
  });

  it('a name with characters XML cannot hold still gives a diagram that opens, with U+FFFD in their place', () => {
    const name = 'a\u0000b\u0001c\ud800d\uffffe\u001ff\tg';
    const root = diagram(network(BENIGN_IDS), name);
    expect(structure(root)).toEqual(structure(benign));
    expect(allElements(root).filter((e) => e.name === 'text').map(ownText)[0]).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\tg');
  });
});
