/** Which digits the MNIST preview shows and how they tile the panel. */
import type { Dataset } from '../../../core/datasets/types.ts';

/** How many digits the preview shows. */
export const PREVIEW_DIGITS = 24;

export interface DigitGridLayout {
  columns: number;
  rows: number;
  /** Side of one digit in px (whole pixels). */
  cellSize: number;
}

/**
 * Tiles `count` digits into a panel `width` px wide with `gap` px between them: as many columns as fit at the
 * smallest size (28 px, one screen pixel per image pixel) up to `maxColumns` (6: the 24 digits make four rows of
 * six in the side panel, each about 46 px, big enough to read a stroke), then the cells grow to fill the row.
 */
export function digitGridLayout(count: number, width: number, gap = 4, minCell = 28, maxColumns = 6): DigitGridLayout {
  if (count <= 0) return { columns: 0, rows: 0, cellSize: minCell };
  const fit = Math.floor((width + gap) / (minCell + gap));
  const columns = Math.max(1, Math.min(count, maxColumns, fit));
  const cellSize = Math.max(minCell, Math.floor((width - gap * (columns - 1)) / columns));
  return { columns, rows: Math.ceil(count / columns), cellSize };
}

export interface PreviewDigit {
  /** Row of the dataset. */
  row: number;
  /** The row's 28×28 grey levels (a view into the dataset, not a copy). */
  pixels: Float32Array;
  /** The digit it shows, "7". */
  label: string;
}

/**
 * The first `count` rows of an image dataset: the rows are shuffled, so every digit turns up, and they are the first
 * the network trains on (a new seed shows others).
 */
export function previewDigits(dataset: Dataset, count: number): PreviewDigit[] {
  const size = dataset.numFeatures;
  const shown = Math.min(count, dataset.numSamples);
  return Array.from({ length: shown }, (_, row) => ({
    row,
    pixels: dataset.features.subarray(row * size, (row + 1) * size),
    label: dataset.classNames[dataset.labels[row] as number] ?? String(dataset.labels[row]),
  }));
}
