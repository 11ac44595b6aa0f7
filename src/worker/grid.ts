/** The input plane the 2-D pictures cover: the built-in 2-D sets lie in [-6, 6]² (see core/datasets/builtin.ts). */
export const GRID_EXTENT = 6;

/**
 * The centres of an n × n grid of cells over [-extent, extent]², as network inputs (x1, x2) row by row: row 0 is the
 * top of the picture (x2 = +extent side), column 0 the left (x1 = -extent side), as a canvas draws an image.
 */
export function gridInputs(n: number, extent: number): Float32Array {
  const out = new Float32Array(n * n * 2);
  const cell = (2 * extent) / n;
  for (let row = 0; row < n; row += 1) {
    const x2 = extent - (row + 0.5) * cell;
    for (let col = 0; col < n; col += 1) {
      const i = (row * n + col) * 2;
      out[i] = -extent + (col + 0.5) * cell;
      out[i + 1] = x2;
    }
  }
  return out;
}
