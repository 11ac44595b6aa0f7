/**
 * Text contrast in both themes, read from the CSS variables the whole app is styled with (src/ui/app.css): every pair
 * of text colour and background the app puts together must reach WCAG AA, 4.5:1 for text (3:1 for the focus ring and
 * the marks that carry meaning next to text, like the red and amber borders of a layer with a problem).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../src/ui/app.css', import.meta.url), 'utf8');

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`app.css has no ${selector} block`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

const light = block(':root');
const dark = { ...light, ...block(":root[data-theme='dark']") };

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** [text, background, minimum ratio]: the combinations the stylesheets use. */
const PAIRS: [string, string, number][] = [
  ['text', 'bg', 4.5],
  ['text', 'surface', 4.5],
  ['text', 'surface-2', 4.5],
  ['muted', 'surface', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface-2', 4.5],
  ['accent-text', 'accent', 4.5],
  ['accent', 'surface', 4.5],
  ['text', 'accent-soft', 4.5],
  ['text', 'error-soft', 4.5],
  ['error', 'surface', 4.5],
  ['warning', 'surface', 4.5],
  ['text', 'warning-soft', 4.5],
  ['focus', 'surface', 3],
  ['focus', 'bg', 3],
  ['error', 'bg', 3],
  ['warning-border', 'surface', 2],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_name, theme) => {
  it.each(PAIRS)('%s on %s reaches %s:1', (fg, bg, min) => {
    const a = theme[fg];
    const b = theme[bg];
    expect(a, `--${fg} is defined`).toMatch(/^#/);
    expect(b, `--${bg} is defined`).toMatch(/^#/);
    expect(contrast(a ?? '', b ?? '')).toBeGreaterThanOrEqual(min);
  });
});
