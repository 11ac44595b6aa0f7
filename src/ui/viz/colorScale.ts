/**
 * LayerLab's one diverging colour scale for every signed number (weights, activations, gradients, regression values):
 * orange for negative, a neutral grey at zero, blue for positive, symmetric around zero. These are TensorFlow
 * Playground's colours (#f59322, #e8eaeb, #0877bd), chosen there because they stay apart for colour-blind eyes.
 * Pure functions only: the components call them, canvases use the RGBA lookup table.
 */

/**
 * d3's schemeTableau10, written out: importing it from d3 pulls all of d3-scale-chromatic (16 kB) into the first
 * page load for ten colours.
 */
const TABLEAU10: readonly string[] = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

export type VizTheme = 'light' | 'dark';
export type Rgb = readonly [number, number, number];

export const NEGATIVE_RGB: Rgb = [0xf5, 0x93, 0x22];
export const POSITIVE_RGB: Rgb = [0x08, 0x77, 0xbd];
/** Zero: Playground's light grey, and on the dark theme a grey that still stands out from the #171a21 surface. */
export const NEUTRAL_RGB: Record<VizTheme, Rgb> = { light: [0xe8, 0xea, 0xeb], dark: [0x3a, 0x3f, 0x4a] };

/**
 * Entries in the lookup table. Odd, so that zero falls exactly on the middle entry (index 128) and reads as neutral
 * rather than as the nearest shade of orange or blue.
 */
export const TABLE_SIZE = 257;
const TABLE_MID = (TABLE_SIZE - 1) / 2;

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
}

/** v / max clamped to -1..1. NaN reads as 0 (neutral); a max that is not a positive number means "use 1". */
export function scaledValue(v: number, max: number): number {
  if (Number.isNaN(v)) return 0;
  const m = max > 0 && Number.isFinite(max) ? max : 1;
  const t = v / m;
  return t < -1 ? -1 : t > 1 ? 1 : t;
}

/** The colour of a value on the diverging scale whose ends are -max (full orange) and +max (full blue). */
export function valueColor(v: number, max: number, theme: VizTheme): Rgb {
  const t = scaledValue(v, max);
  const neutral = NEUTRAL_RGB[theme];
  return t < 0 ? mix(neutral, NEGATIVE_RGB, -t) : mix(neutral, POSITIVE_RGB, t);
}

/** CSS text for a colour: "rgb(8 119 189)". */
export function cssRgb(rgb: Rgb): string {
  return `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})`;
}

/** The CSS colour of a value, for SVG fills and HTML backgrounds. */
export function valueCss(v: number, max: number, theme: VizTheme): string {
  return cssRgb(valueColor(v, max, theme));
}

const tables = new Map<VizTheme, Uint8ClampedArray>();

/**
 * The scale as TABLE_SIZE RGBA entries (4 bytes each, alpha 255), from -max (index 0) through zero (index 128) to
 * +max (index 256), built once per theme and shared: canvases copy 4 bytes per cell instead of mixing colours.
 */
export function divergingTable(theme: VizTheme): Uint8ClampedArray {
  let table = tables.get(theme);
  if (!table) {
    table = new Uint8ClampedArray(TABLE_SIZE * 4);
    for (let i = 0; i < TABLE_SIZE; i++) {
      const [r, g, b] = valueColor((i - TABLE_MID) / TABLE_MID, 1, theme);
      table.set([r, g, b, 255], i * 4);
    }
    tables.set(theme, table);
  }
  return table;
}

/** The table entry of a value (0..TABLE_SIZE-1): what the canvases' inner loops compute inline. */
export function tableIndex(v: number, max: number): number {
  return Math.round((scaledValue(v, max) + 1) * TABLE_MID);
}

/** Class colours: the scale's own orange and blue for two classes (so class 1 = "positive"), Tableau10 beyond. */
export function classColor(index: number, classCount: number): string {
  if (classCount <= 2) return index === 0 ? '#f59322' : '#0877bd';
  return TABLEAU10[((index % 10) + 10) % 10] ?? '#888888';
}

export function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function classRgb(index: number, classCount: number): Rgb {
  return hexToRgb(classColor(index, classCount));
}

/**
 * The shade of a cell on the confusion matrix's single-hue scale: from a faint surface tint (share 0) to the scale's
 * blue (share 1). Blue, because a full cell means "many", not "negative or positive".
 */
export function shareColor(share: number, theme: VizTheme): Rgb {
  const low: Rgb = theme === 'light' ? [0xf1, 0xf3, 0xf6] : [0x1f, 0x24, 0x30];
  const t = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  return mix(low, POSITIVE_RGB, t);
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(rgb: Rgb): number {
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

/** WCAG contrast ratio between two colours, 1..21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const DARK_TEXT_RGB: Rgb = [0, 0, 0];
export const LIGHT_TEXT_RGB: Rgb = [255, 255, 255];

/**
 * Black or white text for a number printed on a coloured cell, whichever contrasts more. Pure black rather than the
 * theme's #1f2937: between them, black and white reach 4.5:1 on every colour, the softer grey does not (mid blues).
 */
export function textColorOn(background: Rgb): '#000000' | '#ffffff' {
  return contrastRatio(background, DARK_TEXT_RGB) >= contrastRatio(background, LIGHT_TEXT_RGB) ? '#000000' : '#ffffff';
}
