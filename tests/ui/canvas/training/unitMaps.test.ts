/** Cutting each neuron's map out of a layer's grid, and the Input's own maps over the plane. */
import { describe, expect, it } from 'vitest';
import { inputPlaneGrid, splitUnitMaps } from '../../../../src/ui/canvas/training/unitMaps.ts';

describe('splitUnitMaps', () => {
  it("gives each neuron its own m × m map from the layer's interleaved grid (cell*units + unit)", () => {
    const m = 3;
    const units = 4;
    const grid = Float32Array.from({ length: m * m * units }, (_, i) => Math.floor(i / units) * 10 + (i % units));
    const maps = splitUnitMaps(grid, m, units);
    expect(maps).toHaveLength(units);
    maps.forEach((map, unit) => {
      expect(map).toHaveLength(m * m);
      map.forEach((v, cell) => expect(v).toBe(cell * 10 + unit));
    });
  });

  it('gives no maps for a grid too short for its layer', () => {
    expect(splitUnitMaps(new Float32Array(5), 3, 2)).toEqual([]);
  });
});

describe('inputPlaneGrid', () => {
  it('makes x1 grow left to right and x2 grow bottom to top, inside [-6, 6]', () => {
    const m = 4;
    const [x1, x2] = splitUnitMaps(inputPlaneGrid(m), m, 2);
    expect(x1?.[0]).toBeLessThan(x1?.[m - 1] ?? 0);
    expect(x2?.[0]).toBeGreaterThan(x2?.[(m - 1) * m] ?? 0);
    for (const v of [...(x1 ?? []), ...(x2 ?? [])]) expect(Math.abs(v)).toBeLessThan(6);
  });
});
