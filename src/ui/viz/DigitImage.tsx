import { memo, useMemo } from 'react';
import type { VizTheme } from './colorScale.ts';
import { INK_RGB, PAPER_RGB } from './digitColors.ts';
import { paintGrey } from './gridPaint.ts';
import { MNIST_SIDE } from './mnistPreprocess.ts';
import { useCanvasImage } from './useCanvasImage.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

export interface DigitImageProps {
  /** 28×28 grey levels, row-major, 0 (paper) .. 1 (ink): an MNIST digit or the pad's output. */
  pixels: Float32Array;
  /** Side in px (default 84: 3 px per pixel). */
  size?: number;
  /** What it shows, for screen readers: "digit 7 from the test data". */
  label?: string;
  theme?: VizTheme;
}

/** A 28×28 digit, pixel for pixel (pixelated: each of the 784 inputs the network sees is one visible square). */
export const DigitImage = memo(function DigitImage({ pixels, size = 84, label = 'A 28 by 28 pixel digit', theme }: DigitImageProps) {
  const t = useVizTheme(theme);
  const count = MNIST_SIDE * MNIST_SIDE;
  const paint = useMemo(
    () => (pixels.length >= count ? (rgba: Uint8ClampedArray) => paintGrey(pixels, count, PAPER_RGB[t], INK_RGB[t], rgba) : null),
    [pixels, count, t],
  );
  const ref = useCanvasImage(MNIST_SIDE, MNIST_SIDE, paint);
  return <canvas ref={ref} className="viz-digit viz-pixelated" width={MNIST_SIDE} height={MNIST_SIDE} style={{ width: size, height: size }} role="img" aria-label={label} />;
});
