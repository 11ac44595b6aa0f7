/** Paper and ink for digits: the theme's surface and text colours, so a drawn or shown digit looks like writing. */
import type { Rgb, VizTheme } from './colorScale.ts';

export const PAPER_RGB: Record<VizTheme, Rgb> = { light: [0xff, 0xff, 0xff], dark: [0x17, 0x1a, 0x21] };
export const INK_RGB: Record<VizTheme, Rgb> = { light: [0x1f, 0x29, 0x37], dark: [0xe5, 0xe7, 0xeb] };
