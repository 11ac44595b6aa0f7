/**
 * Each neuron's map over the input plane, cut out of the snapshot's per-layer grid (m × m × units, index
 * (row*m + col)*units + unit, row 0 = top), as NeuronMap takes them: one m × m array per neuron.
 */
import { GRID_EXTENT, gridInputs } from '../../../worker/grid.ts';

export function splitUnitMaps(values: Float32Array, m: number, units: number): Float32Array[] {
  const cells = m * m;
  if (m <= 0 || units <= 0 || values.length < cells * units) return [];
  const maps: Float32Array[] = [];
  for (let u = 0; u < units; u++) {
    const map = new Float32Array(cells);
    for (let cell = 0, i = u; cell < cells; cell++, i += units) map[cell] = values[i] as number;
    maps.push(map);
  }
  return maps;
}

/**
 * The Input layer's own "maps": feature 1 (x1) grows left to right and feature 2 (x2) bottom to top over the plane,
 * the same cells the worker evaluates the network on. The worker sends no grid for the Input, since it is the data.
 */
export function inputPlaneGrid(m: number): Float32Array {
  return gridInputs(m, GRID_EXTENT);
}
