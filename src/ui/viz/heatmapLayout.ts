/** Sizes of a matrix heatmap on screen, and which cell a pointer is over. */

export interface HeatmapLayout {
  /** CSS size of one cell (not necessarily square) and of the whole matrix, in px. */
  cellWidth: number;
  cellHeight: number;
  width: number;
  height: number;
  /** Few enough rows and columns, large enough cells: print every row's and column's name. */
  labelled: boolean;
}

const MAX_CELL = 16;

/**
 * Square cells up to 16 px when the matrix fits that way; a matrix far taller than wide (784 inputs × 128 neurons)
 * gets stretched cells instead, so it fills the box rather than becoming a sliver.
 */
export function heatmapLayout(rows: number, cols: number, maxWidth: number, maxHeight: number): HeatmapLayout {
  const r = Math.max(1, rows);
  const c = Math.max(1, cols);
  const square = Math.min(MAX_CELL, maxWidth / c, maxHeight / r);
  let cellWidth = square;
  let cellHeight = square;
  if (c * square < maxWidth / 2 || r * square < maxHeight / 2) {
    cellWidth = Math.min(MAX_CELL, maxWidth / c);
    cellHeight = Math.min(MAX_CELL, maxHeight / r);
  }
  return {
    cellWidth,
    cellHeight,
    width: Math.round(c * cellWidth),
    height: Math.round(r * cellHeight),
    labelled: r <= 16 && c <= 16 && Math.min(cellWidth, cellHeight) >= 10,
  };
}

/** The (row, column) under a point at (px, py) inside a matrix drawn width × height px; null outside it. */
export function cellAt(px: number, py: number, width: number, height: number, rows: number, cols: number): [number, number] | null {
  if (px < 0 || py < 0 || px >= width || py >= height) return null;
  return [Math.min(rows - 1, Math.floor((py / height) * rows)), Math.min(cols - 1, Math.floor((px / width) * cols))];
}
