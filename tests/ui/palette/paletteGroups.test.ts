/** The palette's groups and one-line descriptions, generated from the layer registry. */
import { describe, expect, it } from 'vitest';
import type { LayerKind } from '../../../src/core/layers/index.ts';
import { LAYER_KINDS, LAYER_REGISTRY } from '../../../src/core/layers/index.ts';
import { oneLine, paletteGroups } from '../../../src/ui/palette/paletteGroups.ts';

const allKinds = (filter?: string): LayerKind[] => paletteGroups(filter).flatMap((g) => g.kinds);
const matches = (kind: LayerKind, needle: string): boolean =>
  kind.toLowerCase().includes(needle.toLowerCase()) || LAYER_REGISTRY[kind].description.toLowerCase().includes(needle.toLowerCase());

describe('paletteGroups', () => {
  it('shows every layer kind of the registry exactly once', () => {
    const kinds = allKinds();
    expect(kinds).toHaveLength(LAYER_KINDS.length);
    expect(new Set(kinds)).toEqual(new Set(LAYER_KINDS));
  });

  it('orders the groups as a network is built: Input, Core, Activations, Regularization, Merge, Reshape', () => {
    expect(paletteGroups().map((g) => g.title)).toEqual(['Input', 'Core', 'Activations', 'Regularization', 'Merge', 'Reshape']);
  });

  it('keeps registry order inside each group, and puts each kind in its category’s group', () => {
    for (const group of paletteGroups()) {
      const positions = group.kinds.map((k) => LAYER_KINDS.indexOf(k));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    const groupOf = (kind: LayerKind): string | undefined => paletteGroups().find((g) => g.kinds.includes(kind))?.title;
    expect(groupOf('Input')).toBe('Input');
    expect(groupOf('Dense')).toBe('Core');
    expect(groupOf('ReLU')).toBe('Activations');
    expect(groupOf('Dropout')).toBe('Regularization');
    expect(groupOf('BatchNormalization')).toBe('Regularization');
    expect(groupOf('Concatenate')).toBe('Merge');
    expect(groupOf('Flatten')).toBe('Reshape');
  });

  it('the filter matches kind names whatever their case, ignoring blanks around it', () => {
    for (const needle of ['dense', 'DENSE', '  Dense ', 'relu', 'ReLU', 'norm']) {
      const found = allKinds(needle);
      expect(found.length).toBeGreaterThan(0);
      for (const kind of LAYER_KINDS) expect(found.includes(kind)).toBe(matches(kind, needle.trim()));
    }
    expect(allKinds('dense')).toContain('Dense');
    expect(allKinds('LEAKY')).toContain('LeakyReLU');
    expect(allKinds('LEAKY')).not.toContain('Dense');
  });

  it('the filter also matches words of the descriptions', () => {
    // "residual" appears only in Add's description, "probabilities" only in Softmax's.
    expect(allKinds('residual')).toEqual(LAYER_KINDS.filter((k) => LAYER_REGISTRY[k].description.toLowerCase().includes('residual')));
    expect(allKinds('residual')).toContain('Add');
    expect(allKinds('Probabilities')).toContain('Softmax');
  });

  it('a filter that matches nothing gives no groups (no empty headings)', () => {
    expect(paletteGroups('zzz-no-such-layer')).toEqual([]);
    for (const group of paletteGroups('merge')) expect(group.kinds.length).toBeGreaterThan(0);
  });
});

describe('oneLine', () => {
  it('is the first sentence of the description: a prefix that ends with a full stop, followed by nothing or a new sentence', () => {
    for (const kind of LAYER_KINDS) {
      const description = LAYER_REGISTRY[kind].description;
      const line = oneLine(kind);
      expect(description.startsWith(line), kind).toBe(true);
      expect(line.endsWith('.'), kind).toBe(true);
      const rest = description.slice(line.length);
      // What follows a sentence is another sentence: a blank, then a capital letter.
      expect(rest === '' || /^\s+[A-Z("]/.test(rest), `${kind}: "${line}" | "${rest}"`).toBe(true);
    }
  });

  it('is shorter than the whole description when that has several sentences', () => {
    expect(oneLine('Dense').length).toBeLessThan(LAYER_REGISTRY.Dense.description.length);
    expect(LAYER_REGISTRY.Dense.description.startsWith(oneLine('Dense'))).toBe(true);
  });

  it('does not cut a sentence at an abbreviation such as "e.g."', () => {
    const withAbbreviation = LAYER_KINDS.filter((k) => /\b(e\.g|i\.e)\./.test(LAYER_REGISTRY[k].description));
    expect(withAbbreviation.length).toBeGreaterThan(0); // Reshape and Multiply today
    for (const kind of withAbbreviation) expect(oneLine(kind), kind).not.toMatch(/\b(e\.g|i\.e)\.$/);
  });
});
