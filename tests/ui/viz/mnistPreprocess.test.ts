/**
 * A drawing becomes an MNIST-like digit as MNIST's were made: the stroke's bounding box scaled to fit 20×20 keeping
 * its aspect, then centred by its centre of mass in the 28×28 field, with values 0..1.
 */
import { describe, expect, it } from 'vitest';
import { BRUSH_RADIUS, createInk, paintStroke, type Ink } from '../../../src/ui/viz/digitInk.ts';
import { inkBounds, MNIST_BOX, MNIST_SIDE, toMnist } from '../../../src/ui/viz/mnistPreprocess.ts';

const PAD = 280;

function draw(strokes: [number, number][][]): Ink {
  const ink = createInk(PAD, PAD);
  for (const stroke of strokes) {
    const first = stroke[0] as [number, number];
    paintStroke(ink, first[0], first[1], first[0], first[1]);
    for (let i = 1; i < stroke.length; i++) {
      const a = stroke[i - 1] as [number, number];
      const b = stroke[i] as [number, number];
      paintStroke(ink, a[0], a[1], b[0], b[1]);
    }
  }
  return ink;
}

/** Centre of mass (pixel-centre coordinates) and the box of non-zero pixels of a 28×28 image. */
function measure(image: Float32Array) {
  let mass = 0;
  let mx = 0;
  let my = 0;
  let left = MNIST_SIDE;
  let right = -1;
  let top = MNIST_SIDE;
  let bottom = -1;
  image.forEach((v, i) => {
    const x = i % MNIST_SIDE;
    const y = Math.floor(i / MNIST_SIDE);
    mass += v;
    mx += v * (x + 0.5);
    my += v * (y + 0.5);
    if (v > 0) {
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  });
  return { mass, cx: mx / mass, cy: my / mass, width: right - left + 1, height: bottom - top + 1 };
}

describe('the brush', () => {
  it('paints full ink along the stroke, a soft edge, and nothing beyond its radius', () => {
    const ink = createInk(100, 100);
    paintStroke(ink, 20, 50, 80, 50);
    expect(ink.data[50 * 100 + 50]).toBe(1);
    const edge = ink.data[(50 + BRUSH_RADIUS - 2) * 100 + 50] as number;
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(1);
    expect(ink.data[(50 + BRUSH_RADIUS + 1) * 100 + 50]).toBe(0);
    expect(inkBounds(ink)).not.toBeNull();
  });
  it('never lightens what is already drawn', () => {
    const ink = createInk(100, 100);
    paintStroke(ink, 50, 50, 50, 50);
    const before = Float32Array.from(ink.data);
    paintStroke(ink, 50 + BRUSH_RADIUS - 3, 50, 90, 50);
    ink.data.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(before[i] as number));
  });
  it('a stroke off the canvas touches nothing', () => {
    const ink = createInk(50, 50);
    expect(paintStroke(ink, -100, -100, -90, -90)).toBeNull();
    expect(inkBounds(ink)).toBeNull();
  });
});

describe('toMnist', () => {
  it('a blank pad gives 784 zeros', () => {
    const image = toMnist(createInk(PAD, PAD));
    expect(image).toHaveLength(784);
    expect(image.every((v) => v === 0)).toBe(true);
  });

  const drawings: [string, [number, number][][]][] = [
    ['a "1" drawn near the left edge', [[[40, 30], [45, 230]]]],
    ['a "7" in the top-right corner', [[[150, 20], [260, 20], [190, 150]]]],
    ['a flat "−" stroke low down', [[[30, 250], [200, 250]]]],
    ['a "4" in two strokes', [[[100, 60], [70, 160], [170, 160]], [[150, 80], [150, 240]]]],
  ];

  it.each(drawings)('%s ends up centred by mass, its longer side 20 px, values 0..1', (_name, strokes) => {
    const ink = draw(strokes);
    const image = toMnist(ink);
    const m = measure(image);
    // Whole-pixel shifts, as MNIST: the centre of mass lands within half a pixel of the field's centre.
    expect(Math.abs(m.cx - MNIST_SIDE / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(m.cy - MNIST_SIDE / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.max(m.width, m.height)).toBe(MNIST_BOX);
    expect(image.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.max(...image)).toBeGreaterThan(0.9);
    // The aspect ratio survives (to the pixel the rounding allows).
    const [, , bw, bh] = inkBounds(ink) as [number, number, number, number];
    const scale = MNIST_BOX / Math.max(bw, bh);
    expect(Math.abs(m.width - bw * scale)).toBeLessThanOrEqual(1);
    expect(Math.abs(m.height - bh * scale)).toBeLessThanOrEqual(1);
  });

  it('anti-aliases by exact area averaging: the ink is conserved in proportion to the area', () => {
    const ink = draw([[[60, 40], [200, 220]]]);
    const [bx, by, bw, bh] = inkBounds(ink) as [number, number, number, number];
    let drawn = 0;
    for (let y = by; y < by + bh; y++) for (let x = bx; x < bx + bw; x++) drawn += ink.data[y * PAD + x] as number;
    const image = toMnist(ink);
    const m = measure(image);
    const scale = MNIST_BOX / Math.max(bw, bh);
    const tw = Math.round(bw * scale);
    const th = Math.round(bh * scale);
    expect(m.mass).toBeCloseTo((drawn * tw * th) / (bw * bh), 1);
  });

  it('the same digit drawn small in a corner or large in the middle lands in the same place', () => {
    const shape: [number, number][] = [[0, 0], [50, 0], [20, 80]];
    const small = toMnist(draw([shape.map(([x, y]) => [20 + x, 20 + y] as [number, number])]));
    const large = toMnist(draw([shape.map(([x, y]) => [40 + 2.5 * x, 20 + 2.5 * y] as [number, number])]));
    // The thin strokes of the large drawing lie within a pixel of the (thicker) strokes of the small one.
    const inkNear = (image: Float32Array, x: number, y: number): boolean => {
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if ((image[(y + dy) * MNIST_SIDE + x + dx] ?? 0) > 0.2) return true;
      return false;
    };
    let strokePixels = 0;
    large.forEach((v, i) => {
      if (v <= 0.5) return;
      strokePixels++;
      expect(inkNear(small, i % MNIST_SIDE, Math.floor(i / MNIST_SIDE))).toBe(true);
    });
    expect(strokePixels).toBeGreaterThan(30);
    expect(measure(small).height).toBe(measure(large).height);
  });
});
