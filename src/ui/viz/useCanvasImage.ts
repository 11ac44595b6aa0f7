/**
 * A <canvas> painted at data resolution (one pixel per cell) from an RGBA buffer. The ImageData is reused between
 * frames; `paint` runs after every commit in which it changed, so callers memoise it on their data.
 */
import { useLayoutEffect, useRef } from 'react';

export type PaintPixels = (rgba: Uint8ClampedArray) => void;

export function useCanvasImage(width: number, height: number, paint: PaintPixels | null) {
  const ref = useRef<HTMLCanvasElement>(null);
  const image = useRef<ImageData | null>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!ctx || width < 1 || height < 1) return;
    if (paint === null) {
      ctx.clearRect(0, 0, width, height);
      return;
    }
    let data = image.current;
    if (data === null || data.width !== width || data.height !== height) {
      data = ctx.createImageData(width, height);
      image.current = data;
    }
    paint(data.data);
    ctx.putImageData(data, 0, 0);
  }, [width, height, paint]);
  return ref;
}
