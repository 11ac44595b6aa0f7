/**
 * The digit pad's ink: a Float32Array of coverage 0..1 per canvas pixel, painted with a thick, soft round brush.
 * Pure, so the stroke a test draws is exactly the stroke a student draws.
 */

export interface Ink {
  width: number;
  height: number;
  /** Row-major coverage, 0 (paper) .. 1 (full ink). */
  data: Float32Array;
}

export function createInk(width: number, height: number): Ink {
  return { width, height, data: new Float32Array(width * height) };
}

/** The pad's brush on its 280×280 canvas: 2 to 3 MNIST pixels wide once a digit is scaled into its 20×20 box, as MNIST's strokes are. */
export const BRUSH_RADIUS = 16;
/** The inner share of the radius that is solid ink; beyond it the edge fades out smoothly over the rest. */
const SOLID = 0.55;

/**
 * Paints a straight stroke from (x0, y0) to (x1, y1) (a dot when they are equal): every pixel gets the coverage of
 * its distance to the segment, never less than it had. Returns the box of pixels touched, [x, y, w, h], for a
 * partial redraw; null when the stroke misses the canvas.
 */
export function paintStroke(
  ink: Ink,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  radius = BRUSH_RADIUS,
): [number, number, number, number] | null {
  const { width, height, data } = ink;
  const left = Math.max(0, Math.floor(Math.min(x0, x1) - radius));
  const right = Math.min(width - 1, Math.ceil(Math.max(x0, x1) + radius));
  const top = Math.max(0, Math.floor(Math.min(y0, y1) - radius));
  const bottom = Math.min(height - 1, Math.ceil(Math.max(y0, y1) + radius));
  if (left > right || top > bottom) return null;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length2 = dx * dx + dy * dy;
  const solid = radius * SOLID;
  for (let py = top; py <= bottom; py++) {
    for (let px = left; px <= right; px++) {
      // Distance from the pixel's centre to the nearest point of the segment.
      const cx = px + 0.5 - x0;
      const cy = py + 0.5 - y0;
      const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, (cx * dx + cy * dy) / length2));
      const ex = cx - t * dx;
      const ey = cy - t * dy;
      const d = Math.sqrt(ex * ex + ey * ey);
      if (d >= radius) continue;
      const u = d <= solid ? 1 : (radius - d) / (radius - solid);
      // Smoothstep: a soft edge without a visible ring.
      const coverage = u * u * (3 - 2 * u);
      const i = py * width + px;
      if (coverage > (data[i] as number)) data[i] = coverage;
    }
  }
  return [left, top, right - left + 1, bottom - top + 1];
}
