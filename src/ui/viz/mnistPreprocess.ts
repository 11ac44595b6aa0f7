/**
 * A drawing on the pad made into an MNIST-like 28×28 image, the way the MNIST digits themselves were made (LeCun et
 * al.): the digit's bounding box is scaled, keeping its aspect ratio, to fit a 20×20 box (with anti-aliasing, here an
 * exact area average), then placed in the 28×28 field so that its centre of mass sits at the field's centre.
 * A network trained on MNIST expects exactly this framing; an uncentred or unscaled drawing fools it.
 */
import type { Ink } from './digitInk.ts';

export const MNIST_SIDE = 28;
export const MNIST_BOX = 20;

/** The smallest box holding every inked pixel, [x, y, width, height]; null for a blank canvas. */
export function inkBounds(ink: Ink): [number, number, number, number] | null {
  const { width, height, data } = ink;
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if ((data[row + x] as number) > 0) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        bottom = y;
      }
    }
  }
  return right < 0 ? null : [left, top, right - left + 1, bottom - top + 1];
}

/**
 * Resamples `count` lines of `srcLen` samples (sample i of line l at src[l*lineStride + i*step]) to `dstLen` samples
 * each, every output sample the exact average of the stretch of input it covers (partial pixels weighted by overlap).
 */
function resampleLines(
  src: Float32Array,
  srcLen: number,
  dstLen: number,
  count: number,
  srcLine: (l: number) => number,
  srcStep: number,
  dst: Float32Array,
  dstLine: (l: number) => number,
  dstStep: number,
): void {
  const ratio = srcLen / dstLen;
  for (let o = 0; o < dstLen; o++) {
    const start = o * ratio;
    const end = start + ratio;
    const first = Math.floor(start);
    const last = Math.min(srcLen - 1, Math.ceil(end) - 1);
    for (let l = 0; l < count; l++) {
      let acc = 0;
      const base = srcLine(l);
      for (let i = first; i <= last; i++) {
        const overlap = Math.min(end, i + 1) - Math.max(start, i);
        acc += (src[base + i * srcStep] as number) * overlap;
      }
      dst[dstLine(l) + o * dstStep] = acc / ratio;
    }
  }
}

/** The 28×28 image (784 values, row-major, 0..1) a network trained on MNIST should be shown for this drawing. */
export function toMnist(ink: Ink): Float32Array {
  const out = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  const bounds = inkBounds(ink);
  if (bounds === null) return out;
  const [bx, by, bw, bh] = bounds;
  const scale = MNIST_BOX / Math.max(bw, bh);
  const tw = Math.max(1, Math.min(MNIST_BOX, Math.round(bw * scale)));
  const th = Math.max(1, Math.min(MNIST_BOX, Math.round(bh * scale)));

  // Columns first (bh rows of bw -> tw), then rows (tw columns of bh -> th).
  const wide = new Float32Array(bh * tw);
  resampleLines(ink.data, bw, tw, bh, (l) => (by + l) * ink.width + bx, 1, wide, (l) => l * tw, 1);
  const box = new Float32Array(th * tw);
  resampleLines(wide, bh, th, tw, (l) => l, tw, box, (l) => l, tw);

  // Centre of mass in pixel-centre coordinates, moved to the field's centre (a whole-pixel shift: no extra blur).
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const v = box[y * tw + x] as number;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  const ox = Math.round(MNIST_SIDE / 2 - mx / mass);
  const oy = Math.round(MNIST_SIDE / 2 - my / mass);
  for (let y = 0; y < th; y++) {
    const ty = y + oy;
    if (ty < 0 || ty >= MNIST_SIDE) continue;
    for (let x = 0; x < tw; x++) {
      const tx = x + ox;
      if (tx < 0 || tx >= MNIST_SIDE) continue;
      out[ty * MNIST_SIDE + tx] = Math.min(1, Math.max(0, box[y * tw + x] as number));
    }
  }
  return out;
}
