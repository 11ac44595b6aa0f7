/**
 * Painting dense grids into RGBA pixel buffers (an ImageData's data), one cell per pixel. Pure and allocation-free:
 * each cell is one 32-bit write of a precomputed colour, so a 784×128 weight matrix or a 100×100 decision boundary
 * repaints in a fraction of a millisecond.
 */
import { TABLE_SIZE, type Rgb } from './colorScale.ts';

const MID = (TABLE_SIZE - 1) / 2;
const LAST = TABLE_SIZE - 1;

/** The buffer as 32-bit pixels (same byte order as the table's, so a word copy copies R, G, B, A in order). */
function words(bytes: Uint8ClampedArray, count: number): Uint32Array {
  return new Uint32Array(bytes.buffer, bytes.byteOffset, count);
}

const tableWords = new WeakMap<Uint8ClampedArray, Uint32Array>();
function tableAsWords(table: Uint8ClampedArray): Uint32Array {
  let w = tableWords.get(table);
  if (!w) tableWords.set(table, (w = new Uint32Array(table.buffer.slice(table.byteOffset, table.byteOffset + TABLE_SIZE * 4))));
  return w;
}

/** Each value's colour on the diverging scale (lookup table from divergingTable), ends at ±max; NaN is neutral. */
export function paintDiverging(values: ArrayLike<number>, count: number, max: number, table: Uint8ClampedArray, out: Uint8ClampedArray): void {
  const scale = max > 0 && Number.isFinite(max) ? MID / max : MID;
  const colors = tableAsWords(table);
  const pixels = words(out, count);
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    // v === v is false only for NaN; the +0.5 and truncation round to the nearest entry.
    let idx = v === v ? Math.floor(v * scale + MID + 0.5) : MID;
    idx = idx < 0 ? 0 : idx > LAST ? LAST : idx;
    pixels[i] = colors[idx] as number;
  }
}

/** A sigmoid output p per cell on the diverging scale by p − 0.5: orange for class 0, blue for class 1, grey at 0.5. */
export function paintProbability(values: ArrayLike<number>, count: number, table: Uint8ClampedArray, out: Uint8ClampedArray): void {
  const colors = tableAsWords(table);
  const pixels = words(out, count);
  for (let i = 0; i < count; i++) {
    const p = values[i] as number;
    let idx = p === p ? Math.floor((p - 0.5) * 2 * MID + MID + 0.5) : MID;
    idx = idx < 0 ? 0 : idx > LAST ? LAST : idx;
    pixels[i] = colors[idx] as number;
  }
}

/**
 * k class probabilities per cell (values[cell*k + c]): the winning class's colour, mixed with the neutral grey by how
 * sure the network is, from 0 (all classes at 1/k: grey) to 1 (the winner at probability 1: the full class colour).
 */
export function paintClasses(values: ArrayLike<number>, cells: number, k: number, colors: readonly Rgb[], neutral: Rgb, out: Uint8ClampedArray): void {
  const chance = 1 / k;
  for (let cell = 0; cell < cells; cell++) {
    const base = cell * k;
    let best = 0;
    let bestP = -Infinity;
    for (let c = 0; c < k; c++) {
      const p = values[base + c] as number;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    let sure = k > 1 ? (bestP - chance) / (1 - chance) : 0;
    sure = sure > 0 ? (sure < 1 ? sure : 1) : 0;
    const color = colors[best] ?? neutral;
    const o = cell * 4;
    out[o] = neutral[0] + (color[0] - neutral[0]) * sure;
    out[o + 1] = neutral[1] + (color[1] - neutral[1]) * sure;
    out[o + 2] = neutral[2] + (color[2] - neutral[2]) * sure;
    out[o + 3] = 255;
  }
}

const greyTables = new Map<string, Uint32Array>();

/** 256 shades from paper to ink as 32-bit pixels, built once per pair of colours. */
function greyTable(paper: Rgb, ink: Rgb): Uint32Array {
  const key = `${paper.join()}|${ink.join()}`;
  let table = greyTables.get(key);
  if (!table) {
    const bytes = new Uint8ClampedArray(256 * 4);
    for (let level = 0; level < 256; level++) {
      const v = level / 255;
      bytes.set([paper[0] + (ink[0] - paper[0]) * v, paper[1] + (ink[1] - paper[1]) * v, paper[2] + (ink[2] - paper[2]) * v, 255], level * 4);
    }
    greyTables.set(key, (table = new Uint32Array(bytes.buffer)));
  }
  return table;
}

/** Grey levels 0..1 (a digit) from paper (0) to ink (1), in 256 shades. */
export function paintGrey(values: ArrayLike<number>, count: number, paper: Rgb, ink: Rgb, out: Uint8ClampedArray): void {
  const shades = greyTable(paper, ink);
  const pixels = words(out, count);
  for (let i = 0; i < count; i++) {
    const v = values[i] as number;
    pixels[i] = shades[v > 0 ? (v < 1 ? Math.floor(v * 255 + 0.5) : 255) : 0] as number;
  }
}
